package breaking

import (
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/model"
)

// Rule is one breaking-change check: its ID and purpose (docs/breaking.md's table)
// and the handler that compares the two manifests.
type Rule struct {
	diag.Rule
	handler func(c *comparison)
}

// Rules lists every rule in the order docs/breaking.md lists them: the package,
// then platforms, then scopes, then what a scope does on a platform.
//
// What is deliberately not a rule: titles, descriptions, notes and icons
// (documentation); a platform's global, alsoDefines, fallback and denial
// patterns, and a support's probe and per-platform API method names
// (facts about the host that the runtime uses internally; changing them
// corrects the runtime without changing what consumers write).
var Rules = []Rule{
	{diag.Rule{ID: "NPM_PACKAGE_NO_CHANGE", Purpose: "Checks that the npm package keeps its name, which every import and package.json names."}, npmPackage},
	{diag.Rule{ID: "PLATFORM_NO_DELETE", Purpose: "Checks that no platform is deleted (a rename is a deletion): its Go package, npm subpath and constant go with it."}, platformNoDelete},
	{diag.Rule{ID: "PLATFORM_GO_IDENT_NO_CHANGE", Purpose: "Checks that a platform keeps its Go identifier and the TypeScript type named after it."}, platformGoIdent},
	{diag.Rule{ID: "EXPORT_CONDITION_NO_CHANGE", Purpose: "Checks that a platform keeps its npm export condition, which consumers' bundler configurations name."}, exportCondition},
	{diag.Rule{ID: "SCOPE_NO_DELETE", Purpose: "Checks that no scope is deleted (a rename is a deletion): its Go constant and TypeScript literal go with it."}, scopeNoDelete},
	{diag.Rule{ID: "GO_IDENT_NO_CHANGE", Purpose: "Checks that a scope keeps its Go identifier."}, scopeGoIdent},
	{diag.Rule{ID: "SCOPE_SUPPORT_NO_REMOVE", Purpose: "Checks that a scope supported on a platform stays supported there."}, supportNoRemove},
	{diag.Rule{ID: "NATIVE_NAME_NO_CHANGE", Purpose: "Checks that a scope keeps its native name on each platform, which consumers and their servers may store or send."}, nativeName},
	{diag.Rule{ID: "SETTING_KEY_NO_CHANGE", Purpose: "Checks that a scope keeps its getSetting key on each platform once it has one."}, settingKey},
	{diag.Rule{ID: "GRANT_NO_CHANGE", Purpose: "Checks that a scope keeps its grant mechanism on each platform, which decides what the consumer's code must do to obtain it."}, grant},
	{diag.Rule{ID: "API_GUARD_NO_CHANGE", Purpose: "Checks that an API stays guarded by the same scope."}, apiGuard},
}

func npmPackage(c *comparison) {
	if was, is := c.prev.Model.NPMPackage, c.cur.Model.NPMPackage; was != is {
		c.report(c.cur.Model.NPMPackagePos, "npm package changed from %q to %q", was, is)
	}
}

func platformNoDelete(c *comparison) {
	for _, p := range c.prev.Model.Platforms {
		if platform(c.cur.Model, p.ID) == nil {
			c.report(c.cur.Model.PlatformsPos, "previously present platform %q was deleted", p.ID)
		}
	}
}

func platformGoIdent(c *comparison) {
	c.platformPairs(func(p, q *model.Platform) {
		if p.GoName != q.GoName {
			c.report(q.GoNamePos, "Go identifier of platform %q changed from %q to %q", q.ID, p.GoName, q.GoName)
		}
	})
}

func exportCondition(c *comparison) {
	c.platformPairs(func(p, q *model.Platform) {
		if p.ExportCondition != q.ExportCondition {
			c.report(q.ExportConditionPos, "export condition of platform %q changed from %q to %q", q.ID, p.ExportCondition, q.ExportCondition)
		}
	})
}

func scopeNoDelete(c *comparison) {
	for _, s := range c.prev.Model.Scopes {
		if scope(c.cur.Model, s.Name) == nil {
			c.report(c.cur.Model.ScopesPos, "previously present scope %q was deleted", s.Name)
		}
	}
}

func scopeGoIdent(c *comparison) {
	c.scopePairs(func(s, t *model.Scope) {
		if s.GoName != t.GoName {
			c.report(t.GoNamePos, "Go identifier of scope %q changed from %q to %q", t.Name, s.GoName, t.GoName)
		}
	})
}

// supportNoRemove skips platforms deleted altogether: PLATFORM_NO_DELETE
// reports those once rather than once per scope.
func supportNoRemove(c *comparison) {
	c.scopePairs(func(s, t *model.Scope) {
		for _, sup := range s.Support {
			if platform(c.cur.Model, sup.Platform.ID) != nil && supportOn(t, sup.Platform.ID) == nil {
				c.report(t.PlatformsPos, "previously present support for scope %q on platform %q was removed", t.Name, sup.Platform.ID)
			}
		}
	})
}

func nativeName(c *comparison) {
	c.supportPairs(func(p, q *model.Support) {
		if p.Native != q.Native {
			c.report(q.NativePos, "native name of %s changed from %q to %q", describe(q), p.Native, q.Native)
		}
	})
}

// settingKey lets a key appear where there was none: consumers that read
// no status before lose nothing.
func settingKey(c *comparison) {
	c.supportPairs(func(p, q *model.Support) {
		switch {
		case p.SettingKey == "" || p.SettingKey == q.SettingKey:
		case q.SettingKey == "":
			c.report(q.Pos, "setting key %q of %s was removed", p.SettingKey, describe(q))
		default:
			c.report(q.SettingKeyPos, "setting key of %s changed from %q to %q", describe(q), p.SettingKey, q.SettingKey)
		}
	})
}

// grant reports every change of mechanism: each one asks something
// different of the consumer (call authorize, render an open-type button,
// send the user to settings, exchange an auth code on a server, or
// nothing), so code written for the old one silently stops working.
func grant(c *comparison) {
	c.supportPairs(func(p, q *model.Support) {
		if p.Grant != q.Grant {
			c.report(q.GrantPos, "grant of %s changed from %s to %s", describe(q), p.Grant, q.Grant)
		}
	})
}

// apiGuard reports an API that moved to another scope, and one that lost
// its guard while its scope survived (a deleted scope is SCOPE_NO_DELETE's).
func apiGuard(c *comparison) {
	for _, api := range c.prev.Model.APIs {
		was := api.Scope
		is := guard(c.cur.Model, api.Name)
		switch {
		case is == nil:
			if still := scope(c.cur.Model, was.Name); still != nil {
				c.report(still.APIsPos, "API %q is no longer guarded by scope %q", api.Name, was.Name)
			}
		case is.Scope.Name != was.Name:
			c.report(is.Pos, "API %q moved from scope %q to scope %q", api.Name, was.Name, is.Scope.Name)
		}
	}
}
