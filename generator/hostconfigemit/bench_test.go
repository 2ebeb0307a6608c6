package hostconfigemit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/rules"
)

// benchLimit is the size of the files the benchmarks at the limit merge:
// rules.MaxBytes less room for what the merge adds, as a result over the
// limit is refused (TestMergeResultLimit).
const benchLimit = rules.MaxBytes - 4096

// BenchmarkMergeAtTheLimit merges app.json files just under rules.MaxBytes
// whose bulk is where a merge reads nothing (a long array under another
// key), in permission, and in requiredPrivateInfos: time and memory stay
// linear in the file's size.
func BenchmarkMergeAtTheLimit(b *testing.B) {
	fill := func(prefix, item, suffix string) []byte {
		n := (benchLimit - len(prefix) - len(suffix)) / (len(item) + 1)
		return []byte(prefix + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + suffix)
	}
	var keys strings.Builder
	for i := 0; keys.Len() < benchLimit-64; i++ {
		fmt.Fprintf(&keys, `"k%d":{},`, i)
	}
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"foreign array", fill(`{"a":[`, "1", `]}`)},
		{"foreign objects", fill(`{"a":[`, "{}", `]}`)},
		{"permission entries", []byte(`{"permission":{` + strings.TrimSuffix(keys.String(), ",") + `}}`)},
		{"requiredPrivateInfos", fill(`{"requiredPrivateInfos":[`, `"x"`, `]}`)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(tc.data)))
			for b.Loop() {
				if _, _, err := Merge(tc.data, wechatConfig(true)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// oneLineModule is a module.json5 without a line break holding n entries
// scopegen owns (to be removed) before one the app declares by hand (kept),
// and its string.json.
func oneLineModule(n int) (module, strs []byte) {
	var b strings.Builder
	b.WriteString(`{module:{name:"entry",requestPermissions:[`)
	for range n {
		b.WriteString(`{name:"ohos.permission.LOCATION",reason:"$string:scopegen_scope_userLocation"},`)
	}
	b.WriteString(`{name:"ohos.permission.INTERNET"}]}}`)
	return []byte(b.String()), []byte(`{"string":[]}`)
}

// TestMergeModuleOneLineLinear: the editor's backward reads (finding the
// start of a line) stay within a constant times the file's size, also
// when the file has no line break: doubling the file at most doubles them.
func TestMergeModuleOneLineLinear(t *testing.T) {
	steps := func(n int) (int64, int) {
		mod, strs := oneLineModule(n)
		backSteps.Store(0)
		_, _, _, err := MergeModule(mod, strs, harmonyConfig(false))
		require.NoError(t, err)
		return backSteps.Load(), len(mod)
	}
	s1, n1 := steps(2000)
	s2, n2 := steps(4000)
	assert.LessOrEqual(t, s1, int64(2*n1), "backward reads of a %d-byte file", n1)
	assert.LessOrEqual(t, s2, int64(2*n2), "backward reads of a %d-byte file", n2)
	assert.LessOrEqual(t, s2, 3*max(s1, 1), "doubling the file more than doubles the work")
}

// BenchmarkMergeModuleOneLine merges a module.json5 without line breaks
// whose entries scopegen owns are all removed: at a realistic size and
// just under rules.MaxBytes.
func BenchmarkMergeModuleOneLine(b *testing.B) {
	per := len(`{name:"ohos.permission.LOCATION",reason:"$string:scopegen_scope_userLocation"},`)
	for _, n := range []int{200, (rules.MaxBytes - 100) / per} {
		mod, strs := oneLineModule(n)
		b.Run(fmt.Sprintf("%dB", len(mod)), func(b *testing.B) {
			b.SetBytes(int64(len(mod)))
			for b.Loop() {
				if _, _, _, err := MergeModule(mod, strs, harmonyConfig(false)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
