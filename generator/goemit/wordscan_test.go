package goemit

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// FuzzWordScan: spaceEnd and wordEnd, the ASCII-fast scans comment
// wrapping uses, agree with strings.IndexFunc over unicode.IsSpace on any
// input, invalid UTF-8 included.
func FuzzWordScan(f *testing.F) {
	for _, seed := range []string{"", "a b", "  word\tnext", "\u00a0nbsp\u0085nel", "x\u2028y", "\xff\xfe ab", "é è", "\v\f\r\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) })
		if want < 0 {
			want = len(s)
		}
		require.Equal(t, want, spaceEnd(s), "spaceEnd(%q)", s)
		want = strings.IndexFunc(s, unicode.IsSpace)
		if want < 0 {
			want = len(s)
		}
		require.Equal(t, want, wordEnd(s), "wordEnd(%q)", s)
	})
}
