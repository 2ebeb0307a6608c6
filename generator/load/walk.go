package load

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// walker collects diagnostics while reading nodes.
type walker struct {
	file  string
	diags diag.List
}

func pos(n *yaml.Node) diag.Pos { return diag.Pos{Line: n.Line, Column: n.Column} }

func (w *walker) report(n *yaml.Node, rule diag.Rule, format string, args ...any) {
	w.diags = append(w.diags, diag.At(w.file, pos(n), rule, format, args...))
}

// field describes one key a mapping may hold.
type field struct {
	name     string
	required bool
	read     func(key, value *yaml.Node)
}

// kindName is how a node's type is named in messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!int":
		return "an integer"
	case "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!str":
		return "a string"
	}
	return "a " + strings.TrimPrefix(n.ShortTag(), "!!")
}

// mapping reads n as a mapping of the given fields, reporting duplicate,
// unknown and missing keys. what names the mapping in messages.
func (w *walker) mapping(n *yaml.Node, what string, fields []field) {
	if !w.expectMapping(n, what) {
		return
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	seen := w.keys(n, what, func(key, value *yaml.Node) {
		for _, f := range fields {
			if f.name == key.Value {
				f.read(key, value)
				return
			}
		}
		w.report(key, diag.UnknownField, "unknown key %q in %s%s", key.Value, what, diag.DidYouMean(key.Value, names))
	})
	for _, f := range fields {
		if f.required && !seen[f.name] {
			w.report(n, diag.MissingField, "%s is missing required key %q", what, f.name)
		}
	}
}

// keys calls each for every key/value pair of mapping n, once per distinct
// key, and reports repeats. It returns the set of keys seen.
func (w *walker) keys(n *yaml.Node, what string, each func(key, value *yaml.Node)) map[string]bool {
	seen := make(map[string]bool, len(n.Content)/2)
	firstAt := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode || key.ShortTag() == "!!null" {
			w.report(key, diag.WrongType, "keys in %s must be strings, got %s", what, kindName(key))
			continue
		}
		if !w.checkText(key) {
			continue
		}
		if first, dup := firstAt[key.Value]; dup {
			w.report(key, diag.DuplicateKey, "duplicate key %q in %s (first at line %d)", key.Value, what, first.Line)
			continue
		}
		firstAt[key.Value] = key
		seen[key.Value] = true
		each(key, value)
	}
	return seen
}

func (w *walker) expectMapping(n *yaml.Node, what string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	w.report(n, diag.WrongType, "%s must be a mapping, got %s", what, kindName(n))
	return false
}

// str reads a string scalar. Numbers and booleans are refused rather than
// converted: `native: yes` is far more likely a mistake than a scope name.
func (w *walker) str(n *yaml.Node, what string) String {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		hint := ""
		if n.Kind == yaml.ScalarNode && n.ShortTag() != "!!null" {
			hint = " (quote it to use it as text)"
		}
		w.report(n, diag.WrongType, "%s must be a string, got %s%s", what, kindName(n), hint)
		return String{Pos: pos(n)}
	}
	w.checkText(n)
	return String{Value: n.Value, Pos: pos(n), Set: true}
}

// checkText refuses bytes that no output language can carry faithfully.
func (w *walker) checkText(n *yaml.Node) bool {
	s := n.Value
	switch {
	case !utf8.ValidString(s):
		w.report(n, diag.InvalidEncoding, "value is not valid UTF-8")
	case strings.ContainsRune(s, 0):
		w.report(n, diag.InvalidEncoding, "value contains a NUL character")
	case strings.ContainsRune(s, '\uFEFF'):
		w.report(n, diag.InvalidEncoding, "value contains a byte-order mark (U+FEFF)")
	default:
		return true
	}
	return false
}

func (w *walker) integer(n *yaml.Node, what string) Int {
	v, isInt, err := parseInt(n)
	switch {
	case isInt && err == nil:
		return Int{Value: int(v), Pos: pos(n), Set: true}
	case isInt:
		w.report(n, diag.WrongType, "%s must be an integer that fits in 32 bits, got %s", what, n.Value)
		return Int{Pos: pos(n)}
	case n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int":
		w.report(n, diag.WrongType, "%s must be a decimal, 0o octal or 0x hexadecimal integer (YAML 1.2), got %s", what, n.Value)
		return Int{Pos: pos(n)}
	}
	w.report(n, diag.WrongType, "%s must be an integer, got %s", what, kindName(n))
	return Int{Pos: pos(n)}
}

func (w *walker) boolean(n *yaml.Node, what string) Bool {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var v bool
		if err := n.Decode(&v); err == nil {
			return Bool{Value: v, Pos: pos(n), Set: true}
		}
	}
	w.report(n, diag.WrongType, "%s must be true or false, got %s", what, kindName(n))
	return Bool{Pos: pos(n)}
}

// list reads a sequence, calling each for every item.
func (w *walker) list(n *yaml.Node, what string, each func(item *yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		w.report(n, diag.WrongType, "%s must be a list, got %s", what, kindName(n))
		return
	}
	for _, item := range n.Content {
		each(item)
	}
}

func (w *walker) strs(n *yaml.Node, what string) []String {
	var out []String
	w.list(n, what, func(item *yaml.Node) { out = append(out, w.str(item, what+" entry")) })
	return out
}

func (w *walker) ints(n *yaml.Node, what string) []Int {
	var out []Int
	w.list(n, what, func(item *yaml.Node) { out = append(out, w.integer(item, what+" entry")) })
	return out
}
