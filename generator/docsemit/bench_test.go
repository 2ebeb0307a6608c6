package docsemit_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/docsemit"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// BenchmarkEmit renders both pages for synthetic manifests of n scopes on
// five hosts; the bytes per op are the Markdown written.
func BenchmarkEmit(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		m, diags := generator.Resolve("manifest.yaml", synth.Sized(n), generator.Options{GoImportPath: "example.com/gen"})
		require.Empty(b, diags)
		files, err := docsemit.Emit(m)
		require.NoError(b, err)
		b.Run(fmt.Sprintf("scopes=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(files["docs/authorize.md"]) + len(files["docs/support-matrix.md"])))
			for b.Loop() {
				if _, err := docsemit.Emit(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
