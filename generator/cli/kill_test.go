package cli_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// TestKilledGenerateLeavesOldOrNew builds scopegen, then SIGKILLs
// `scopegen generate` at random moments while it switches the output of a
// 3,000-scope manifest between two versions, and checks after every kill
// that each file is byte for byte its old or its new version.
func TestKilledGenerateLeavesOldOrNew(t *testing.T) {
	if testing.Short() {
		t.Skip("builds scopegen and generates a large manifest repeatedly")
	}
	const importPath = "example.com/gen"
	oldManifest := synth.Sized(3000)
	newManifest := bytes.ReplaceAll(oldManifest, []byte("title: Synthetic scope"), []byte("title: Revised synthetic scope"))
	oldFiles := mustGenerate(t, oldManifest, importPath)
	start := time.Now()
	newFiles := mustGenerate(t, newManifest, importPath)
	inMemory := time.Since(start) // the part of a run before the first write
	require.GreaterOrEqual(t, len(oldFiles), 2, "a run to interrupt writes several files")

	work := t.TempDir()
	bin := filepath.Join(work, "scopegen")
	build := exec.Command("go", "build", "-o", bin, "github.com/scopegen/scopegen/cmd/scopegen")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	manifests := map[string]string{"old": filepath.Join(work, "old.yaml"), "new": filepath.Join(work, "new.yaml")}
	require.NoError(t, os.WriteFile(manifests["old"], oldManifest, 0o644))
	require.NoError(t, os.WriteFile(manifests["new"], newManifest, 0o644))
	out := filepath.Join(work, "generated")
	generate := func(version string) *exec.Cmd {
		return exec.Command(bin, "generate", "-manifest", manifests[version], "-out", out, "-go-import-path", importPath)
	}
	complete := func(version string) {
		msg, err := generate(version).CombinedOutput()
		require.NoError(t, err, "%s", msg)
	}

	start = time.Now()
	complete("old") // writes every file, as a switch does
	full := time.Since(start)
	t.Logf("one full generation of %d files takes %v, %v of it before writing", len(oldFiles), full, inMemory)
	// Kill mostly while files are being written, where a non-atomic
	// write would show; a tenth of the kills land anywhere.
	earliest := min(inMemory*8/10, full/2)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	kills := 0
	deadline := time.Now().Add(6 * time.Second)
	for i := 0; i < 20 && time.Now().Before(deadline); i++ {
		cmd := generate([]string{"new", "old"}[i%2])
		require.NoError(t, cmd.Start())
		delay := earliest + time.Duration(rng.Int64N(int64(full-earliest)))
		if i%10 == 9 {
			delay = time.Duration(rng.Int64N(int64(full)))
		}
		time.Sleep(delay)
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		_ = cmd.Wait()
		assertOldOrNew(t, out, oldFiles, newFiles)
	}
	t.Logf("%d kills", kills)
	assert.Positive(t, kills)

	complete("new")
	drift, err := outdir.Compare(out, newFiles)
	require.NoError(t, err)
	assert.True(t, drift.Clean(), "after a full run: changed %v, missing %v, stale %v", drift.Changed, drift.Missing, drift.Stale)
}

func mustGenerate(t *testing.T, manifest []byte, importPath string) output.Files {
	t.Helper()
	files, diags, err := generator.Generate("manifest.yaml", manifest, generator.Options{GoImportPath: importPath})
	require.NoError(t, err)
	require.Empty(t, diags)
	return files
}

// assertOldOrNew checks every file under dir except an interrupted run's
// temporary files, which the next run removes, and the record folder
// (its lock, and the record written atomically like every file).
func assertOldOrNew(t *testing.T, dir string, oldFiles, newFiles output.Files) {
	t.Helper()
	for rel, state := range treeState(t, dir) {
		if state == "dir" || strings.HasPrefix(filepath.Base(rel), ".scopegen-tmp-") || strings.HasPrefix(filepath.ToSlash(rel), outdir.RecordDir+"/") {
			continue
		}
		content := state[strings.IndexByte(state, 0)+1:]
		p := filepath.ToSlash(rel)
		o, inOld := oldFiles[p]
		n, inNew := newFiles[p]
		require.True(t, (inOld && content == string(o)) || (inNew && content == string(n)),
			"%s is neither the old nor the new version (%d bytes)", p, len(content))
	}
}
