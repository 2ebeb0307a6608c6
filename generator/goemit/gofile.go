package goemit

import (
	"bytes"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/output"
)

// newFile starts a Go file of package name at importPath, with the marker
// header. Imports used through Qual are named here up front, so jennifer
// never guesses an alias.
func newFile(importPath, name string, imports map[string]string) *jen.File {
	f := jen.NewFilePathName(importPath, name)
	f.HeaderComment(output.Marker)
	f.ImportNames(imports)
	// output.Finish formats and reports a broken file with a numbered
	// listing; jennifer's own formatting error has no positions.
	f.NoFormat = true
	return f
}

// render prints f, unformatted. An error means scopegen built invalid Go.
func render(f *jen.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// declDoc adds paragraphs to f as the doc comment of a top-level
// declaration and returns the statement to build that declaration on.
// Each line is a file item of its own, so the comment and the declaration
// start at column 1, where gofmt treats the comment as a doc comment;
// behind doc's lines a declaration would start at column 2 (jennifer puts
// a space between a statement's parts).
func declDoc(f *jen.File, paragraphs ...string) *jen.Statement {
	for _, line := range docLines(paragraphs) {
		f.Comment(line)
	}
	return f.Null()
}

// doc turns free text into // comment lines, one statement ending in a
// newline per line, ready to stand above a struct field or a spec of a
// const or var group; a top-level declaration takes declDoc. jennifer
// would turn a multi-line Comment into /* */, which a "*/" in the text
// breaks; here every line comes from commentLines.
func doc(paragraphs ...string) *jen.Statement {
	s := jen.Null()
	for _, line := range docLines(paragraphs) {
		s.Comment(line).Line()
	}
	return s
}

// docLines are the comment lines of paragraphs, a "//" line between two
// paragraphs; blank paragraphs are left out.
func docLines(paragraphs []string) []string {
	var out []string
	for _, p := range paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if out != nil {
			out = append(out, "//")
		}
		out = append(out, commentLines(p)...)
	}
	return out
}

// packageDoc writes paragraphs as the package comment of f.
func packageDoc(f *jen.File, paragraphs ...string) {
	for _, line := range docLines(paragraphs) {
		f.PackageComment(line)
	}
}

// wrapAt is where comment text is wrapped, as a person would.
const wrapAt = 88

// commentLines renders text as "//" and "// words" lines, wrapped at
// wrapAt: the one way manifest text enters generated Go. Every non-empty
// line starts with "// " and a word commentWord has escaped, so no text
// can end the comment, become a directive, or make gofmt's doc-comment
// reformatting change the comment a second time. What Go source cannot
// hold in a comment (bytes that are not UTF-8, NUL, a byte order mark;
// load refuses them in a manifest) becomes U+FFFD.
func commentLines(text string) []string {
	text = strings.Map(func(r rune) rune {
		if r == 0 || r == '\uFEFF' {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(text, "\uFFFD"))
	var out []string
	for {
		line, rest, more := cutLine(text)
		cur := "//"
		for _, word := range strings.Fields(line) {
			word = commentWord(word)
			if len(cur) > 2 && len(cur)+1+len(word) > wrapAt {
				out = append(out, cur)
				cur = "//"
			}
			if cur == "//" {
				word = lineStart(word)
			}
			cur += " " + word
		}
		out = append(out, cur)
		if !more {
			return out
		}
		text = rest
	}
}

// lineStart escapes a word that would start a comment line and that Go
// tooling could read there as a directive or gofmt as markup. Every line
// is "// " and words, and the directives read with that space are
// "+build" (a build constraint, which gofmt moves above the package
// clause) and cgo's "#cgo"; "//go:", "//line", "//export" and "//extern"
// need the word right after the slashes, which commentLines never writes,
// and "go:" is escaped all the same. Any "+" or "#" word is escaped too (a
// list item, a heading). A backslash in front keeps the word readable and
// makes it plain text to go/build, cgo and go/doc/comment.
func lineStart(word string) string {
	if strings.HasPrefix(word, "+") || strings.HasPrefix(word, "#") || strings.HasPrefix(word, "go:") {
		return `\` + word
	}
	return word
}

// quotePairs are what gofmt's doc-comment printer turns into curly
// quotation marks, written as it would write them. Left to gofmt, a run of
// them is converted a pair per run, so the file would never settle.
var quotePairs = strings.NewReplacer("``", "\u201c", "''", "\u201d")

// commentWord is word with its doubled backquotes and apostrophes turned
// into the quotation marks gofmt would print.
func commentWord(word string) string { return quotePairs.Replace(word) }

// lineBreaks are the line breaks Go, JavaScript or Unicode knows, CRLF
// before CR so that it counts as one.
var lineBreaks = []string{"\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029"}

// cutLine cuts s at its first line break; more is false when s has none.
func cutLine(s string) (line, rest string, more bool) {
	i := strings.IndexAny(s, "\n\r\u0085\u2028\u2029")
	if i < 0 {
		return s, "", false
	}
	for _, br := range lineBreaks {
		if strings.HasPrefix(s[i:], br) {
			return s[:i], s[i+len(br):], true
		}
	}
	panic("unreachable: IndexAny found a line break")
}
