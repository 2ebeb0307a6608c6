package validate

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// privacy checks the privacy gates, the per-scope declarations and the
// app part.
func (c *checker) privacy(m *load.Manifest, platforms map[string]*load.Platform) {
	for _, p := range m.Platforms {
		c.gate(p.Privacy)
	}
	scopes := make(map[string]*load.Scope, len(m.Scopes))
	names := make([]string, 0, len(m.Scopes))
	for _, s := range m.Scopes {
		if _, dup := scopes[s.Name.Value]; !dup {
			scopes[s.Name.Value] = s
			names = append(names, s.Name.Value)
		}
	}
	slices.Sort(names)
	permissions := newPlatformNames(diag.DuplicateEntry, "privacy.permission")
	for _, s := range m.Scopes {
		for _, sup := range s.Platforms {
			c.declaration(s, sup, platforms[sup.Platform.Value], scopes, names)
			permissions.claim(c, sup.Platform.Value, sup.Privacy.Permission, s.Name.Value)
		}
	}
	c.hostConfigKinds(m)
	if m.App.Set {
		c.app(&m.App, platforms, scopes, names)
	}
}

func (c *checker) gate(g load.Privacy) {
	if !g.Set {
		return
	}
	seen := map[string]bool{}
	for _, api := range g.APIs {
		if !api.Set {
			continue
		}
		if !slices.Contains(model.PrivacyAPIs, api.Value) {
			c.report(api.Pos, diag.UnknownPrivacyAPI, "unknown privacy API %q: one of %s%s", api.Value, strings.Join(model.PrivacyAPIs, ", "), diag.DidYouMean(api.Value, model.PrivacyAPIs))
			continue
		}
		if seen[api.Value] {
			c.report(api.Pos, diag.DuplicateEntry, "privacy.apis lists %q twice", api.Value)
		}
		seen[api.Value] = true
	}
	if g.CodeField.Set {
		c.global(g.CodeField, "privacy.codeField")
	}
	outcomes := make([]string, len(model.PrivacyOutcomes))
	for i, o := range model.PrivacyOutcomes {
		outcomes[i] = string(o)
	}
	anyCodes := false
	for _, f := range g.Failures {
		if f.Outcome.Set && !slices.Contains(outcomes, f.Outcome.Value) {
			c.report(f.Outcome.Pos, diag.UnknownField, "unknown privacy outcome %q: one of %s%s", f.Outcome.Value, strings.Join(outcomes, ", "), diag.DidYouMean(f.Outcome.Value, outcomes))
		}
		c.portableRegex(f.Message, "privacy failure message")
		codes := map[int]bool{}
		for _, code := range f.Codes {
			switch {
			case !code.Set:
			case code.Value == 0:
				c.report(code.Pos, diag.InvalidValue, "privacy failure codes cannot hold 0: the classifiers read 0 as no code")
			case codes[code.Value]:
				c.report(code.Pos, diag.DuplicateEntry, "privacy failure codes list %d twice", code.Value)
			default:
				codes[code.Value] = true
			}
		}
		anyCodes = anyCodes || len(f.Codes) > 0
		if !f.Message.Set && len(f.Codes) == 0 {
			c.report(f.Pos, diag.MissingField, "privacy failure %q needs message, codes, or both", f.Outcome.Value)
		}
		c.text(f.Note, "note")
	}
	if anyCodes != g.CodeField.Set {
		c.report(g.Pos, diag.MissingField, "privacy needs codeField exactly when a failure lists codes")
	}
	if len(g.APIs) == 0 && len(g.Failures) == 0 {
		c.report(g.Pos, diag.MissingField, "privacy needs apis, failures, or both")
	}
	c.text(g.Note, "note")
}

func (c *checker) declaration(s *load.Scope, sup *load.Support, p *load.Platform, scopes map[string]*load.Scope, names []string) {
	d := sup.Privacy
	if !d.Set {
		return
	}
	if d.Gated.Value && p != nil && !p.Privacy.Set {
		c.report(d.Gated.Pos, diag.InvalidValue, "privacy.gated needs a privacy gate on platform %q (platforms.%s.privacy)", sup.Platform.Value, sup.Platform.Value)
	}
	c.title(d.InfoType, "privacy.infoType")
	c.distinctNames(d.RequiredPrivateInfos, rules.APINamePattern, "privacy.requiredPrivateInfos", "a host method name such as getLocation")
	if d.Permission.Set {
		c.pattern(d.Permission, rules.NativePattern, "privacy.permission", "an app.json permission key such as scope.userLocation")
	}
	if d.RequestPermissionsPos.Line > 0 && len(d.RequestPermissions) == 0 {
		c.report(d.RequestPermissionsPos, diag.InvalidValue, "privacy.requestPermissions lists no permission: list the HarmonyOS permissions the scope needs, or leave the key out")
	}
	c.distinctNames(d.RequestPermissions, rules.OHOSPermissionPattern, "privacy.requestPermissions", "a HarmonyOS permission such as ohos.permission.LOCATION")
	if d.PurposeRequired.Value && !d.Permission.Set {
		c.report(d.PurposeRequired.Pos, diag.MissingField, "privacy.purposeRequired needs privacy.permission: the purpose is that entry's desc")
	}
	for _, ex := range d.Excludes {
		if !ex.Set {
			continue
		}
		other := scopes[ex.Value]
		switch {
		case other == nil:
			c.report(ex.Pos, diag.UnknownScope, "unknown scope %q%s", ex.Value, diag.DidYouMean(ex.Value, names))
		case other == s:
			c.report(ex.Pos, diag.InvalidValue, "scope %q cannot exclude itself", ex.Value)
		case !slices.ContainsFunc(other.Platforms, func(o *load.Support) bool { return o.Platform.Value == sup.Platform.Value }):
			c.report(ex.Pos, diag.InvalidValue, "scope %q is not supported on platform %q, so it cannot conflict there", ex.Value, sup.Platform.Value)
		}
	}
	c.text(d.Note, "note")
}

func (c *checker) app(a *load.App, platforms map[string]*load.Platform, scopes map[string]*load.Scope, names []string) {
	ids := make([]string, 0, len(platforms))
	for id := range platforms {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	targets := ids
	if a.PlatformsPos.Line > 0 && len(a.Platforms) == 0 {
		c.report(a.PlatformsPos, diag.InvalidValue, "app.platforms lists no platform: list the hosts the app ships to, or leave the key out to mean every platform")
	}
	if a.PlatformsPos.Line > 0 {
		targets = nil
		for _, id := range a.Platforms {
			switch {
			case !id.Set:
			case platforms[id.Value] == nil:
				c.report(id.Pos, diag.UnknownPlatform, "unknown platform %q%s", id.Value, diag.DidYouMean(id.Value, ids))
			case slices.Contains(targets, id.Value):
				c.report(id.Pos, diag.DuplicateEntry, "app.platforms lists %q twice", id.Value)
			default:
				targets = append(targets, id.Value)
			}
		}
		slices.Sort(targets)
	}
	requested := make(map[string]*load.Request, len(a.Requests))
	for _, r := range a.Requests {
		c.title(r.Purpose, "purpose")
		s := scopes[r.Scope.Value]
		if s == nil {
			c.report(r.Pos, diag.UnknownScope, "unknown scope %q%s", r.Scope.Value, diag.DidYouMean(r.Scope.Value, names))
			continue
		}
		requested[r.Scope.Value] = r
		if IsPurposePlaceholder(r.Purpose.Value) {
			// A placeholder is a purpose nobody wrote: the host would show it to users.
			c.report(r.Purpose.Pos, diag.PurposeRequired, "the purpose of requested scope %q is a placeholder (%q): write why the app uses it; the host shows this text to the user", r.Scope.Value, PurposePlaceholder)
		}
		var needs, supported []string
		reasonChecked := false
		for _, sup := range s.Platforms {
			if !slices.Contains(targets, sup.Platform.Value) {
				continue
			}
			supported = append(supported, sup.Platform.Value)
			if sup.Privacy.PurposeRequired.Value && strings.TrimSpace(r.Purpose.Value) == "" {
				needs = append(needs, fmt.Sprintf("platform %q shows it as app.json permission[%q].desc", sup.Platform.Value, sup.Privacy.Permission.Value))
			}
			if n := utf8.RuneCountInString(r.Purpose.Value); len(sup.Privacy.RequestPermissions) > 0 && n > rules.MaxReasonLength && !reasonChecked {
				reasonChecked = true
				c.report(r.Purpose.Pos, diag.LimitExceeded, "the purpose of requested scope %q is %d characters long; platform %q shows it as the reason of module.json5 requestPermissions, which HarmonyOS limits to %d characters", r.Scope.Value, n, sup.Platform.Value, rules.MaxReasonLength)
			}
			if len(sup.Privacy.RequestPermissions) > 0 && strings.TrimSpace(r.Purpose.Value) == "" {
				needs = append(needs, fmt.Sprintf("platform %q needs it as the reason of module.json5 requestPermissions %q", sup.Platform.Value, sup.Privacy.RequestPermissions[0].Value))
			}
		}
		if len(needs) > 0 && !(r.Purpose.Set && strings.TrimSpace(r.Purpose.Value) == "") {
			c.report(r.Pos, diag.PurposeRequired, "requested scope %q needs a purpose: %s", r.Scope.Value, strings.Join(needs, ", "))
		}
		if len(supported) == 0 && len(targets) > 0 {
			c.report(r.Pos, diag.InvalidValue, "requested scope %q is supported on none of the app's platforms (%s)", r.Scope.Value, strings.Join(targets, ", "))
		}
	}
	c.usedScene(a.UsedScene)
	c.conflicts(a, scopes, requested, targets)
}

// usedScene checks app.usedScene: when is inuse or always, abilities are
// ability names, each once.
func (c *checker) usedScene(u load.UsedScene) {
	if !u.Set {
		return
	}
	if u.When.Set && !slices.Contains(rules.UsedSceneWhen, u.When.Value) {
		c.report(u.When.Pos, diag.InvalidValue, "app.usedScene.when is %q: HarmonyOS accepts %s", u.When.Value, strings.Join(rules.UsedSceneWhen, " or "))
	}
	if u.AbilitiesPos.Line > 0 && len(u.Abilities) == 0 {
		c.report(u.AbilitiesPos, diag.InvalidValue, "app.usedScene.abilities lists no ability: list the abilities that use the permissions, or leave the key out to mean %s", rules.DefaultUsedSceneAbility)
	}
	c.distinctNames(u.Abilities, rules.AbilityNamePattern, "app.usedScene.abilities", "an ability name such as EntryAbility")
}

// hostConfigKinds refuses a platform whose scopes declare both app.json
// keys (privacy.permission, privacy.requiredPrivateInfos) and module.json5
// ones (privacy.requestPermissions): a host reads one configuration file,
// so one of the two declarations is for another host.
func (c *checker) hostConfigKinds(m *load.Manifest) {
	type first struct {
		pos  diag.Pos
		what string
	}
	appJSON := map[string]first{}
	for _, s := range m.Scopes {
		for _, sup := range s.Platforms {
			d, id := sup.Privacy, sup.Platform.Value
			if _, seen := appJSON[id]; seen {
				continue
			}
			switch {
			case d.Permission.Set:
				appJSON[id] = first{d.Permission.Pos, "privacy.permission"}
			case len(d.RequiredPrivateInfos) > 0:
				appJSON[id] = first{d.RequiredPrivateInfos[0].Pos, "privacy.requiredPrivateInfos"}
			}
		}
	}
	for _, s := range m.Scopes {
		for _, sup := range s.Platforms {
			if len(sup.Privacy.RequestPermissions) == 0 {
				continue
			}
			if f, ok := appJSON[sup.Platform.Value]; ok {
				c.report(sup.Privacy.RequestPermissions[0].Pos, diag.InvalidValue,
					"platform %q mixes app.json keys (%s at %d:%d) and module.json5 privacy.requestPermissions: a host reads one configuration file; declare either app.json keys (privacy.permission, privacy.requiredPrivateInfos) or requestPermissions on one platform",
					sup.Platform.Value, f.what, f.pos.Line, f.pos.Column)
			}
		}
	}
}

// conflicts reports two requested scopes a targeted platform refuses
// together, once per pair and platform, at the first of the two requests.
func (c *checker) conflicts(a *load.App, scopes map[string]*load.Scope, requested map[string]*load.Request, targets []string) {
	reported := map[[3]string]bool{}
	for _, r := range a.Requests {
		s := scopes[r.Scope.Value]
		if s == nil || requested[r.Scope.Value] != r {
			continue
		}
		for _, sup := range s.Platforms {
			if !slices.Contains(targets, sup.Platform.Value) {
				continue
			}
			for _, ex := range sup.Privacy.Excludes {
				other := requested[ex.Value]
				if other == nil || other == r {
					continue
				}
				first, second := r, other
				if second.Pos.Line < first.Pos.Line || (second.Pos.Line == first.Pos.Line && second.Pos.Column < first.Pos.Column) {
					first, second = second, first
				}
				key := [3]string{sup.Platform.Value, first.Scope.Value, second.Scope.Value}
				if reported[key] {
					continue
				}
				reported[key] = true
				c.report(first.Pos, diag.RequestConflict, "requested scopes %q (line %d) and %q (line %d) cannot both be requested on platform %q: its privacy.excludes at line %d says the host refuses them together",
					first.Scope.Value, first.Pos.Line, second.Scope.Value, second.Pos.Line, sup.Platform.Value, ex.Pos.Line)
			}
		}
	}
}

// PurposePlaceholder starts the purpose scopegen init writes where the
// user gave none. Such a purpose is PURPOSE_REQUIRED wherever it appears,
// so it can never reach a host configuration.
const PurposePlaceholder = "TODO:"

// IsPurposePlaceholder reports whether purpose is a placeholder.
func IsPurposePlaceholder(purpose string) bool {
	return strings.HasPrefix(strings.TrimSpace(purpose), PurposePlaceholder)
}
