package diag_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
)

func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct {
		got        string
		candidates []string
		want       string
	}{
		{"wechta", []string{"alipay", "wechat"}, ` (did you mean "wechat"?)`},
		{"authorise", []string{"authorize", "authCode"}, ` (did you mean "authorize"?)`},
		{"platfroms", []string{"version", "platforms", "scopes"}, ` (did you mean "platforms"?)`},
		{"zzzzzz", []string{"wechat"}, ""},
		{"wechat", []string{"wechat"}, ""},
		{"", nil, ""},
		{"日本語", []string{"日本"}, ` (did you mean "日本"?)`},
	} {
		assert.Equal(t, tc.want, diag.DidYouMean(tc.got, tc.candidates), tc.got)
	}
}

func TestSortedDedupes(t *testing.T) {
	a := diag.Diagnostic{File: "m.yaml", Line: 2, Column: 1, Rule: "B", Message: "x"}
	b := diag.Diagnostic{File: "m.yaml", Line: 1, Column: 9, Rule: "A", Message: "y"}
	l := diag.List{a, b, a}
	assert.Equal(t, diag.List{b, a}, l.Sorted())
	assert.Len(t, l, 3, "Sorted must not change its receiver")
	assert.Equal(t, "m.yaml:1:9: y (A)\nm.yaml:2:1: x (B)", l.Error())
}

func TestPrint(t *testing.T) {
	l := diag.List{{File: "manifest.yaml", Line: 3, Column: 7, Rule: "UNKNOWN_PLATFORM", Message: "unknown platform \"a,b\" 100%\nnext"}}
	var text, js, gh bytes.Buffer
	require.NoError(t, diag.Print(&text, l, "text", "error"))
	require.NoError(t, diag.Print(&js, l, "json", "error"))
	require.NoError(t, diag.Print(&gh, l, "github-actions", "warning"))
	assert.Equal(t, "manifest.yaml:3:7: unknown platform \"a,b\" 100%\\nnext (UNKNOWN_PLATFORM)\n", text.String(), "the newline is escaped: one finding, one line")
	var decoded []map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &decoded))
	assert.Equal(t, []map[string]any{{"file": "manifest.yaml", "line": 3.0, "column": 7.0, "rule": "UNKNOWN_PLATFORM", "message": "unknown platform \"a,b\" 100%\nnext"}}, decoded)
	assert.Equal(t, "::warning file=manifest.yaml,line=3,col=7,title=UNKNOWN_PLATFORM::unknown platform \"a,b\" 100%25%0Anext\n", gh.String())

	var empty bytes.Buffer
	require.NoError(t, diag.Print(&empty, nil, "json", "error"))
	assert.Equal(t, "[]\n", empty.String(), "no findings is an empty array, not null")
	assert.Error(t, diag.Print(&empty, l, "xml", "error"))
}

// TestTextFormatEscapesControlCharacters: a message holding a newline (a
// regex error quoting the pattern) stays one line in the text format.
func TestTextFormatEscapesControlCharacters(t *testing.T) {
	l := diag.List{diag.At("manifest.yaml", diag.Pos{Line: 3, Column: 5}, diag.InvalidValue, "bad `a(\nmanifest.yaml:1:1: fake (X)`\u2028\x1b[31m")}
	var b strings.Builder
	require.NoError(t, diag.Print(&b, l, "text", "error"))
	assert.Equal(t, "manifest.yaml:3:5: bad `a(\\nmanifest.yaml:1:1: fake (X)`\\u2028\\x1b[31m (INVALID_VALUE)\n", b.String())
}
