package generator_test

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// addSeeds seeds f with the root manifest and every manifest under
// testdata/cases, good and bad.
func addSeeds(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join(casesDir, "*", "manifest.yaml"))
	require.NoError(f, err)
	breaking, err := filepath.Glob("../testdata/breaking/*/*.yaml")
	require.NoError(f, err)
	paths = append(append(paths, breaking...), "../manifest.yaml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
}

// FuzzLoad: no input makes the loader panic, and a loader that reports
// nothing returns a manifest.
func FuzzLoad(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, diags := load.Load("manifest.yaml", data)
		if len(diags) == 0 {
			require.NotNil(t, m)
		}
		for _, d := range diags {
			require.NotEmpty(t, d.Rule)
			require.NotEmpty(t, d.Message)
		}
	})
}

// FuzzResolve: load, validate and model never panic, and a manifest they
// accept comes out resolved: sorted, numbered, every support pointing at
// its own scope and a declared platform.
func FuzzResolve(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/fuzz/generated"})
		if len(diags) > 0 {
			require.Nil(t, m)
			return
		}
		require.NotNil(t, m)
		for i, s := range m.Scopes {
			require.Equal(t, i+1, s.Index)
			if i > 0 {
				require.Less(t, m.Scopes[i-1].Name, s.Name)
			}
			for _, sup := range s.Support {
				require.Same(t, s, sup.Scope)
				require.Same(t, m.Platforms[sup.Platform.Index-1], sup.Platform)
			}
		}
		require.Len(t, m.DetectOrder, len(m.Platforms))
	})
}

// FuzzGenerate runs the whole pipeline, emitters included: no input may
// panic, and whatever a valid manifest produces passes output.Finish
// again unchanged (paths inside the output folder, Go that parses and is
// gofmt'd, the marker on every file), is a gofmt fixed point and is
// deterministic. The random manifests of fixedPointSeeds join the seeds.
func FuzzGenerate(f *testing.F) {
	addSeeds(f)
	for _, s := range fixedPointSeeds {
		f.Add(synth.Random(rand.New(rand.NewPCG(s[0], s[1]))))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := generator.Options{GoImportPath: "example.com/fuzz/generated"}
		files, diags, err := generator.Generate("manifest.yaml", data, opts)
		require.NoError(t, err, "a manifest that validates must generate")
		if len(diags) > 0 {
			require.Nil(t, files)
			return
		}
		again, err := output.Finish(files)
		require.NoError(t, err)
		require.Equal(t, files, again, "Finish is not idempotent")
		requireGofmtFixedPoint(t, "fuzz input", files)
		second, _, err := generator.Generate("manifest.yaml", data, opts)
		require.NoError(t, err)
		require.Equal(t, files, second, "generation is not deterministic")
	})
}

// fixedPointSeeds are synth.Random seeds whose Go output gofmt rewrote
// when a top-level doc comment's declaration started at column 2 (titles
// ending in an apostrophe meet the "'s" after them, and go/doc/comment
// turns two apostrophes into a closing quotation mark): seed #2 of FuzzEmitters, and others found by
// running the fixed-point check over seeds (n, n*7919+1) before the fix.
var fixedPointSeeds = [][2]uint64{{2, 2 * 7919}, {7, 7 * 7919}, {2, 15839}, {6, 47515}, {8, 63353}, {22, 174219}, {24, 190057}}

// FuzzEmitters drives every emitter with random valid manifests (the
// fuzzer picks the seed): synth.Random's output must validate, and every
// emitter must produce files that finish (Go that parses, the marker
// everywhere, paths inside the output folder), every Go file a gofmt
// fixed point.
func FuzzEmitters(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed*7919)
	}
	for _, s := range fixedPointSeeds[2:] {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64) {
		manifest := synth.Random(rand.New(rand.NewPCG(seed1, seed2)))
		files, diags, err := generator.Generate("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/fuzz/generated"})
		require.NoError(t, err)
		require.Empty(t, diags, "synth.Random made an invalid manifest:\n%s", manifest)
		require.NotEmpty(t, files)
		requireGofmtFixedPoint(t, "random manifest", files)
	})
}
