package bench

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/scope"
)

var sinkErr error

// BenchmarkParseMiss compares a hit, a near miss (a typo, which computes a
// suggestion) and a 1 MB miss: the long miss must cost about a hit, not an
// edit distance over a megabyte.
//
//	go test ./internal/bench -run '^$' -bench ParseMiss -benchmem
func BenchmarkParseMiss(b *testing.B) {
	inputs := []struct{ name, in string }{
		{"hit", "scope.userLocation"},
		{"typo", "scope.userLocatoin"},
		{"1MB", strings.Repeat("x", 1<<20)},
		{"1MB-platform", strings.Repeat("wechat", 1<<20/6)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, sinkErr = scope.Parse(in.in)
				_, sinkErr = scope.ParsePlatform(in.in)
			}
		})
	}
}

// TestLongMissMessageIsBounded: the message quotes a prefix of the input,
// escaped, and says how long it was; a typo still gets its suggestion.
func TestLongMissMessageIsBounded(t *testing.T) {
	_, err := scope.Parse(strings.Repeat("\n", 1<<20))
	require.Error(t, err)
	assert.Equal(t, `scope: unknown scope "`+strings.Repeat(`\n`, 64)+`"… (1048576 bytes)`, err.Error())
	var s scope.Scope
	err = s.UnmarshalText([]byte(strings.Repeat("é", 100))) // the cut falls inside no rune
	require.Error(t, err)
	assert.Equal(t, `scope: unknown scope "`+strings.Repeat("é", 32)+`"… (200 bytes)`, err.Error())
	_, err = scope.Parse("scope.userLocatoin")
	assert.EqualError(t, err, `scope: unknown scope "scope.userLocatoin" (did you mean "scope.userLocation"?)`)
	_, err = scope.ParsePlatform("wechatt")
	assert.EqualError(t, err, `scope: unknown platform "wechatt" (did you mean "wechat"?)`)
}
