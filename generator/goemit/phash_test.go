package goemit

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// find is the generated lookup, in Go: the value of s's slot when
// table[value] == s.
func (ph *perfectHash) find(s string, table []string) (int, bool) {
	if len(s) < ph.minLen {
		return 0, false
	}
	x := ph.pack(s)
	var slot int
	if ph.direct != 0 {
		slot = int((x * ph.direct) >> (64 - ph.slotBits))
	} else {
		slot = ph.slot(x, ph.disp[ph.bucket(x)])
	}
	v := ph.slots[slot]
	return v, table[v] == s
}

func TestPerfectHash(t *testing.T) {
	sets := map[string]func(i int) string{
		"scope names":   func(i int) string { return fmt.Sprintf("scope.synthetic%d", i) },
		"same length":   func(i int) string { return fmt.Sprintf("n.%06d.x", i) },
		"number inside": func(i int) string { return fmt.Sprintf("scope.%d.suffix", i) },
	}
	for name, key := range sets {
		for _, n := range []int{1, 17, 64, 65, 1000, 10000} {
			t.Run(fmt.Sprintf("%s/%d", name, n), func(t *testing.T) {
				table := []string{""}
				var values []int
				for i := range n {
					table = append(table, key(i))
					values = append(values, i+1)
				}
				ph, ok := buildPerfectHash(table[1:], values)
				require.True(t, ok)
				assert.Equal(t, n <= maxDirectKeys, ph.direct != 0, "small sets hash without displacement")
				assert.LessOrEqual(t, len(ph.front)+len(ph.back), maxOffsets)
				for i, k := range table[1:] {
					v, found := ph.find(k, table)
					require.True(t, found, k)
					require.Equal(t, i+1, v)
				}
				for _, miss := range []string{"", "x", "scope.synthetic", table[n] + "x", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"} {
					_, found := ph.find(miss, table)
					assert.False(t, found, miss)
				}
				again, _ := buildPerfectHash(table[1:], values)
				assert.Equal(t, ph, again, "the hash is the same on every run")
			})
		}
	}
}

// TestPerfectHashRandomKeys: for random key sets the hash either finds
// every key at its value and rejects everything else, or gives up.
func TestPerfectHashRandomKeys(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, 1+r.IntN(24))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz_.:$-0123456789"[r.IntN(41)]
		}
		return string(b)
	}
	built := 0
	for range 300 {
		seen := map[string]bool{}
		table := []string{""}
		var values []int
		for range 1 + r.IntN(400) {
			if w := word(); !seen[w] {
				seen[w] = true
				table = append(table, w)
				values = append(values, len(table)-1)
			}
		}
		ph, ok := buildPerfectHash(table[1:], values)
		if !ok {
			continue
		}
		built++
		for i, k := range table[1:] {
			v, found := ph.find(k, table)
			require.True(t, found, k)
			require.Equal(t, i+1, v)
		}
		for range 50 {
			if w := word(); !seen[w] {
				_, found := ph.find(w, table)
				require.False(t, found, w)
			}
		}
	}
	assert.Greater(t, built, 100, "most random sets get a hash")
}

func TestPerfectHashGivesUp(t *testing.T) {
	// The keys differ only in the middle, beyond the bytes the short key
	// lets the hash read: a switch must do.
	keys := []string{"ab", "ax1xxxxxxxb", "ax2xxxxxxxb"}
	_, ok := buildPerfectHash(keys, []int{1, 2, 3})
	assert.False(t, ok)
	_, ok = buildPerfectHash([]string{strings.Repeat("k", 256)}, []int{1})
	assert.False(t, ok, "a length beyond a byte would spill into the packed bytes")
	_, ok = buildPerfectHash(nil, nil)
	assert.False(t, ok)
}

func BenchmarkBuildPerfectHash(b *testing.B) {
	for _, n := range []int{100, 10000} {
		keys := make([]string, n)
		values := make([]int, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("scope.synthetic%d", i)
			values[i] = i + 1
		}
		b.Run(fmt.Sprintf("keys=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, ok := buildPerfectHash(keys, values); !ok {
					b.Fatal("no hash")
				}
			}
		})
	}
}

// TestFindStringFallsBackToSwitch: more keys than a switch takes, but no
// few offsets tell them apart, so the lookup is a switch after all, with
// an arm per key and no hash tables.
func TestFindStringFallsBackToSwitch(t *testing.T) {
	keys := []string{"ab"}
	for i := range 20 {
		keys = append(keys, fmt.Sprintf("ax%02dxxxxxxxxb", i))
	}
	values := make([]int, len(keys))
	arms := 0
	for i := range values {
		values[i] = i + 1
	}
	f := jen.NewFile("p")
	body := findString(f, stringLookup{
		prefix: "find", arg: "name", table: "names", keys: keys, values: values,
		hashHit: func(jen.Code) jen.Code { t.Error("hashed"); return jen.Null() },
		armHit:  func(k int) jen.Code { arms++; return jen.Return(jen.Lit(values[k])) },
	})
	f.Func().Id("find").Params(jen.Id("name").String()).Int().Block(append(body, jen.Return(jen.Lit(0)))...)
	src := fmt.Sprintf("%#v", f)
	assert.Equal(t, len(keys), arms)
	assert.Contains(t, src, "switch name {")
	assert.NotContains(t, src, "findSlots")
}
