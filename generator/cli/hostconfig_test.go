package cli_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
	"github.com/scopegen/scopegen/generator/rules"
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

func mergeSetup(t *testing.T) (dir, manifest string) {
	data, err := os.ReadFile(filepath.Join(casesDir, "privacy-app", "manifest.yaml"))
	require.NoError(t, err)
	dir = t.TempDir()
	manifest = filepath.Join(dir, "manifest.yaml")
	require.NoError(t, os.WriteFile(manifest, data, 0o644))
	return dir, manifest
}

// TestHostconfigMergeKeepsOwnerAndMode: whatever the file's mode and
// owner, the merged file has the same, and no temporary file is left.
// Run as root, a file owned by another user stays theirs.
func TestHostconfigMergeKeepsOwnerAndMode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		mode     os.FileMode
		uid, gid int // -1: the test's own
	}{
		{"0600", 0o600, -1, -1},
		{"0640", 0o640, -1, -1},
		{"0444, read-only", 0o444, -1, -1},
		{"0604", 0o604, -1, -1},
		{"another user's, as root", 0o644, 4321, 4322},
		{"another group, as root", 0o660, -1, 4323},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if (tc.uid >= 0 || tc.gid >= 0) && os.Geteuid() != 0 {
				t.Skip("giving a file to another user needs root")
			}
			dir, manifest := mergeSetup(t)
			app := filepath.Join(dir, "app.json")
			require.NoError(t, os.WriteFile(app, []byte(`{"pages":["index"]}`), 0o600))
			require.NoError(t, os.Chmod(app, tc.mode))
			require.NoError(t, os.Lchown(app, tc.uid, tc.gid))
			before, err := os.Stat(app)
			require.NoError(t, err)
			var stdout, stderr bytes.Buffer
			code := cli.Main([]string{"hostconfig", "-manifest", manifest, "-platform", "wechat", "-merge", app}, &stdout, &stderr)
			require.Equal(t, cli.ExitOK, code, stderr.String())
			after, err := os.Stat(app)
			require.NoError(t, err)
			assert.Equal(t, tc.mode, after.Mode().Perm())
			assert.Equal(t, before.Sys().(*syscall.Stat_t).Uid, after.Sys().(*syscall.Stat_t).Uid, "owner kept")
			assert.Equal(t, before.Sys().(*syscall.Stat_t).Gid, after.Sys().(*syscall.Stat_t).Gid, "group kept")
			assert.False(t, os.SameFile(before, after), "replaced atomically, not written in place")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 2, "no temporary file left behind")
		})
	}
}

// TestHostconfigMergeReadsBounded: -merge reads app.json with the
// manifest's limits: what is not a regular file is refused by name before
// it is opened, and a file over rules.MaxBytes without reading it whole.
func TestHostconfigMergeReadsBounded(t *testing.T) {
	dir, manifest := mergeSetup(t)
	fifo := filepath.Join(dir, "fifo.json")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	zero := filepath.Join(dir, "zero.json")
	require.NoError(t, os.Symlink("/dev/zero", zero))
	huge := filepath.Join(dir, "huge.json")
	f, err := os.Create(huge)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(rules.MaxBytes+1)) // sparse: nothing to read until it is read
	require.NoError(t, f.Close())
	for path, want := range map[string]string{
		dir:  "is a folder, not a regular file",
		fifo: "is a named pipe (FIFO), not a regular file",
		zero: "is a character device, not a regular file",
		huge: fmt.Sprintf("is %d bytes; the limit is %d", rules.MaxBytes+1, rules.MaxBytes),
	} {
		var stdout, stderr bytes.Buffer
		code := cli.Main([]string{"hostconfig", "-manifest", manifest, "-platform", "wechat", "-merge", path}, &stdout, &stderr)
		assert.Equal(t, cli.ExitUsage, code, path)
		assert.Contains(t, stderr.String(), "-merge "+path+" "+want, path)
	}
}

// TestHostconfigMergeModuleKeepsModesAndLinks: -merge of a HarmonyOS
// module.json5 replaces both files atomically, each keeping its mode; a
// link to module.json5 stays a link (its string.json is found beside the
// link, as the DevEco tree the user named has it); no temporary file is
// left.
func TestHostconfigMergeModuleKeepsModesAndLinks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(casesDir, "privacy-harmony", "manifest.yaml"))
	require.NoError(t, err)
	dir := t.TempDir()
	manifest := filepath.Join(dir, "manifest.yaml")
	require.NoError(t, os.WriteFile(manifest, data, 0o644))
	main := filepath.Join(dir, "entry", "src", "main")
	element := filepath.Join(main, "resources", "base", "element")
	require.NoError(t, os.MkdirAll(element, 0o755))
	real := filepath.Join(dir, "real.json5")
	require.NoError(t, os.WriteFile(real, []byte("{module: {name: 'entry'}} // kept\n"), 0o600))
	link := filepath.Join(main, "module.json5")
	require.NoError(t, os.Symlink(real, link))
	strs := filepath.Join(element, "string.json")
	require.NoError(t, os.WriteFile(strs, []byte(`{"string": []}`), 0o640))
	before, err := os.Stat(strs)
	require.NoError(t, err)

	var stdout, stderr bytes.Buffer
	code := cli.Main([]string{"hostconfig", "-manifest", manifest, "-platform", "harmony", "-merge", link}, &stdout, &stderr)
	require.Equal(t, cli.ExitOK, code, stderr.String())

	info, err := os.Lstat(link)
	require.NoError(t, err)
	assert.Equal(t, os.ModeSymlink, info.Mode().Type(), "the link is still a link")
	for path, mode := range map[string]os.FileMode{real: 0o600, strs: 0o640} {
		info, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, mode, info.Mode().Perm(), path)
	}
	after, err := os.Stat(strs)
	require.NoError(t, err)
	assert.False(t, os.SameFile(before, after), "replaced atomically, not written in place")
	merged, err := os.ReadFile(real)
	require.NoError(t, err)
	assert.Contains(t, string(merged), `"ohos.permission.CAMERA"`)
	assert.Contains(t, string(merged), "// kept")
	for _, d := range []string{dir, main, element} {
		entries, err := os.ReadDir(d)
		require.NoError(t, err)
		for _, e := range entries {
			assert.NotContains(t, e.Name(), ".tmp", "no temporary file left behind")
		}
	}
}
