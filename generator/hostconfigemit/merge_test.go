package hostconfigemit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

func wechatConfig(requested bool) *model.HostConfig {
	hc := &model.HostConfig{
		Platform:          &model.Platform{ID: "wechat", Title: "WeChat"},
		OwnedPermissions:  []string{"scope.userFuzzyLocation", "scope.userLocation"},
		OwnedPrivateInfos: []string{"getFuzzyLocation", "getLocation"},
	}
	if requested {
		hc.Permissions = []model.PermissionEntry{{Key: "scope.userLocation", Desc: "附近的门店"}}
		hc.RequiredPrivateInfos = []string{"getLocation"}
	}
	return hc
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name      string
		requested bool
		in, want  string // want "" = unchanged
		err       string
	}{
		{"adds both keys at the end", true, `{"pages":["a"]}`,
			"{\n  \"pages\": [\n    \"a\"\n  ],\n  \"permission\": {\n    \"scope.userLocation\": {\n      \"desc\": \"附近的门店\"\n    }\n  },\n  \"requiredPrivateInfos\": [\n    \"getLocation\"\n  ]\n}\n", ""},
		{"already merged, other layout: unchanged", true,
			`{"requiredPrivateInfos":["getLocation"],"permission":{"scope.userLocation":{"desc":"附近的门店"}}}`, "", ""},
		{"nothing requested, nothing there: unchanged", false, `{"pages":[]}`, "", ""},
		{"nothing requested: owned entries removed, foreign kept", false,
			`{"permission":{"scope.userLocation":{"desc":"x"},"scope.other":{"desc":"y"}},"requiredPrivateInfos":["getLocation","chooseAddress"]}`,
			"{\n  \"permission\": {\n    \"scope.other\": {\n      \"desc\": \"y\"\n    }\n  },\n  \"requiredPrivateInfos\": [\n    \"chooseAddress\"\n  ]\n}\n", ""},
		{"repeats of ours collapse, foreign repeats stay", true,
			`{"permission":{"scope.userLocation":{"desc":"附近的门店"}},"requiredPrivateInfos":["getLocation","x","getLocation","x"]}`,
			"{\n  \"permission\": {\n    \"scope.userLocation\": {\n      \"desc\": \"附近的门店\"\n    }\n  },\n  \"requiredPrivateInfos\": [\n    \"getLocation\",\n    \"x\",\n    \"x\"\n  ]\n}\n", ""},
		{"numbers and literals kept as written", true, `{"a":1.50,"b":1e3,"c":null,"d":false,"e":"<&>"}`,
			"{\n  \"a\": 1.50,\n  \"b\": 1e3,\n  \"c\": null,\n  \"d\": false,\n  \"e\": \"<&>\",\n  \"permission\": {\n    \"scope.userLocation\": {\n      \"desc\": \"附近的门店\"\n    }\n  },\n  \"requiredPrivateInfos\": [\n    \"getLocation\"\n  ]\n}\n", ""},
		{"array refused", true, `[]`, "", "the top-level value is an array; app.json must be a JSON object"},
		{"string refused", true, `"app"`, "", "the top-level value is a string"},
		{"trailing data refused", true, `{} {}`, "", "data after the top-level value"},
		{"trailing comma refused", true, `{"a":1,}`, "", "not valid JSON"},
		{"empty file refused", true, ``, "", "not valid JSON"},
		{"permission not an object", true, `{"permission":[]}`, "", `"permission" is an array; it must be an object`},
		{"requiredPrivateInfos not strings", true, `{"requiredPrivateInfos":[1]}`, "", `"requiredPrivateInfos" holds a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, changed, err := Merge([]byte(tt.in), wechatConfig(tt.requested))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			if tt.want == "" {
				assert.False(t, changed)
				assert.Equal(t, tt.in, string(out))
				return
			}
			assert.True(t, changed)
			assert.Equal(t, tt.want, string(out))
			again, changed, err := Merge(out, wechatConfig(tt.requested))
			require.NoError(t, err)
			assert.False(t, changed, "a second merge changes nothing")
			assert.Equal(t, string(out), string(again))
		})
	}
}

// FuzzMerge: whatever the input, Merge either refuses it or returns JSON
// that parses, is an object, and that a second Merge leaves alone.
func FuzzMerge(f *testing.F) {
	for _, seed := range []string{`{}`, `{"pages":["a"],"permission":{"scope.userLocation":{"desc":"x"}}}`, `[]`, `{"requiredPrivateInfos":["getFuzzyLocation"]}`, `{"a":{"b":[1,2,{"c":null}]}}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, requested := range []bool{true, false} {
			out, _, err := Merge(data, wechatConfig(requested))
			if err != nil {
				continue
			}
			root, err := parse(out)
			require.NoError(t, err)
			require.Equal(t, objectNode, root.kind)
			again, changed, err := Merge(out, wechatConfig(requested))
			require.NoError(t, err)
			require.False(t, changed)
			require.Equal(t, out, again)
		}
	})
}
