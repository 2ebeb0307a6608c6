package model_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// wide returns a manifest of n platforms (every other one a fallback, the
// rest each also defining the next one's global) and n scopes, each
// supported on one platform: the shape that made detection order
// quadratic.
func wide(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\nplatforms:\n")
	for i := range n {
		fmt.Fprintf(&b, "  p%d:\n    title: P %d\n    global: g%d\n    exportCondition: c%d\n", i, i, i, i)
		if i%2 == 1 {
			b.WriteString("    fallback: true\n")
		} else {
			fmt.Fprintf(&b, "    alsoDefines: [g%d]\n", i+1)
		}
	}
	b.WriteString("scopes:\n")
	for i := range n {
		fmt.Fprintf(&b, "  scope.s%d:\n    title: S %d\n    description: D.\n    apis: [api%d]\n    platforms:\n      p%d: {native: n%d, settingKey: k%d, grant: authorize}\n", i, i, i, i%n, i, i)
	}
	return []byte(b.String())
}

// BenchmarkBuildWide measures model.Build (detection order included) over
// 10k and 100k platforms and scopes; ns/op should grow about tenfold.
//
//	go test ./generator/model -run '^$' -bench BuildWide -benchmem
func BenchmarkBuildWide(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		raw, diags := load.Load("manifest.yaml", wide(n))
		require.Empty(b, diags)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				model.Build(raw, "example.com/gen")
			}
		})
	}
}

// BenchmarkResolveWide measures the whole front end (load, validate,
// which stops at the platform limit, and no build) over the same inputs.
//
//	go test ./generator/model -run '^$' -bench ResolveWide -benchmem
func BenchmarkResolveWide(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := wide(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
			}
		})
	}
}

// TestDetectOrderAtScale: the order over many platforms is what the rules
// say (each definer before what it defines, fallbacks last, id order among
// the ready), without a cycle report.
func TestDetectOrderAtScale(t *testing.T) {
	raw, diags := load.Load("manifest.yaml", wide(2000))
	require.Empty(t, diags)
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	require.Len(t, m.DetectOrder, 2000)
	pos := map[string]int{}
	for i, p := range m.DetectOrder {
		pos[p.ID] = i
	}
	for i := 0; i < 2000; i += 2 {
		assert.Less(t, pos[fmt.Sprintf("p%d", i)], 1000, "regular platforms come first")
	}
	for i := 1; i < 2000; i += 2 {
		assert.GreaterOrEqual(t, pos[fmt.Sprintf("p%d", i)], 1000, "fallbacks come last")
	}
}

// TestLimitStopsTheFrontEnd: past the platform limit validate reports it
// once and nothing is built.
func TestLimitStopsTheFrontEnd(t *testing.T) {
	m, diags := generator.Resolve("manifest.yaml", wide(rules.MaxPlatforms+1), generator.Options{GoImportPath: "example.com/gen"})
	assert.Nil(t, m)
	require.Len(t, diags, 1)
	assert.Equal(t, "LIMIT_EXCEEDED", diags[0].Rule)
}
