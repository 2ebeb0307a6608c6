package model

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/scopegen/scopegen/generator/diag"
)

// ReservedPlatformIDs cannot be platform ids: the npm package and the Go
// tree already use these names for their own files and folders.
var ReservedPlatformIDs = []string{"core", "index", "internal", "scope", "shared", "types", "universal"}

// checkGoNames reports Go identifiers that are invalid or that two
// declarations of the generated scope package would share. Scopes and
// platforms live in one package (scope.UserLocation, scope.WeChat), so
// they are checked together, against the package's own names too. The
// TypeScript names (WeChatScope, …) derive from the same Go names, so
// this check covers them as well.
func (b *builder) checkGoNames(m *Model) {
	type owner struct {
		what string
		pos  diag.Pos
	}
	taken := make(map[string]owner)
	for _, name := range ReservedGoNames {
		taken[name] = owner{what: "the generated scope package itself"}
	}
	for _, info := range GrantTable {
		taken[info.Grant.GoName()] = owner{what: "the generated scope package itself"}
	}
	claim := func(goName, what string, pos diag.Pos) {
		if goName == "" {
			return // the name it derives from is empty: validate reports that
		}
		if !GoNamePattern.MatchString(goName) {
			b.report(pos, diag.InvalidName, "%s has Go name %q, which is not an exported Go identifier: set goName", what, goName)
			return
		}
		if prev, dup := taken[goName]; dup {
			where := ""
			if prev.pos.Line > 0 {
				where = fmt.Sprintf(" at line %d", prev.pos.Line)
			}
			b.report(pos, diag.GoIdentCollision, "%s has Go name %s, already used by %s%s: set goName to tell them apart", what, goName, prev.what, where)
			return
		}
		taken[goName] = owner{what, pos}
	}
	// Claim in file order so the later declaration is the one reported.
	var claims []goClaim
	for _, p := range m.Platforms {
		if p.GoName != PlatformGoName(p.ID) && !GoNamePattern.MatchString(p.GoName) {
			continue // an explicit goName: validate reports its shape
		}
		claims = append(claims, goClaim{p.GoName, fmt.Sprintf("platform %q", p.ID), p.Pos})
	}
	for _, s := range m.Scopes {
		if s.GoName != ScopeGoName(s.Name) && !GoNamePattern.MatchString(s.GoName) {
			continue // an explicit goName: validate reports its shape
		}
		claims = append(claims, goClaim{s.GoName, fmt.Sprintf("scope %q", s.Name), s.Pos})
	}
	slices.SortStableFunc(claims, func(a, b goClaim) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Column, b.pos.Column))
	})
	for _, c := range claims {
		claim(c.goName, c.what, c.pos)
	}
	// Each platform's scope union type is named after its Go name; it
	// must not take a name the typings declare themselves.
	for _, p := range m.Platforms {
		if ts := TSScopeType(p); slices.Contains(ReservedTSNames, ts) {
			b.report(p.Pos, diag.TSIdentCollision, "platform %q would name its TypeScript scope type %s, which the typings already declare: set goName", p.ID, ts)
		}
	}
}

type goClaim struct {
	goName, what string
	pos          diag.Pos
}

// detectOrder sorts platforms so that one whose host also defines another
// platform's global is tried first. Ties keep id order. A cycle is
// reported and the remaining platforms are appended in id order.
func (b *builder) detectOrder(platforms []*Platform) []*Platform {
	byGlobal := make(map[string][]*Platform)
	for _, p := range platforms {
		byGlobal[p.Global] = append(byGlobal[p.Global], p)
	}
	// before[q] counts the platforms that must be tried before q.
	before := make(map[*Platform]int)
	after := make(map[*Platform][]*Platform)
	for _, p := range platforms {
		for _, g := range p.AlsoDefines {
			for _, q := range byGlobal[g] {
				if q != p {
					after[p] = append(after[p], q)
					before[q]++
				}
			}
		}
	}
	// Fallback platforms go after every other one.
	for _, p := range platforms {
		if !p.Fallback {
			continue
		}
		for _, q := range platforms {
			if !q.Fallback {
				after[q] = append(after[q], p)
				before[p]++
			}
		}
	}
	var order []*Platform
	done := make(map[*Platform]bool)
	for len(order) < len(platforms) {
		progressed := false
		for _, p := range platforms {
			if !done[p] && before[p] == 0 {
				done[p] = true
				order = append(order, p)
				for _, q := range after[p] {
					before[q]--
				}
				progressed = true
				break // restart so that id order decides among the ready ones
			}
		}
		if !progressed {
			for _, p := range platforms {
				if !done[p] {
					b.report(p.Pos, diag.DetectCycle, "platform %q is part of an alsoDefines cycle: detection order cannot be decided", p.ID)
					done[p] = true
					order = append(order, p)
				}
			}
		}
	}
	return order
}
