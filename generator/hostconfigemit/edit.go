package hostconfigemit

import (
	"bytes"
	"slices"
	"strings"
	"sync/atomic"
)

// backSteps counts the bytes the editor reads backwards from an offset to
// find where its line starts (lineIndent, remove5): a test holds that the
// total stays linear in the file's size, whatever its layout (a file
// without line breaks made it quadratic).
var backSteps atomic.Int64

// editor collects byte edits of an app.json and applies them at once. It
// changes only the spans it is given: every other byte of the file (escapes,
// spacing, number forms, order) is copied as it was. New text follows the
// file's own layout: its indentation unit and the spacing after colons.
type editor struct {
	data    []byte
	edits   []edit
	unit    string // one level of indentation, as the file's top level has it
	colon   string // between a key and its value, as the file's first key has it
	comma   string // between members on one line
	lines   bool   // the file puts members on lines of their own
	newline string // the file's own line break (newlineOf)
	// relevant are the names the host rules speak of (declaredNames).
	relevant map[string]bool
	// json5: the file may hold comments and trailing commas (scan5), which
	// an edit keeps.
	json5 bool
}

type edit struct {
	start, end int
	text       string
}

func newEditor(data []byte, root *value) *editor {
	e := &editor{data: data, unit: "  ", colon: ": ", comma: ", ", lines: true, newline: newlineOf(data)}
	if len(root.members()) == 0 {
		return e
	}
	first := root.members()[0]
	if colon := string(data[keyEnd(data, first.keyStart):first.value.start]); !hasBreak([]byte(colon)) && !strings.Contains(colon, "/") {
		e.colon = colon
	}
	if !strings.HasSuffix(e.colon, " ") {
		e.comma = ","
	}
	// The whitespace before each top-level key: the first that starts a
	// line says the file's unit of indentation.
	e.lines = false
	prev := root.start + 1
	rootIndent := e.lineIndent(root.start) // once: each call reads back to a line break
	for _, m := range root.members() {
		lead := data[prev:m.keyStart]
		prev = m.value.end
		i := lineStart(lead, len(lead))
		if i == 0 { // no line break: a break ends at 1 at the least
			continue
		}
		e.lines = true
		// Measured from the line of the top-level brace, which a file
		// may indent too.
		unit := strings.TrimPrefix(string(lead[i:]), rootIndent)
		if unit != "" && strings.Trim(unit, " \t") == "" {
			e.unit = unit
			break
		}
	}
	return e
}

// element is one new member (key set) or array item to add.
type element struct {
	key   string
	value *node
}

// bounds returns the span of c's i-th member or item.
func bounds(c *value, i int) (start, end int) {
	if c.kind == '{' {
		return c.members()[i].keyStart, c.members()[i].value.end
	}
	return c.items()[i].start, c.items()[i].end
}

func count(c *value) int {
	if c.kind == '{' {
		return len(c.members())
	}
	return len(c.items())
}

// change removes c's elements i where remove[i], and appends add after the
// last element, copying the separator the file uses between elements.
func (e *editor) change(c *value, remove []bool, add []element) {
	n, kept := count(c), 0
	for _, r := range remove {
		if !r {
			kept++
		}
	}
	if len(add) == 0 && kept == n {
		return
	}
	if e.json5 && kept > 0 {
		e.change5(c, remove, add)
		return
	}
	if kept == 0 && e.json5 && e.commented(c) {
		e.replaceAll(c, n, add)
		return
	}
	if kept == 0 {
		// Whitespace inside an object or array left empty, or about to
		// be filled, is rewritten: the file's own layout, or none.
		e.fill(c, add, n > 0 && hasBreak(e.data[c.start:c.end]) || n == 0 && e.lines)
		return
	}
	// Removals: a leading run from its first start to the first kept
	// element's start; any other from the end of the element before it, so
	// that each takes its own comma.
	firstKept := slices.Index(remove, false)
	if firstKept > 0 {
		s, _ := bounds(c, 0)
		k, _ := bounds(c, firstKept)
		e.edits = append(e.edits, edit{s, k, ""})
	}
	for i := firstKept + 1; i < n; i++ {
		if remove[i] {
			_, prev := bounds(c, i-1)
			_, end := bounds(c, i)
			e.edits = append(e.edits, edit{prev, end, ""})
		}
	}
	if len(add) == 0 {
		return
	}
	lastStart, lastEnd := bounds(c, n-1)
	var sep string
	if n >= 2 {
		_, prevEnd := bounds(c, n-2)
		sep = string(e.data[prevEnd:lastStart])
	} else if lead := string(e.data[c.start+1 : lastStart]); hasBreak([]byte(lead)) {
		sep = "," + lead
	} else {
		sep = e.comma
	}
	lines := hasBreak([]byte(sep))
	indent := e.lineIndent(lastStart)

	var b strings.Builder
	for _, el := range add {
		b.WriteString(sep)
		e.element(&b, el, indent, lines)
	}
	e.edits = append(e.edits, edit{lastEnd, lastEnd, b.String()})
}

// fill replaces everything between c's brackets with add.
func (e *editor) fill(c *value, add []element, lines bool) {
	var b strings.Builder
	outer := e.lineIndent(c.start)
	for i, el := range add {
		if i > 0 {
			b.WriteString(e.between(lines))
		}
		if lines {
			b.WriteString(e.newline + outer + e.unit)
		}
		e.element(&b, el, outer+e.unit, lines)
	}
	if lines && len(add) > 0 {
		b.WriteString(e.newline + outer)
	}
	e.edits = append(e.edits, edit{c.start + 1, c.end - 1, b.String()})
}

// between is the comma between two new elements: alone before a line
// break, else followed by a space when the file puts one after colons.
func (e *editor) between(lines bool) string {
	if lines {
		return ","
	}
	return e.comma
}

func (e *editor) element(b *strings.Builder, el element, indent string, lines bool) {
	if el.key != "" {
		b.WriteString(quote(el.key))
		b.WriteString(e.colon)
	}
	e.render(b, el.value, indent, lines)
}

// render writes n at a place indented by indent.
func (e *editor) render(b *strings.Builder, n *node, indent string, lines bool) {
	var elems []element
	for _, m := range n.members {
		elems = append(elems, element{m.key, m.value})
	}
	for _, item := range n.items {
		elems = append(elems, element{"", item})
	}
	switch n.kind {
	case objectNode, arrayNode:
		open, close := "{", "}"
		if n.kind == arrayNode {
			open, close = "[", "]"
		}
		b.WriteString(open)
		for i, el := range elems {
			if i > 0 {
				b.WriteString(e.between(lines))
			}
			if lines {
				b.WriteString(e.newline + indent + e.unit)
			}
			e.element(b, el, indent+e.unit, lines)
		}
		if lines && len(elems) > 0 {
			b.WriteString(e.newline + indent)
		}
		b.WriteString(close)
	case stringNode:
		b.WriteString(quote(n.literal))
	}
}

// replace sets v's bytes to n.
func (e *editor) replace(v *value, n *node) {
	var b strings.Builder
	e.render(&b, n, e.lineIndent(v.start), e.lines)
	e.edits = append(e.edits, edit{v.start, v.end, b.String()})
}

// lineIndent is the run of spaces and tabs that starts the line holding
// offset off. It reads back to the line's start: called a bounded number
// of times per edited container, never per element.
func (e *editor) lineIndent(off int) string {
	start := lineStart(e.data, off)
	backSteps.Add(int64(off - start))
	end := start
	for end < off && (e.data[end] == ' ' || e.data[end] == '\t') {
		end++
	}
	return string(e.data[start:end])
}

// apply returns data with the edits made; edits never overlap.
func (e *editor) apply() []byte {
	// By start, an insertion before a removal starting where it is.
	slices.SortStableFunc(e.edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	var out bytes.Buffer
	at := 0
	for _, ed := range e.edits {
		out.Write(e.data[at:ed.start])
		out.WriteString(ed.text)
		at = ed.end
	}
	out.Write(e.data[at:])
	return out.Bytes()
}

// commented reports whether c's brackets hold a comment outside its
// elements (JSON5): filling c would drop it.
func (e *editor) commented(c *value) bool {
	inner := e.data[c.start+1 : c.end-1]
	return bytes.Contains(inner, []byte("//")) || bytes.Contains(inner, []byte("/*"))
}

// replaceAll replaces all n elements of c (n may be 0) with add, keeping
// the bytes before the first and after the last (comments): the elements
// and a trailing comma after them go; add comes where the first was, or
// after the last comment of an empty c.
func (e *editor) replaceAll(c *value, n int, add []element) {
	lines := hasBreak(e.data[c.start:c.end]) || e.lines
	if n == 0 {
		at := c.end - 1
		for at > c.start+1 {
			if e.data[at-1] == ' ' || e.data[at-1] == '\t' {
				at--
			} else if n := breakBefore(e.data, at); n > 0 && at-n > c.start {
				at -= n
			} else {
				break
			}
		}
		if len(add) == 0 {
			return
		}
		outer := e.lineIndent(c.start)
		var b strings.Builder
		for i, el := range add {
			if i > 0 {
				b.WriteString(e.between(lines))
			}
			if lines {
				b.WriteString(e.newline + outer + e.unit)
			} else {
				b.WriteString(" ")
			}
			e.element(&b, el, outer+e.unit, lines)
		}
		if lines {
			b.WriteString(e.newline + outer)
		}
		e.edits = append(e.edits, edit{at, c.end - 1, b.String()})
		return
	}
	start, _ := bounds(c, 0)
	_, end := bounds(c, n-1)
	if comma := commaAfter(c, n-1); comma >= 0 {
		end = comma + 1
	}
	indent := e.lineIndent(start)
	var b strings.Builder
	for i, el := range add {
		if i > 0 {
			b.WriteString(",")
			if lines {
				b.WriteString(e.newline + indent)
			} else {
				b.WriteString(" ")
			}
		}
		e.element(&b, el, indent, lines)
	}
	e.edits = append(e.edits, edit{start, end, b.String()})
}

// commaAfter is the offset of the comma after element i of c, a
// container scan5 kept, else -1.
func commaAfter(c *value, i int) int { return c.c.commas[i] }

// change5 is change for a JSON5 file with at least one element kept. It
// never drops a comment outside the removed elements' own run: a removed
// element before the last kept one goes with its own comma (and its line,
// when it has the line to itself); the run of removed elements after the
// last kept one goes as one span, comments between them included, and the
// new elements take its place, or, without such a run, follow the last
// kept element past its comma and a comment ending its line. New elements
// go on lines of their own when the file puts elements on lines. A
// trailing comma after the last element stays a trailing comma; a
// container without one keeps having none.
func (e *editor) change5(c *value, remove []bool, add []element) {
	n := count(c)
	trailingStyle := commaAfter(c, n-1) >= 0
	k := -1 // the last kept element
	for i := range n {
		if !remove[i] {
			k = i
		}
	}
	kStart, kEnd := bounds(c, k)
	kComma := commaAfter(c, k)
	lines := hasBreak(e.data[c.start:kStart])
	for i := 1; i < n; i++ {
		_, prevEnd := bounds(c, i-1)
		s, _ := bounds(c, i)
		lines = lines || hasBreak(e.data[prevEnd:s])
	}
	var spans []edit // removals before k, in order; neighbours may touch or overlap
	for i := range k {
		if remove[i] {
			spans = append(spans, e.remove5(c, i))
		}
	}
	for i, sp := range spans {
		if i > 0 && sp.start <= e.edits[len(e.edits)-1].end {
			last := &e.edits[len(e.edits)-1]
			last.end = max(last.end, sp.end)
			continue
		}
		e.edits = append(e.edits, sp)
	}
	q := kEnd // where new elements may go
	if kComma >= 0 {
		q = kComma + 1
	}
	at := q
	if lines {
		at = e.lineEnd(q)
	}
	if k < n-1 { // the removed tail run
		ts, _ := bounds(c, k+1)
		for ts > q && (e.data[ts-1] == ' ' || e.data[ts-1] == '\t') {
			ts--
		}
		if n := breakBefore(e.data, ts); lines && n > 0 && ts-n >= q {
			ts -= n
		}
		_, te := bounds(c, n-1)
		if comma := commaAfter(c, n-1); comma >= 0 {
			te = comma + 1
		}
		e.edits = append(e.edits, edit{ts, te, ""})
		at = ts
		if len(add) == 0 && !trailingStyle {
			e.edits = append(e.edits, edit{kComma, kComma + 1, ""}) // the last kept is last now
		}
	}
	if len(add) == 0 {
		return
	}
	if kComma < 0 {
		e.edits = append(e.edits, edit{kEnd, kEnd, ","})
	}
	indent := e.lineIndent(kStart)
	prefix := strings.TrimPrefix(e.comma, ",")
	if lines {
		prefix = e.newline + indent
	}
	var b strings.Builder
	for j, el := range add {
		b.WriteString(prefix)
		e.element(&b, el, indent, lines)
		if j < len(add)-1 || trailingStyle {
			b.WriteString(",")
		}
	}
	e.edits = append(e.edits, edit{at, at, b.String()})
}

// lineEnd is where the line holding off ends, when the rest of it after
// off is white space and comments; else off.
func (e *editor) lineEnd(off int) int {
	i := off
	for i < len(e.data) {
		switch {
		case e.data[i] == ' ' || e.data[i] == '\t':
			i++
		case lineBreak(e.data, i) > 0:
			return i
		case bytes.HasPrefix(e.data[i:], []byte("//")):
			end, _ := commentEnd(e.data, i)
			return end
		case bytes.HasPrefix(e.data[i:], []byte("/*")):
			end, err := commentEnd(e.data, i)
			if err != nil || bytes.ContainsAny(e.data[i:end], "\r\n\u2028\u2029") {
				return off
			}
			i = end
		default:
			return off
		}
	}
	return off
}

// remove5 is the removal of element i of c, which is followed by a comma
// (it comes before a kept element), with that comma; when it has its line
// to itself, the line goes too, else the spaces after it.
func (e *editor) remove5(c *value, i int) edit {
	s, _ := bounds(c, i)
	end := commaAfter(c, i) + 1 // an element before the last kept one has its comma
	// Only the blanks before s are read back: a file without line breaks
	// would make a search for the line's start quadratic.
	ls := s
	for ls > 0 && (e.data[ls-1] == ' ' || e.data[ls-1] == '\t') {
		ls--
	}
	backSteps.Add(int64(s - ls))
	ownLine := ls == 0 || breakBefore(e.data, ls) > 0
	after := end
	for after < len(e.data) && (e.data[after] == ' ' || e.data[after] == '\t') {
		after++
	}
	switch {
	case after >= len(e.data):
	case ownLine && lineBreak(e.data, after) > 0:
		s, end = ls, after+lineBreak(e.data, after)
	case lineBreak(e.data, after) == 0:
		end = after
	}
	return edit{s, end, ""}
}
