package goemit_test

import (
	"fmt"
	"go/format"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/goemit"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// The Go emitter's share of generation, against gofmt's work on what it
// emits, for synthetic manifests of n scopes on five hosts. Run:
//
//	go test ./generator/goemit -run XXX -bench . -benchtime 3x
var benchSizes = []int{10, 1000, 10000}

// BenchmarkEmit is goemit.Emit alone: building the jennifer trees and
// rendering them (perfect hashes included), without formatting.
func BenchmarkEmit(b *testing.B) {
	for _, n := range benchSizes {
		m := resolve(b, synth.Sized(n), "example.com/gen")
		b.Run(fmt.Sprintf("scopes=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := goemit.Emit(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGofmt formats the files BenchmarkEmit produces, one after the
// other, as gofmt would (the verbatim regions' marks removed, so every
// line goes through go/format).
func BenchmarkGofmt(b *testing.B) {
	for _, n := range benchSizes {
		m := resolve(b, synth.Sized(n), "example.com/gen")
		files, err := goemit.Emit(m)
		require.NoError(b, err)
		b.Run(fmt.Sprintf("scopes=%d", n), func(b *testing.B) {
			for b.Loop() {
				for _, p := range files.Paths() {
					if _, err := format.Source(output.Unmark(files[p])); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
