package hostconfigemit_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/hostconfigemit"
	"github.com/scopegen/scopegen/generator/model"
)

// hostConfigKeys lists the app.json keys scopegen owns, the last step of
// CONTRIBUTING.md's "Add a host-configuration key". Each row drives the
// golden case testdata/cases/privacy-app, whose WeChat catalog declares
// the key for two scopes and whose app part requests one of them.
var hostConfigKeys = []struct {
	appKey  string   // the app.json key
	declKey string   // the manifest key of a scope's privacy declaration
	fields  []string // the model.HostConfig fields that carry it
	// An app.json value under appKey holding stale (owned by scopegen,
	// not requested) and foreign (not scopegen's) entries; requested is
	// what the merge must add.
	before, stale, foreign, requested string
}{
	{
		appKey: hostconfigemit.PermissionKey, declKey: "permission",
		fields: []string{"Permissions", "OwnedPermissions"},
		before: `{"scope.userFuzzyLocation":{"desc":"old"},"scope.bluetooth":{"desc":"mine"}}`,
		stale:  "scope.userFuzzyLocation", foreign: "scope.bluetooth", requested: "scope.userLocation",
	},
	{
		appKey: hostconfigemit.RequiredPrivateInfosKey, declKey: "requiredPrivateInfos",
		fields: []string{"RequiredPrivateInfos", "OwnedPrivateInfos"},
		before: `["getFuzzyLocation","chooseAddress"]`,
		stale:  "getFuzzyLocation", foreign: "chooseAddress", requested: "getLocation",
	},
}

// TestRecipeHostConfigKeys holds CONTRIBUTING.md's recipe: every
// model.HostConfig field belongs to a row, and for each row the key
// travels from the manifest (load, validate, model) into the fragment,
// Merge replaces exactly scopegen's entries under it, and the schema and
// both docs pages name it.
func TestRecipeHostConfigKeys(t *testing.T) {
	covered := []string{moduleField} // TestRecipeModuleKeys
	for _, k := range hostConfigKeys {
		covered = append(covered, k.fields...)
	}
	hcType := reflect.TypeFor[model.HostConfig]()
	for i := range hcType.NumField() {
		if f := hcType.Field(i).Name; f != "Platform" {
			assert.Contains(t, covered, f, "model.HostConfig.%s has no row in hostConfigKeys: follow CONTRIBUTING.md's recipe", f)
		}
	}

	data, err := os.ReadFile("../../testdata/cases/privacy-app/manifest.yaml")
	require.NoError(t, err)
	m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.Empty(t, diags)
	require.NotNil(t, m.App)
	i := slices.IndexFunc(m.App.HostConfigs, func(hc *model.HostConfig) bool { return hc.Platform.ID == "wechat" })
	require.GreaterOrEqual(t, i, 0, "the case has a WeChat host configuration")
	hc := m.App.HostConfigs[i]
	files, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.NoError(t, err)
	require.Empty(t, diags)

	manifestDoc, err := os.ReadFile("../../docs/manifest.md")
	require.NoError(t, err)
	privacyDoc, err := os.ReadFile("../../docs/privacy.md")
	require.NoError(t, err)

	for _, k := range hostConfigKeys {
		t.Run(k.appKey, func(t *testing.T) {
			var fragment map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(files[hc.Path()], &fragment))
			require.Contains(t, fragment, k.appKey, "the fragment writes the key")
			assert.Contains(t, string(fragment[k.appKey]), `"`+k.requested+`"`)
			assert.NotContains(t, string(fragment[k.appKey]), `"`+k.stale+`"`, "the fragment holds only what is requested")

			out, changed, err := hostconfigemit.Merge([]byte(`{"pages":["index"],"`+k.appKey+`":`+k.before+`}`), hc)
			require.NoError(t, err)
			assert.True(t, changed)
			var merged map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(out, &merged))
			assert.Contains(t, merged, "pages", "keys scopegen does not own are kept")
			got := string(merged[k.appKey])
			assert.Contains(t, got, `"`+k.requested+`"`, "the requested entry is merged in")
			assert.Contains(t, got, `"`+k.foreign+`"`, "an entry scopegen does not own is kept")
			assert.NotContains(t, got, `"`+k.stale+`"`, "an owned entry no longer requested is removed")

			assert.Contains(t, string(files["schema/manifest.schema.json"]), `"`+k.declKey+`": {`, "the schema has the manifest key")
			assert.Contains(t, string(manifestDoc), "`"+k.declKey+"`", "docs/manifest.md names the manifest key")
			_, hostSection, _ := strings.Cut(string(privacyDoc), "\n## Host configuration\n")
			assert.Contains(t, hostSection, `"`+k.appKey+`"`, "docs/privacy.md's Host configuration shows the app.json key")
		})
	}
}

// moduleField is the model.HostConfig field of a host configured by
// module.json5, whose recipe TestRecipeModuleKeys holds.
const moduleField = "Module"

// TestRecipeModuleKeys holds the recipe for HarmonyOS's module.json5: the
// manifest key privacy.requestPermissions travels from the golden case
// testdata/cases/privacy-harmony into the fragment, MergeModule writes
// exactly scopegen's entries, and the schema and both docs pages name the
// keys.
func TestRecipeModuleKeys(t *testing.T) {
	data, err := os.ReadFile("../../testdata/cases/privacy-harmony/manifest.yaml")
	require.NoError(t, err)
	m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.Empty(t, diags)
	require.NotNil(t, m.App)
	require.Len(t, m.App.HostConfigs, 1)
	hc := m.App.HostConfigs[0]
	require.NotNil(t, hc.Module)
	files, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.NoError(t, err)
	require.Empty(t, diags)
	assert.Contains(t, string(files[hc.Path()]), `"ohos.permission.CAMERA"`)
	assert.NotContains(t, string(files[hc.Path()]), "CALENDAR", "the fragment holds only what is requested")
	assert.Contains(t, string(files[hc.StringsPath()]), `"scopegen_scope_camera"`)

	mod := []byte("{module: {name: 'entry', requestPermissions: [{name: 'ohos.permission.INTERNET'}, {name: 'ohos.permission.READ_CALENDAR', reason: '$string:scopegen_scope_addPhoneCalendar'}]}}")
	out, strs, changed, err := hostconfigemit.MergeModule(mod, []byte(`{"string": []}`), hc)
	require.NoError(t, err)
	assert.True(t, changed)
	assert.Contains(t, string(out), "ohos.permission.INTERNET", "an entry scopegen does not own is kept")
	assert.NotContains(t, string(out), "READ_CALENDAR", "an entry scopegen owns and the app no longer requests is removed")
	assert.Contains(t, string(out), `"ohos.permission.LOCATION"`, "the requested entry is merged in")
	assert.Contains(t, string(strs), `"scopegen_scope_userLocation"`)

	schema := string(files["schema/manifest.schema.json"])
	manifestDoc, err := os.ReadFile("../../docs/manifest.md")
	require.NoError(t, err)
	privacyDoc, err := os.ReadFile("../../docs/privacy.md")
	require.NoError(t, err)
	_, hostSection, _ := strings.Cut(string(privacyDoc), "\n## Host configuration\n")
	for _, key := range []string{"requestPermissions", "usedScene"} {
		assert.Contains(t, schema, `"`+key+`": {`, "the schema has the manifest key")
		assert.Contains(t, string(manifestDoc), "`"+key+"`", "docs/manifest.md names the manifest key")
		assert.Contains(t, hostSection, `"`+key+`"`, "docs/privacy.md's Host configuration shows the module.json5 key")
	}
}
