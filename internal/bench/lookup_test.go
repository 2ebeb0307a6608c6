// Package bench measures the generated Go packages' hot paths against the
// obvious hand-written alternative, a map. Run:
//
//	go test ./internal/bench -bench . -benchmem
package bench

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/platform/alipay"
	"github.com/scopegen/scopegen/generated/scope"
)

var (
	sinkBool  bool
	sinkScope scope.Scope
)

// names and pairs cycle through every scope and platform so no branch
// predictor or cache sees one input only.
func names() []string {
	var out []string
	for _, s := range scope.All() {
		out = append(out, s.String())
	}
	return out
}

// The loops use b.N rather than b.Loop: b.Loop keeps calls in its body
// from being inlined, and a service's SupportedOn call is inlined.

func BenchmarkParse(b *testing.B) {
	in := pow2(names())
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s, _ := scope.Parse(in[i&(len(in)-1)])
		sinkScope = s
	}
}

// BenchmarkParseMapBaseline is Parse's budget: the same names looked up in
// a map[string]scope.Scope, what a service would write by hand.
func BenchmarkParseMapBaseline(b *testing.B) {
	table := map[string]scope.Scope{}
	for _, s := range scope.All() {
		table[s.String()] = s
	}
	in := pow2(names())
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkScope = table[in[i&(len(in)-1)]]
	}
}

// apis are ForAPI's inputs: guarded APIs of several scopes and a miss.
var apis = []string{"getLocation", "saveImage", "scanCode", "getAuthCode", "startRecord", "chooseAddress", "getWeRunData", "noSuchAPI"}

func BenchmarkForAPI(b *testing.B) {
	in := pow2(apis)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s, _ := scope.ForAPI(in[i&(len(in)-1)])
		sinkScope = s
	}
}

// BenchmarkForAPIMapBaseline is ForAPI's budget: a map[string]scope.Scope
// of every guarded API.
func BenchmarkForAPIMapBaseline(b *testing.B) {
	table := map[string]scope.Scope{}
	for _, s := range scope.All() {
		for _, api := range s.APIs() {
			table[api] = s
		}
	}
	in := pow2(apis)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkScope = table[in[i&(len(in)-1)]]
	}
}

func BenchmarkFromNative(b *testing.B) {
	in := pow2([]string{"location", "album", "camera", "auth_user", "auth_base", "auth_zhima", "aliaddress", "unknown"})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s, _ := alipay.FromNative(in[i&(len(in)-1)])
		sinkScope = s
	}
}

// pow2 repeats in up to a power-of-two length, so the loops can pick an
// input with a mask instead of a division that would cost more than the
// lookup being measured.
func pow2[T any](in []T) []T {
	n := 1
	for n < len(in) {
		n *= 2
	}
	out := make([]T, n)
	for i := range out {
		out[i] = in[i%len(in)]
	}
	return out
}

type pair struct {
	s scope.Scope
	p scope.Platform
}

func pairs() []pair {
	var out []pair
	for _, s := range scope.All() {
		for _, p := range scope.AllPlatforms() {
			out = append(out, pair{s, p})
		}
	}
	return out
}

func BenchmarkSupportedOn(b *testing.B) {
	in := pow2(pairs())
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q := in[i&(len(in)-1)]
		sinkBool = q.s.SupportedOn(q.p)
	}
}

// BenchmarkHarness is the loop of the benchmarks above without the call:
// subtract it to see a lookup's own cost.
func BenchmarkHarness(b *testing.B) {
	in := pow2(pairs())
	for i := 0; i < b.N; i++ {
		q := in[i&(len(in)-1)]
		sinkBool = q.s == scope.Scope(q.p)
	}
}

// BenchmarkSupportedOnMapBaseline is what a service would write by hand:
// map[scopeName]map[platformID]bool.
func BenchmarkSupportedOnMapBaseline(b *testing.B) {
	table := map[string]map[string]bool{}
	type namePair struct{ s, p string }
	var in []namePair
	for _, q := range pairs() {
		if table[q.s.String()] == nil {
			table[q.s.String()] = map[string]bool{}
		}
		table[q.s.String()][q.p.String()] = q.s.SupportedOn(q.p)
		in = append(in, namePair{q.s.String(), q.p.String()})
	}
	in = pow2(in)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		q := in[i&(len(in)-1)]
		sinkBool = table[q.s][q.p]
	}
}

// TestLookupsAllocateNothing guards the 0-allocation promise outside the
// benchmarks, so a regression fails the ordinary test run.
func TestLookupsAllocateNothing(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		s, _ := scope.Parse("scope.userLocation")
		sinkScope, _ = scope.ForAPI("getLocation")
		sinkScope, _ = alipay.FromNative("location")
		sinkBool = s.SupportedOn(scope.Alipay)
	})
	require.Zero(t, allocs)
}
