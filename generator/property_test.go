package generator_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/testsupport/mdtable"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

var (
	randomCount = flag.Int("random", 20, "how many random valid manifests TestRandomManifests generates")
	randomSeed  = flag.Uint64("random-seed", 1, "seed of TestRandomManifests; 0 picks one from the clock")
)

// checkDocTables parses every generated Markdown page as a GFM viewer
// would: every row has its header's cell count, and the Scope List has a
// row per scope.
func checkDocTables(t *testing.T, name string, manifest []byte, files output.Files) {
	t.Helper()
	m, diags := generator.Resolve("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/x"})
	require.Empty(t, diags)
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		tables, err := mdtable.Parse(files[p])
		require.NoError(t, err)
		for _, tb := range tables {
			for i, row := range tb.Rows {
				require.Len(t, row, len(tb.Header), "%s %s: row %d of the table headed %q", name, p, i, tb.Header)
			}
		}
		if p == "docs/authorize.md" {
			scopes, ok := mdtable.Find(tables, "scope", "Description")
			require.True(t, ok, "%s: no Scope List", name)
			require.Len(t, scopes.Rows, len(m.Scopes), "%s: one Scope List row per scope", name)
		}
	}
}

// TestRandomManifests generates many random valid manifests (names at the
// edge of what is allowed, hostile text in every free-text field) and
// checks that the whole output holds: the docs' tables parse, all the Go
// is vetted as one module, and all the typings with a consumer each are
// type-checked in one tsc --strict run (property_ts_test.go).
// Run more with -random=500 -random-seed=0.
func TestRandomManifests(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module with the go command")
	}
	seed := *randomSeed
	if seed == 0 {
		seed = rand.Uint64()
	}
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 0))
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.com/prop\n\ngo 1.26\n"), 0o644))
	ts := newTSProgram(t, filepath.Join(root, "ts"))
	for i := range *randomCount {
		manifest := synth.Random(r)
		name := fmt.Sprintf("m%03d", i)
		files, diags, err := generator.Generate("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/prop/" + name})
		require.NoError(t, err, "manifest %s:\n%s", name, manifest)
		require.Empty(t, diags, "synth.Random made an invalid manifest %s:\n%s", name, manifest)
		checkDocTables(t, name, manifest, files)
		ts.add(t, name, manifest, files)
		for _, p := range files.Paths() {
			if !strings.HasSuffix(p, ".go") {
				continue
			}
			dst := filepath.Join(root, name, filepath.FromSlash(p))
			require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
			require.NoError(t, os.WriteFile(dst, files[p], 0o644))
		}
		require.NoError(t, os.WriteFile(filepath.Join(root, name+".yaml"), manifest, 0o644))
	}
	waitTSC := ts.start(t, seed)
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go vet over random manifests' Go (seed %d):\n%s", seed, out)
	t.Run("tsc", waitTSC)
}
