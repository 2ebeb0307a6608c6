package model

import (
	"cmp"
	"slices"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// Build resolves a loaded manifest. It never fails on bad input: entries
// whose references do not resolve are left out, so that Build can run on a
// manifest validate has complained about and still add its own findings
// (identifier collisions, detection cycles). Generate only when both
// validate and Build report nothing.
func Build(m *load.Manifest, goImportPath string) (*Model, diag.List) {
	b := &builder{file: m.File, apiPos: make(map[*Scope]map[string]diag.Pos)}
	out := &Model{
		File: m.File, Version: m.Version.Value, GoImportPath: goImportPath, NPMPackage: DefaultNPMPackage,
		NPMPackagePos: at(m.NPM.Package, m.NPM.Pos), PlatformsPos: m.PlatformsPos, ScopesPos: m.ScopesPos,
	}
	out.NPM = npmMeta(&m.NPM)
	if m.NPM.Package.Value != "" {
		out.NPMPackage = m.NPM.Package.Value
	}
	out.Platforms = b.platforms(m.Platforms)
	byID := make(map[string]*Platform, len(out.Platforms))
	for _, p := range out.Platforms {
		byID[p.ID] = p
	}
	out.Scopes, out.Example = b.scopes(m.Scopes, byID)
	out.APIs = b.apis(out.Scopes)
	out.DetectOrder = b.detectOrder(out.Platforms)
	out.App = resolvePrivacy(m, out)
	resolveSystem(m, out)
	resolveSources(m, out)
	b.checkGoNames(out)
	return out, b.diags
}

type builder struct {
	file  string
	diags diag.List
	// apiPos is where each scope first lists each of its APIs.
	apiPos map[*Scope]map[string]diag.Pos
}

// at is where s is written, or fallback when it is absent.
func at(s load.String, fallback diag.Pos) diag.Pos {
	if s.Set {
		return s.Pos
	}
	return fallback
}

func (b *builder) report(pos diag.Pos, rule diag.Rule, format string, args ...any) {
	b.diags = append(b.diags, diag.At(b.file, pos, rule, format, args...))
}

func (b *builder) platforms(in []*load.Platform) []*Platform {
	out := make([]*Platform, 0, len(in))
	for _, lp := range in {
		p := &Platform{
			Pos:                lp.Pos,
			ID:                 lp.ID.Value,
			Title:              lp.Title.Value,
			GoName:             cmp.Or(lp.GoName.Value, PlatformGoName(lp.ID.Value)),
			Global:             lp.Global.Value,
			Fallback:           lp.Fallback.Value,
			ExportCondition:    lp.ExportCondition.Value,
			Icon:               lp.Icon.Value,
			Note:               lp.Note.Value,
			AnswersRecorded:    lp.Authorize.AnswersRecorded.Value,
			GoNamePos:          at(lp.GoName, lp.Pos),
			ExportConditionPos: at(lp.ExportCondition, lp.Pos),
			Denial: Denial{
				CodeField: lp.Denial.CodeField.Value,
				Message:   lp.Denial.Message.Value,
			},
		}
		// validate reports a message outside the portable dialect
		p.Denial.MessageGo, p.Denial.MessageJS, _ = rules.PortableRegex(p.Denial.Message)
		for _, g := range lp.AlsoDefines {
			p.AlsoDefines = append(p.AlsoDefines, g.Value)
		}
		slices.Sort(p.AlsoDefines)
		for _, c := range lp.Denial.Codes {
			p.Denial.Codes = append(p.Denial.Codes, c.Value)
		}
		slices.Sort(p.Denial.Codes)
		p.Denial.Codes = slices.Compact(p.Denial.Codes)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Platform) int { return cmp.Compare(a.ID, b.ID) })
	for i, p := range out {
		p.Index = i + 1
	}
	return out
}

// scopes resolves the scopes, sorted by name, and picks the example: the
// one supported on the most platforms, the first written among equals.
func (b *builder) scopes(in []*load.Scope, byID map[string]*Platform) (sorted []*Scope, example *Scope) {
	out := make([]*Scope, 0, len(in))
	for _, ls := range in {
		s := &Scope{
			Pos:          ls.Pos,
			Name:         ls.Name.Value,
			Title:        ls.Title.Value,
			Description:  ls.Description.Value,
			Note:         ls.Note.Value,
			GoName:       cmp.Or(ls.GoName.Value, ScopeGoName(ls.Name.Value)),
			GoNamePos:    at(ls.GoName, ls.Pos),
			APIsPos:      cmp.Or(ls.APIsPos, ls.Pos),
			PlatformsPos: cmp.Or(ls.PlatformsPos, ls.Pos),
		}
		listed := make(map[string]diag.Pos, len(ls.APIs))
		for _, a := range ls.APIs {
			s.APIs = append(s.APIs, a.Value)
			if _, dup := listed[a.Value]; !dup {
				listed[a.Value] = a.Pos
			}
		}
		b.apiPos[s] = listed
		slices.Sort(s.APIs)
		s.APIs = slices.Compact(s.APIs)
		for _, lsup := range ls.Platforms {
			p := byID[lsup.Platform.Value]
			if p == nil {
				continue // validate reports UNKNOWN_PLATFORM
			}
			s.Support = append(s.Support, support(s, p, lsup))
		}
		slices.SortFunc(s.Support, func(a, b *Support) int { return cmp.Compare(a.Platform.Index, b.Platform.Index) })
		s.Support = slices.CompactFunc(s.Support, func(a, b *Support) bool { return a.Platform == b.Platform })
		if example == nil || len(s.Support) > len(example.Support) {
			example = s
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *Scope) int { return cmp.Compare(a.Name, b.Name) })
	for i, s := range out {
		s.Index = i + 1
		for _, sup := range s.Support {
			sup.Platform.Scopes = append(sup.Platform.Scopes, sup)
		}
	}
	return out, example
}

func support(s *Scope, p *Platform, in *load.Support) *Support {
	sup := &Support{
		Pos:           in.Pos,
		Scope:         s,
		Platform:      p,
		Native:        in.Native.Value,
		SettingKey:    in.SettingKey.Value,
		Grant:         Grant(in.Grant.Value),
		Probe:         in.Probe.Value,
		Note:          in.Note.Value,
		NativePos:     at(in.Native, in.Pos),
		SettingKeyPos: at(in.SettingKey, in.Pos),
		GrantPos:      at(in.Grant, in.Pos),
	}
	renamed := make(map[string]string, len(in.APIs))
	for _, a := range in.APIs {
		renamed[a.Universal.Value] = a.Native.Value
	}
	for _, api := range s.APIs {
		sup.APINames = append(sup.APINames, APIName{Universal: api, Native: cmp.Or(renamed[api], api)})
	}
	return sup
}

// apis indexes every universal API name by the scope guarding it. When
// validate has reported an API under two scopes, the first scope wins.
func (b *builder) apis(scopes []*Scope) []*API {
	var out []*API
	for _, s := range scopes {
		for _, name := range s.APIs {
			out = append(out, &API{Name: name, Scope: s, Pos: b.apiPos[s][name]})
		}
	}
	slices.SortStableFunc(out, func(a, b *API) int { return cmp.Compare(a.Name, b.Name) })
	return slices.CompactFunc(out, func(a, b *API) bool { return a.Name == b.Name })
}
