package model

import (
	"cmp"
	"slices"

	"github.com/scopegen/scopegen/generator/load"
)

// Source is one page facts were read on: the manifest's sources entry.
type Source struct {
	ID   string
	URL  string
	Tag  string // official, mirror or third-party
	Read string // YYYY-MM-DD
}

// Citation is a source as one host's facts cite it, with what it backs:
// "the host", "denial", "authorize", "privacy gate", "privacy notAgreed", a scope name,
// "<scope> privacy declaration", in manifest order.
type Citation struct {
	Source *Source
	For    []string
}

// resolveSources fills Model.Sources (by id), each platform's Sources
// (every source its own entries and its scope support entries cite, by
// id) and each scope's Sources (what the scope itself cites). Unknown ids
// are skipped: validate reports them.
func resolveSources(m *load.Manifest, out *Model) {
	byID := make(map[string]*Source, len(m.Sources))
	for _, ls := range m.Sources {
		if _, dup := byID[ls.ID.Value]; dup {
			continue
		}
		s := &Source{ID: ls.ID.Value, URL: ls.URL.Value, Tag: ls.Tag.Value, Read: ls.Read.Value}
		byID[s.ID] = s
		out.Sources = append(out.Sources, s)
	}
	slices.SortFunc(out.Sources, func(a, b *Source) int { return cmp.Compare(a.ID, b.ID) })
	cites := make(map[string]map[string]*Citation, len(out.Platforms))
	cite := func(platform string, r load.Refs, what string) {
		for _, id := range r.IDs {
			s := byID[id.Value]
			if s == nil {
				continue
			}
			if cites[platform] == nil {
				cites[platform] = map[string]*Citation{}
			}
			c := cites[platform][s.ID]
			if c == nil {
				c = &Citation{Source: s}
				cites[platform][s.ID] = c
			}
			if !slices.Contains(c.For, what) {
				c.For = append(c.For, what)
			}
		}
	}
	for _, p := range m.Platforms {
		id := p.ID.Value
		cite(id, p.Sources, "the host")
		cite(id, p.Denial.Sources, "denial")
		cite(id, p.Authorize.Sources, "authorize")
		cite(id, p.Privacy.Sources, "privacy gate")
		cite(id, p.System.Sources, "OS layer")
		for _, f := range p.Privacy.Failures {
			cite(id, f.Sources, "privacy "+f.Outcome.Value)
		}
	}
	scopes := make(map[string]*Scope, len(out.Scopes))
	for _, s := range out.Scopes {
		scopes[s.Name] = s
	}
	for _, ls := range m.Scopes {
		if s := scopes[ls.Name.Value]; s != nil && s.Sources == nil {
			for _, id := range ls.Sources.IDs {
				if src := byID[id.Value]; src != nil && !slices.Contains(s.Sources, src) {
					s.Sources = append(s.Sources, src)
				}
			}
			slices.SortFunc(s.Sources, func(a, b *Source) int { return cmp.Compare(a.ID, b.ID) })
		}
		for _, sup := range ls.Platforms {
			cite(sup.Platform.Value, sup.Sources, ls.Name.Value)
			cite(sup.Platform.Value, sup.Privacy.Sources, ls.Name.Value+" privacy declaration")
			cite(sup.Platform.Value, sup.System.Sources, ls.Name.Value+" OS switch")
		}
	}
	for _, p := range out.Platforms {
		for _, c := range cites[p.ID] {
			p.Sources = append(p.Sources, c)
		}
		slices.SortFunc(p.Sources, func(a, b *Citation) int { return cmp.Compare(a.Source.ID, b.Source.ID) })
	}
}
