package hostconfigemit

import (
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
	if withCamera {
		mc.RequestPermissions = append([]model.ModulePermission{{Name: "ohos.permission.CAMERA", Resource: model.ResourceName(cam), Scope: cam}}, mc.RequestPermissions...)
		mc.Strings = append([]model.StringResource{{Name: model.ResourceName(cam), Value: "扫码"}}, mc.Strings...)
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
