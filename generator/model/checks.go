package model

import (
	"cmp"
	"container/heap"
	"fmt"
	"slices"

	"github.com/scopegen/scopegen/generator/diag"
)

// ReservedPlatformIDs cannot be platform ids: the npm package and the Go
// tree already use these names for their own files and folders.
var ReservedPlatformIDs = []string{"core", "index", "internal", "scope", "shared", "types", "universal"}

// WindowsReservedNames are the platform ids PlatformIDPattern admits that
// Windows reserves as file names, and so golang.org/x/mod refuses in a
// module (module.CheckFilePath): an id names output files
// (platform/<id>/<id>.go), and one of these would make the module holding
// the output folder unpublishable. validate refuses them; the JSON Schema
// lists them. A test holds the list equal to x/mod's verdict.
var WindowsReservedNames = []string{
	"aux", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "con",
	"lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "nul", "prn",
}

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
// platform's global is tried first, and fallback platforms after every
// other one. Ties keep id order. A cycle is reported and the remaining
// platforms are appended in id order. It is Kahn's algorithm over a heap
// of ready platforms keyed by index: O((n+e) log n), where the fallback
// rule adds no edges (fallback platforms simply wait for every other one).
func (b *builder) detectOrder(platforms []*Platform) []*Platform {
	byGlobal := make(map[string][]*Platform)
	for _, p := range platforms {
		byGlobal[p.Global] = append(byGlobal[p.Global], p)
	}
	// before[q] counts the platforms that must be tried before q.
	before := make(map[*Platform]int, len(platforms))
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
	regular := 0
	for _, p := range platforms {
		if !p.Fallback {
			regular++
		}
	}
	order := make([]*Platform, 0, len(platforms))
	done := make(map[*Platform]bool, len(platforms))
	ready := &platformHeap{}
	held := &platformHeap{} // fallback platforms whose own edges are met
	release := func(p *Platform) {
		if p.Fallback && regular > 0 {
			heap.Push(held, p)
		} else {
			heap.Push(ready, p)
		}
	}
	for _, p := range platforms {
		if before[p] == 0 {
			release(p)
		}
	}
	for len(order) < len(platforms) {
		if ready.Len() == 0 && regular == 0 {
			for held.Len() > 0 {
				heap.Push(ready, heap.Pop(held))
			}
		}
		if ready.Len() == 0 {
			for _, p := range platforms {
				if !done[p] {
					b.report(p.Pos, diag.DetectCycle, "platform %q is part of an alsoDefines cycle: detection order cannot be decided", p.ID)
					done[p] = true
					order = append(order, p)
				}
			}
			break
		}
		p := heap.Pop(ready).(*Platform)
		done[p] = true
		order = append(order, p)
		if !p.Fallback {
			regular--
		}
		for _, q := range after[p] {
			if before[q]--; before[q] == 0 {
				release(q)
			}
		}
	}
	return order
}

// platformHeap orders ready platforms by index, that is by id.
type platformHeap []*Platform

func (h platformHeap) Len() int           { return len(h) }
func (h platformHeap) Less(i, j int) bool { return h[i].Index < h[j].Index }
func (h platformHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *platformHeap) Push(x any)        { *h = append(*h, x.(*Platform)) }
func (h *platformHeap) Pop() any {
	old := *h
	p := old[len(old)-1]
	*h = old[:len(old)-1]
	return p
}
