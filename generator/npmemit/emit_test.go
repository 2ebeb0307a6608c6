package npmemit

import (
	"bytes"
	"encoding/json"
	"os"
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
				for _, f := range []string{"dist/" + p.ID + ".mjs", "dist/" + p.ID + ".cjs", "types/" + p.ID + ".d.ts", "types/" + p.ID + ".d.mts", "types/" + p.ID + ".d.cts"} {
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
		SideEffects bool
		Exports     map[string]json.RawMessage
	}
	require.NoError(t, json.Unmarshal(files["npm/package.json"], &pkg))
	assert.Equal(t, output.Marker, pkg.Marker)
	assert.Equal(t, m.NPMPackage, pkg.Name)
	assert.False(t, pkg.SideEffects)
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
	assert.Contains(t, string(entry.Require), ".d.cts")
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
	assert.Contains(t, string(files["npm/dist/wechat.mjs"]), `"fail[^\\n\\r\\u2028\\u2029]*auth den(y|ied)|\\x2a\\x2f"`, "the JS form of the pattern, escaped")
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

func TestTupleLeavesOutDefaults(t *testing.T) {
	scope := &model.Scope{Name: "scope.userLocation"}
	p := &model.Platform{ID: "x"}
	for _, tc := range []struct {
		name                      string
		native, key, probe, grant string
		want                      string
	}{
		{"all defaults", "scope.userLocation", "scope.userLocation", "", "authorize", `["a"]`},
		{"native differs, key equals it", "location", "location", "", "onUse", `["u", "location"]`},
		{"no setting key", "auth_user", "", "", "authCode", `["c", "auth_user", ""]`},
		{"universal native, no key", "scope.userLocation", "", "", "authorize", `["a", "", ""]`},
		{"key differs from native", "scope.userLocation", "loc", "", "authorize", `["a", "", "loc"]`},
		{"probe", "location", "location", "getLocation", "onUse", `["u", "location", "location", "getLocation"]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tuple(&model.Support{Scope: scope, Platform: p, Native: tc.native, SettingKey: tc.key, Probe: tc.probe, Grant: model.Grant(tc.grant)})
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	_, err := tuple(&model.Support{Scope: scope, Platform: p, Grant: "teleport"})
	assert.ErrorContains(t, err, "teleport")
}
