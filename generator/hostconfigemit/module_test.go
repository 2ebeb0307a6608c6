package hostconfigemit

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

// harmonyConfig is a HarmonyOS host configuration requesting precise
// location (two permissions) and, withCamera, the camera.
func harmonyConfig(withCamera bool) *model.HostConfig {
	p := &model.Platform{ID: "harmony", Title: "HarmonyOS"}
	loc := &model.Scope{Name: "scope.userLocation"}
	cam := &model.Scope{Name: "scope.camera"}
	mc := &model.ModuleConfig{
		UsedScene: model.UsedScene{Abilities: []string{"EntryAbility"}, When: "inuse"},
		RequestPermissions: []model.ModulePermission{
			{Name: "ohos.permission.APPROXIMATELY_LOCATION", Resource: model.ResourceName(loc), Scope: loc},
			{Name: "ohos.permission.LOCATION", Resource: model.ResourceName(loc), Scope: loc},
		},
		Strings: []model.StringResource{{Name: model.ResourceName(loc), Value: `附近的门店 "quoted"`}},
	}
	if withCamera { // sorted by name, as the model has them
		mc.RequestPermissions = slices.Insert(mc.RequestPermissions, 1, model.ModulePermission{Name: "ohos.permission.CAMERA", Resource: model.ResourceName(cam), Scope: cam})
		mc.Strings = append([]model.StringResource{{Name: model.ResourceName(cam), Value: "扫码"}}, mc.Strings...)
	}
	// The platform declares both scopes, requested or not: scopegen owns
	// their resources and permissions.
	p.Scopes = []*model.Support{
		{Scope: loc, Privacy: model.Declaration{RequestPermissions: []string{"ohos.permission.APPROXIMATELY_LOCATION", "ohos.permission.LOCATION"}}},
		{Scope: cam, Privacy: model.Declaration{RequestPermissions: []string{"ohos.permission.CAMERA"}}},
	}
	return &model.HostConfig{Platform: p, Module: mc}
}

const deveco = `{
  // the module of the entry HAP
  module: {
    name: 'entry',
    type: "entry", /* inline */
    deviceTypes: ['phone', 'tablet',],
    abilities: [
      {
        name: 'EntryAbility', // the ability
      },
    ],
  },
}
`

const devecoStrings = `{
  "string": [
    {
      "name": "module_desc",
      "value": "module description"
    }
  ]
}
`

func TestMergeModuleKeepsEveryOtherByte(t *testing.T) {
	mod, strs, changed, err := MergeModule([]byte(deveco), []byte(devecoStrings), harmonyConfig(false))
	require.NoError(t, err)
	assert.True(t, changed)
	t.Log("\n" + string(mod) + "\n" + string(strs))
	// Every byte of the input is still there, in order, around the new key.
	assert.True(t, strings.HasPrefix(string(mod), deveco[:strings.Index(deveco, "  },\n}")]), "the bytes before the insertion are kept")
	assert.True(t, strings.HasSuffix(string(mod), "  },\n}\n"))
	for _, s := range []string{"// the module of the entry HAP", "/* inline */", "['phone', 'tablet',]", "// the ability"} {
		assert.Contains(t, string(mod), s)
	}
	root, serr := scan5(mod, []string{ModuleKey, RequestPermissionsKey, "*"})
	require.NoError(t, serr)
	list := root.get(ModuleKey).value.get(RequestPermissionsKey).value
	require.Len(t, list.items(), 2)
	assert.Contains(t, string(strs), `"name": "scopegen_scope_userLocation"`)
	assert.Contains(t, string(strs), `"value": "附近的门店 \"quoted\""`)
	assert.Contains(t, string(strs), `"name": "module_desc"`)

	again, againStrs, changed, err := MergeModule(mod, strs, harmonyConfig(false))
	require.NoError(t, err)
	assert.False(t, changed, "a second merge changes nothing")
	assert.Equal(t, string(mod), string(again))
	assert.Equal(t, string(strs), string(againStrs))
}

func TestScan5Reads(t *testing.T) {
	tests := []struct {
		name, in string
		key      string // the top-level key expected
		str      string // its value, decoded, when a string
	}{
		{"plain JSON", `{"a": "b"}`, "a", "b"},
		{"an unquoted key and a single-quoted string", `{a: 'b'}`, "a", "b"},
		{"a single-quoted key", `{'a b': "c"}`, "a b", "c"},
		{"line and block comments", "// head\n{/* k */ a /* c */ : // v\n 'b' /* e */} // tail", "a", "b"},
		{"trailing commas", `{a: ['x', 'y',], }`, "a", ""},
		{"escapes", `{a: '\'\"\\\/\b\f\n\r\t\v\0\x41\u00e9\ud83d\ude00'}`, "a", "'\"\\/\b\f\n\r\t\v\x00Aé😀"},
		{"a line continuation", "{a: 'x\\\ny'}", "a", "xy"},
		{"a line continuation by U+2028", "{a: 'x\\\u2028y'}", "a", "xy"},
		{"an identity escape", `{a: '\q'}`, "a", "q"},
		{"JSON5 numbers", `{a: [+1, -.5, 5., 0x1F, Infinity, -NaN, 1e3, null, true]}`, "a", ""},
		{"a byte order mark and Unicode spaces", "\uFEFF{\u00a0a\u2028: 'b'}", "a", "b"},
		{"identifier keys with $ _ and letters", `{$_é1: 'b'}`, "$_é1", "b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root, err := scan5([]byte(tc.in))
			require.NoError(t, err)
			require.Len(t, root.members(), 1)
			m := root.members()[0]
			assert.Equal(t, tc.key, m.key)
			if tc.str != "" {
				got, _, err := string5([]byte(tc.in), m.value.start)
				require.NoError(t, err)
				assert.Equal(t, tc.str, got)
			}
		})
	}
}

func TestScan5Refuses(t *testing.T) {
	tests := []struct{ in, want string }{
		{``, "1:1: not valid JSON5: the file holds no value"},
		{`{`, "1:2: not valid JSON5: the file ends inside an object"},
		{`{a: 1} {}`, "1:8: not valid JSON5: more after the top-level value"},
		{`{a 1}`, "1:4: not valid JSON5: unexpected value (a colon is missing before it)"},
		{`{a: 1 b: 2}`, "1:7: not valid JSON5: unexpected value (a comma is missing before it)"},
		{`{a: }`, `1:5: not valid JSON5: member "a" has no value`},
		{`{a: 1,,}`, "1:7: not valid JSON5: unexpected comma"},
		{`[1 2]`, "1:4: not valid JSON5: unexpected value (a comma is missing before it)"},
		{`[1}`, "1:3: not valid JSON5: unexpected '}'"},
		{`{a: 'x`, "1:5: not valid JSON5: a string is never closed"},
		{"{a: 'x\ny'}", "1:7: not valid JSON5: a line break inside a string"},
		{`{a: /* x }`, "1:5: not valid JSON5: a /* comment is never closed"},
		{`{a: undefined}`, `1:5: not valid JSON5: "undefined" is not a value`},
		{`{a: 01x}`, `1:5: not valid JSON5: "01x" is not a value`},
		{`{a: '\1'}`, `1:6: not valid JSON5: \1 is not an escape`},
		{`{a: '\u12'}`, `1:6: not valid JSON5: a malformed \u escape`},
		{`{a\u0062: 1}`, "1:3: not valid JSON5 here: an escape in an unquoted key"},
		{`{a: 1, 'a': 2}`, `1:8: key "a" appears twice in one object (first at 1:2)`},
		{"{a: '\xff'}", "1:6: not valid UTF-8 inside a string"},
		{`{a: 1 / 2}`, `1:7: not valid JSON5: unexpected "/"`},
		{strings.Repeat("[", MaxDepth+1), "1:101: nested deeper than 100 levels"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := scan5([]byte(tc.in))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got %q, want prefix %q", err.Error(), tc.want)
		})
	}
}

const emptyStrings = `{"string": []}`

func TestMergeModule(t *testing.T) {
	tests := []struct {
		name             string
		camera           bool
		mod, strs        string
		wantMod, wantStr string // "" = unchanged
	}{
		{"appends after a hand-written entry, keeping its comments", false,
			"{module: {requestPermissions: [\n  {name: 'ohos.permission.INTERNET'}, // network\n]}}", emptyStrings,
			"{module: {requestPermissions: [\n  {name: 'ohos.permission.INTERNET'}, // network\n  {\n    \"name\": \"ohos.permission.APPROXIMATELY_LOCATION\",\n    \"reason\": \"$string:scopegen_scope_userLocation\",\n    \"usedScene\": {\n      \"abilities\": [\n        \"EntryAbility\"\n      ],\n      \"when\": \"inuse\"\n    }\n  },\n  {\n    \"name\": \"ohos.permission.LOCATION\",\n    \"reason\": \"$string:scopegen_scope_userLocation\",\n    \"usedScene\": {\n      \"abilities\": [\n        \"EntryAbility\"\n      ],\n      \"when\": \"inuse\"\n    }\n  },\n]}}",
			`{"string": [{"name": "scopegen_scope_userLocation", "value": "附近的门店 \"quoted\""}]}`},
		{"a permission declared by hand is kept and not declared twice", false,
			`{module: {requestPermissions: [{name: 'ohos.permission.LOCATION', reason: '$string:mine'}, {name: 'ohos.permission.APPROXIMATELY_LOCATION', reason: '$string:mine'}]}}`,
			`{"string": [{"name": "mine", "value": "x"}]}`, "", ""},
		{"a stale entry and its resource are removed, foreign ones kept", false,
			`{module: {requestPermissions: [{name: 'ohos.permission.LOCATION', reason: '$string:mine'}, {name: 'ohos.permission.APPROXIMATELY_LOCATION', reason: '$string:mine'}, {name: 'ohos.permission.CAMERA', reason: '$string:scopegen_scope_camera'}]}}`,
			`{"string": [{"name": "mine", "value": "x"}, {"name": "scopegen_scope_camera", "value": "old"}]}`,
			`{module: {requestPermissions: [{name: 'ohos.permission.LOCATION', reason: '$string:mine'}, {name: 'ohos.permission.APPROXIMATELY_LOCATION', reason: '$string:mine'}]}}`,
			`{"string": [{"name": "mine", "value": "x"}]}`},
		{"a changed purpose is rewritten", false,
			`{module: {}}`, `{"string": [{"name": "scopegen_scope_userLocation", "value": "old"}]}`,
			`{module: {"requestPermissions": [{"name": "ohos.permission.APPROXIMATELY_LOCATION", "reason": "$string:scopegen_scope_userLocation", "usedScene": {"abilities": ["EntryAbility"], "when": "inuse"}}, {"name": "ohos.permission.LOCATION", "reason": "$string:scopegen_scope_userLocation", "usedScene": {"abilities": ["EntryAbility"], "when": "inuse"}}]}}`,
			`{"string": [{"name": "scopegen_scope_userLocation", "value": "附近的门店 \"quoted\""}]}`},
		{"a comment in an empty array is kept", false,
			"{module: {requestPermissions: [\n  // none yet\n]}}", "{\n  // resources\n  \"string\": [ /* none */ ]\n}",
			"{module: {requestPermissions: [\n  // none yet\n  {\n    \"name\": \"ohos.permission.APPROXIMATELY_LOCATION\",\n    \"reason\": \"$string:scopegen_scope_userLocation\",\n    \"usedScene\": {\n      \"abilities\": [\n        \"EntryAbility\"\n      ],\n      \"when\": \"inuse\"\n    }\n  },\n  {\n    \"name\": \"ohos.permission.LOCATION\",\n    \"reason\": \"$string:scopegen_scope_userLocation\",\n    \"usedScene\": {\n      \"abilities\": [\n        \"EntryAbility\"\n      ],\n      \"when\": \"inuse\"\n    }\n  }\n]}}",
			"{\n  // resources\n  \"string\": [ /* none */\n    {\n      \"name\": \"scopegen_scope_userLocation\",\n      \"value\": \"附近的门店 \\\"quoted\\\"\"\n    }\n  ]\n}"},
		{"only scopegen's entries, with a comment and a trailing comma: replaced in place", true,
			"{module: {requestPermissions: [ /* mine */ {name: 'ohos.permission.CAMERA', reason: '$string:scopegen_scope_camera'}, ]}}", emptyStrings,
			"{module: {requestPermissions: [ /* mine */ {\"name\": \"ohos.permission.APPROXIMATELY_LOCATION\", \"reason\": \"$string:scopegen_scope_userLocation\", \"usedScene\": {\"abilities\": [\"EntryAbility\"], \"when\": \"inuse\"}}, {\"name\": \"ohos.permission.CAMERA\", \"reason\": \"$string:scopegen_scope_camera\", \"usedScene\": {\"abilities\": [\"EntryAbility\"], \"when\": \"inuse\"}}, {\"name\": \"ohos.permission.LOCATION\", \"reason\": \"$string:scopegen_scope_userLocation\", \"usedScene\": {\"abilities\": [\"EntryAbility\"], \"when\": \"inuse\"}} ]}}",
			`{"string": [{"name": "scopegen_scope_camera", "value": "扫码"}, {"name": "scopegen_scope_userLocation", "value": "附近的门店 \"quoted\""}]}`},
		{"a string.json without string gets the key", false,
			`{module: {requestPermissions: [{name: 'ohos.permission.LOCATION', reason: '$string:mine'}]}}`, `{"color": []}`,
			`{module: {requestPermissions: [{name: 'ohos.permission.LOCATION', reason: '$string:mine'}, {"name": "ohos.permission.APPROXIMATELY_LOCATION", "reason": "$string:scopegen_scope_userLocation", "usedScene": {"abilities": ["EntryAbility"], "when": "inuse"}}]}}`,
			`{"color": [], "string": [{"name": "scopegen_scope_userLocation", "value": "附近的门店 \"quoted\""}]}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hc := harmonyConfig(tc.camera)
			mod, strs, changed, err := MergeModule([]byte(tc.mod), []byte(tc.strs), hc)
			require.NoError(t, err)
			wantMod, wantStr := tc.wantMod, tc.wantStr
			if wantMod == "" {
				wantMod = tc.mod
			}
			if wantStr == "" {
				wantStr = tc.strs
			}
			assert.Equal(t, wantMod, string(mod))
			assert.Equal(t, wantStr, string(strs))
			assert.Equal(t, tc.wantMod != "" || tc.wantStr != "", changed)
			again, againStrs, changed, err := MergeModule(mod, strs, hc)
			require.NoError(t, err)
			assert.False(t, changed, "a second merge changes nothing")
			assert.Equal(t, string(mod), string(again))
			assert.Equal(t, string(strs), string(againStrs))
		})
	}
}

func TestMergeModuleRefuses(t *testing.T) {
	tests := []struct {
		name, mod, strs, file, want string
	}{
		{"an array", `[]`, emptyStrings, ModuleFile, "1:1: the top-level value is an array; module.json5 must be an object"},
		{"no module object", `{app: {}}`, emptyStrings, ModuleFile, `1:1: no "module" object at the top level`},
		{"module not an object", `{module: []}`, emptyStrings, ModuleFile, `1:10: "module" is an array; it must be an object`},
		{"requestPermissions not an array", `{module: {requestPermissions: {}}}`, emptyStrings, ModuleFile, `1:31: "requestPermissions" is an object; it must be an array of objects`},
		{"an entry not an object", `{module: {requestPermissions: ['x']}}`, emptyStrings, ModuleFile, `1:32: "requestPermissions" holds a string; it must be an array of objects`},
		{"an entry without a name", `{module: {requestPermissions: [{reason: 'x'}]}}`, emptyStrings, ModuleFile, `1:32: an entry of "requestPermissions" has no string "name"`},
		{"a repeated key", "{module: {},\n 'module': {}}", emptyStrings, ModuleFile, `2:2: key "module" appears twice in one object (first at 1:2)`},
		{"invalid JSON5", `{module: {,}}`, emptyStrings, ModuleFile, "1:11: not valid JSON5: unexpected comma"},
		{"string.json invalid", `{module: {}}`, `{"string": [}`, StringsFile, "1:13: not valid JSON5: unexpected '}'"},
		{"string.json an array", `{module: {}}`, `[]`, StringsFile, "1:1: the top-level value is an array; string.json must be an object"},
		{"string not an array", `{module: {}}`, `{"string": {}}`, StringsFile, `1:12: "string" is an object; it must be an array of objects`},
		{"a resource without a name", `{module: {}}`, `{"string": [{"value": "x"}]}`, StringsFile, `1:13: an entry of "string" has no string "name"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, _, err := MergeModule([]byte(tc.mod), []byte(tc.strs), harmonyConfig(false))
			require.Error(t, err)
			var pe *PosError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, tc.file, pe.File)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got %q, want prefix %q", err.Error(), tc.want)
		})
	}
}

// TestMergeModuleRemovesInPlace: a stale entry of scopegen's goes with its
// comma and, alone on its line, its line; comments around it stay; the
// new entry follows the last kept one in the file's layout and line ends.
func TestMergeModuleRemovesInPlace(t *testing.T) {
	entry := func(nl, indent string) string {
		return "{" + nl + indent + `  "name": "ohos.permission.LOCATION",` + nl + indent + `  "reason": "$string:scopegen_scope_userLocation",` + nl + indent + `  "usedScene": {` + nl + indent + `    "abilities": [` + nl + indent + `      "EntryAbility"` + nl + indent + `    ],` + nl + indent + `    "when": "inuse"` + nl + indent + `  }` + nl + indent + "}"
	}
	const inline = `{"name": "ohos.permission.LOCATION", "reason": "$string:scopegen_scope_userLocation", "usedScene": {"abilities": ["EntryAbility"], "when": "inuse"}}`
	const camera = "{name: 'ohos.permission.CAMERA', reason: '$string:scopegen_scope_camera'}"
	tests := []struct{ name, in, want string }{
		{"lines, comments around",
			"{module: {requestPermissions: [\n  // first\n  {name: 'ohos.permission.INTERNET'}, // net\n  " + camera + ",\n  // last\n  {name: 'ohos.permission.VIBRATE'}\n]}}",
			"{module: {requestPermissions: [\n  // first\n  {name: 'ohos.permission.INTERNET'}, // net\n  // last\n  {name: 'ohos.permission.VIBRATE'},\n  " + entry("\n", "  ") + "\n]}}"},
		{"one line, first removed", "{module: {requestPermissions: [" + camera + ", {name: 'ohos.permission.VIBRATE'}]}}",
			"{module: {requestPermissions: [{name: 'ohos.permission.VIBRATE'}, " + inline + "]}}"},
		{"one line, last removed", "{module: {requestPermissions: [{name: 'ohos.permission.VIBRATE'}, " + camera + "]}}",
			"{module: {requestPermissions: [{name: 'ohos.permission.VIBRATE'}, " + inline + "]}}"},
		{"CRLF", "{\r\n  module: {\r\n    requestPermissions: [\r\n      {name: 'ohos.permission.VIBRATE'},\r\n      " + camera + "\r\n    ]\r\n  }\r\n}\r\n",
			"{\r\n  module: {\r\n    requestPermissions: [\r\n      {name: 'ohos.permission.VIBRATE'},\r\n      " + entry("\r\n", "      ") + "\r\n    ]\r\n  }\r\n}\r\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hc := harmonyConfig(false)
			hc.Module.RequestPermissions = hc.Module.RequestPermissions[1:] // LOCATION only
			out, _, changed, err := MergeModule([]byte(tc.in), []byte(emptyStrings), hc)
			require.NoError(t, err)
			assert.True(t, changed)
			assert.Equal(t, tc.want, string(out))
			again, _, _, err := MergeModule(out, []byte(emptyStrings), hc)
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again), "a second merge changes nothing")
		})
	}
}

// BenchmarkMergeModuleAtTheLimit merges module.json5 files just under
// rules.MaxBytes whose bulk is nesting and comments a merge only skips:
// time and memory stay linear in the file's size.
func BenchmarkMergeModuleAtTheLimit(b *testing.B) {
	deep := strings.Repeat("[", MaxDepth-3) + strings.Repeat("]", MaxDepth-3)
	for _, tc := range []struct{ name, unit string }{
		{"nested arrays", deep + ","},
		{"comments", "/* c */ // c\n"},
		{"foreign entries", "{name: 'ohos.permission.X'},"},
	} {
		var body strings.Builder
		for body.Len() < benchLimit-len(tc.unit)-64 {
			body.WriteString(tc.unit)
		}
		data := []byte("{module: {x: [" + body.String() + "]}, y: 1}")
		if tc.name == "foreign entries" {
			data = []byte("{module: {requestPermissions: [" + body.String() + "]}}")
		}
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, _, err := MergeModule(data, []byte(emptyStrings), harmonyConfig(true)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
