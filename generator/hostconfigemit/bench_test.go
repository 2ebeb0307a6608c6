package hostconfigemit

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scopegen/scopegen/generator/rules"
)

// BenchmarkMergeAtTheLimit merges app.json files just under rules.MaxBytes
// whose bulk is where a merge reads nothing (a long array under another
// key), in permission, and in requiredPrivateInfos: time and memory stay
// linear in the file's size.
func BenchmarkMergeAtTheLimit(b *testing.B) {
	fill := func(prefix, item, suffix string) []byte {
		n := (rules.MaxBytes - len(prefix) - len(suffix)) / (len(item) + 1)
		return []byte(prefix + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + suffix)
	}
	var keys strings.Builder
	for i := 0; keys.Len() < rules.MaxBytes-64; i++ {
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
