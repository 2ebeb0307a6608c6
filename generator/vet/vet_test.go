package vet_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/vet"
)

var update = flag.Bool("update", false, "rewrite testdata/generated from testdata/manifest.yaml")

// TestTestdataGenerated keeps the generated packages the analyzer tests
// import equal to what scopegen makes of testdata/manifest.yaml.
func TestTestdataGenerated(t *testing.T) {
	data, err := os.ReadFile("testdata/manifest.yaml")
	require.NoError(t, err)
	files, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "example.com/app/generated"})
	require.NoError(t, err)
	require.Empty(t, diags)
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".go") {
			continue
		}
		path := filepath.Join("testdata/generated", filepath.FromSlash(p))
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, files[p], 0o644))
			continue
		}
		got, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./generator/vet -run TestTestdataGenerated -update")
		assert.Equal(t, string(files[p]), string(got), "%s is stale: run with -update", path)
	}
}

// TestRules runs each rule's golden package: every finding is a // want
// comment, and every suggested fix gives the .golden file.
func TestRules(t *testing.T) {
	for _, pkg := range []string{"nameliteral", "unknownname", "nativeliteral", "switchmissing", "indirect", "clean", "shadowing"} {
		t.Run(pkg, func(t *testing.T) {
			analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), vet.Analyzer, "example.com/app/"+pkg)
		})
	}
}

// TestDocsListEveryRule keeps docs/vet.md's rule table equal to Rules:
// same ids, same purposes, same order, nothing extra.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/vet.md")
	require.NoError(t, err)
	row := regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\| (.+) \\|$")
	var got, want []string
	for _, m := range row.FindAllStringSubmatch(string(doc), -1) {
		got = append(got, m[1]+": "+m[2])
	}
	for _, r := range vet.Rules {
		want = append(want, r.ID+": "+r.Purpose)
	}
	assert.Equal(t, want, got)
}

// recorder is an analysistest.Testing that keeps the errors it is given.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// TestManifestFlag: -manifest replaces the manifest beside go.mod, and an
// invalid one is an analyzer error that says what is wrong, not silence.
func TestManifestFlag(t *testing.T) {
	manifest, err := filepath.Abs("testdata/invalid/manifest.yaml")
	require.NoError(t, err)
	require.NoError(t, vet.Analyzer.Flags.Set("manifest", manifest))
	t.Cleanup(func() { require.NoError(t, vet.Analyzer.Flags.Set("manifest", "")) })
	var r recorder
	results := analysistest.Run(&r, analysistest.TestData(), vet.Analyzer, "example.com/app/nameliteral")
	require.Len(t, results, 1)
	require.Error(t, results[0].Err)
	assert.Contains(t, results[0].Err.Error(), "the manifest is invalid")
	assert.Contains(t, results[0].Err.Error(), "(UNKNOWN_FIELD)")
}
