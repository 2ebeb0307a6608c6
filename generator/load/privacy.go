package load

import (
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// Privacy is platforms.<id>.privacy: the host's privacy-agreement gate.
// A platform without it has no gate.
type Privacy struct {
	Pos       diag.Pos
	Set       bool
	APIs      []String // host privacy APIs: getPrivacySetting, requirePrivacyAuthorize, …
	CodeField String   // the fail object's numeric field the failure codes are read from
	Failures  []*PrivacyFailure
	Note      String
	Sources   Refs
}

// PrivacyFailure is one entry of privacy.failures, keyed by its outcome
// (notAgreed, notDeclared, banned).
type PrivacyFailure struct {
	Outcome String // the mapping key
	Pos     diag.Pos
	Message String
	Codes   []Int
	Note    String
	Sources Refs
}

// Declaration is scopes.<name>.platforms.<id>.privacy: what the host wants
// declared before the scope's APIs work.
type Declaration struct {
	Pos                  diag.Pos
	Set                  bool
	Gated                Bool
	InfoType             String
	RequiredPrivateInfos []String
	Permission           String
	PurposeRequired      Bool
	// RequestPermissions are the ohos.permission.* names a HarmonyOS
	// module.json5 requestPermissions must hold for the scope.
	RequestPermissions []String
	// RequestPermissionsPos is where the requestPermissions list stands,
	// zero when the key is absent or not a list.
	RequestPermissionsPos diag.Pos
	Excludes              []String
	Note                  String
	Sources               Refs
}

// App is the top-level app: the mini-program's own part.
type App struct {
	Pos diag.Pos
	Set bool
	// Platforms is app.platforms; PlatformsPos is where the list stands,
	// zero when the key is absent (which means every platform).
	Platforms    []String
	PlatformsPos diag.Pos
	Requests     []*Request
	// UsedScene is app.usedScene: the usedScene of every module.json5
	// requestPermissions entry scopegen writes.
	UsedScene UsedScene
}

// UsedScene is app.usedScene {abilities, when}.
type UsedScene struct {
	Pos       diag.Pos
	Set       bool
	Abilities []String
	// AbilitiesPos is where the abilities list stands, zero when the key
	// is absent or not a list.
	AbilitiesPos diag.Pos
	When         String
}

// Request is one entry of app.requests, keyed by the universal scope name.
type Request struct {
	Scope   String // the mapping key
	Pos     diag.Pos
	Purpose String
}

func (w *walker) privacy(n *yaml.Node, owner string, p *Privacy) {
	p.Pos, p.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "privacy of "+owner, []field{
		{"apis", false, func(_, v *yaml.Node) { p.APIs = w.strs(v, "privacy.apis") }},
		{"codeField", false, func(_, v *yaml.Node) { p.CodeField = w.str(v, "privacy.codeField") }},
		{"failures", false, func(_, v *yaml.Node) { p.Failures = w.privacyFailures(v, owner) }},
		{"note", false, func(_, v *yaml.Node) { p.Note = w.str(v, "note") }},
		{"sources", false, func(k, v *yaml.Node) { p.Sources = w.refs(k, v) }},
	})
}

func (w *walker) privacyFailures(n *yaml.Node, owner string) []*PrivacyFailure {
	what := "privacy.failures of " + owner
	if !w.expectMapping(n, what) {
		return nil
	}
	var out []*PrivacyFailure
	w.keys(n, what, func(key, value *yaml.Node) {
		f := &PrivacyFailure{Outcome: w.str(key, "a privacy outcome"), Pos: pos(key)}
		w.mapping(value, "privacy failure "+quote(key.Value)+" of "+owner, []field{
			{"message", false, func(_, v *yaml.Node) { f.Message = w.str(v, "privacy failure message") }},
			{"codes", false, func(_, v *yaml.Node) { f.Codes = w.ints(v, "privacy failure codes") }},
			{"note", false, func(_, v *yaml.Node) { f.Note = w.str(v, "note") }},
			{"sources", false, func(k, v *yaml.Node) { f.Sources = w.refs(k, v) }},
		})
		out = append(out, f)
	})
	return out
}

func (w *walker) declaration(n *yaml.Node, owner string, d *Declaration) {
	d.Pos, d.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "privacy of "+owner, []field{
		{"gated", false, func(_, v *yaml.Node) { d.Gated = w.boolean(v, "privacy.gated") }},
		{"infoType", false, func(_, v *yaml.Node) { d.InfoType = w.str(v, "privacy.infoType") }},
		{"requiredPrivateInfos", false, func(_, v *yaml.Node) { d.RequiredPrivateInfos = w.strs(v, "privacy.requiredPrivateInfos") }},
		{"permission", false, func(_, v *yaml.Node) { d.Permission = w.str(v, "privacy.permission") }},
		{"purposeRequired", false, func(_, v *yaml.Node) { d.PurposeRequired = w.boolean(v, "privacy.purposeRequired") }},
		{"requestPermissions", false, func(_, v *yaml.Node) {
			d.RequestPermissions, d.RequestPermissionsPos = w.strs(v, "privacy.requestPermissions"), listPos(v)
		}},
		{"excludes", false, func(_, v *yaml.Node) { d.Excludes = w.strs(v, "privacy.excludes") }},
		{"note", false, func(_, v *yaml.Node) { d.Note = w.str(v, "note") }},
		{"sources", false, func(k, v *yaml.Node) { d.Sources = w.refs(k, v) }},
	})
}

func (w *walker) app(n *yaml.Node, a *App) {
	a.Pos, a.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "app", []field{
		{"platforms", false, func(_, v *yaml.Node) { a.Platforms, a.PlatformsPos = w.strs(v, "app.platforms"), pos(v) }},
		{"requests", true, func(_, v *yaml.Node) { a.Requests = w.requests(v) }},
		{"usedScene", false, func(_, v *yaml.Node) {
			a.UsedScene.Pos, a.UsedScene.Set = pos(v), v.Kind == yaml.MappingNode
			w.mapping(v, "app.usedScene", []field{
				{"abilities", false, func(_, v *yaml.Node) {
					a.UsedScene.Abilities, a.UsedScene.AbilitiesPos = w.strs(v, "app.usedScene.abilities"), listPos(v)
				}},
				{"when", false, func(_, v *yaml.Node) { a.UsedScene.When = w.str(v, "app.usedScene.when") }},
			})
		}},
	})
}

func (w *walker) requests(n *yaml.Node) []*Request {
	if !w.expectMapping(n, "app.requests") {
		return nil
	}
	var out []*Request
	w.keys(n, "app.requests", func(key, value *yaml.Node) {
		r := &Request{Scope: w.str(key, "a scope name"), Pos: pos(key)}
		w.mapping(value, "request of "+quote(key.Value), []field{
			{"purpose", false, func(_, v *yaml.Node) { r.Purpose = w.str(v, "purpose") }},
		})
		out = append(out, r)
	})
	return out
}

// listPos is where a list stands, zero when n is not a list (the walker
// reports that): a validator refuses an empty list at its place.
func listPos(n *yaml.Node) diag.Pos {
	if n.Kind != yaml.SequenceNode {
		return diag.Pos{}
	}
	return pos(n)
}
