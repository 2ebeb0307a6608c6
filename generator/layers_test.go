package generator_test

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/scopegen/scopegen"

// layers is the import graph CONTRIBUTING.md's Layout section describes,
// bottom first: a package may import packages of lower layers only, never
// one of its own layer (the emitters, and validate beside them, are
// independent of each other). Paths are relative to the module.
var layers = [][]string{
	{"generator/rules", "generator/diag", "internal/filekind", "internal/gomod", "templates", ""},
	{"generator/load", "generator/output"},
	{"generator/model", "generator/outdir"},
	{"generator/validate", "generator/goemit", "generator/npmemit", "generator/docsemit", "generator/schemaemit", "generator/hostconfigemit", "generator/testkitemit"},
	{"generator"},
	{"generator/breaking", "generator/vet"},
	{"generator/cli"},
	{"cmd/scopegen", "cmd/scopegen-vet"},
}

// testSupport are packages only tests and benchmarks use: they may import
// anything, and no package of a layer may import them.
var testSupport = []string{
	"internal/testsupport/synth", "internal/testsupport/mdtable", "internal/testsupport/doclinks", "internal/bench",
	"internal/example", "internal/generatedtest", "internal/testsupport/synth/scaled",
}

// TestImportsFollowTheLayers reads the non-test imports of every package
// of the module (go/build, no go command) and holds them to layers.
func TestImportsFollowTheLayers(t *testing.T) {
	layerOf := map[string]int{}
	for i, layer := range layers {
		for _, p := range layer {
			layerOf[p] = i
		}
	}
	var seen []string
	err := filepath.WalkDir("..", func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(strings.TrimPrefix(dir, ".."), "/"))
		if name := d.Name(); dir != ".." && (name == "testdata" || name == "node_modules" || name == "generated" || strings.HasPrefix(name, ".")) {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(dir, 0)
		if _, none := err.(*build.NoGoError); none {
			return nil
		}
		require.NoError(t, err, dir)
		seen = append(seen, rel)
		mine, layered := layerOf[rel]
		if !layered {
			assert.Contains(t, testSupport, rel, "package %q is in no layer: add it to layers (and CONTRIBUTING.md's Layout) or to testSupport", rel)
			return nil
		}
		for _, imp := range pkg.Imports {
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if slices.Contains(testSupport, dep) {
				t.Errorf("%s imports %s, which is test support", rel, dep)
				continue
			}
			theirs, ok := layerOf[dep]
			if assert.True(t, ok, "%s imports %s, which is in no layer", rel, dep) {
				assert.Less(t, theirs, mine, "%s (layer %d) imports %s (layer %d): a package imports lower layers only", rel, mine, dep, theirs)
			}
		}
		return nil
	})
	require.NoError(t, err)
	for p := range layerOf {
		assert.Contains(t, seen, p, "layers names %q, which is not a package of the module", p)
	}
}
