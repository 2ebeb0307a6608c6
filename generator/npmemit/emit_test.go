package npmemit

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

// resolve builds the model without the generator package (which imports
// this one).
func resolve(t *testing.T, path string) *model.Model {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	raw, diags := load.Load("manifest.yaml", data)
	require.Empty(t, diags)
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	return m
}

var manifests = []string{"../../manifest.yaml", "../../testdata/cases/adversarial-strings/manifest.yaml", "testdata/small.yaml"}

func TestEveryFileCarriesTheMarkerAndIsDeterministic(t *testing.T) {
	for _, path := range manifests {
		t.Run(path, func(t *testing.T) {
			m := resolve(t, path)
			files, err := Emit(m)
			require.NoError(t, err)
			_, err = output.Finish(files)
			require.NoError(t, err, "every file carries the marker in its first 512 bytes")
			for p := range files {
				assert.True(t, strings.HasPrefix(p, "npm/"), p)
			}
			// One entry per platform in each format, plus the typings.
			for _, p := range m.Platforms {
				for _, f := range []string{"dist/" + p.ID + ".mjs", "dist/" + p.ID + ".js", "types/" + p.ID + ".d.ts", "types/" + p.ID + ".d.mts"} {
					assert.Contains(t, files, "npm/"+f)
				}
			}
			again, err := Emit(m)
			require.NoError(t, err)
			assert.Equal(t, files, again)
		})
	}
}

func TestPackageJSON(t *testing.T) {
	m := resolve(t, "../../manifest.yaml")
	files, err := Emit(m)
	require.NoError(t, err)
	var pkg struct {
		Marker      string `json:"//"`
		Name        string
		Main        string
		Type        string
		SideEffects bool
		Exports     map[string]json.RawMessage
	}
	require.NoError(t, json.Unmarshal(files["npm/package.json"], &pkg))
	assert.Equal(t, output.Marker, pkg.Marker)
	assert.Equal(t, m.NPMPackage, pkg.Name)
	assert.False(t, pkg.SideEffects)
	// WeChat's npm builder appends ".js" to a main that lacks it, so main
	// must end in .js; with no "type", that .js is CommonJS.
	assert.Equal(t, "./dist/index.js", pkg.Main)
	assert.Contains(t, files, "npm/dist/index.js")
	assert.Empty(t, pkg.Type)
	var root map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(pkg.Exports["."], &root))
	for _, p := range m.Platforms {
		assert.Contains(t, pkg.Exports, "./"+p.ID)
		assert.Contains(t, root, p.ExportCondition)
	}
	// Conditions are matched in order: the host conditions first, the fallbacks last.
	keys := jsonKeys(t, pkg.Exports["."])
	assert.Equal(t, []string{"import", "require"}, keys[len(keys)-2:])
	// Within each, the typings come first, beside the module they type.
	var entry struct{ Import, Require json.RawMessage }
	require.NoError(t, json.Unmarshal(pkg.Exports["./"+m.Platforms[0].ID], &entry))
	assert.Equal(t, []string{"types", "default"}, jsonKeys(t, entry.Import))
	assert.Contains(t, string(entry.Import), ".d.mts")
	assert.Contains(t, string(entry.Require), "/"+m.Platforms[0].ID+".d.ts")
}

func jsonKeys(t *testing.T, obj []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(obj))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch v := tok.(type) {
		case json.Delim:
			if v == '{' || v == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 { // a key of the top object; its value is skipped whole
				keys = append(keys, v)
				var skip json.RawMessage
				require.NoError(t, dec.Decode(&skip))
			}
		}
	}
	return keys
}

// Manifest strings land in JavaScript only as escaped literals: no raw
// line terminator, quote or "</script>" from the adversarial manifest.
func TestManifestStringsAreEscaped(t *testing.T) {
	m := resolve(t, "../../testdata/cases/adversarial-strings/manifest.yaml")
	files, err := Emit(m)
	require.NoError(t, err)
	for p, content := range files {
		s := string(content)
		for _, bad := range []string{"\u2028", "\u2029", "</script>", "*/ /*"} {
			assert.NotContains(t, s, bad, p)
		}
	}
	assert.Contains(t, string(files["npm/dist/wechat.mjs"]), `/fail.*auth den(y|ied)|\x2a\x2f/u.test(message(e))`, "the JS form of the pattern, as a literal")
}

func TestJSString(t *testing.T) {
	for in, want := range map[string]string{
		"scope.userLocation":   `"scope.userLocation"`,
		`a"b\c`:                `"a\"b\\c"`,
		"</script>":            `"\u003c/script\u003e"`,
		"line\u2028para\u2029": `"line\u2028para\u2029"`,
		"tab\tnl\n":            `"tab\tnl\n"`,
	} {
		assert.Equal(t, want, jsString(in), in)
	}
}

// Each host runtime holds only the mechanisms its table uses, and the
// names, keys and probes it needs, as code.
func TestHostRuntimeHoldsOnlyWhatItsTableUses(t *testing.T) {
	for _, tc := range []struct {
		name     string
		supports string // the scopes' platforms: {mini: ...} values, one per scope a, b
		want     []string
		wantNot  []string
	}{
		{"authorize only, universal names", `{native: alpha, settingKey: alpha, grant: authorize}|{native: beta, settingKey: beta, grant: authorize}`,
			[]string{`await ask(api, scope, "authorize", { scope });`, `answer((await ask(api, scope, "getSetting")).result, scope)`},
			[]string{"NATIVE_NAMES", "SETTING_KEYS", "AUTHORIZE", "BUTTON", "getAuthCode", "PROBES", "deferred", "NO_GRANT"}},
		{"native name differs", `{native: x.alpha, settingKey: x.alpha, grant: authorize}|{native: beta, settingKey: beta, grant: authorize}`,
			[]string{`const NATIVE_NAMES = { __proto__: null, "alpha": "x.alpha" };`, `{ scope: nativeName(scope) }`, `const settingKey = nativeName;`},
			[]string{"getAuthCode", "BUTTON", "SETTING_KEYS"}},
		{"setting key differs from the native name", `{native: x.alpha, settingKey: k.alpha, grant: authorize}|{native: beta, settingKey: beta, grant: authorize}`,
			[]string{`const NATIVE_NAMES = { __proto__: null, "alpha": "x.alpha" };`, `const SETTING_KEYS = { __proto__: null, "alpha": "k.alpha" };`},
			[]string{"settingKey = nativeName"}},
		{"none then button", `{native: alpha, grant: none}|{native: beta, settingKey: beta, grant: button}`,
			[]string{`const NO_GRANT = ["alpha"];`, `if (NO_GRANT.includes(scope)) return ok;`, `  throw failure("BUTTON_REQUIRED", scope, platform);`},
			[]string{"const BUTTON", `"authorize"`, "getAuthCode"}},
		{"onUse with and without probe", `{native: alpha, settingKey: alpha, grant: onUse, probe: getA}|{native: beta, settingKey: "", grant: onUse}`,
			[]string{`const PROBES = { __proto__: null, "alpha": "getA" };`, `if (!probe) return { ...ok, deferred: true };`, `if (!key) return "unknown";`},
			[]string{`"authorize"`, "NATIVE_NAMES"}},
		{"authCode and authorize", `{native: auth_a, settingKey: "", grant: authCode}|{native: beta, settingKey: beta, grant: authorize}`,
			[]string{`const AUTH_CODE = ["alpha"];`, `const UNIVERSAL_NAMES = { __proto__: null, "auth_a": "alpha" };`, `"getAuthCode", { scopes: [nativeName(scope)] }`},
			[]string{"PROBES", "BUTTON"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := strings.Split(tc.supports, "|")
			files, err := Emit(build(t, `version: 1
platforms:
  mini: {title: Mini, global: mini, exportCondition: mini, denial: {message: deny}}
scopes:
  alpha: {title: A, description: A., platforms: {mini: `+s[0]+`}}
  beta: {title: B, description: B., platforms: {mini: `+s[1]+`}}
`))
			require.NoError(t, err)
			js := string(files["npm/dist/mini.mjs"])
			for _, w := range tc.want {
				assert.Contains(t, js, w)
			}
			for _, w := range tc.wantNot {
				assert.NotContains(t, js, w)
			}
			assert.NotRegexp(t, `"[acunsb]"\s*[,\]]`, js, "no one-letter codes")
		})
	}
}

// Every call of webDriver at module level (the web entry and the universal
// table) is annotated /* @__PURE__ */, so a bundle that drops the web host
// drops the driver; esbuild keeps the annotation only before a call of a
// plain name.
func TestPureAnnotationsPrecedePlainCalls(t *testing.T) {
	files, err := Emit(resolve(t, "../../manifest.yaml"))
	require.NoError(t, err)
	pure := regexp.MustCompile(`/\* @__PURE__ \*/ ([A-Za-z_$][\w$.]*)\(`)
	driverCall := regexp.MustCompile(`(/\* @__PURE__ \*/ )?webDriver\(\[`)
	annotated := 0
	for name, data := range files {
		for _, m := range pure.FindAllSubmatch(data, -1) {
			assert.NotContains(t, string(m[1]), ".", "%s: %s", name, m[0])
		}
		for _, m := range driverCall.FindAllSubmatch(data, -1) {
			assert.NotEmpty(t, m[1], "%s: %s is annotated", name, m[0])
			annotated++
		}
	}
	// web.mjs, web.js, index.mjs, index.js
	assert.Equal(t, 4, annotated, "every entry that wires the driver calls it")
}

// A host without a privacy gate gets none of the privacy code: its entry
// exports the three privacy functions as constants; a gated host gets the
// classifier and the host calls.
func TestPrivacyCodeOnlyOnGatedHosts(t *testing.T) {
	m := resolve(t, "../../manifest.yaml")
	files, err := Emit(m)
	require.NoError(t, err)
	for _, p := range m.Platforms {
		for _, ext := range []string{".mjs", ".js"} {
			js := string(files["npm/dist/"+p.ID+ext])
			if p.Privacy == nil {
				for _, s := range []string{"requirePrivacyAuthorize", "getPrivacySetting", "onNeedPrivacyAuthorization", "privacyFailure", "PRIVACY_"} {
					assert.NotContains(t, js, s, "%s%s", p.ID, ext)
				}
				assert.Contains(t, js, `const onNeedPrivacy = () => false;`, p.ID)
				continue
			}
			assert.Contains(t, js, `const getPrivacyStatus = `, p.ID)
			if len(p.Privacy.Failures) > 0 {
				assert.Contains(t, js, `throw failure(privacyFailure(e) || (`, "%s: privacy decided before the denial test", p.ID)
			}
		}
	}
}
