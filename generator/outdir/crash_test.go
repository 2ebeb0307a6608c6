package outdir_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
)

// helperEnv makes the test binary a writer process: "VERSION N DIR"
// writes versionFiles(VERSION, N) to DIR with outdir.Write and exits. The crash test kills
// such processes mid-write.
const helperEnv = "SCOPEGEN_OUTPUT_TEST_WRITER"

func TestMain(m *testing.M) {
	if arg := os.Getenv(helperEnv); arg != "" {
		var version, dir string
		var helperSize int
		if _, err := fmt.Sscan(arg, &version, &helperSize, &dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if _, err := outdir.Write(dir, versionFiles(version, helperSize)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// versionFiles returns a tree of about n files for version "old" or "new": most
// paths in both with different contents and lengths, and some paths in
// only one, so that a killed run can leave any mixture of the two.
func versionFiles(version string, n int) output.Files {
	files := output.Files{}
	for i := range n {
		if (version == "old" && i%10 == 9) || (version == "new" && i%10 == 8) {
			continue // produced by the other version only: stale when switching
		}
		size := 200 + (i*37)%3000
		if version == "new" {
			size = 3200 - size // longer where old is shorter: truncation shows
		}
		body := fmt.Sprintf("%s %d %s", version, i, strings.Repeat(version[:1], size))
		files[fmt.Sprintf("pkg%02d/sub%d/file%04d.go", i%40, i%3, i)] = gen(body)
	}
	return files
}

// checkOldOrNew asserts that every file under dir is, byte for byte, its
// old or its new version; an interrupted run's temporary files are
// allowed (the next run removes them) but counted, and each must be
// listed in the PENDING the killed run left (class 6 of
// docs/robustness.md: nothing a killed run wrote is unknown).
func checkOldOrNew(t *testing.T, dir string, oldFiles, newFiles output.Files) (debris int) {
	t.Helper()
	pending, _ := os.ReadFile(filepath.Join(dir, outdir.PendingFile))
	for p, content := range tree(t, dir) {
		if strings.HasSuffix(p, "/") {
			continue
		}
		if strings.HasPrefix(filepath.Base(p), ".scopegen-tmp-") {
			require.Contains(t, string(pending), "\ntemp "+p+"\n", "%s is known to no record", p)
			debris++
			continue
		}
		o, inOld := oldFiles[p]
		n, inNew := newFiles[p]
		require.True(t, inOld || inNew, "%s belongs to neither version", p)
		require.True(t, (inOld && content == string(o)) || (inNew && content == string(n)),
			"%s is neither the old nor the new version (%d bytes)", p, len(content))
	}
	return debris
}

// TestKilledWriteLeavesOldOrNew SIGKILLs writer processes at random
// moments while they switch a 1,500-file tree between two versions, and
// checks after each kill that every file is a whole old or new version;
// then a full run must leave exactly the last version.
func TestKilledWriteLeavesOldOrNew(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns writer processes")
	}
	const n = 1500
	dir := filepath.Join(t.TempDir(), "generated")
	oldFiles, newFiles := versionFiles("old", n), versionFiles("new", n)
	write(t, dir, oldFiles)

	start := time.Now()
	require.NoError(t, runWriter(dir, "new", n).Run())
	full := time.Since(start)
	t.Logf("one full switch of %d files takes %v", len(newFiles), full)

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	kills, debris := 0, 0
	deadline := time.Now().Add(6 * time.Second)
	for i := 0; i < 40 && time.Now().Before(deadline); i++ {
		version := []string{"old", "new"}[i%2]
		cmd := runWriter(dir, version, n)
		require.NoError(t, cmd.Start())
		time.Sleep(time.Duration(rng.Int64N(int64(full))))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		_ = cmd.Wait() // killed, or finished first
		debris += checkOldOrNew(t, dir, oldFiles, newFiles)
	}
	t.Logf("%d kills, %d temporary files left behind", kills, debris)
	assert.Positive(t, kills)

	write(t, dir, newFiles)
	drift, err := outdir.Compare(dir, newFiles)
	require.NoError(t, err)
	assert.True(t, drift.Clean(), "after a full run: changed %v, missing %v, stale %v", drift.Changed, drift.Missing, drift.Stale)
}

func runWriter(dir, version string, n int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s %d %s", helperEnv, version, n, dir))
	cmd.Stderr = os.Stderr
	return cmd
}

// TestConcurrentWritesLeaveOneVersion runs writers of two different trees
// at once, in processes and goroutines; without serialisation a run's
// stale-file sweep would delete the other's fresh files, or leave them.
// Whatever the interleaving, the folder must end as exactly one version.
func TestConcurrentWritesLeaveOneVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns writer processes")
	}
	const n = 300
	oldFiles, newFiles := versionFiles("old", n), versionFiles("new", n)
	for round := range 3 {
		dir := filepath.Join(t.TempDir(), "generated")
		link := filepath.Join(t.TempDir(), "link") // the goroutines reach the folder through a link
		require.NoError(t, os.Mkdir(dir, 0o755))
		require.NoError(t, os.Symlink(dir, link))
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for i := range 4 {
			version := []string{"old", "new"}[(i+round)%2]
			wg.Go(func() { errs <- runWriter(dir, version, n).Run() })
			wg.Go(func() {
				_, err := outdir.Write(link, versionFiles(version, n))
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		got := tree(t, dir)
		oldDrift, err := outdir.Compare(dir, oldFiles)
		require.NoError(t, err)
		newDrift, err := outdir.Compare(dir, newFiles)
		require.NoError(t, err)
		assert.True(t, oldDrift.Clean() || newDrift.Clean(),
			"round %d: a mixture: %d entries, %d stale against old, %d stale against new, %d missing from new: %v",
			round, len(got), len(oldDrift.Stale), len(newDrift.Stale), len(newDrift.Missing), oldDrift.Stale)
	}
}
