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

// render prints f, gofmt'd. An error means scopegen built invalid Go.
func render(f *jen.File) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Render(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// doc turns free text into // comment lines, one statement ending in a
// newline per line, ready to stand above a declaration. jennifer would
// turn a multi-line Comment into /* */, which a "*/" in the text breaks,
// and would print a line starting with "//" raw (a //go: directive); here
// every line is "// " + text, so neither can happen.
func doc(paragraphs ...string) *jen.Statement {
	s := jen.Null()
	first := true
	for _, p := range paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if !first {
			s.Comment("//").Line()
		}
		first = false
		for _, line := range commentLines(p) {
			s.Comment(line).Line()
		}
	}
	return s
}

// packageDoc writes paragraphs as the package comment of f.
func packageDoc(f *jen.File, paragraphs ...string) {
	for i, p := range paragraphs {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if i > 0 {
			f.PackageComment("//")
		}
		for _, line := range commentLines(p) {
			f.PackageComment(line)
		}
	}
}

// wrapAt is where comment text is wrapped, as a person would.
const wrapAt = 88

// commentLines renders text as "// " lines, wrapped at wrapAt. Every line
// starts with "// " (jennifer prints strings starting with "//" as they
// are), so no text can end the comment or become a directive.
func commentLines(text string) []string {
	var out []string
	for _, line := range splitLines(text) {
		cur := "//"
		for _, word := range strings.Fields(line) {
			if len(cur) > 2 && len(cur)+1+len(word) > wrapAt {
				out = append(out, cur)
				cur = "//"
			}
			cur += " " + word
		}
		out = append(out, cur)
	}
	return out
}

// splitLines splits on every line break Go, JavaScript or Unicode knows.
func splitLines(s string) []string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n").Replace(s)
	return strings.Split(s, "\n")
}
