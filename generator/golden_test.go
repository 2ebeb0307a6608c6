package generator_test

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aymanbagabas/go-udiff"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/cases")

// casesDir holds one folder per case: manifest.yaml plus either want/ (the
// whole expected output tree) or want.txt (the expected diagnostics).
const casesDir = "../testdata/cases"

// caseImportPath is the Go import path a case's output is generated for;
// TestGoldenGoCompiles builds every case as one module under it.
func caseImportPath(name string) string { return "example.com/cases/" + name }

type goldenCase struct {
	name, dir string
	manifest  []byte
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	entries, err := os.ReadDir(casesDir)
	require.NoError(t, err)
	var out []goldenCase
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(casesDir, e.Name())
		data, err := os.ReadFile(filepath.Join(dir, "manifest.yaml"))
		require.NoError(t, err, "case %s", e.Name())
		out = append(out, goldenCase{e.Name(), dir, data})
	}
	require.NotEmpty(t, out)
	return out
}

func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			files, diags, err := generator.Generate("manifest.yaml", c.manifest, generator.Options{GoImportPath: caseImportPath(c.name)})
			require.NoError(t, err)
			wantTxt := filepath.Join(c.dir, "want.txt")
			wantDir := filepath.Join(c.dir, "want")
			if len(diags) > 0 {
				got := diags.Error() + "\n"
				if *update {
					require.NoError(t, os.RemoveAll(wantDir))
					require.NoError(t, os.WriteFile(wantTxt, []byte(got), 0o644))
					return
				}
				want, err := os.ReadFile(wantTxt)
				require.NoError(t, err, "the manifest is invalid; run go test ./generator -run TestGolden -update to record want.txt")
				assert.Equal(t, string(want), got)
				return
			}
			if *update {
				_ = os.Remove(wantTxt)
				require.NoError(t, os.RemoveAll(wantDir))
				_, err := outdir.Write(wantDir, files)
				require.NoError(t, err)
				return
			}
			drift, err := outdir.Compare(wantDir, files)
			require.NoError(t, err)
			assert.Empty(t, drift.Missing, "files generated but not in want/")
			assert.Empty(t, drift.Changed, "files that differ from want/:\n%s", driftDiff(wantDir, drift))
			assert.Empty(t, extraFiles(t, wantDir, files), "files in want/ that are no longer generated")
		})
	}
}

// driftDiff is a unified diff of drift's changed and missing files below
// dir, a/ = disk, b/ = generated, for a failure message.
func driftDiff(dir string, drift *outdir.Drift) string {
	var b strings.Builder
	for _, p := range append(slices.Clone(drift.Changed), drift.Missing...) {
		old, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p))) // a missing file reads as empty
		b.WriteString(udiff.Unified("a/"+p, "b/"+p, string(old), string(drift.Expected[p])))
	}
	return b.String()
}

// extraFiles lists files under dir that files does not hold, whatever
// their header, the record folder aside.
func extraFiles(t *testing.T, dir string, files output.Files) []string {
	var extra []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return nil // no want/ yet: every file is reported missing instead
		}
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if strings.HasPrefix(filepath.ToSlash(rel), outdir.RecordDir+"/") {
			return nil // the record (Compare checks it) and the lock
		}
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			extra = append(extra, rel)
		}
		return nil
	})
	require.NoError(t, err)
	return extra
}

// TestGoldenGoCompiles builds and vets the Go of every valid case as one
// module, so a golden that would not compile fails here even when it
// matches want/ byte for byte.
func TestGoldenGoCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with the go command")
	}
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/cases\n\ngo 1.26\n"), 0o644))
	copied := 0
	for _, c := range goldenCases(t) {
		want := filepath.Join(c.dir, "want")
		if _, err := os.Stat(want); err != nil {
			continue
		}
		err := filepath.WalkDir(want, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			rel, _ := filepath.Rel(want, p)
			dst := filepath.Join(root, c.name, rel)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			copied++
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		require.NoError(t, err)
	}
	// Every valid case generates Go: none copied means the walk above
	// found no want/ tree, and vetting nothing would prove nothing.
	require.NotZero(t, copied, "no Go files in any golden case")
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go vet over the golden Go:\n%s", out)
}
