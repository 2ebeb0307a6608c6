package generator_test

import (
	"fmt"
	"go/format"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

var benchSizes = []int{10, 1000, 10000}

// BenchmarkGenerate is the whole pure pipeline (load, validate, model,
// every emitter, gofmt of the Go) for synthetic manifests of n scopes on
// five hosts. Read it next to BenchmarkGofmtEmitted: the ratio is what
// scopegen costs over formatting the Go it writes. BenchmarkScaledRoot
// prints that ratio itself, on the root manifest scaled as
// scripts/genscale.sh scales it.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range benchSizes {
		manifest := synth.Sized(n)
		b.Run(fmt.Sprintf("scopes=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(manifest)))
			for b.Loop() {
				_, diags, err := generator.Generate("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/gen"})
				if err != nil || len(diags) > 0 {
					b.Fatal(err, diags)
				}
			}
		})
	}
}

// BenchmarkGofmtEmitted formats the Go that Generate emits for the same
// manifests: gofmt's own work on that output.
func BenchmarkGofmtEmitted(b *testing.B) {
	for _, n := range benchSizes {
		files, diags, err := generator.Generate("manifest.yaml", synth.Sized(n), generator.Options{GoImportPath: "example.com/gen"})
		require.NoError(b, err)
		require.Empty(b, diags)
		var sources [][]byte
		for _, p := range files.Paths() {
			if strings.HasSuffix(p, ".go") {
				sources = append(sources, files[p])
			}
		}
		b.Run(fmt.Sprintf("scopes=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, src := range sources {
					if _, err := format.Source(src); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
