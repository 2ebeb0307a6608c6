package breaking

import (
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// positions maps a path through the manifest's mappings and lists, such as
// scopes/scope.camera/platforms/wechat/native, to where it was written. A
// mapping entry is found at its key, a list item at the item, and a
// scalar's value at path+valueSuffix.
type positions map[string]diag.Pos

const (
	sep         = "\x00" // names cannot hold NUL (validate rejects it), so paths never clash
	valueSuffix = sep + "="
)

func key(path []string) string { return strings.Join(path, sep) }

// index walks the manifest's YAML tree. The manifest has already been
// loaded without diagnostics, so the tree is plain mappings, lists and
// scalars with unique keys.
func index(data []byte) (positions, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	idx := positions{}
	if len(doc.Content) > 0 {
		idx.walk(nil, doc.Content[0])
	}
	return idx, nil
}

func (idx positions) walk(path []string, n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			child := append(path[:len(path):len(path)], k.Value)
			idx[key(child)] = diag.Pos{Line: k.Line, Column: k.Column}
			idx.walk(child, v)
		}
	case yaml.SequenceNode:
		for _, item := range n.Content {
			if item.Kind == yaml.ScalarNode {
				child := append(path[:len(path):len(path)], item.Value)
				idx[key(child)] = diag.Pos{Line: item.Line, Column: item.Column}
			}
		}
	case yaml.ScalarNode:
		idx[key(path)+valueSuffix] = diag.Pos{Line: n.Line, Column: n.Column}
	}
}

// at returns the position of path, or of its nearest ancestor that exists:
// a deleted element is reported where it used to hang. The root is the
// zero Pos, which prints as 1:1.
func (idx positions) at(path ...string) diag.Pos {
	for n := len(path); n > 0; n-- {
		if p, ok := idx[key(path[:n])]; ok {
			return p
		}
	}
	return diag.Pos{}
}

// value returns the position of the scalar value at path, falling back to
// at(path) when the key is absent (a default now applies).
func (idx positions) value(path ...string) diag.Pos {
	if p, ok := idx[key(path)+valueSuffix]; ok {
		return p
	}
	return idx.at(path...)
}
