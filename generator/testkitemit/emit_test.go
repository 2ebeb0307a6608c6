package testkitemit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// A host of each kind: errMsg with an anchored pattern and codes, a
// privacy gate, an onUse probe, a scope without a setting key, and a browser.
const manifest = `version: 1
platforms:
  ant:
    title: Ant
    global: ant
    alsoDefines: [wx]
    exportCondition: ant-miniapp
    denial:
      codeField: errCode
      codes: [2001, 11]
      message: '^refused (by|from) user$'
    privacy:
      apis: [requirePrivacyAuthorize, getPrivacySetting]
      codeField: errno
      failures:
        notAgreed:
          message: 'privacy (not )?agreed'
          codes: [104]
        notDeclared:
          message: 'not declared'
          codes: [112]
  web:
    title: Web
    global: navigator
    fallback: true
    exportCondition: web
    denial:
      message: ':fail (NotAllowedError|PERMISSION_DENIED):'
scopes:
  scope.userLocation:
    title: Location
    description: Where the user is.
    apis: [getLocation, RecorderManager.start]
    platforms:
      ant:
        native: location
        settingKey: loc
        grant: onUse
        probe: getLocation
        privacy:
          gated: true
      web:
        native: geolocation
        settingKey: geolocation
        grant: onUse
        probe: geolocation.getCurrentPosition
  scope.record:
    title: Recording
    description: The microphone.
    apis: [startRecord]
    platforms:
      ant:
        native: audio
        grant: authorize
`

func emitted(t *testing.T) (map[string]string, map[string]*hostFacts) {
	t.Helper()
	raw, diags := load.Load("manifest.yaml", []byte(manifest))
	require.Empty(t, diags)
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	files, err := Emit(m)
	require.NoError(t, err)
	out := map[string]string{}
	for p, b := range files {
		out[p] = string(b)
	}
	js := out["npm/dist/testing.mjs"]
	start := strings.Index(js, "const HOSTS = ") + len("const HOSTS = ")
	end := strings.Index(js[start:], ";\n")
	var hosts map[string]*hostFacts
	require.NoError(t, json.Unmarshal([]byte(js[start:start+end]), &hosts))
	return out, hosts
}

func TestEmitWritesTheKitInBothFormats(t *testing.T) {
	files, _ := emitted(t)
	paths := []string{}
	for p := range files {
		paths = append(paths, p)
	}
	assert.ElementsMatch(t, []string{"npm/dist/testing.mjs", "npm/dist/testing.js", "npm/types/testing.d.mts", "npm/types/testing.d.ts"}, paths)
	assert.Contains(t, files["npm/dist/testing.mjs"], "export { simulateHost };")
	assert.Contains(t, files["npm/dist/testing.js"], "exports.simulateHost = simulateHost;")
	assert.Contains(t, files["npm/types/testing.d.mts"], `from "./shared.mjs";`)
	assert.Contains(t, files["npm/types/testing.d.ts"], `from "./shared.js";`)
	// Both formats carry the same table.
	assert.Equal(t, tableOf(files["npm/dist/testing.mjs"]), tableOf(files["npm/dist/testing.js"]))
}

func tableOf(js string) string {
	start := strings.Index(js, "const HOSTS = ")
	return js[start : start+strings.Index(js[start:], ";\n")]
}

func TestFactsComeFromTheModel(t *testing.T) {
	_, hosts := emitted(t)
	ant := hosts["ant"]
	assert.Equal(t, "ant", ant.Global)
	assert.Equal(t, []string{"wx"}, ant.AlsoDefines)
	assert.Equal(t, &scopeFacts{Native: "location", Key: "loc", Reported: true, Grant: "onUse", Probe: "getLocation", Gated: true, APIs: []string{"getLocation"}},
		ant.Scopes["scope.userLocation"], "dotted API names are left out")
	assert.Equal(t, &scopeFacts{Native: "audio", Key: "audio", Reported: false, Grant: "authorize", APIs: []string{"startRecord"}},
		ant.Scopes["scope.record"], "without a setting key the answer is kept under the native name, unreported")
	assert.Equal(t, &failFacts{errText: errText{Text: "refused by user", WithAPI: false}, Field: "errCode", Codes: []int{11, 2001}}, ant.Denial)
	assert.Equal(t, &privacyFacts{APIs: []string{"getPrivacySetting", "requirePrivacyAuthorize"},
		NotAgreed:   &failFacts{errText: errText{Text: "fail privacy agreed", WithAPI: true}, Field: "errno", Codes: []int{104}},
		NotDeclared: &failFacts{errText: errText{Text: "fail not declared", WithAPI: true}, Field: "errno", Codes: []int{112}}}, ant.Privacy,
		"no banned failure in the manifest: none in the kit")
	assert.Equal(t, []string{"authorize", "getLocation", "getPrivacySetting", "getSetting", "openSetting", "requirePrivacyAuthorize", "startRecord"}, ant.Methods)

	web := hosts["web"]
	assert.True(t, web.Browser)
	assert.Nil(t, web.Denial, "a browser fails with its own errors")
	assert.Equal(t, []string{"geolocation.getCurrentPosition", "permissions.query"}, web.Methods)
}

func TestTypingsUnionsPerPlatform(t *testing.T) {
	files, _ := emitted(t)
	d := files["npm/types/testing.d.ts"]
	assert.Contains(t, d, `"ant": { scope: AntScope; method: "authorize" | "getLocation" | "getPrivacySetting" | "getSetting" | "openSetting" | "requirePrivacyAuthorize" | "startRecord"; denialCode: 11 | 2001; global: "ant"; gated: AntScope; undeclared: AntScope; banned: never; osSwitch: never; osService: never };`)
	assert.Contains(t, d, `"web": { scope: WebScope; method: "geolocation.getCurrentPosition" | "permissions.query"; denialCode: never; global: "navigator"; gated: never; undeclared: never; banned: never; osSwitch: never; osService: never };`)
}
