package npmemit

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/validate"
)

// The manifest's npm metadata reaches package.json as npm reads it.
func TestPackageMetadata(t *testing.T) {
	data, err := os.ReadFile("testdata/published.yaml")
	require.NoError(t, err)
	raw, diags := load.Load("manifest.yaml", data)
	require.Empty(t, diags)
	require.Empty(t, validate.Check(raw), "the fixture is a valid manifest")
	m := resolve(t, "testdata/published.yaml")
	files, err := Emit(m)
	require.NoError(t, err)
	var pkg struct {
		Name, Version, Description, License, Homepage string
		Keywords                                      []string
		Repository                                    struct{ Type, URL string }
		Private                                       *bool
	}
	require.NoError(t, json.Unmarshal(files["npm/package.json"], &pkg))
	assert.Equal(t, "@acme/authorize", pkg.Name)
	assert.Equal(t, "1.4.0-rc.1", pkg.Version)
	assert.Equal(t, `Acme's <authorize> & "friends"`, pkg.Description)
	assert.Equal(t, "(MIT OR Apache-2.0)", pkg.License)
	assert.Equal(t, "https://acme.example/docs", pkg.Homepage)
	assert.Equal(t, []string{"wechat", "小程序", "authorize"}, pkg.Keywords)
	assert.Equal(t, "git", pkg.Repository.Type)
	assert.Equal(t, "git+https://github.com/acme/app.git", pkg.Repository.URL)
	assert.Nil(t, pkg.Private, "private is written only when true")

	readme := string(files["npm/README.md"])
	assert.Contains(t, readme, "npm install @acme/authorize\n")
	assert.Contains(t, readme, `Acme's &lt;authorize&gt; &amp; "friends"`, "free text is escaped for Markdown")
	for _, p := range m.Platforms {
		assert.Contains(t, readme, `import { authorize } from "@acme/authorize/`+p.ID+`";`)
	}
	for _, f := range model.Failures {
		assert.Contains(t, readme, "| `"+f.Code+"` | "+f.Meaning, "every errCode, with its meaning")
	}
}

// Every failure has a code, a meaning and a layer, and every privacy
// outcome has exactly one failure.
func TestFailuresAreComplete(t *testing.T) {
	codes := map[string]bool{}
	for _, f := range model.Failures {
		assert.Regexp(t, `^[A-Z][A-Z_]+$`, f.Code)
		assert.False(t, codes[f.Code], "%s listed twice", f.Code)
		codes[f.Code] = true
		assert.NotEmpty(t, f.Meaning, f.Code)
		assert.Contains(t, model.Layers, f.Layer, f.Code)
		assert.Equal(t, f.Layer == model.LayerPrivacy, f.Outcome != "", "%s: a privacy failure reports an outcome", f.Code)
		assert.Equal(t, f.Layer == model.LayerSystem, f.Status != "", "%s: an OS refusal has a getAuthStatus answer", f.Code)
		if f.Status != "" {
			// The runtime derives the status from the code (lower case, "-" for the first "_").
			assert.Equal(t, strings.Replace(strings.ToLower(f.Code), "_", "-", 1), f.Status, f.Code)
		}
	}
	for _, o := range model.PrivacyOutcomes {
		assert.NotEmpty(t, o.ErrCode(), o)
	}
}

// A manifest without metadata keeps the defaults; private: true is written.
func TestPackageMetadataDefaults(t *testing.T) {
	m := resolve(t, "testdata/small.yaml")
	assert.Equal(t, model.DefaultNPMVersion, m.NPM.Version)
	m.NPM.Private = true
	files, err := Emit(m)
	require.NoError(t, err)
	text := string(files["npm/package.json"])
	assert.Contains(t, text, `"version": "0.0.0",`)
	assert.Contains(t, text, `"private": true,`)
	for _, key := range []string{"license", "homepage", "repository", "keywords"} {
		assert.NotContains(t, text, `"`+key+`"`)
	}
}

// npm pack --dry-run and npm publish --dry-run accept the package, with no
// correction of package.json, and would ship exactly the emitted files.
// Offline: --offline, and a registry on a closed port that dry-run never
// contacts.
func TestNPMPackAndPublishDryRun(t *testing.T) {
	npm, err := exec.LookPath("npm")
	if err != nil {
		t.Skip("npm is not installed (scripts/test.sh installs Node)")
	}
	m := resolve(t, "testdata/published.yaml")
	files, err := Emit(m)
	require.NoError(t, err)
	dir := t.TempDir()
	var want []string
	for p, data := range files {
		rel := strings.TrimPrefix(p, "npm/")
		if rel != "tables.json" { // the tests' copy of the resolved tables: emitted, never shipped
			want = append(want, rel)
		}
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(rel)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, rel), data, 0o644))
	}
	// Not part of the package: npm must leave them out.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("local"), 0o644))
	slices.Sort(want)
	run := func(args ...string) ([]byte, string) {
		cmd := exec.Command(npm, append(args, "--json", "--offline", "--registry", "http://127.0.0.1:9/", "--userconfig", filepath.Join(t.TempDir(), "npmrc"))...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "npm_config_cache="+t.TempDir(), "npm_config_update_notifier=false")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		require.NoError(t, cmd.Run(), "npm %s: %s", strings.Join(args, " "), stderr.String())
		return stdout.Bytes(), stderr.String()
	}
	out, stderr := run("pack", "--dry-run")
	var packed []struct {
		Name, Version string
		Files         []struct{ Path string }
	}
	require.NoError(t, json.Unmarshal(out, &packed), string(out))
	require.Len(t, packed, 1)
	var got []string
	for _, f := range packed[0].Files {
		got = append(got, f.Path)
	}
	slices.Sort(got)
	assert.Equal(t, want, got)
	assert.Equal(t, "1.4.0-rc.1", packed[0].Version)
	assert.NotContains(t, stderr, "auto-corrected")

	out, stderr = run("publish", "--dry-run", "--tag", "next")
	var published map[string]struct{ Name, Version string }
	require.NoError(t, json.Unmarshal(out, &published), string(out))
	assert.Equal(t, "1.4.0-rc.1", published["@acme/authorize"].Version)
	assert.NotContains(t, stderr, "auto-corrected", "npm would rewrite package.json on publish")
	assert.Contains(t, stderr, "(dry-run)")
}
