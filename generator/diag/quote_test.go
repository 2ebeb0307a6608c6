package diag_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
)

// hostileNames are file names that try to forge a line of output: each
// line break, a workflow command, terminal escapes, bidi controls, quotes,
// bytes that are not UTF-8.
var hostileNames = []string{
	"a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\u2029b", "a\u0085b", "x.go\n::error file=a.go::forged",
	"::warning::x", "\x1b[31mred", "a\u202egnp.go", "a\u200bb", " a", "a ", "a\u00a0b", `a"b`, "a'b", "a`b", `a\b`,
	"\xff\xfe", "", "a\x00b", "\t",
}

func TestQuote(t *testing.T) {
	for _, plain := range []string{"generated/scope/scope.go", "npm/dist/extra.js", "données/été.go", "a::b", "%0A", "generated code/a.go"} {
		assert.Equal(t, plain, diag.Quote(plain), "a printable name is printed as it is")
	}
	for _, name := range hostileNames {
		t.Run(strconv.Quote(name), func(t *testing.T) { requireSafeQuote(t, name) })
	}
}

// FuzzQuote: go test ./generator/diag -run '^$' -fuzz FuzzQuote
func FuzzQuote(f *testing.F) {
	for _, n := range hostileNames {
		f.Add(n)
	}
	f.Fuzz(requireSafeQuote)
}

// requireSafeQuote: the quoted name is one line of printable characters
// that does not start a workflow command, and reads back as the name.
func requireSafeQuote(t *testing.T, name string) {
	t.Helper()
	q := diag.Quote(name)
	for _, r := range q {
		require.True(t, unicode.IsGraphic(r) && (r == ' ' || !unicode.IsSpace(r)), "%q has %U", q, r)
	}
	require.False(t, strings.HasPrefix(q, "::"), "%q starts a workflow command", q)
	if q != name {
		back, err := strconv.Unquote(q)
		require.NoError(t, err)
		require.Equal(t, name, back)
	}
}
