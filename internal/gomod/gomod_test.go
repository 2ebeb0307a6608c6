package gomod_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/internal/gomod"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string // below a fresh folder
		dir      string            // where Find starts, below it
		wantRoot string            // below it; "" with wantErr
		wantMod  string
		wantErr  string
	}{
		{"go.mod in dir", map[string]string{"go.mod": "module example.com/a\n"}, ".", ".", "example.com/a", ""},
		{"go.mod above dir", map[string]string{"go.mod": "module example.com/a\n", "x/y/keep": ""}, "x/y", ".", "example.com/a", ""},
		{"nearest wins", map[string]string{"go.mod": "module example.com/a\n", "x/go.mod": "module example.com/b\n", "x/y/keep": ""}, "x/y", "x", "example.com/b", ""},
		{"quoted module path", map[string]string{"go.mod": "// comment\nmodule \"example.com/q\"\n\ngo 1.26\n"}, ".", ".", "example.com/q", ""},
		{"no module line", map[string]string{"go.mod": "go 1.26\n", "x/keep": ""}, "x", "", "", "go.mod has no module line"},
		{"go.mod is a folder", map[string]string{"go.mod/keep": ""}, ".", "", "", "is a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := t.TempDir()
			for p, content := range tt.files {
				full := filepath.Join(base, filepath.FromSlash(p))
				require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
				require.NoError(t, os.WriteFile(full, []byte(content), 0o644))
			}
			root, mod, err := gomod.Find(filepath.Join(base, filepath.FromSlash(tt.dir)))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.Empty(t, root)
				assert.Empty(t, mod)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, filepath.Join(base, filepath.FromSlash(tt.wantRoot)), root)
			assert.Equal(t, tt.wantMod, mod)
		})
	}
}

// TestFindMakesDirAbsolute: a relative dir is resolved against the
// working folder, and root comes back absolute.
func TestFindMakesDirAbsolute(t *testing.T) {
	base := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(base, "go.mod"), []byte("module example.com/a\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(base, "sub"), 0o755))
	t.Chdir(filepath.Join(base, "sub"))
	root, mod, err := gomod.Find(".")
	require.NoError(t, err)
	want, err := filepath.EvalSymlinks(base)
	require.NoError(t, err)
	got, err := filepath.EvalSymlinks(root)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.True(t, filepath.IsAbs(root))
	assert.Equal(t, "example.com/a", mod)
}

// TestFindNone: without any go.mod up to the file system root, the error
// is ErrNotFound. It needs a temporary folder with no go.mod above it.
func TestFindNone(t *testing.T) {
	base := t.TempDir()
	if _, _, err := gomod.Find(filepath.Dir(base)); err == nil {
		t.Skipf("a go.mod sits above the temporary folder %s", base)
	}
	_, _, err := gomod.Find(base)
	require.ErrorIs(t, err, gomod.ErrNotFound)
	assert.Contains(t, err.Error(), "at or above "+base)
}
