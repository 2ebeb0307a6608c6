package goemit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPrivacyFileShapes: only gated hosts get privacy.go; the codes switch
// and the denial guard before it appear only where the manifest gives codes.
func TestPrivacyFileShapes(t *testing.T) {
	m, files := emitFinished(t, "../../manifest.yaml")
	tests := []struct {
		platform              string
		file, messages, codes bool
	}{
		{"wechat", true, true, true},
		{"bytedance", true, true, false},
		{"alipay", true, false, false},
		{"baidu", false, false, false},
		{"harmony", true, false, false},
		{"kuaishou", false, false, false},
		{"xiaohongshu", false, false, false},
		{"web", false, false, false},
	}
	for _, tt := range tests {
		src, ok := files["platform/"+tt.platform+"/privacy.go"]
		assert.Equal(t, tt.file, ok, tt.platform)
		if !ok {
			continue
		}
		s := string(src)
		assert.Contains(t, s, "func ClassifyPrivacy(", tt.platform)
		assert.Equal(t, tt.messages, strings.Contains(s, "Message = regexp.MustCompile("), tt.platform)
		assert.Equal(t, tt.codes, strings.Contains(s, "switch code {"), tt.platform)
		assert.Equal(t, tt.codes, strings.Contains(s, "if denialMessage.MatchString(errMsg) {\n\t\treturn PrivacyNone"), tt.platform)
		for _, p := range m.Platforms {
			if p.ID == tt.platform {
				for _, f := range p.Privacy.Failures {
					if f.Message != "" {
						assert.Contains(t, s, `regexp.MustCompile("`+f.Message+`")`, "%s: the manifest's pattern, verbatim", tt.platform)
					}
				}
			}
		}
	}
}
