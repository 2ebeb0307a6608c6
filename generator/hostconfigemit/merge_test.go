package hostconfigemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

func wechatConfig(requested bool) *model.HostConfig {
	hc := &model.HostConfig{
		Platform:          wechatPlatform(true),
		OwnedPermissions:  []string{"scope.userFuzzyLocation", "scope.userLocation"},
		OwnedPrivateInfos: []string{"getFuzzyLocation", "getLocation"},
	}
	if requested {
		hc.Permissions = []model.PermissionEntry{{Key: "scope.userLocation", Desc: "附近的门店"}}
		hc.RequiredPrivateInfos = []string{"getLocation"}
	}
	return hc
}

// wechatPlatform is WeChat with precise location and, withFuzzy, fuzzy
// location declaring, as the catalog does, that WeChat refuses the two
// together.
func wechatPlatform(withFuzzy bool) *model.Platform {
	p := &model.Platform{ID: "wechat", Title: "WeChat"}
	precise := &model.Scope{Name: "scope.userLocation"}
	p.Scopes = []*model.Support{{Scope: precise, Platform: p, Privacy: model.Declaration{RequiredPrivateInfos: []string{"getLocation"}, Permission: "scope.userLocation"}}}
	if withFuzzy {
		fuzzy := &model.Scope{Name: "scope.userFuzzyLocation"}
		p.Scopes = append(p.Scopes, &model.Support{Scope: fuzzy, Platform: p, Privacy: model.Declaration{RequiredPrivateInfos: []string{"getFuzzyLocation"}, Permission: "scope.userFuzzyLocation", Excludes: []*model.Scope{precise}}})
	}
	return p
}

// withoutFuzzy is the requested config of a manifest that left fuzzy
// location out (as init may): it does not own getFuzzyLocation.
func withoutFuzzy() *model.HostConfig {
	return &model.HostConfig{
		Platform:             wechatPlatform(false),
		Permissions:          []model.PermissionEntry{{Key: "scope.userLocation", Desc: "附近的门店"}},
		RequiredPrivateInfos: []string{"getLocation"},
		OwnedPermissions:     []string{"scope.userLocation"},
		OwnedPrivateInfos:    []string{"getLocation"},
	}
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name      string
		requested bool
		in, want  string // want "" = unchanged
	}{
		{"adds both keys at the end, in the file's layout", true, "{\n    \"pages\": [\"a\"]\n}\n",
			"{\n    \"pages\": [\"a\"],\n    \"permission\": {\n        \"scope.userLocation\": {\n            \"desc\": \"附近的门店\"\n        }\n    },\n    \"requiredPrivateInfos\": [\n        \"getLocation\"\n    ]\n}\n"},
		{"a file with CRLF line ends gets CRLF lines", true, "{\r\n  \"pages\": [],\r\n  \"permission\": {}\r\n}\r\n",
			"{\r\n  \"pages\": [],\r\n  \"permission\": {\r\n    \"scope.userLocation\": {\r\n      \"desc\": \"附近的门店\"\r\n    }\r\n  },\r\n  \"requiredPrivateInfos\": [\r\n    \"getLocation\"\r\n  ]\r\n}\r\n"},
		{"a one-line file stays on one line", true, `{"pages":["a"]}`,
			`{"pages":["a"],"permission":{"scope.userLocation":{"desc":"附近的门店"}},"requiredPrivateInfos":["getLocation"]}`},
		{"an empty object gets two-space lines", true, `{}`,
			"{\n  \"permission\": {\n    \"scope.userLocation\": {\n      \"desc\": \"附近的门店\"\n    }\n  },\n  \"requiredPrivateInfos\": [\n    \"getLocation\"\n  ]\n}"},
		{"already merged, other layout: unchanged", true,
			`{"requiredPrivateInfos":["getLocation"],"permission":{"scope.userLocation":{"desc":"附近的门店"}}}`, ""},
		{"already merged with the desc escaped: unchanged", true,
			`{"requiredPrivateInfos":["get\u004cocation"],"permission":{"scope.userLocation":{"desc":"\u9644近的门店"}}}`, ""},
		{"nothing requested, nothing there: unchanged", false, `{"pages":[]}`, ""},
		{"nothing requested: owned entries removed, foreign kept", false,
			`{"permission":{"scope.userLocation":{"desc":"x"}, "scope.other":{"desc":"y"}},"requiredPrivateInfos":["getLocation", "chooseAddress"]}`,
			`{"permission":{"scope.other":{"desc":"y"}},"requiredPrivateInfos":["chooseAddress"]}`},
		{"every owned entry removed: empty containers", false,
			"{\"permission\": {\n  \"scope.userLocation\": {\"desc\": \"x\"}\n}, \"requiredPrivateInfos\": [\"getLocation\"]}",
			`{"permission": {}, "requiredPrivateInfos": []}`},
		{"repeats of ours collapse, foreign repeats stay", true,
			`{"permission":{"scope.userLocation":{"desc":"附近的门店"}},"requiredPrivateInfos":["getLocation","x","getLocation","x"]}`,
			`{"permission":{"scope.userLocation":{"desc":"附近的门店"}},"requiredPrivateInfos":["getLocation","x","x"]}`},
		{"the desc is replaced, the entry's other fields kept", true,
			`{"permission": {"scope.userLocation": {"extra": 1.50, "desc": "old"}}, "requiredPrivateInfos": ["getLocation"]}`,
			`{"permission": {"scope.userLocation": {"extra": 1.50, "desc": "附近的门店"}}, "requiredPrivateInfos": ["getLocation"]}`},
		{"a one-line list emptied and refilled keeps the file's spacing", true,
			`{"pages": ["a"], "requiredPrivateInfos": ["getFuzzyLocation"], "permission": {"scope.userFuzzyLocation": {"desc": "x"}}}`,
			`{"pages": ["a"], "requiredPrivateInfos": ["getLocation"], "permission": {"scope.userLocation": {"desc": "附近的门店"}}}`},
		{"an entry without desc gets one", true,
			`{"permission": {"scope.userLocation": {"extra": true}}, "requiredPrivateInfos": ["getLocation"]}`,
			`{"permission": {"scope.userLocation": {"extra": true, "desc": "附近的门店"}}, "requiredPrivateInfos": ["getLocation"]}`},
		{"an entry that is not an object becomes one", true,
			`{"permission": {"scope.userLocation": "x"}, "requiredPrivateInfos": ["getLocation"]}`,
			`{"permission": {"scope.userLocation": {"desc": "附近的门店"}}, "requiredPrivateInfos": ["getLocation"]}`},
		{"other keys keep their bytes: escapes, numbers, spacing", true,
			"{ \"a\" :1.50 ,\"b\":1E3,\"c\":null,\"d\":\"\\u00e9\\/<&>\" ,\n\t\"e\":[ ] }",
			"{ \"a\" :1.50 ,\"b\":1E3,\"c\":null,\"d\":\"\\u00e9\\/<&>\" ,\n\t\"e\":[ ] ,\n\t\"permission\" :{\n\t\t\"scope.userLocation\" :{\n\t\t\t\"desc\" :\"附近的门店\"\n\t\t}\n\t} ,\n\t\"requiredPrivateInfos\" :[\n\t\t\"getLocation\"\n\t] }"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, changed, err := Merge([]byte(tt.in), wechatConfig(tt.requested))
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

// TestMergeRefuses: each refusal names the place, as line:col.
func TestMergeRefuses(t *testing.T) {
	deep := func(n int, open, close string) string {
		return `{"a":` + strings.Repeat(open, n-1) + strings.Repeat(close, n-1) + `}`
	}
	tests := []struct {
		name string
		in   string
		err  string
	}{
		{"array", `[]`, "1:1: the top-level value is an array; app.json must be a JSON object"},
		{"string", "\n \"app\"", "2:2: the top-level value is a string"},
		{"trailing data", `{} {}`, "1:4: not valid JSON: invalid character '{' after top-level value"},
		{"trailing comma", "{\"a\":1,\n}", "2:1: not valid JSON: invalid character '}'"},
		{"empty file", ``, "1:1: not valid JSON: unexpected end of JSON input"},
		{"permission not an object", `{"permission":[]}`, `1:15: "permission" is an array; it must be an object`},
		{"requiredPrivateInfos not strings", `{"requiredPrivateInfos":["x", 1]}`, `1:31: "requiredPrivateInfos" holds a number`},
		{"duplicate top-level key", "{\"permission\":{},\n \"permission\":{}}", `2:2: key "permission" appears twice in one object (first at 1:2)`},
		{"duplicate key spelt with an escape", `{"permission":{},"permissi\u006fn":{}}`, `1:18: key "permission" appears twice`},
		{"duplicate key in a permission entry", `{"permission":{"scope.userLocation":{"desc":"a","desc":"b"}}}`, `1:49: key "desc" appears twice`},
		{"duplicate key in a key scopegen does not own", `{"window":{"list":[{"a":1,"a":2}]}}`, `1:27: key "a" appears twice`},
		{"duplicate key after a string holding a brace", `{"x":"{","x":1}`, `1:10: key "x" appears twice`},
		{"arrays nested past the limit", deep(MaxDepth+1, "[", "]"), "1:105: nested deeper than 100 levels"},
		{"objects nested past the limit", `{"a":` + strings.Repeat(`{"b":`, MaxDepth) + "1" + strings.Repeat("}", MaxDepth+1), "1:501: nested deeper than 100 levels"},
		{"brackets in strings do not count", `{"a":"` + strings.Repeat("[", 500) + `",` + deep(MaxDepth+1, "[", "]")[1:], "nested deeper than 100 levels"},
		{"a conflict with an entry already there", "{\"requiredPrivateInfos\": [\n  \"getFuzzyLocation\"]}",
			`2:3: requiredPrivateInfos "getFuzzyLocation" (at 2:3) and requiredPrivateInfos "getLocation" (added by this merge: the manifest requests it) cannot both be declared: WeChat refuses scope.userFuzzyLocation and scope.userLocation together (privacy.excludes of scope.userFuzzyLocation); remove one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Merge([]byte(tt.in), withoutFuzzy(), wechatPlatform(true))
			require.Error(t, err)
			var pe *PosError
			require.ErrorAs(t, err, &pe)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
	t.Run("the limit itself is accepted", func(t *testing.T) {
		_, _, err := Merge([]byte(deep(MaxDepth, "[", "]")), wechatConfig(true))
		require.NoError(t, err)
	})
	t.Run("a conflict between entries the developer wrote is refused too", func(t *testing.T) {
		_, _, err := Merge([]byte(`{"requiredPrivateInfos":["getLocation","getFuzzyLocation"]}`), withoutFuzzy(), wechatPlatform(true))
		require.ErrorContains(t, err, `1:40: requiredPrivateInfos "getFuzzyLocation" (at 1:40) and requiredPrivateInfos "getLocation" (at 1:26)`)
	})
	t.Run("nothing requested: a stale owned entry is removed, no conflict", func(t *testing.T) {
		out, _, err := Merge([]byte(`{"requiredPrivateInfos":["getLocation","getFuzzyLocation"]}`), wechatConfig(false))
		require.NoError(t, err)
		assert.Equal(t, `{"requiredPrivateInfos":[]}`, string(out))
	})
}

// TestMergeOneLineSpacing: several new entries in a one-line list are
// joined as the file joins its own (", " where colons have a space).
func TestMergeOneLineSpacing(t *testing.T) {
	hc := wechatConfig(true)
	hc.RequiredPrivateInfos = []string{"getLocation", "onLocationChange"}
	hc.OwnedPrivateInfos = []string{"chooseAddress", "getFuzzyLocation", "getLocation", "onLocationChange"}
	for in, want := range map[string]string{
		`{"a": 1, "requiredPrivateInfos": ["chooseAddress"]}`: `{"a": 1, "requiredPrivateInfos": ["getLocation", "onLocationChange"], "permission": {"scope.userLocation": {"desc": "附近的门店"}}}`,
		`{"a":1,"requiredPrivateInfos":[]}`:                   `{"a":1,"requiredPrivateInfos":["getLocation","onLocationChange"],"permission":{"scope.userLocation":{"desc":"附近的门店"}}}`,
	} {
		out, changed, err := Merge([]byte(in), hc)
		require.NoError(t, err)
		assert.True(t, changed)
		assert.Equal(t, want, string(out))
	}
}
