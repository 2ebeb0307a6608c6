package output

import (
	"bytes"
	"fmt"
	"go/format"
	"strconv"
	"strings"
	"unicode/utf8"
)

// formatGo is go/format.Source for src with verbatim regions: the file is
// formatted with each region it can splice as a placeholder line, and the
// region's lines, in gofmt's form, replace that line.
func formatGo(src []byte) ([]byte, error) {
	if bytes.IndexByte(src, regionMark) < 0 {
		return format.Source(src)
	}
	skeleton, splices, err := skeletonOf(src)
	if err != nil {
		return nil, err
	}
	formatted, err := format.Source(skeleton)
	if err != nil {
		return nil, err
	}
	return spliceBack(formatted, splices, len(src))
}

// skeletonOf returns src with each region it can splice replaced by a
// placeholder line, and those regions' lines in gofmt's form. A region
// it cannot splice stays in the skeleton, unmarked.
func skeletonOf(src []byte) ([]byte, []splice, error) {
	regions, err := findRegions(src)
	if err != nil {
		return nil, nil, err
	}
	var skeleton bytes.Buffer
	skeleton.Grow(len(src) / 4)
	var splices []splice
	prev := 0
	for _, r := range regions {
		skeleton.Write(src[prev:r.start])
		prev = r.end
		lines, ok := r.canonical()
		if !ok { // left to go/format
			skeleton.WriteString(strings.Join(r.body, "\n"))
			continue
		}
		s := splice{placeholder: placeholder(r.kind, len(splices)), lines: lines}
		skeleton.WriteString(s.placeholder)
		splices = append(splices, s)
	}
	skeleton.Write(src[prev:])
	return skeleton.Bytes(), splices, nil
}

// splice is a region's lines and the placeholder line standing for them.
type splice struct {
	placeholder string
	lines       []string
}

// placeholder is the one line standing for region n of kind in the
// skeleton: an element, a spec or a statement, as the kind requires.
func placeholder(kind RegionKind, n int) string {
	name := "_scopegenVerbatimRegion" + strconv.Itoa(n)
	switch kind {
	case DocumentedSpecs:
		return name + " = 0"
	case Statements:
		return name + "()"
	}
	return name + ","
}

// spliceBack replaces each placeholder line of formatted, in order, by its
// region's lines with the placeholder's indentation.
func spliceBack(formatted []byte, splices []splice, sizeHint int) ([]byte, error) {
	out := make([]byte, 0, sizeHint+sizeHint/8)
	at := 0
	for _, s := range splices {
		start, end, indent, ok := findLine(formatted, at, s.placeholder)
		if !ok {
			return nil, fmt.Errorf("formatting lost the line of verbatim region %q", s.placeholder)
		}
		out = append(out, formatted[at:start]...)
		for _, l := range s.lines {
			if l != "" {
				out = append(out, indent...)
				out = append(out, l...)
			}
			out = append(out, '\n')
		}
		at = end
	}
	return append(out, formatted[at:]...), nil
}

// findLine finds, from at, the line that is tabs then text: its start, the
// index after its newline, and its tabs.
func findLine(src []byte, at int, text string) (start, end int, indent []byte, ok bool) {
	for {
		i := bytes.Index(src[at:], []byte(text+"\n"))
		if i < 0 {
			return 0, 0, nil, false
		}
		i += at
		start = i
		for start > 0 && src[start-1] == '\t' {
			start--
		}
		if start == 0 || src[start-1] == '\n' {
			return start, i + len(text) + 1, src[start:i], true
		}
		at = i + 1
	}
}

// canonical returns the region's lines as gofmt prints them, or false
// when that is not certain without formatting them (the region then goes
// through go/format with the rest of the file).
func (r region) canonical() ([]string, bool) {
	for _, l := range r.body {
		if l == "" || l != strings.TrimSpace(l) {
			return nil, false
		}
	}
	switch r.kind {
	case Elements:
		return r.body, allLines(r.body, isElement)
	case KeyedElements:
		return alignKeys(r.body)
	case DocumentedSpecs:
		return documentedSpecs(r.body)
	case Statements:
		return r.body, allLines(r.body, func(l string) bool { return !isComment(l) })
	}
	return nil, false
}

func allLines(lines []string, ok func(string) bool) bool {
	for _, l := range lines {
		if !ok(l) {
			return false
		}
	}
	return true
}

func isElement(l string) bool { return strings.HasSuffix(l, ",") && !isComment(l) }

func isComment(l string) bool { return strings.HasPrefix(l, "//") || strings.HasPrefix(l, "/*") }

// smallKey is go/printer's smallSize: in a composite literal, one
// key: value a line, the values stay in one aligned column while every
// key is at most this many bytes; past it a size ratio may start a new
// section, which is left to go/format.
const smallKey = 40

// alignKeys pads "key: value," lines as gofmt does: tabwriter pads the
// cell "key:" to the widest one, plus one space, counting runes.
func alignKeys(lines []string) ([]string, bool) {
	widest := 0
	for _, l := range lines {
		colon := strings.IndexByte(l, ':')
		if colon <= 0 || colon > smallKey || !isElement(l) || !strings.HasPrefix(l[colon:], ": ") || !isKey(l[:colon]) {
			return nil, false
		}
		widest = max(widest, utf8.RuneCountInString(l[:colon]))
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		colon := strings.IndexByte(l, ':')
		pad := widest - utf8.RuneCountInString(l[:colon])
		out[i] = l[:colon+1] + strings.Repeat(" ", pad+1) + l[colon+2:]
	}
	return out, true
}

// isKey reports whether k is an identifier or a qualified one.
func isKey(k string) bool {
	for _, part := range strings.Split(k, ".") {
		if part == "" || !isIdent(part) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	for i, r := range s {
		letter := r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false // ASCII only: rune and byte counts then agree
		}
	}
	return true
}

// documentedSpecs checks that every spec line stands under a doc comment
// of "// " lines (a comment line between two specs keeps gofmt from
// aligning them) and reformats each comment as gofmt does.
func documentedSpecs(lines []string) ([]string, bool) {
	out := make([]string, 0, len(lines)+len(lines)/8)
	docStart := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "//") {
			if l != "//" && !strings.HasPrefix(l, "// ") {
				return nil, false // a directive, or text gofmt might treat as one
			}
			continue
		}
		if isComment(l) || i == docStart {
			return nil, false
		}
		doc, ok := docComment(lines[docStart:i])
		if !ok {
			return nil, false
		}
		out = append(out, doc...)
		out = append(out, l)
		docStart = i + 1
	}
	return out, docStart == len(lines)
}
