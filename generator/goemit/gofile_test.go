package goemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCommentLines(t *testing.T) {
	long := strings.Repeat("word ", 40)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "A scope.", []string{"// A scope."}},
		{"comment terminator stays text", "a */ b /* c", []string{"// a */ b /* c"}},
		{"directive is indented", "//go:generate rm -rf /", []string{"// //go:generate rm -rf /"}},
		{"line directive", "x\n//line a.go:1", []string{"// x", "// //line a.go:1"}},
		{"LF CR CRLF", "a\nb\rc\r\nd", []string{"// a", "// b", "// c", "// d"}},
		{"unicode separators", "a\u2028b\u2029c\u0085d", []string{"// a", "// b", "// c", "// d"}},
		{"blank line", "a\n\nb", []string{"// a", "//", "// b"}},
		{"one long word is not split", strings.Repeat("x", 100), []string{"// " + strings.Repeat("x", 100)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, commentLines(tt.text))
		})
	}
	t.Run("wrapped at wrapAt", func(t *testing.T) {
		lines := commentLines(long)
		assert.Greater(t, len(lines), 1)
		for _, l := range lines {
			assert.LessOrEqual(t, len(l), wrapAt)
			assert.True(t, strings.HasPrefix(l, "// "))
		}
		assert.Equal(t, strings.Fields(long), strings.Fields(strings.ReplaceAll(strings.Join(lines, " "), "//", "")))
	})
}

// FuzzCommentLines checks the hand-rolled word scan against the plain
// strings.Fields wrapping it replaced, and that no line can leave the
// comment. Run: go test ./generator/goemit -run '^$' -fuzz FuzzCommentLines
func FuzzCommentLines(f *testing.F) {
	for _, seed := range []string{"", "a", "a */ b", "x\n//go:build", "a\u2028b\u00a0c\u0085d\r\ne", strings.Repeat("word ", 40), "\t lead and trail \t"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var want []string
		for _, line := range splitLines(text) {
			cur := "//"
			for _, word := range strings.Fields(line) {
				if len(cur) > 2 && len(cur)+1+len(word) > wrapAt {
					want = append(want, cur)
					cur = "//"
				}
				cur += " " + word
			}
			want = append(want, cur)
		}
		got := commentLines(text)
		assert.Equal(t, want, got)
		for _, l := range got {
			assert.True(t, l == "//" || strings.HasPrefix(l, "// "), "line %q", l)
			assert.NotContains(t, l, "\n")
		}
	})
}

// lineBreaks are the line breaks Go, JavaScript or Unicode knows, each
// replaced by "\n": the reference FuzzCommentLines compares with.
var lineBreaks = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n")

// splitLines splits on every line break Go, JavaScript or Unicode knows.
func splitLines(s string) []string { return strings.Split(lineBreaks.Replace(s), "\n") }
