package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
)

// TestHostconfigQuotesPaths: a folder name holding a line break cannot
// forge a line of hostconfig's output (a GitHub Actions command): every
// path in its messages is printed through diag.Quote, for app.json and
// module.json5 merges, on success, refusal and no change.
func TestHostconfigQuotesPaths(t *testing.T) {
	dir, manifest := mergeSetup(t)
	evil := filepath.Join(dir, "x\n::error::forged")
	require.NoError(t, os.MkdirAll(filepath.Join(evil, "resources", "base", "element"), 0o755))
	harmony := filepath.Join(dir, "harmony.yaml")
	data, err := os.ReadFile(filepath.Join("testdata", "script", "hostconfig_stale.txtar"))
	require.NoError(t, err)
	text := string(data)
	text = text[strings.Index(text, "-- norequest.yaml --\n")+len("-- norequest.yaml --\n"):]
	require.NoError(t, os.WriteFile(harmony, []byte(text[:strings.Index(text, "-- ")]), 0o644))

	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		cli.Main(append([]string{"hostconfig"}, args...), &stdout, &stderr)
		return stderr.String()
	}
	app := filepath.Join(evil, "app.json")
	mod := filepath.Join(evil, "module.json5")
	var outputs []string
	require.NoError(t, os.WriteFile(app, []byte(`{"pages": []}`), 0o644))
	outputs = append(outputs,
		run("-manifest", manifest, "-platform", "wechat", "-merge", app), // merged
		run("-manifest", manifest, "-platform", "wechat", "-merge", app), // unchanged
		run("-manifest", manifest, "-platform", "wechat", "-merge", filepath.Join(evil, "missing.json")),
		run("-manifest", manifest, "-platform", "wechat", "-merge", evil), // a folder
	)
	require.NoError(t, os.WriteFile(app, []byte(`{"pages": [}`), 0o644))
	outputs = append(outputs, run("-manifest", manifest, "-platform", "wechat", "-merge", app)) // refused
	require.NoError(t, os.WriteFile(mod, []byte(`{module: {}}`), 0o644))
	outputs = append(outputs, run("-manifest", harmony, "-platform", "harmony", "-merge", mod)) // no string.json
	strs := filepath.Join(evil, "resources", "base", "element", "string.json")
	require.NoError(t, os.WriteFile(strs, []byte(`{"string": [}`), 0o644))
	outputs = append(outputs, run("-manifest", harmony, "-platform", "harmony", "-merge", mod)) // refused
	require.NoError(t, os.WriteFile(strs, []byte(`{"string": [{"name": "scopegen_scope_camera", "value": "x"}]}`), 0o644))
	outputs = append(outputs,
		run("-manifest", harmony, "-platform", "harmony", "-merge", mod), // merged
		run("-manifest", harmony, "-platform", "harmony", "-merge", mod), // unchanged
	)
	for i, out := range outputs {
		require.NotEmpty(t, out, "run %d", i)
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			assert.False(t, strings.HasPrefix(line, "::"), "run %d: a forged line %q", i, line)
		}
		assert.Contains(t, out, `\n::error::forged`, "run %d: the path quoted", i)
	}
}

// TestInitAndAddQuotePaths: init and add name the manifest (and doc.go)
// through diag.Quote too, when they write, when they refuse and when the
// file system fails them, so a folder name holding a line break cannot
// forge a line of their output.
func TestInitAndAddQuotePaths(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.22\n"), 0o644))
	evil := filepath.Join(dir, "x\n::error::forged")
	require.NoError(t, os.MkdirAll(evil, 0o755))
	t.Chdir(dir)
	manifest := filepath.Join("x\n::error::forged", "manifest.yaml")
	run := func(args ...string) string {
		var stdout, stderr bytes.Buffer
		cli.Main(args, &stdout, &stderr)
		return stderr.String()
	}
	outputs := []string{
		run("init", "-manifest", manifest, "-platforms", "harmony"),                            // written, placeholders named
		run("init", "-manifest", manifest, "-platforms", "harmony"),                            // already exists
		run("add", "-manifest", manifest, "-platform", "wechat"),                               // added
		run("add", "-manifest", manifest, "-platform", "wechat"),                               // already has it
		run("add", "-manifest", filepath.Join(evil, "missing.yaml"), "-scope", "scope.camera"), // missing
	}
	for i, out := range outputs {
		require.NotEmpty(t, out, "run %d", i)
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			assert.False(t, strings.HasPrefix(line, "::"), "run %d forged a line: %q", i, out)
		}
	}
}
