//go:build unix

package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
)

// TestAddKeepsOwnerModeAndLinks: add replaces the manifest as hostconfig
// -merge replaces app.json (one function): owner, group and mode kept, no
// temporary file left; a symbolic link stays a link and its target is
// the file edited.
func TestAddKeepsOwnerModeAndLinks(t *testing.T) {
	for _, tc := range []struct {
		name     string
		mode     os.FileMode
		uid, gid int // -1: the test's own
		link     bool
	}{
		{"0600", 0o600, -1, -1, false},
		{"0640 through a link", 0o640, -1, -1, true},
		{"nobody's 0600, as root", 0o600, 65534, 65534, false},
		{"another group's 0660 through a link, as root", 0o660, -1, 4323, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if (tc.uid >= 0 || tc.gid >= 0) && os.Geteuid() != 0 {
				t.Skip("giving a file to another user needs root")
			}
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.26\n"), 0o644))
			real := filepath.Join(dir, "real.yaml")
			var stdout, stderr bytes.Buffer
			require.Equal(t, cli.ExitOK, cli.Main([]string{"init", "-manifest", real, "-platforms", "wechat"}, &stdout, &stderr), stderr.String())
			require.NoError(t, os.Remove(filepath.Join(dir, "doc.go")))
			require.NoError(t, os.Chmod(real, tc.mode))
			require.NoError(t, os.Lchown(real, tc.uid, tc.gid))
			manifest := real
			if tc.link {
				manifest = filepath.Join(dir, "manifest.yaml")
				require.NoError(t, os.Symlink("real.yaml", manifest))
			}
			before, err := os.Stat(real)
			require.NoError(t, err)
			code := cli.Main([]string{"add", "-manifest", manifest, "-platform", "alipay"}, &stdout, &stderr)
			require.Equal(t, cli.ExitOK, code, stderr.String())
			after, err := os.Stat(real)
			require.NoError(t, err)
			assert.Greater(t, after.Size(), before.Size(), "the target was edited")
			assert.Equal(t, tc.mode, after.Mode().Perm())
			assert.Equal(t, before.Sys().(*syscall.Stat_t).Uid, after.Sys().(*syscall.Stat_t).Uid, "owner kept")
			assert.Equal(t, before.Sys().(*syscall.Stat_t).Gid, after.Sys().(*syscall.Stat_t).Gid, "group kept")
			if tc.link {
				info, err := os.Lstat(manifest)
				require.NoError(t, err)
				assert.Equal(t, os.ModeSymlink, info.Mode().Type(), "the link is still a link")
			}
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			want := 2 // go.mod, real.yaml
			if tc.link {
				want++
			}
			assert.Len(t, entries, want, "no temporary file left behind")
		})
	}
}
