package outdir_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
)

// TestStaleRemovalTrustsOnlyTheRecord: a marker file the record does not
// list (a golden file, a copy) is never removed, only reported.
func TestStaleRemovalTrustsOnlyTheRecord(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, output.Files{"a.go": gen("a"), "old.go": gen("old")})
	require.NoError(t, os.WriteFile(filepath.Join(dir, "golden.go"), gen("golden"), 0o644))
	rep := write(t, dir, output.Files{"a.go": gen("a")})
	assert.Equal(t, []string{"old.go"}, rep.Removed)
	assert.Equal(t, []outdir.Warning{{Path: "golden.go", Reason: "carries the scopegen marker but .scopegen/FILES does not list it; left in place"}}, rep.Warnings)
	assert.FileExists(t, filepath.Join(dir, "golden.go"))
}

// TestWithoutARecordNothingIsRemoved: the first run into a folder that has
// no record (a folder of goldens, or output from before records) removes
// nothing and names the marker files it kept.
func TestWithoutARecordNothingIsRemoved(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"case1/want.go", "case2/want.go"} {
		require.NoError(t, os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, p), gen(p), 0o644))
	}
	rep := write(t, dir, output.Files{"a.go": gen("a")})
	assert.Empty(t, rep.Removed)
	assert.Len(t, rep.Warnings, 2)
	assert.Contains(t, tree(t, dir), "case1/want.go")
	assert.Contains(t, tree(t, dir), "case2/want.go")
}

func TestRecordIsDeterministicAndListsEveryFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, output.Files{"b/x.go": gen("x"), "a.go": gen("a")})
	record, err := os.ReadFile(filepath.Join(dir, outdir.RecordFile))
	require.NoError(t, err)
	assert.Equal(t, "# "+output.Marker+"\n# Files scopegen wrote here; it removes only these when they are no longer produced.\n.scopegen/.gitignore\n.scopegen/FILES\na.go\nb/x.go\n", string(record))
	drift, err := outdir.Compare(dir, output.Files{"b/x.go": gen("x"), "a.go": gen("a")})
	require.NoError(t, err)
	assert.True(t, drift.Clean())
}

func TestRecordWithAPathOutsideIsRefused(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, outdir.RecordDir), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, outdir.RecordFile), []byte("# "+output.Marker+"\n../victim.go\n"), 0o644))
	_, err := outdir.Write(dir, output.Files{"a.go": gen("a")})
	require.ErrorContains(t, err, `invalid output path "../victim.go"`)
}

// TestEmptyFoldersScopegenDidNotEmptyAreKept: an empty .git/refs/tags (or
// any empty folder) survives, also on a run that changes nothing; a
// folder emptied by removing our stale file goes.
func TestEmptyFoldersScopegenDidNotEmptyAreKept(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, ".git", "refs", "tags"), 0o755))
	write(t, dir, output.Files{"a.go": gen("a"), "gone/deep/b.go": gen("b")})
	write(t, dir, output.Files{"a.go": gen("a")})
	write(t, dir, output.Files{"a.go": gen("a")})
	got := tree(t, dir)
	assert.Contains(t, got, ".git/refs/tags/")
	assert.NotContains(t, got, "gone/")
}

// TestSpecialFilesInTheWayAreRefusedBeforeWriting: a FIFO, a folder or a
// device where an output file goes is an error, and nothing is written.
func TestSpecialFilesInTheWayAreRefusedBeforeWriting(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, p string)
		want string
	}{
		{"fifo", func(t *testing.T, p string) { require.NoError(t, syscall.Mkfifo(p, 0o644)) }, "is a named pipe (FIFO), not a regular file"},
		{"folder", func(t *testing.T, p string) { require.NoError(t, os.Mkdir(p, 0o755)) }, "is a folder, not a regular file"},
		{"device", func(t *testing.T, p string) { require.NoError(t, os.Symlink("/dev/zero", p)) }, "refusing to write through symbolic link"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			tt.make(t, filepath.Join(dir, "z.go"))
			before := tree(t, dir)
			files := output.Files{"a.go": gen("a"), "z.go": gen("z")}
			_, err := outdir.Write(dir, files)
			require.ErrorContains(t, err, tt.want)
			assert.Equal(t, before, tree(t, dir), "nothing written")
			_, err = outdir.Compare(dir, files)
			require.ErrorContains(t, err, tt.want, "check refuses it too, without reading it")
		})
	}
}

// TestLockLivesInTheOutputFolder: runs with different $TMPDIR meet the
// same lock.
func TestLockLivesInTheOutputFolder(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", t.TempDir())
	write(t, dir, output.Files{"a.go": gen("a")})
	assert.FileExists(t, filepath.Join(dir, outdir.RecordDir, "lock"))
	ignore, err := os.ReadFile(filepath.Join(dir, outdir.RecordDir, ".gitignore"))
	require.NoError(t, err)
	assert.Contains(t, string(ignore), "\nlock\n")
}

func TestWriteRefusesAModuleRoot(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module x\n"), 0o644))
	_, err := outdir.Write(dir, output.Files{"a.go": gen("a")})
	require.ErrorContains(t, err, "is a module root")
	manifest := filepath.Join(t.TempDir(), "m", "manifest.yaml")
	_, err = outdir.Write(filepath.Dir(filepath.Dir(manifest)), output.Files{"a.go": gen("a")}, manifest)
	require.ErrorContains(t, err, "holds the manifest")
}
