package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// add edits the manifest as text: the pairs it brings are rendered alone
// and inserted between the user's lines, every other byte stays as it
// was. The one byte change besides insertions: an empty flow mapping
// "{}" that gains a pair (a request add gives a purpose) becomes the
// block mapping holding it. Whatever cannot be edited so (a flow mapping
// with entries, a key that does not start its line) is refused with the
// YAML to add by hand, never rewritten.

// textEdit replaces del bytes at offset at of the original with text.
type textEdit struct {
	at, del int
	text    string
}

// handEntry is one pair add would bring, for a refusal to print.
type handEntry struct{ path, yaml string }

// errNotInsertable is why a manifest cannot be edited by insertion.
var errNotInsertable = errors.New("cannot be edited by insertion alone")

// errNotOneMapping: the manifest parses, but is not one mapping document.
var errNotOneMapping = errors.New("not one YAML mapping")

// yamlDirective is a leading %YAML 1.1/1.2 directive: yaml.v3 refuses
// 1.2 although it reads the document the same; load makes it a comment
// of the same length, and so does add (positions stay).
var yamlDirective = regexp.MustCompile(`(?m)\A((?:#[^\n]*\n|[ \t]*\n)*)%(YAML[ \t]+1\.[12][ \t]*(?:#[^\n]*)?\r?\n)`)

// parseManifestYAML parses data as load does (a leading %YAML 1.1 or
// 1.2 directive accepted) and refuses a stream of more than one
// document: add would edit the first and could not vouch for the rest.
func parseManifestYAML(data []byte) (*yaml.Node, error) {
	rest := bytes.TrimPrefix(data, []byte("\uFEFF"))
	if loc := yamlDirective.FindSubmatchIndex(rest); loc != nil {
		data = bytes.Clone(data)
		data[len(data)-len(rest)+loc[3]] = '#'
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%w: the document is not a mapping", errNotOneMapping)
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: it holds more than one YAML document, and add edits a manifest of one", errNotOneMapping)
	}
	return &doc, nil
}

// textPlan turns the difference between orig (the manifest parsed) and
// edited (the same parse after addFromCatalog) into insertions into
// data. hand lists every pair added, to print when err is
// errNotInsertable.
type textPlan struct {
	data   []byte
	starts []int // byte offset of each line's start
	eol    string
	nodes  []*yaml.Node // every node of orig, for where a mapping ends
	edits  []textEdit
	hand   []handEntry
	why    string // the first reason the edit is not insertable
}

func planText(data []byte, orig, edited *yaml.Node) ([]textEdit, []handEntry, error) {
	p := &textPlan{data: data, eol: "\n"}
	if i := bytes.IndexByte(data, '\n'); i > 0 && data[i-1] == '\r' {
		p.eol = "\r\n"
	}
	p.starts = []int{0}
	for i, b := range data {
		if b == '\n' {
			p.starts = append(p.starts, i+1)
		}
	}
	var all func(*yaml.Node)
	all = func(n *yaml.Node) {
		p.nodes = append(p.nodes, n)
		for _, c := range n.Content {
			all(c)
		}
	}
	all(orig.Content[0])
	p.walk("", orig.Content[0], edited.Content[0], nil)
	if p.why != "" {
		return nil, p.hand, fmt.Errorf("%w: %s", errNotInsertable, p.why)
	}
	slices.SortStableFunc(p.edits, func(a, b textEdit) int { return a.at - b.at })
	return p.edits, p.hand, nil
}

func (p *textPlan) refuse(format string, args ...any) {
	if p.why == "" {
		p.why = fmt.Sprintf(format, args...)
	}
}

// walk compares o (original) with n (edited) at path; key is o's key.
func (p *textPlan) walk(path string, o, n, key *yaml.Node) {
	if o.Kind != n.Kind {
		p.refuse("%s changes kind", orRoot(path))
		return
	}
	switch o.Kind {
	case yaml.SequenceNode:
		if len(o.Content) != len(n.Content) {
			p.refuse("%s changes length", orRoot(path))
			return
		}
		for i := range o.Content {
			p.walk(fmt.Sprintf("%s[%d]", path, i), o.Content[i], n.Content[i], nil)
		}
	case yaml.MappingNode:
		p.mapping(path, o, n, key)
	}
}

func orRoot(path string) string {
	if path == "" {
		return "the top level"
	}
	return path
}

func (p *textPlan) mapping(path string, o, n, key *yaml.Node) {
	had := map[string]int{}
	for i := 0; i+1 < len(o.Content); i += 2 {
		had[o.Content[i].Value] = i
	}
	var added []int // pair indices of n that o lacks
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		j, ok := had[k]
		if !ok {
			added = append(added, i)
			p.hand = append(p.hand, handEntry{path, p.render(n.Content[i:i+2], 0)})
			continue
		}
		p.walk(joinPath(path, k), o.Content[j+1], n.Content[i+1], o.Content[j])
	}
	if len(added) == 0 {
		return
	}
	if o.Style&yaml.FlowStyle != 0 {
		if len(o.Content) > 0 || key == nil {
			p.refuse("%s is a flow mapping ({...}) with entries", orRoot(path))
			return
		}
		p.emptyFlow(path, o, n, key)
		return
	}
	if len(o.Content) == 0 {
		p.refuse("%s is empty", orRoot(path))
		return
	}
	col := o.Content[0].Column
	for i := 0; i+1 < len(o.Content); i += 2 {
		if !p.startsLine(o.Content[i]) {
			p.refuse("key %s does not start its line", joinPath(path, o.Content[i].Value))
			return
		}
	}
	// Group consecutive added pairs: each group goes before the next pair
	// o has, or after o's last.
	for g := 0; g < len(added); {
		h := g
		for h+1 < len(added) && added[h+1] == added[h]+2 {
			h++
		}
		next := added[h] + 2
		line := 0
		if next < len(n.Content) {
			line = o.Content[had[n.Content[next].Value]].Line
		} else {
			line = p.endLine(o, col)
		}
		var pairs []*yaml.Node
		for _, i := range added[g : h+1] {
			pairs = append(pairs, n.Content[i], n.Content[i+1])
		}
		p.insertBefore(line, col, p.render(pairs, col-1))
		g = h + 1
	}
}

// emptyFlow turns "key: {}" into "key:" and the added pairs below it.
func (p *textPlan) emptyFlow(path string, o, n, key *yaml.Node) {
	if !p.startsLine(key) || o.Line != key.Line {
		p.refuse("%s is {} not on its key's line", path)
		return
	}
	off := p.offset(o.Line, o.Column)
	if off < 0 {
		p.refuse("%s: no {} where the parser put it", path)
		return
	}
	colon := bytes.LastIndexByte(p.data[p.starts[key.Line-1]:off], ':')
	if colon < 0 || !bytes.HasPrefix(p.data[off:p.lineEnd(o.Line)], []byte("{}")) {
		p.refuse("%s: no {} where the parser put it", path)
		return
	}
	colon += p.starts[key.Line-1] + 1
	if strings.TrimSpace(string(p.data[colon:off])) != "" {
		p.refuse("%s: something between the key and {}", path)
		return
	}
	p.edits = append(p.edits, textEdit{at: colon, del: off + 2 - colon})
	p.insertBefore(key.Line+1, key.Column+2, p.render(n.Content, key.Column+1))
}

// insertBefore inserts text before line (1-based; past the last line:
// the end), above the blank lines and the comments no deeper than col
// that precede it (the head comment of what follows stays with it).
func (p *textPlan) insertBefore(line, col int, text string) {
	i := line - 1 // 0-based
	if i > len(p.starts)-1 || i == len(p.starts)-1 && p.starts[i] == len(p.data) {
		i = len(p.starts) - 1
		if p.starts[i] != len(p.data) { // no final line break
			text = p.eol + text
			p.edits = append(p.edits, textEdit{at: len(p.data), text: text})
			return
		}
	}
	for i > 0 {
		prev := strings.TrimRight(string(p.data[p.starts[i-1]:p.starts[i]]), "\r\n")
		t := strings.TrimLeft(prev, " \t")
		if t != "" && !(strings.HasPrefix(t, "#") && len(prev)-len(t) <= col-1) {
			break
		}
		i--
	}
	if i == 0 {
		p.refuse("nothing precedes the insertion point")
		return
	}
	p.edits = append(p.edits, textEdit{at: p.starts[i], text: text})
}

// endLine is the line at which mapping o (keys at col) ends: the first
// node after its last key that is less indented, or past the end.
func (p *textPlan) endLine(o *yaml.Node, col int) int {
	last := o.Content[len(o.Content)-2].Line
	end := len(p.starts) + 1
	for _, n := range p.nodes {
		if n.Line > last && n.Column < col && n.Line < end {
			end = n.Line
		}
	}
	return end
}

// render is pairs as block YAML indented by indent spaces, in the file's
// line ending.
func (p *textPlan) render(pairs []*yaml.Node, indent int) string {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: pairs}); err != nil {
		return "# " + err.Error() + "\n"
	}
	enc.Close()
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(string(tidy(buf.Bytes())), "\n"), "\n") {
		if line != "" {
			b.WriteString(pad + line)
		}
		b.WriteString(p.eol)
	}
	return b.String()
}

// startsLine reports whether only spaces precede node n on its line.
func (p *textPlan) startsLine(n *yaml.Node) bool {
	if n.Line < 1 || n.Line > len(p.starts) {
		return false
	}
	start := p.lineStart(n.Line)
	off := p.offset(n.Line, n.Column)
	return off >= 0 && strings.Trim(string(p.data[start:off]), " ") == ""
}

// offset is the byte offset of line:col (col counted in characters), or -1.
func (p *textPlan) offset(line, col int) int {
	if line < 1 || line > len(p.starts) {
		return -1
	}
	off, end := p.lineStart(line), p.lineEnd(line)
	for c := 1; c < col; c++ {
		if off >= end {
			return -1
		}
		_, size := utf8.DecodeRune(p.data[off:end])
		off += size
	}
	return off
}

// lineStart is the offset of line's first character (after a BOM).
func (p *textPlan) lineStart(line int) int {
	if line == 1 && bytes.HasPrefix(p.data, []byte("\uFEFF")) {
		return 3
	}
	return p.starts[line-1]
}

func (p *textPlan) lineEnd(line int) int {
	if line < len(p.starts) {
		return p.starts[line] - 1
	}
	return len(p.data)
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// applyEdits makes edits (sorted by offset) to data.
func applyEdits(data []byte, edits []textEdit) []byte {
	var out bytes.Buffer
	at := 0
	for _, e := range edits {
		out.Write(data[at:e.at])
		out.WriteString(e.text)
		at = e.at + e.del
	}
	out.Write(data[at:])
	return out.Bytes()
}

// sameValues reports whether the YAML in data reads as the same values
// as tree: the insertion made exactly the edit intended.
func sameValues(data []byte, tree *yaml.Node) bool {
	got, err := parseManifestYAML(data)
	if err != nil {
		return false
	}
	var a, b any
	if got.Decode(&a) != nil || tree.Decode(&b) != nil {
		return false
	}
	return reflect.DeepEqual(a, b)
}
