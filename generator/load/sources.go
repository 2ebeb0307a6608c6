package load

import (
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// Source is one entry of the top-level sources: where facts were read.
// Entries elsewhere cite it by its id.
type Source struct {
	ID   String // the mapping key
	Pos  diag.Pos
	URL  String
	Tag  String // official, mirror or third-party
	Read String // the day it was read, YYYY-MM-DD
}

// Refs is a sources: list on an entry: the ids of the sources its facts
// come from. Pos is the sources key; zero when the entry has none.
type Refs struct {
	Pos diag.Pos
	IDs []String
}

// sources reads the top-level sources mapping.
func (w *walker) sources(n *yaml.Node) []*Source {
	if !w.expectMapping(n, "sources") {
		return nil
	}
	var out []*Source
	w.keys(n, "sources", func(key, value *yaml.Node) {
		s := &Source{ID: w.str(key, "a source id"), Pos: pos(key)}
		w.mapping(value, "source "+quote(key.Value), []field{
			{"url", true, func(_, v *yaml.Node) { s.URL = w.str(v, "url") }},
			{"tag", true, func(_, v *yaml.Node) { s.Tag = w.str(v, "tag") }},
			{"read", true, func(_, v *yaml.Node) { s.Read = w.date(v, "read") }},
		})
		out = append(out, s)
	})
	return out
}

// refs reads an entry's sources: [id, ...] list.
func (w *walker) refs(k, v *yaml.Node) Refs {
	return Refs{Pos: pos(k), IDs: w.strs(v, "sources")}
}

// date reads a day. YAML resolves an unquoted 2026-12-06 as a timestamp;
// the day is what was written, so both spellings are taken as text, and
// validate checks its shape.
func (w *walker) date(n *yaml.Node, what string) String {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!timestamp" && w.checkText(n) {
		return String{Value: n.Value, Pos: pos(n), Set: true}
	}
	return w.str(n, what)
}
