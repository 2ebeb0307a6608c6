package generator_test

import (
	"fmt"
	"go/format"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// BenchmarkScaledRoot is generation against its floor, in process: the
// root manifest with its last scope cloned n times (synth.Scaled, as
// scripts/genscale.sh does for the whole CLI), Generate against formatting the Go
// it returns with go/format on every core (what gofmt -l does). Each
// iteration times one of each; gen/gofmt is their ratio, gen-ms/op the
// Generate time alone, and on the largest size t/t_smallest is its time
// over the smallest size's (linear is the size ratio, 10). Run:
//
//	go test ./generator -run '^$' -bench ScaledRoot -benchtime 5x
func BenchmarkScaledRoot(b *testing.B) {
	root, err := os.ReadFile("../manifest.yaml")
	require.NoError(b, err)
	var smallest float64
	for i, n := range []int{200, 2000} {
		manifest := synth.Scaled(root, n)
		opts := generator.Options{GoImportPath: "github.com/scopegen/scopegen/genbench"}
		files, diags, err := generator.Generate("manifest.yaml", manifest, opts)
		require.NoError(b, err)
		require.Empty(b, diags)
		var sources [][]byte
		for _, p := range files.Paths() {
			if strings.HasSuffix(p, ".go") {
				sources = append(sources, files[p])
			}
		}
		b.Run(fmt.Sprintf("added=%d", n), func(b *testing.B) {
			var gen, gofmt time.Duration
			for b.Loop() {
				start := time.Now()
				if _, diags, err := generator.Generate("manifest.yaml", manifest, opts); err != nil || len(diags) > 0 {
					b.Fatal(err, diags)
				}
				gen += time.Since(start)
				start = time.Now()
				formatAll(b, sources)
				gofmt += time.Since(start)
			}
			perOp := float64(gen.Nanoseconds()) / float64(b.N)
			b.ReportMetric(perOp/1e6, "gen-ms/op")
			b.ReportMetric(float64(gen)/float64(gofmt), "gen/gofmt")
			if i == 0 {
				smallest = perOp
			} else if smallest > 0 {
				b.ReportMetric(perOp/smallest, "t/t_smallest")
			}
		})
	}
}

// formatAll formats sources on every core, as gofmt -l does with files.
func formatAll(b *testing.B, sources [][]byte) {
	next := make(chan []byte)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for src := range next {
				if _, err := format.Source(src); err != nil {
					b.Error(err)
				}
			}
		})
	}
	for _, src := range sources {
		next <- src
	}
	close(next)
	wg.Wait()
}
