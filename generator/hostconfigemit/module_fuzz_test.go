package hostconfigemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
)

// foreign5 returns, for a module.json5 or string.json that scan5 reads,
// the bytes a merge must keep: each top-level member but outer, each
// member of module but list (module.json5 only), and each item of the
// array (outer or module.list) that scopegen does not own; nil when the
// shape is not one the merge accepts.
func foreign5(t *testing.T, data []byte, module bool, own model.ModuleOwnership) (members map[string]string, items []string) {
	outer, list := StringKey, ""
	paths := []string{StringKey, "*"}
	if module {
		outer, list = ModuleKey, RequestPermissionsKey
		paths = []string{ModuleKey, RequestPermissionsKey, "*"}
	}
	root, err := scan5(data, paths)
	require.NoError(t, err)
	members = map[string]string{}
	for _, m := range root.members() {
		if m.key != outer {
			members[m.key] = string(data[m.value.start:m.value.end])
		}
	}
	arr := root.get(outer)
	if module && arr != nil {
		for _, m := range arr.value.members() {
			if m.key != list {
				members["module."+m.key] = string(data[m.value.start:m.value.end])
			}
		}
		arr = arr.value.get(list)
	}
	if arr == nil {
		return members, nil
	}
	for _, item := range arr.value.items() {
		name, reason, err := nameOf(data, item, "", "reason")
		require.Nil(t, err)
		owned := ownedEntry(own, name, reason)
		if !module {
			owned = own.Resources[name]
		}
		if !owned {
			items = append(items, string(data[item.start:item.end]))
		}
	}
	return members, items
}

// FuzzMergeModule: whatever module.json5 and string.json, MergeModule
// never panics; when it merges, both results read as JSON5, every
// foreign member and entry is byte for byte as it was, each requested
// permission is declared exactly once, and a second merge changes nothing.
func FuzzMergeModule(f *testing.F) {
	for _, seed := range [][2]string{
		{deveco, devecoStrings},
		{`{module: {}}`, `{"string": []}`},
		{"{module: {requestPermissions: [\n  // c\n  {name: 'ohos.permission.LOCATION', reason: '$string:mine'}, /* x */\n  {name: 'ohos.permission.CAMERA', reason: '$string:scopegen_scope_camera'},\n]}}", `{"string": [{"name": "scopegen_scope_camera", "value": "x"},]}`},
		{"{'module': {'requestPermissions': [{'name': 'a'}, {name: \"b\", reason: '$string:scopegen_x'}] }, x: [0x1, .5, +Infinity]}", "{\"string\":[{\"name\":\"a\",\"value\":\"\\u0041\"}], other: 1}"},
		{`[]`, `{}`},
		{"{\"module\": { // note\u2028\"requestPermissions\": [{\"name\": \"a\"}]}}", "{\"string\": [] // x\u2029}"},
		{"{module:{name:'e',requestPermissions:[ // only\r]}}", "{\"string\":[ // c\r]}"},
		{"{module:{description:'$string:scopegen\\u005fscope_camera', label: \"\\x24string:scopegen_\\\r\\nscope_userLocation\"}}", `{"string":[{"name":"scopegen_scope_camera","value":"c"},{"name":"scopegen_scope_userLocation","value":"l"}]}`},
		{"{module:{ // c\r}}", "{\r  \"string\": [\r    {\"name\": \"scopegen_scope_camera\", \"value\": \"x\"},\r  ]\r}\r"},
		{strings.ReplaceAll(deveco, "\n", "\r"), strings.ReplaceAll(devecoStrings, "\n", "\u2029")},
		{strings.ReplaceAll(deveco, "\n", "\r\n"), strings.ReplaceAll(devecoStrings, "\n", "\u2028")},
	} {
		f.Add([]byte(seed[0]), []byte(seed[1]))
	}
	f.Fuzz(func(t *testing.T, mod, strs []byte) {
		for _, camera := range []bool{true, false} {
			hc := harmonyConfig(camera)
			outMod, outStrs, _, err := MergeModule(mod, strs, hc)
			if err != nil {
				require.NotContains(t, err.Error(), "bug of scopegen", "the editor made invalid JSON5")
				continue
			}
			_, err = scan5(outMod)
			require.NoError(t, err)
			_, err = scan5(outStrs)
			require.NoError(t, err)
			for _, file := range []struct {
				module  bool
				in, out []byte
			}{{true, mod, outMod}, {false, strs, outStrs}} {
				membersIn, itemsIn := foreign5(t, file.in, file.module, ownership(hc, nil))
				membersOut, itemsOut := foreign5(t, file.out, file.module, ownership(hc, nil))
				require.Equal(t, membersIn, membersOut)
				require.Equal(t, itemsIn, itemsOut)
			}
			root, _ := scan5(outMod, []string{ModuleKey, RequestPermissionsKey, "*"})
			names := map[string]int{}
			for _, item := range root.get(ModuleKey).value.get(RequestPermissionsKey).value.items() {
				name, reason, _ := nameOf(outMod, item, "", "reason")
				if ownedEntry(ownership(hc, nil), name, reason) {
					names[name]++
				} else {
					names[name] += 1000 // declared by hand
				}
			}
			for _, p := range hc.Module.RequestPermissions {
				if names[p.Name] < 1000 {
					require.Equal(t, 1, names[p.Name], "%s written once", p.Name)
				} else {
					require.Equal(t, 0, names[p.Name]%1000, "%s declared by hand is not written by scopegen", p.Name)
				}
			}
			again, againStrs, changed, err := MergeModule(outMod, outStrs, hc)
			require.NoError(t, err)
			require.False(t, changed)
			require.Equal(t, outMod, again)
			require.Equal(t, outStrs, againStrs)
		}
	})
}
