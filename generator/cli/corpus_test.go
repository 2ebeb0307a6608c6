package cli_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
)

const casesDir = "../../testdata/cases"

// TestBadManifestCorpus runs the real CLI on every invalid manifest of the
// golden corpus (a case with want.txt) against an output folder that holds
// a previous generation, and checks the exit code, the exact stderr and
// that the folder is byte-identical afterwards, mtimes included.
func TestBadManifestCorpus(t *testing.T) {
	out := filepath.Join(t.TempDir(), "generated")
	var stderr bytes.Buffer
	code := cli.Main([]string{"generate", "-manifest", filepath.Join(casesDir, "minimal", "manifest.yaml"), "-out", out, "-go-import-path", "example.com/gen"}, &stderr, &stderr)
	require.Equal(t, cli.ExitOK, code, stderr.String())
	before := treeState(t, out)

	entries, err := os.ReadDir(casesDir)
	require.NoError(t, err)
	bad := 0
	for _, e := range entries {
		want, err := os.ReadFile(filepath.Join(casesDir, e.Name(), "want.txt"))
		if err != nil {
			continue // a valid case
		}
		bad++
		t.Run(e.Name(), func(t *testing.T) {
			manifest := filepath.Join(t.TempDir(), "manifest.yaml")
			data, err := os.ReadFile(filepath.Join(casesDir, e.Name(), "manifest.yaml"))
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(manifest, data, 0o644))
			var stdout, stderr bytes.Buffer
			// Run from the manifest's folder so positions read manifest.yaml:L:C.
			t.Chdir(filepath.Dir(manifest))
			code := cli.Main([]string{"generate", "-out", out, "-go-import-path", "example.com/gen"}, &stdout, &stderr)
			assert.Equal(t, cli.ExitManifest, code)
			assert.Equal(t, string(want), stderr.String())
			assert.Empty(t, stdout.String())
			assert.Equal(t, before, treeState(t, out), "the output folder changed")
		})
	}
	assert.GreaterOrEqual(t, bad, 50, "the corpus should hold at least 50 bad manifests")
}

// treeState maps every path under root to "dir", or to its mode and
// mtime, a NUL, and its content.
func treeState(t *testing.T, root string) map[string]string {
	t.Helper()
	state, err := walkTree(root)
	require.NoError(t, err)
	return state
}

func walkTree(root string) (map[string]string, error) {
	state := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			state[rel] = "dir"
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		state[rel] = fmt.Sprintf("%v %d\x00%s", info.Mode(), info.ModTime().UnixNano(), data)
		return nil
	})
	return state, err
}
