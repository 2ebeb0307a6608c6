package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
)

// TestHostconfigMergeKeepsPermissions: the atomic write replaces the file,
// and the replacement gets the old file's mode back; a symbolic link to
// app.json stays a link, and the file it points to is updated.
func TestHostconfigMergeKeepsPermissions(t *testing.T) {
	manifest, err := os.ReadFile(filepath.Join(casesDir, "privacy-app", "manifest.yaml"))
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "manifest.yaml"), manifest, 0o644))
	real := filepath.Join(dir, "real.json")
	require.NoError(t, os.WriteFile(real, []byte(`{"pages":["index"]}`), 0o600))
	link := filepath.Join(dir, "app.json")
	require.NoError(t, os.Symlink("real.json", link))

	var stdout, stderr bytes.Buffer
	code := cli.Main([]string{"hostconfig", "-manifest", filepath.Join(dir, "manifest.yaml"), "-platform", "wechat", "-merge", link}, &stdout, &stderr)
	require.Equal(t, cli.ExitOK, code, stderr.String())

	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, info.Mode().Type(), "the link is still a link")
	info, err = os.Stat(real)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	data, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"requiredPrivateInfos"`)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 3, "no temporary file left behind")
}
