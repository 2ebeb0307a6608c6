package output

import (
	"go/format"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// marked is Verbatim of lines.
func marked(kind RegionKind, lines ...string) string {
	return Verbatim(kind, strings.Join(lines, "\n"))
}

// goFile is a Go file whose body is decls, with the marker header.
func goFile(decls string) []byte {
	return []byte("// " + Marker + "\n\npackage x\n\n" + decls + "\n")
}

// TestVerbatimRegionKinds: each kind of region, spliced, gives what
// go/format gives for the unmarked file; spliced says whether the region
// skipped go/format (false: left to it, as it cannot be proven canonical).
func TestVerbatimRegionKinds(t *testing.T) {
	long := strings.Repeat("K", smallKey+1)
	tests := []struct {
		name    string
		src     string
		spliced bool
	}{
		{"elements", "var a = [3]string{\n" + marked(Elements, `"",`, `"x",`, `"a\"b",`) + "\n}", true},
		{"element rows", "var a = [20]uint8{\n" + marked(Elements, "1, 2, 3,", "4, 5,") + "\n}", true},
		{"nested in a func", "func f() []int {\n\treturn []int{\n" + marked(Elements, "1,", "2,") + "\n}\n}", true},
		{"keyed", "var a = [9]string{\n" + marked(KeyedElements, `A: "a",`, `Bbbbbb: "b",`, `scope.Cc: "c",`) + "\n}", true},
		{"keyed one", "var a = [9]string{\n" + marked(KeyedElements, `A: "a",`) + "\n}", true},
		{"keyed values", "var a = [9][2]G{\n" + marked(KeyedElements, `Aa: {X: G1, Yy: G2},`, `B: {X: G1},`) + "\n}", true},
		{"keyed non-ASCII key", "var a = [9]string{\n" + marked(KeyedElements, `A: "é",`, `Bé: "b",`) + "\n}", false},
		{"key over 40 bytes", "var a = [9]string{\n" + marked(KeyedElements, `A: "a",`, long+`: "b",`, `C: "c",`) + "\n}", false},
		{"key of 40 bytes", "var a = [9]string{\n" + marked(KeyedElements, `A: "a",`, long[1:]+`: "b",`, `C: "c",`) + "\n}", true},
		{"documented specs", "const (\n" + marked(DocumentedSpecs, "// A is a.", "//", "// More text.", "A T = 1", "// Bbbbb is b.", "Bbbbb T = 2") + "\n)", true},
		{"doc lists and headings", "const (\n" + marked(DocumentedSpecs, "// A is:", "// - one", "// - two", "//", "// Old Heading", "//", "// Text.", "A T = 1") + "\n)", true},
		{"undocumented spec", "const (\n" + marked(DocumentedSpecs, "// A is a.", "A T = 1", "Bbbbb T = 2") + "\n)", false},
		{"directive in doc", "const (\n" + marked(DocumentedSpecs, "//go:generate x", "A T = 1") + "\n)", false},
		{"statements", "func _() {\n\tvar x [1]struct{}\n" + marked(Statements, "_ = x[A-1]", "_ = x[B-2]") + "\n}", true},
		{"indented line", "var a = [3]int{\n" + marked(Elements, "\t1,") + "\n}", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := goFile(tc.src)
			want, err := format.Source(Unmark(src))
			require.NoError(t, err)
			got, err := formatGo(src)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
			_, splices, err := skeletonOf(src)
			require.NoError(t, err)
			assert.Equal(t, tc.spliced, len(splices) == 1, "spliced")
		})
	}
}

// TestUnmark: removing the marks leaves the lines as written.
func TestUnmark(t *testing.T) {
	src := []byte("a{\n" + marked(KeyedElements, "k: v,") + "\n}\n" + marked(Statements, "f()") + "\n")
	assert.Equal(t, "a{\nk: v,\n}\nf()\n", string(Unmark(src)))
	plain := []byte("no regions\n")
	assert.Equal(t, plain, Unmark(plain))
}

// TestFinishBrokenSkeleton: a file that does not parse is reported with
// the numbered listing of the whole file, region lines included, and the
// parser's position in it. (Region lines themselves are not parsed: they
// are the emitter's to get right, which TestVerbatimRegionsAreGofmt and
// the fuzz targets of generator hold it to.)
func TestFinishBrokenSkeleton(t *testing.T) {
	src := goFile("var a = [3]int{\n" + marked(Elements, "1,", "2,") + "\n}}")
	_, err := Finish(Files{"x/x.go": src})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "x/x.go: unparsable Go source: 8:2:")
	assert.Contains(t, err.Error(), "    7\t2,\n    8\t}}")
}

// TestFindRegionsMalformed: marks that do not make whole-line regions are
// an emitter's bug, reported rather than formatted.
func TestFindRegionsMalformed(t *testing.T) {
	for name, src := range map[string]string{
		"unclosed":       "x\n\x00e1,\n",
		"mid-line start": "x \x00e1,\x00\n",
		"mid-line end":   "x\n\x00e1,\x00}\n",
	} {
		_, err := findRegions([]byte(src))
		assert.Error(t, err, name)
	}
}

// docSeeds are comment texts for the doc comment fuzzers: plain
// paragraphs, old-style headings and everything go/doc/comment rewrites.
var docSeeds = []string{
	"A is a.\n\nMore text here.",
	"Text.\n\nThe Heading\n\nMore text.",
	"Text.\n\nThe user's thing (X), read by server.X0\n\nMore.",
	"Text.\n\nIt's Heading\n\nMore.",
	"Text.\n\nHeading: no\n\nMore.",
	"Text with '' quotes and ``these``.",
	"A list:\n- one\n- two",
	"1. one\n2) two",
	"# Heading\n\ntext",
	"[link]: https://example.com",
	"see [Doc] and https://example.com/x.",
	"Ünïcode Heading Ω\n\nx\n\ny",
	"Para\n\n\n\nPara",
	"Code:\n\tx := 1\n  y()\nafter",
	"//go:generate x\n*/ and /*",
	"A\n\nA''00000\n\n0",        // a heading only once '' is a quotation mark: gofmt needs two runs
	"00```00````````0000000000", // one more pair of backquotes converted per run: gofmt needs four
	"- a\n\n  continued\n1. b\n   # not a heading",
}

// docLinesOf is text as "// " comment lines, "//" for an empty line.
func docLinesOf(text string) []string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l == "" {
			lines = append(lines, "//")
		} else {
			lines = append(lines, "// "+l)
		}
	}
	return lines
}

// FuzzQuickDoc holds quickDoc's shortcut to go/doc/comment: whenever it
// answers, the answer is reformatDoc's.
func FuzzQuickDoc(f *testing.F) {
	for _, seed := range docSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := docLinesOf(text)
		got, ok := quickDoc(lines)
		if !ok {
			return
		}
		want, wantOK := reformatDoc(lines)
		require.True(t, wantOK)
		require.Equal(t, want, got, "%q", text)
	})
}

// FuzzDocComment: DocComment's result is a comment gofmt leaves as it is
// (go/doc/comment, the reformatting go/printer applies to a top-level doc
// comment on every run, gives it back unchanged), whatever the text,
// indented lines included, and gofmt drops it only when DocComment does.
func FuzzDocComment(f *testing.F) {
	for _, seed := range docSeeds {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		lines := docLinesOf(text)
		got := DocComment(lines)
		_, kept := reformatDoc(lines)
		require.Equal(t, kept, got != nil, "%q", text)
		if got == nil {
			return
		}
		again, ok := reformatDoc(got) // not quickDoc: it reads "// " lines only
		require.True(t, ok, "%q", text)
		require.Equal(t, got, again, "%q", text)
	})
}
