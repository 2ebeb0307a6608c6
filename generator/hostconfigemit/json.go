package hostconfigemit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// node is one JSON value that keeps the order of object keys, which
// encoding/json's maps lose: merging into a developer's app.json must
// leave every key where it was.
type node struct {
	kind    kind
	members []member // object, in file order
	items   []*node  // array
	literal string   // string (decoded), number (as written), true/false/null
}

type kind int

const (
	objectNode kind = iota
	arrayNode
	stringNode
	literalNode // a number, true, false or null, printed as written
)

type member struct {
	key   string
	value *node
}

// describe names a value's type in messages.
func (n *node) describe() string {
	switch n.kind {
	case objectNode:
		return "an object"
	case arrayNode:
		return "an array"
	case stringNode:
		return "a string"
	}
	if n.literal == "null" {
		return "null"
	}
	if n.literal == "true" || n.literal == "false" {
		return "a boolean"
	}
	return "a number"
}

// parse reads exactly one JSON value from data.
func parse(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("data after the top-level value at byte %d", dec.InputOffset())
	}
	return n, nil
}

func readNode(dec *json.Decoder) (*node, error) {
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("unexpected end of JSON input")
		}
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: objectNode}
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return nil, err
				}
				value, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				n.members = append(n.members, member{keyTok.(string), value})
			}
			_, err := dec.Token() // '}'
			return n, err
		case '[':
			n := &node{kind: arrayNode}
			for dec.More() {
				item, err := readNode(dec)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
			_, err := dec.Token() // ']'
			return n, err
		}
		return nil, fmt.Errorf("unexpected %q", t)
	case string:
		return &node{kind: stringNode, literal: t}, nil
	case json.Number:
		return &node{kind: literalNode, literal: t.String()}, nil
	case bool:
		return &node{kind: literalNode, literal: fmt.Sprint(t)}, nil
	case nil:
		return &node{kind: literalNode, literal: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
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
	default:
		b.WriteString(n.literal)
	}
}

func writeString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // a string always encodes
	b.Truncate(b.Len() - 1) // Encode's newline
}

// equal reports whether a and b are the same JSON, key order included.
func equal(a, b *node) bool {
	if a.kind != b.kind || a.literal != b.literal || len(a.members) != len(b.members) || len(a.items) != len(b.items) {
		return false
	}
	for i := range a.members {
		if a.members[i].key != b.members[i].key || !equal(a.members[i].value, b.members[i].value) {
			return false
		}
	}
	for i := range a.items {
		if !equal(a.items[i], b.items[i]) {
			return false
		}
	}
	return true
}
