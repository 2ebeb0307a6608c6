package output

import (
	"go/doc/comment"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DocComment is the doc comment gofmt settles on for lines, "//" and
// "// text" lines as emitters write them: go/printer's reformatting
// (docComment) applied until it changes nothing. An emitter that writes a
// top-level doc comment so gets a file every later gofmt leaves as it is;
// one application is not enough, because gofmt is not idempotent on doc
// comments. A one-line paragraph with two apostrophes becomes an old-style
// heading once they are a closing quotation mark, and turns into "# " on
// the next run; in a run of backquotes go/doc/comment's skip of "```"
// indexes the wrong string, so each run converts one more pair. Every
// pass that changes the text removes a pair of quotes or settles a
// heading, list or code block, so the passes are bounded by the text's
// length. Nil when gofmt would drop the comment.
func DocComment(lines []string) []string {
	passes := 2
	for _, l := range lines {
		passes += len(l)
	}
	for range passes {
		out, ok := docComment(lines)
		if !ok {
			return nil
		}
		if slices.Equal(out, lines) {
			return out
		}
		lines = out
	}
	return lines
}

// docComment is go/printer's reformatting of a doc comment made of "//"
// and "// text" lines: the text parsed and printed by go/doc/comment.
// False when nothing is left (gofmt then drops the comment).
func docComment(lines []string) ([]string, bool) {
	if out, ok := quickDoc(lines); ok {
		return out, true
	}
	return reformatDoc(lines)
}

// quickDoc is docComment without go/doc/comment, for the comments it can
// tell the parser prints as they are, or with nothing but old-style
// headings turned into "# " lines: paragraphs of unindented text one blank
// "//" line apart, with nothing the parser reads as a list, new-style
// heading, code block or link definition (no line starts with a marker, a
// digit, '#', '[' or a space) and no doubled apostrophes or backquotes,
// which it turns into curly quotes. False for any other comment. It is a
// shortcut: parsing every doc comment of a large table costs more than
// formatting the rest of the file.
// FuzzQuickDoc holds it to go/doc/comment.
func quickDoc(lines []string) ([]string, bool) {
	if len(lines) == 0 || lines[0] == "//" || lines[len(lines)-1] == "//" {
		return nil, false
	}
	var out []string
	for i, l := range lines {
		if l == "//" {
			if lines[i-1] == "//" {
				return nil, false
			}
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if !strings.HasPrefix(l, "// ") {
			return nil, false // a code line ("//\t…"), from a reformatted comment
		}
		text := l[3:]
		first, _ := utf8.DecodeRuneInString(text)
		last, _ := utf8.DecodeLastRuneInString(text)
		switch {
		case text == "" || unicode.IsSpace(first) || unicode.IsSpace(last) || unicode.IsDigit(first):
			return nil, false
		case strings.ContainsRune("-*+•#[", first) || strings.ContainsRune(text, '\t'):
			return nil, false
		case strings.Contains(text, "''") || strings.Contains(text, "``"):
			return nil, false
		}
		// A one-line paragraph between two others may be a heading.
		between := i > 0 && i+2 < len(lines) && lines[i-1] == "//" && lines[i+1] == "//"
		if between && isOldHeading(text) {
			if out == nil {
				out = append(make([]string, 0, len(lines)), lines[:i]...)
			}
			out = append(out, "// # "+text)
			continue
		}
		if out != nil {
			out = append(out, l)
		}
	}
	if out == nil {
		return lines, true
	}
	return out, true
}

// isOldHeading reports whether a one-line paragraph between two others is
// an old-style section heading to go/doc/comment: it starts with an upper
// case letter, ends in a letter or digit, has no punctuation but "(),",
// an apostrophe only in "'s" and a period only before a non-space.
func isOldHeading(text string) bool {
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	if !unicode.IsUpper(first) || !unicode.IsLetter(first) || !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return false
	}
	if strings.ContainsAny(text, ";:!?+*/=[]{}_^°&§~%#@<\">\\") {
		return false
	}
	for rest := text; ; {
		_, after, found := strings.Cut(rest, "'")
		if !found {
			break
		}
		if after != "s" && !strings.HasPrefix(after, "s ") {
			return false
		}
		rest = after
	}
	for rest := text; ; {
		_, after, found := strings.Cut(rest, ".")
		if !found {
			break
		}
		if after == "" || strings.HasPrefix(after, " ") {
			return false
		}
		rest = after
	}
	return true
}

// reformatDoc is docComment by go/doc/comment, as go/printer does it.
func reformatDoc(lines []string) ([]string, bool) {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.TrimPrefix(l[2:], " "))
		b.WriteByte('\n')
	}
	var p comment.Parser
	var pr comment.Printer
	text := strings.TrimSuffix(string(pr.Comment(p.Parse(b.String()))), "\n")
	if text == "" {
		return nil, false
	}
	out := strings.Split(text, "\n")
	for i, l := range out {
		switch {
		case l == "":
			out[i] = "//"
		case strings.HasPrefix(l, "\t"):
			out[i] = "//" + l
		default:
			out[i] = "// " + l
		}
	}
	return out, true
}
