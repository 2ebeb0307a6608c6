package docsemit

import "testing"

// FuzzInline checks that the fast path of inline (no special byte: the
// text as it is) never skips what the escaper would change. Run:
// go test ./generator/docsemit -run '^$' -fuzz FuzzInline
func FuzzInline(f *testing.F) {
	for _, seed := range []string{"", "plain text", "a|b", "</script>", "line\u2028break", "x\r\ny", "€ and é", "`code`", "$1 #2 !3 ~4"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := inline(s), inlineEscaper.Replace(s); got != want {
			t.Fatalf("inline(%q) = %q, want %q", s, got, want)
		}
	})
}
