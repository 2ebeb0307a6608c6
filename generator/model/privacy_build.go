package model

import (
	"cmp"
	"regexp"
	"slices"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// resolvePrivacy fills every platform's PrivacyGate and every support's
// Declaration from m, and returns the resolved app part (nil without one).
// References validate has reported as unknown are left out.
func resolvePrivacy(m *load.Manifest, out *Model) *App {
	platforms := make(map[string]*Platform, len(out.Platforms))
	for _, p := range out.Platforms {
		platforms[p.ID] = p
	}
	scopes := make(map[string]*Scope, len(out.Scopes))
	for _, s := range out.Scopes {
		scopes[s.Name] = s
	}
	for _, lp := range m.Platforms {
		if p := platforms[lp.ID.Value]; p != nil && lp.Privacy.Set && p.Privacy == nil {
			p.Privacy = gate(&lp.Privacy)
		}
	}
	for _, ls := range m.Scopes {
		s := scopes[ls.Name.Value]
		if s == nil {
			continue
		}
		for _, lsup := range ls.Platforms {
			p := platforms[lsup.Platform.Value]
			if sup := s.SupportOn(p); p != nil && sup != nil && lsup.Privacy.Set && sup.Pos == lsup.Pos {
				sup.Privacy = declaration(&lsup.Privacy, scopes)
			}
		}
	}
	if !m.App.Set {
		return nil
	}
	return app(&m.App, out, platforms, scopes)
}

func gate(in *load.Privacy) *PrivacyGate {
	g := &PrivacyGate{Pos: in.Pos, CodeField: in.CodeField.Value, Note: in.Note.Value}
	for _, api := range PrivacyAPIs {
		if slices.ContainsFunc(in.APIs, func(s load.String) bool { return s.Value == api }) {
			g.APIs = append(g.APIs, api)
		}
	}
	for _, outcome := range PrivacyOutcomes {
		i := slices.IndexFunc(in.Failures, func(f *load.PrivacyFailure) bool { return PrivacyOutcome(f.Outcome.Value) == outcome })
		if i < 0 {
			continue
		}
		lf := in.Failures[i]
		f := &PrivacyFailure{Pos: lf.Pos, Outcome: outcome, Message: lf.Message.Value, Note: lf.Note.Value}
		if f.Message != "" {
			// validate has compiled it; a broken pattern never reaches an emitter.
			f.MessageGo, f.MessageJS, _ = rules.PortableRegex(f.Message)
			f.Regexp, _ = regexp.Compile(f.MessageGo)
		}
		for _, c := range lf.Codes {
			f.Codes = append(f.Codes, c.Value)
		}
		slices.Sort(f.Codes)
		f.Codes = slices.Compact(f.Codes)
		g.Failures = append(g.Failures, f)
	}
	return g
}

func declaration(in *load.Declaration, scopes map[string]*Scope) Declaration {
	d := Declaration{
		Pos:             in.Pos,
		Gated:           in.Gated.Value,
		InfoType:        in.InfoType.Value,
		Permission:      in.Permission.Value,
		PurposeRequired: in.PurposeRequired.Value,
		Note:            in.Note.Value,
	}
	for _, api := range in.RequiredPrivateInfos {
		d.RequiredPrivateInfos = append(d.RequiredPrivateInfos, api.Value)
	}
	slices.Sort(d.RequiredPrivateInfos)
	d.RequiredPrivateInfos = slices.Compact(d.RequiredPrivateInfos)
	for _, perm := range in.RequestPermissions {
		d.RequestPermissions = append(d.RequestPermissions, perm.Value)
	}
	slices.Sort(d.RequestPermissions)
	d.RequestPermissions = slices.Compact(d.RequestPermissions)
	for _, name := range in.Excludes {
		if s := scopes[name.Value]; s != nil && !slices.Contains(d.Excludes, s) {
			d.Excludes = append(d.Excludes, s)
		}
	}
	slices.SortFunc(d.Excludes, func(a, b *Scope) int { return cmp.Compare(a.Index, b.Index) })
	return d
}

func app(in *load.App, m *Model, platforms map[string]*Platform, scopes map[string]*Scope) *App {
	a := &App{Pos: in.Pos}
	if in.PlatformsPos.Line == 0 {
		a.Platforms = slices.Clone(m.Platforms)
	}
	for _, id := range in.Platforms {
		if p := platforms[id.Value]; p != nil && !slices.Contains(a.Platforms, p) {
			a.Platforms = append(a.Platforms, p)
		}
	}
	slices.SortFunc(a.Platforms, func(x, y *Platform) int { return cmp.Compare(x.Index, y.Index) })
	for _, lr := range in.Requests {
		if s := scopes[lr.Scope.Value]; s != nil && !slices.ContainsFunc(a.Requests, func(r *Request) bool { return r.Scope == s }) {
			a.Requests = append(a.Requests, &Request{Pos: lr.Pos, Scope: s, Purpose: lr.Purpose.Value})
		}
	}
	slices.SortFunc(a.Requests, func(x, y *Request) int { return cmp.Compare(x.Scope.Index, y.Scope.Index) })
	a.UsedScene = UsedScene{Abilities: []string{rules.DefaultUsedSceneAbility}, When: rules.DefaultUsedSceneWhen}
	if len(in.UsedScene.Abilities) > 0 {
		a.UsedScene.Abilities = nil
		for _, ab := range in.UsedScene.Abilities {
			if !slices.Contains(a.UsedScene.Abilities, ab.Value) {
				a.UsedScene.Abilities = append(a.UsedScene.Abilities, ab.Value)
			}
		}
	}
	if in.UsedScene.When.Set {
		a.UsedScene.When = in.UsedScene.When.Value
	}
	for _, p := range a.Platforms {
		if hc := hostConfig(p, a.Requests, a.UsedScene); hc != nil {
			a.HostConfigs = append(a.HostConfigs, hc)
		}
	}
	return a
}

// hostConfig resolves p's app.json keys for the requests; nil when the
// catalog declares no app.json key for p at all.
func hostConfig(p *Platform, requests []*Request, scene UsedScene) *HostConfig {
	if slices.ContainsFunc(p.Scopes, func(sup *Support) bool { return len(sup.Privacy.RequestPermissions) > 0 }) {
		return &HostConfig{Platform: p, Module: moduleConfig(p, requests, scene)}
	}
	hc := &HostConfig{Platform: p}
	for _, sup := range p.Scopes {
		if sup.Privacy.Permission != "" {
			hc.OwnedPermissions = append(hc.OwnedPermissions, sup.Privacy.Permission)
		}
		hc.OwnedPrivateInfos = append(hc.OwnedPrivateInfos, sup.Privacy.RequiredPrivateInfos...)
	}
	for _, r := range requests {
		sup := r.Scope.SupportOn(p)
		if sup == nil {
			continue
		}
		if sup.Privacy.Permission != "" && r.Purpose != "" {
			hc.Permissions = append(hc.Permissions, PermissionEntry{Key: sup.Privacy.Permission, Desc: r.Purpose, Scope: r.Scope})
		}
		hc.RequiredPrivateInfos = append(hc.RequiredPrivateInfos, sup.Privacy.RequiredPrivateInfos...)
	}
	if len(hc.OwnedPermissions) == 0 && len(hc.OwnedPrivateInfos) == 0 {
		return nil
	}
	slices.SortFunc(hc.Permissions, func(x, y PermissionEntry) int { return cmp.Compare(x.Key, y.Key) })
	hc.Permissions = slices.CompactFunc(hc.Permissions, func(x, y PermissionEntry) bool { return x.Key == y.Key })
	for _, list := range []*[]string{&hc.RequiredPrivateInfos, &hc.OwnedPermissions, &hc.OwnedPrivateInfos} {
		slices.Sort(*list)
		*list = slices.Compact(*list)
	}
	return hc
}

// moduleConfig resolves p's module.json5 requestPermissions for the
// requests: each permission once, its reason the purpose of the first
// requested scope (by scope order) that needs it.
func moduleConfig(p *Platform, requests []*Request, scene UsedScene) *ModuleConfig {
	mc := &ModuleConfig{UsedScene: scene}
	seen := map[string]bool{}
	resources := map[string]bool{}
	for _, r := range requests { // by scope order
		sup := r.Scope.SupportOn(p)
		if sup == nil || r.Purpose == "" {
			continue
		}
		for _, perm := range sup.Privacy.RequestPermissions {
			if seen[perm] {
				continue
			}
			seen[perm] = true
			res := ResourceName(r.Scope)
			mc.RequestPermissions = append(mc.RequestPermissions, ModulePermission{Name: perm, Resource: res, Scope: r.Scope})
			if !resources[res] {
				resources[res] = true
				mc.Strings = append(mc.Strings, StringResource{Name: res, Value: r.Purpose})
			}
		}
	}
	slices.SortFunc(mc.RequestPermissions, func(x, y ModulePermission) int { return cmp.Compare(x.Name, y.Name) })
	slices.SortFunc(mc.Strings, func(x, y StringResource) int { return cmp.Compare(x.Name, y.Name) })
	return mc
}

// OwnedHostConfig is p's host configuration for an app that requests
// nothing there: nothing to write, everything scopegen owns on p to
// remove. nil when p is nil or declares no app.json or module.json5 key.
func OwnedHostConfig(p *Platform) *HostConfig {
	if p == nil {
		return nil
	}
	return hostConfig(p, nil, UsedScene{})
}
