package validate

import (
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// firstSeen remembers where a name was first claimed and by which scope.
type firstSeen struct {
	scope string
	pos   diag.Pos
}

func (c *checker) scopes(in []*load.Scope, platforms map[string]*load.Platform) {
	platformIDs := make([]string, 0, len(platforms))
	for id := range platforms {
		platformIDs = append(platformIDs, id)
	}
	slices.Sort(platformIDs)
	grants := make([]string, len(model.Grants))
	for i, g := range model.Grants {
		grants[i] = string(g)
	}
	apiOwner := make(map[string]firstSeen)
	natives := newPlatformNames(diag.NativeNameCollision, "native name")
	settings := newPlatformNames(diag.SettingKeyCollision, "settingKey")
	for _, s := range in {
		c.pattern(s.Name, rules.ScopeNamePattern, "scope name", "letters and digits in parts joined by '.' or '_', such as scope.userLocation")
		c.title(s.Title, "title")
		c.description(s.Description, "description")
		c.text(s.Note, "note")
		if s.GoName.Set {
			c.pattern(s.GoName, rules.GoNamePattern, "goName", "an exported Go identifier such as UserLocation")
		}
		own := map[string]bool{}
		for _, api := range s.APIs {
			if !c.pattern(api, rules.APINamePattern, "API name", "a method name such as getLocation") {
				continue
			}
			if own[api.Value] {
				c.report(api.Pos, diag.DuplicateEntry, "scope %q lists API %q twice", s.Name.Value, api.Value)
				continue
			}
			own[api.Value] = true
			if prev, dup := apiOwner[api.Value]; dup {
				c.report(api.Pos, diag.APIMultipleScopes, "API %q is already guarded by scope %q (line %d): an API belongs to one scope", api.Value, prev.scope, prev.pos.Line)
				continue
			}
			apiOwner[api.Value] = firstSeen{s.Name.Value, api.Pos}
		}
		if len(s.Platforms) == 0 && s.Pos.Line > 0 {
			c.report(s.Pos, diag.ScopeWithoutPlatform, "scope %q is supported on no platform: list at least one under platforms", s.Name.Value)
		}
		for _, sup := range s.Platforms {
			// With no platform readable, every reference would be reported;
			// the real problem is already reported on platforms itself.
			if _, ok := platforms[sup.Platform.Value]; !ok && len(platforms) > 0 {
				c.report(sup.Platform.Pos, diag.UnknownPlatform, "unknown platform %q%s", sup.Platform.Value, diag.DidYouMean(sup.Platform.Value, platformIDs))
			}
			c.support(s, sup, platforms[sup.Platform.Value], own, grants)
			natives.claim(c, sup.Platform.Value, sup.Native, s.Name.Value)
			settings.claim(c, sup.Platform.Value, sup.SettingKey, s.Name.Value)
		}
	}
}

// platformNames is a name that must be unique per platform among scopes
// (a native name, a setting key): per platform id, name → first claimant.
type platformNames struct {
	rule   diag.Rule
	what   string
	byName map[string]map[string]firstSeen
}

func newPlatformNames(rule diag.Rule, what string) *platformNames {
	return &platformNames{rule: rule, what: what, byName: make(map[string]map[string]firstSeen)}
}

// claim records that scope uses name on platform and reports a second user.
func (n *platformNames) claim(c *checker, platform string, name load.String, scope string) {
	if !name.Set || name.Value == "" {
		return
	}
	claimed := n.byName[platform]
	if claimed == nil {
		claimed = make(map[string]firstSeen)
		n.byName[platform] = claimed
	}
	if prev, dup := claimed[name.Value]; dup {
		c.report(name.Pos, n.rule, "%s %q on platform %q is already used by scope %q (line %d)", n.what, name.Value, platform, prev.scope, prev.pos.Line)
		return
	}
	claimed[name.Value] = firstSeen{scope, name.Pos}
}

// support checks one (scope, platform) entry; p is nil when the platform
// is unknown.
func (c *checker) support(s *load.Scope, sup *load.Support, p *load.Platform, apis map[string]bool, grants []string) {
	c.pattern(sup.Native, rules.NativePattern, "native", "the platform's scope name, such as scope.userLocation")
	if sup.SettingKey.Set {
		c.pattern(sup.SettingKey, rules.NativePattern, "settingKey", "a getSetting authSetting key, such as location")
	}
	grant := model.Grant(sup.Grant.Value)
	knownGrant := sup.Grant.Set && slices.Contains(model.Grants, grant)
	if sup.Grant.Set && !knownGrant {
		c.report(sup.Grant.Pos, diag.UnknownGrant, "unknown grant %q: one of %s%s", sup.Grant.Value, strings.Join(grants, ", "), diag.DidYouMean(sup.Grant.Value, grants))
	}
	browser := p != nil && p.Global.Value == model.BrowserGlobal
	if browser && knownGrant && !slices.Contains(model.BrowserGrants, grant) {
		allowed := make([]string, len(model.BrowserGrants))
		for i, g := range model.BrowserGrants {
			allowed[i] = string(g)
		}
		c.report(sup.Grant.Pos, diag.GrantNotAllowed, "platform %q is a browser (global %s), which grants only through the APIs that prompt: grant must be %s, not %q",
			sup.Platform.Value, model.BrowserGlobal, strings.Join(allowed, " or "), sup.Grant.Value)
	}
	if sup.Probe.Set {
		allowed := true
		if knownGrant && grant != model.GrantOnUse {
			c.report(sup.Probe.Pos, diag.ProbeNotAllowed, "probe is only meaningful with grant onUse, not %q", sup.Grant.Value)
			allowed = false
		}
		if c.pattern(sup.Probe, rules.APINamePattern, "probe", "a platform method name such as getLocation") && allowed && p != nil {
			c.probe(s, sup, browser)
		}
	}
	known := make([]string, 0, len(apis))
	for _, a := range s.APIs {
		known = append(known, a.Value)
	}
	for _, a := range sup.APIs {
		if c.pattern(a.Universal, rules.APINamePattern, "API name", "a method name such as getLocation") && !apis[a.Universal.Value] {
			c.report(a.Universal.Pos, diag.UnknownAPI, "API %q is not one of the APIs scope %q guards%s", a.Universal.Value, s.Name.Value, diag.DidYouMean(a.Universal.Value, known))
		}
		c.pattern(a.Native, rules.APINamePattern, "native API name", "a method name such as saveImageToPhotosAlbum")
	}
	c.text(sup.Note, "note")
}
