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
	"github.com/scopegen/scopegen/generator/rules"
)

// TestHostconfigMergeResultOverLimit: -merge of a file just under
// rules.MaxBytes whose merged form would be over it is refused (exit 2),
// both files as they were: written, the next -merge could not read it.
func TestHostconfigMergeResultOverLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("files of 32 MiB")
	}
	pad := func(prefix, suffix string) []byte {
		return []byte(prefix + strings.Repeat("a", rules.MaxBytes-10-len(prefix)-len(suffix)) + suffix)
	}
	t.Run("app.json", func(t *testing.T) {
		dir, manifest := mergeSetup(t)
		app := filepath.Join(dir, "app.json")
		in := pad(`{"x": "`, `"}`)
		require.NoError(t, os.WriteFile(app, in, 0o644))
		var stdout, stderr bytes.Buffer
		code := cli.Main([]string{"hostconfig", "-manifest", manifest, "-platform", "wechat", "-merge", app}, &stdout, &stderr)
		assert.Equal(t, cli.ExitUsage, code)
		assert.Contains(t, stderr.String(), "over the limit of 33554432 bytes a merge reads")
		assert.Contains(t, stderr.String(), "nothing written")
		out, err := os.ReadFile(app)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(in, out), "app.json as it was")
	})
	t.Run("module.json5", func(t *testing.T) {
		data, err := os.ReadFile(filepath.Join(casesDir, "privacy-harmony", "manifest.yaml"))
		require.NoError(t, err)
		dir := t.TempDir()
		manifest := filepath.Join(dir, "manifest.yaml")
		require.NoError(t, os.WriteFile(manifest, data, 0o644))
		element := filepath.Join(dir, "resources", "base", "element")
		require.NoError(t, os.MkdirAll(element, 0o755))
		mod, strs := filepath.Join(dir, "module.json5"), filepath.Join(element, "string.json")
		inMod := pad("{module: {name: 'entry'}, x: '", "'}")
		inStrs := []byte(`{"string": []}`)
		require.NoError(t, os.WriteFile(mod, inMod, 0o644))
		require.NoError(t, os.WriteFile(strs, inStrs, 0o644))
		var stdout, stderr bytes.Buffer
		code := cli.Main([]string{"hostconfig", "-manifest", manifest, "-platform", "harmony", "-merge", mod}, &stdout, &stderr)
		assert.Equal(t, cli.ExitUsage, code)
		assert.Contains(t, stderr.String(), "over the limit of 33554432 bytes a merge reads")
		assert.Contains(t, stderr.String(), "nothing written")
		for path, in := range map[string][]byte{mod: inMod, strs: inStrs} {
			out, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(in, out), "%s as it was", path)
		}
	})
}
