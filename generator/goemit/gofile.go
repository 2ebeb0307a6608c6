package goemit

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

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

// render prints f, gofmt'd. An error means scopegen built invalid Go.
func render(f *jen.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// declDoc adds paragraphs to f as the doc comment of a top-level
// declaration and returns the statement to build that declaration on.
// gofmt reformats a top-level doc comment (go/doc/comment: lists, code
// blocks, headings, curly quotes) on every run, and not idempotently, so
// the comment is written as gofmt settles it (topLevelDoc). Each line is a
// file item of its own, so the comment and the declaration start at
// column 1, where Finish's format pass treats the comment as gofmt will;
// behind doc's lines a declaration would start at column 2 (jennifer puts
// a space between a statement's parts).
func declDoc(f *jen.File, paragraphs ...string) *jen.Statement {
	for _, line := range topLevelDoc(paragraphs) {
		f.Comment(line)
	}
	return f.Null()
}

// topLevelDoc is docLines(paragraphs) as gofmt settles a top-level doc
// comment: output.DocComment, the reformatting Finish applies to the
// doc comments of const groups, run until it changes nothing.
func topLevelDoc(paragraphs []string) []string {
	return output.DocComment(docLines(paragraphs))
}

// doc turns free text into // comment lines, one statement ending in a
// newline per line, ready to stand above a struct field or a spec of a
// const or var group, where gofmt indents it and never reformats it
// again; a top-level declaration takes declDoc. jennifer would turn a multi-line
// Comment into /* */, which a "*/" in the text breaks, and would print a
// line starting with "//" raw (a //go: directive); here every line is
// "// " + text, so neither can happen.
func doc(paragraphs ...string) *jen.Statement {
	s := jen.Null()
	for _, line := range docLines(paragraphs) {
		s.Comment(line).Line()
	}
	return s
}

// docText is doc as Go source text, for declarations written raw (see
// rawLines): the same lines, each ending in a newline.
func docText(b *strings.Builder, paragraphs ...string) {
	first := true
	for _, p := range paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if !first {
			b.WriteString("//\n")
		}
		first = false
		writeCommentLines(b, p)
	}
}

// docLines are the comment lines of paragraphs, a "//" line between two
// paragraphs; blank paragraphs are left out.
func docLines(paragraphs []string) []string {
	var b strings.Builder
	docText(&b, paragraphs...)
	if b.Len() == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// packageDoc writes paragraphs as the package comment of f, as gofmt
// settles it (topLevelDoc).
func packageDoc(f *jen.File, paragraphs ...string) {
	for _, line := range topLevelDoc(paragraphs) {
		f.PackageComment(line)
	}
}

// wrapAt is where comment text is wrapped, as a person would.
const wrapAt = 88

// commentLines renders text as "// " lines, wrapped at wrapAt. Every line
// starts with "// " (jennifer prints strings starting with "//" as they
// are), so no text can end the comment or become a directive.
func commentLines(text string) []string {
	var b strings.Builder
	writeCommentLines(&b, text)
	return strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
}

// writeCommentLines writes commentLines(text) to b, each line ending in a
// newline. Words are what strings.Fields finds.
func writeCommentLines(b *strings.Builder, text string) {
	for {
		line, rest, more := cutLine(text)
		b.WriteString("//")
		width := 2
		for {
			line = line[spaceEnd(line):]
			if line == "" {
				break
			}
			end := wordEnd(line)
			word := line[:end]
			line = line[end:]
			if width > 2 && width+1+len(word) > wrapAt {
				b.WriteString("\n//")
				width = 2
			}
			b.WriteByte(' ')
			b.WriteString(word)
			width += 1 + len(word)
		}
		b.WriteByte('\n')
		if !more {
			return
		}
		text = rest
	}
}

// cutLine cuts s at its first line break: any Go, JavaScript or Unicode
// knows (LF, CR, CRLF, NEL, LS, PS); more is false when s has none.
func cutLine(s string) (line, rest string, more bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return s[:i], s[i+1:], true
		case '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				return s[:i], s[i+2:], true
			}
			return s[:i], s[i+1:], true
		case 0xC2, 0xE2: // lead bytes of U+0085, U+2028, U+2029
			for _, br := range []string{"\u0085", "\u2028", "\u2029"} {
				if strings.HasPrefix(s[i:], br) {
					return s[:i], s[i+len(br):], true
				}
			}
		}
	}
	return s, "", false
}

// spaceEnd is the length of the white space (unicode.IsSpace) s starts
// with; wordEnd the length of the word it starts with. Comment text is
// most of what a large manifest is, so ASCII takes a short path.
func spaceEnd(s string) int { return scan(s, true) }

func wordEnd(s string) int { return scan(s, false) }

// scan is the index of the first rune of s whose unicode.IsSpace is not
// space, len(s) when there is none.
func scan(s string, space bool) int {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) != space {
			return i
		}
		i += n
	}
	return len(s)
}

// asciiSpace is unicode.IsSpace for ASCII.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
