// Package breaking compares a manifest with an earlier one and reports
// every change that breaks code built on what the earlier one generated,
// in the manner of buf breaking: each rule is data (an ID and a
// one-sentence purpose) plus a handler that compares the two resolved
// models. Findings point into the current manifest; a deleted element is
// reported at its nearest surviving parent. Additions are never breaking.
package breaking

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/model"
)

// Manifest is one side of a comparison: the resolved model, which has the
// names consumers see (defaults applied) and where each was written.
type Manifest struct {
	Model *model.Model
}

// Load resolves a manifest. Diagnostics mean it is invalid and cannot be
// compared; file names it in them.
func Load(file string, data []byte) (*Manifest, diag.List) {
	m, diags := generator.Resolve(file, data, generator.Options{})
	if diags != nil {
		return nil, diags
	}
	return &Manifest{Model: m}, nil
}

// Check reports every rule violation of current against previous, sorted,
// skipping the rules whose IDs are in except.
func Check(previous, current *Manifest, except []string) diag.List {
	c := &comparison{prev: previous, cur: current}
	for _, r := range Rules {
		if slices.Contains(except, r.ID) {
			continue
		}
		c.rule = r.Rule
		r.handler(c)
	}
	return c.found.Sorted()
}

// UnknownRules returns the IDs in ids that name no rule, so a typo in an
// exception is an error rather than a silently ignored flag.
func UnknownRules(ids []string) []string {
	var unknown []string
	for _, id := range ids {
		if !slices.ContainsFunc(Rules, func(r Rule) bool { return r.ID == id }) {
			unknown = append(unknown, id)
		}
	}
	return unknown
}

// RuleIDs lists every rule ID in documentation order.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}

// comparison is what a handler works on.
type comparison struct {
	prev, cur *Manifest
	rule      diag.Rule
	found     diag.List
}

func (c *comparison) report(pos diag.Pos, format string, args ...any) {
	c.found = append(c.found, diag.At(c.cur.Model.File, pos, c.rule, format, args...))
}

// platformPairs calls f for each platform present in both manifests.
func (c *comparison) platformPairs(f func(prev, cur *model.Platform)) {
	for _, p := range c.prev.Model.Platforms {
		if q := platform(c.cur.Model, p.ID); q != nil {
			f(p, q)
		}
	}
}

// scopePairs calls f for each scope present in both manifests.
func (c *comparison) scopePairs(f func(prev, cur *model.Scope)) {
	for _, s := range c.prev.Model.Scopes {
		if t := scope(c.cur.Model, s.Name); t != nil {
			f(s, t)
		}
	}
}

// supportPairs calls f for each (scope, platform) support present in both.
func (c *comparison) supportPairs(f func(prev, cur *model.Support)) {
	c.scopePairs(func(ps, cs *model.Scope) {
		for _, sup := range ps.Support {
			if q := supportOn(cs, sup.Platform.ID); q != nil {
				f(sup, q)
			}
		}
	})
}

func platform(m *model.Model, id string) *model.Platform {
	i, ok := slices.BinarySearchFunc(m.Platforms, id, func(p *model.Platform, id string) int { return strings.Compare(p.ID, id) })
	if !ok {
		return nil
	}
	return m.Platforms[i]
}

func scope(m *model.Model, name string) *model.Scope {
	i, ok := slices.BinarySearchFunc(m.Scopes, name, func(s *model.Scope, name string) int { return strings.Compare(s.Name, name) })
	if !ok {
		return nil
	}
	return m.Scopes[i]
}

func supportOn(s *model.Scope, platformID string) *model.Support {
	for _, sup := range s.Support {
		if sup.Platform.ID == platformID {
			return sup
		}
	}
	return nil
}

// guard returns api as m indexes it, with the scope guarding it, or nil.
func guard(m *model.Model, api string) *model.API {
	i, ok := slices.BinarySearchFunc(m.APIs, api, func(a *model.API, name string) int { return strings.Compare(a.Name, name) })
	if !ok {
		return nil
	}
	return m.APIs[i]
}

// describe names a (scope, platform) pair in messages.
func describe(sup *model.Support) string {
	return fmt.Sprintf("scope %q on platform %q", sup.Scope.Name, sup.Platform.ID)
}
