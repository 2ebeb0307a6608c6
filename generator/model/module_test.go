package model_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestModuleConfigOfTheHarmonyCase: each permission once, sorted; a
// permission two requested scopes need takes the first scope's (by scope
// order) resource; only referenced resources are written; an unrequested
// scope's permissions are absent; the paths are the module.json5 ones.
func TestModuleConfigOfTheHarmonyCase(t *testing.T) {
	data, err := os.ReadFile("../../testdata/cases/privacy-harmony/manifest.yaml")
	require.NoError(t, err)
	raw, diags := load.Load("manifest.yaml", data)
	require.Empty(t, diags)
	require.Empty(t, validate.Check(raw))
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	require.Len(t, m.App.HostConfigs, 1)
	hc := m.App.HostConfigs[0]
	require.NotNil(t, hc.Module)
	assert.Empty(t, hc.Permissions)
	assert.Empty(t, hc.OwnedPrivateInfos)
	assert.Equal(t, "hostconfig/harmony.module.json5", hc.Path())
	assert.Equal(t, "hostconfig/harmony.string.json", hc.StringsPath())

	got := map[string]string{}
	var names []string
	for _, p := range hc.Module.RequestPermissions {
		got[p.Name] = p.Resource
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"ohos.permission.APPROXIMATELY_LOCATION", "ohos.permission.CAMERA", "ohos.permission.LOCATION"}, names, "each once, by name; the calendar is not requested")
	assert.Equal(t, "scopegen_scope_userFuzzyLocation", got["ohos.permission.APPROXIMATELY_LOCATION"], "scope.userFuzzyLocation comes first by scope order")
	assert.Equal(t, "scopegen_scope_userLocation", got["ohos.permission.LOCATION"])
	var resources []string
	for _, s := range hc.Module.Strings {
		resources = append(resources, s.Name)
	}
	assert.Equal(t, []string{"scopegen_scope_camera", "scopegen_scope_userFuzzyLocation", "scopegen_scope_userLocation"}, resources)
	assert.Equal(t, model.UsedScene{Abilities: []string{"EntryAbility"}, When: "inuse"}, hc.Module.UsedScene)
}

func TestResourceNameIsInjective(t *testing.T) {
	a := model.ResourceName(&model.Scope{Name: "scope.a_b"})
	b := model.ResourceName(&model.Scope{Name: "scope_a.b"})
	assert.NotEqual(t, a, b)
	assert.Equal(t, "scopegen_scope_a__b", a)
	assert.Equal(t, "scopegen_scope__a_b", b)
	for _, name := range []string{a, b, model.ResourceName(&model.Scope{Name: "auth_base"})} {
		assert.Regexp(t, rules.ResourceNamePattern, name)
	}
}
