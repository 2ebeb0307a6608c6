package npmemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

func build(t *testing.T, manifest string) *model.Model {
	t.Helper()
	raw, diags := load.Load("manifest.yaml", []byte(manifest))
	require.Empty(t, diags)
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	return m
}

func TestWebDriverImplementsEveryProbe(t *testing.T) {
	files, err := Emit(resolve(t, "../../manifest.yaml"))
	require.NoError(t, err)
	for _, ext := range []string{".mjs", ".js"} {
		driver := string(files["npm/dist/web-driver"+ext])
		require.NotEmpty(t, driver, "the root manifest has a web host")
		for _, probe := range webProbes {
			assert.Contains(t, driver, jsString(probe)+": ", "PROBES has %s", probe)
		}
	}
}

func TestWebHostIsWiredToTheDriver(t *testing.T) {
	files, err := Emit(resolve(t, "../../manifest.yaml"))
	require.NoError(t, err)
	web := string(files["npm/dist/web.mjs"])
	assert.Contains(t, web, `import { browser, webDriver } from "./web-driver.mjs";`)
	assert.Contains(t, web, `const driver = /* @__PURE__ */ webDriver(["camera", "geolocation", "microphone"]);`)
	assert.Contains(t, web, `if (method == "openSetting") throw failure("NOT_AVAILABLE", undefined, platform);`)
	assert.NotContains(t, web, "typeof navigator", "the browser check is the driver's")
	cjs := string(files["npm/dist/web.js"])
	assert.Contains(t, cjs, `require("./web-driver.js")`)
	// The other hosts know nothing of it.
	for _, id := range []string{"wechat", "alipay"} {
		assert.NotContains(t, string(files["npm/dist/"+id+".mjs"]), "web-driver")
	}
}

func TestNoDriverWithoutABrowserHost(t *testing.T) {
	files, err := Emit(build(t, `version: 1
platforms:
  mini: {title: Mini, global: mini, exportCondition: mini, denial: {message: deny}}
scopes:
  s: {title: S, description: S., platforms: {mini: {native: s, grant: authorize}}}
`))
	require.NoError(t, err)
	for p := range files {
		assert.NotContains(t, p, "web-driver")
	}
}

func TestBrowserPermissionsAreTheSettingKeysOnce(t *testing.T) {
	files, err := Emit(build(t, `version: 1
platforms:
  web: {title: Web, global: navigator, fallback: true, exportCondition: web, denial: {message: deny}}
scopes:
  a: {title: A, description: A., platforms: {web: {native: camera, settingKey: camera, grant: onUse, probe: mediaDevices.getUserMedia.video}}}
  b: {title: B, description: B., platforms: {web: {native: camera, settingKey: camera, grant: onUse}}}
  c: {title: C, description: C., platforms: {web: {native: c, grant: none}}}
  d: {title: D, description: D., platforms: {web: {native: "clipboard-read", settingKey: "clipboard-read", grant: onUse}}}
`))
	require.NoError(t, err)
	web := string(files["npm/dist/web.mjs"])
	assert.Contains(t, web, `webDriver(["camera", "clipboard-read"]);`)
	assert.Equal(t, 1, strings.Count(web, "webDriver("))
}
