package validate

import (
	"slices"
	"strings"
	"time"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// sources checks the top-level sources and every sources list that cites
// them. A declared source no entry cites is an error (UNUSED_SOURCE): a
// catalog that keeps sources for facts it no longer holds would tell its
// readers that something rests on a page when nothing does.
func (c *checker) sources(m *load.Manifest) {
	ids := make([]string, 0, len(m.Sources))
	byID := make(map[string]*load.Source, len(m.Sources))
	urls := make(map[string]*load.Source, len(m.Sources))
	for _, s := range m.Sources {
		// A malformed id is still declared: citing it is not also UNKNOWN_SOURCE.
		c.pattern(s.ID, rules.SourceIDPattern, "source id", "lower-case letters, digits and hyphens, such as wx-authorize")
		if s.ID.Set {
			ids = append(ids, s.ID.Value)
			byID[s.ID.Value] = s
		}
		if c.sourceURL(s.URL) {
			if prev := urls[s.URL.Value]; prev != nil {
				c.report(s.URL.Pos, diag.DuplicateEntry, "source %q has the url of source %q (line %d): cite that one", s.ID.Value, prev.ID.Value, prev.Pos.Line)
			}
			urls[s.URL.Value] = s
		}
		if s.Tag.Set && !slices.Contains(rules.SourceTags, s.Tag.Value) {
			c.report(s.Tag.Pos, diag.InvalidValue, "unknown source tag %q: one of %s%s", s.Tag.Value, strings.Join(rules.SourceTags, ", "), diag.DidYouMean(s.Tag.Value, rules.SourceTags))
		}
		c.readDate(s.Read)
	}
	slices.Sort(ids)
	used := map[string]bool{}
	cite := func(r load.Refs) {
		seen := map[string]bool{}
		for _, id := range r.IDs {
			if !id.Set {
				continue
			}
			switch {
			case seen[id.Value]:
				c.report(id.Pos, diag.DuplicateEntry, "sources lists %q twice", id.Value)
			case byID[id.Value] == nil:
				c.report(id.Pos, diag.UnknownSource, "unknown source %q: declare it under the top-level sources%s", id.Value, diag.DidYouMean(id.Value, ids))
			}
			seen[id.Value], used[id.Value] = true, true
		}
		if r.Pos != (diag.Pos{}) && len(r.IDs) == 0 {
			c.report(r.Pos, diag.MissingField, "sources is empty: cite at least one source, or remove the key")
		}
	}
	for _, p := range m.Platforms {
		cite(p.Sources)
		cite(p.Denial.Sources)
		cite(p.Authorize.Sources)
		cite(p.Privacy.Sources)
		cite(p.System.Sources)
		for _, f := range p.Privacy.Failures {
			cite(f.Sources)
		}
	}
	for _, s := range m.Scopes {
		cite(s.Sources)
		for _, sup := range s.Platforms {
			cite(sup.Sources)
			cite(sup.Privacy.Sources)
			cite(sup.System.Sources)
		}
	}
	for _, s := range m.Sources {
		if s.ID.Set && byID[s.ID.Value] == s && !used[s.ID.Value] {
			c.report(s.Pos, diag.UnusedSource, "source %q is cited by no entry: cite it or remove it", s.ID.Value)
		}
	}
}

func (c *checker) sourceURL(u load.String) bool {
	switch {
	case !u.Set:
		return false
	case len(u.Value) > rules.MaxTextLength:
		c.report(u.Pos, diag.LimitExceeded, "url is %d bytes long; the limit is %d", len(u.Value), rules.MaxTextLength)
	case !rules.SourceURLPattern.MatchString(u.Value):
		c.report(u.Pos, diag.InvalidValue, "url %q is malformed: expected an http:// or https:// URL in printable ASCII (percent-encode other characters)", u.Value)
	default:
		return true
	}
	return false
}

// readDate checks a read: day, which must exist and not lie in the future.
func (c *checker) readDate(d load.String) {
	if !d.Set {
		return
	}
	day, err := time.Parse(time.DateOnly, d.Value)
	switch {
	case !rules.DatePattern.MatchString(d.Value) || err != nil:
		c.report(d.Pos, diag.InvalidValue, "read %q is not a date: expected YYYY-MM-DD, such as 2026-12-06", d.Value)
	case day.After(time.Now().UTC().AddDate(0, 0, 1)):
		c.report(d.Pos, diag.InvalidValue, "read %q lies in the future", d.Value)
	}
}
