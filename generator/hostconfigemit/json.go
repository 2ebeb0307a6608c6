package hostconfigemit

import (
	"bytes"
	"encoding/json"
	"strings"
)

// node is one JSON value scopegen writes (a fragment, or the text a merge
// adds), with object keys in the order given, which encoding/json's maps
// would lose.
type node struct {
	kind    kind
	members []member // object, in order
	items   []*node  // array
	literal string   // string (decoded), or a literal as written
}

type kind int

const (
	objectNode kind = iota
	arrayNode
	stringNode
)

type member struct {
	key   string
	value *node
}

// get returns the value of the first member named key, or nil.
func (n *node) get(key string) *node {
	for _, m := range n.members {
		if m.key == key {
			return m.value
		}
	}
	return nil
}

// set gives key the value v: in place of its first occurrence (dropping
// any repeat), else appended.
func (n *node) set(key string, v *node) {
	out := n.members[:0]
	done := false
	for _, m := range n.members {
		if m.key != key {
			out = append(out, m)
		} else if !done {
			out = append(out, member{key, v})
			done = true
		}
	}
	if !done {
		out = append(out, member{key, v})
	}
	n.members = out
}

func str(s string) *node { return &node{kind: stringNode, literal: s} }

// encode prints n as JSON indented by two spaces, with a final newline.
// Strings are escaped by encoding/json without HTML escaping, so text in
// any script stays readable.
func encode(n *node) []byte {
	var b bytes.Buffer
	write(&b, n, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func write(b *bytes.Buffer, n *node, depth int) {
	indent := strings.Repeat("  ", depth+1)
	switch n.kind {
	case objectNode:
		if len(n.members) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for i, m := range n.members {
			b.WriteString(indent)
			writeString(b, m.key)
			b.WriteString(": ")
			write(b, m.value, depth+1)
			if i < len(n.members)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent[2:] + "}")
	case arrayNode:
		if len(n.items) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, item := range n.items {
			b.WriteString(indent)
			write(b, item, depth+1)
			if i < len(n.items)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent[2:] + "]")
	case stringNode:
		writeString(b, n.literal)
	}
}

func writeString(b *bytes.Buffer, s string) { b.WriteString(quote(s)) }

// quote is s as a JSON string literal.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)                           // a string always encodes
	return strings.TrimSuffix(b.String(), "\n") // Encode's newline
}
