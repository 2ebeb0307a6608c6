package load

import (
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// The field tables below are the manifest format. Keep them in step with
// docs/manifest.md and the JSON Schema emitter (a test checks
// the schema against them).

func (w *walker) manifest(n *yaml.Node, m *Manifest) {
	w.mapping(n, "the manifest", []field{
		{"version", true, func(_, v *yaml.Node) { m.Version = w.integer(v, "version") }},
		{"npm", false, func(k, v *yaml.Node) { m.NPM.Pos = pos(k); w.npm(v, &m.NPM) }},
		{"platforms", true, func(k, v *yaml.Node) {
			m.PlatformsPos, m.Platforms = pos(k), w.platforms(v)
			w.nonEmpty(v, "platforms", "platform")
		}},
		{"scopes", true, func(k, v *yaml.Node) { m.ScopesPos, m.Scopes = pos(k), w.scopes(v); w.nonEmpty(v, "scopes", "scope") }},
		{"app", false, func(_, v *yaml.Node) { w.app(v, &m.App) }},
		{"sources", false, func(k, v *yaml.Node) { m.SourcesPos, m.Sources = pos(k), w.sources(v) }},
	})
}

// nonEmpty reports an empty mapping where at least one entry is needed.
func (w *walker) nonEmpty(n *yaml.Node, what, entry string) {
	if n.Kind == yaml.MappingNode && len(n.Content) == 0 {
		w.report(n, diag.MissingField, "%s declares no %s: add at least one", what, entry)
	}
}

func (w *walker) npm(n *yaml.Node, npm *NPM) {
	w.mapping(n, "npm", []field{
		{"package", false, func(_, v *yaml.Node) { npm.Package = w.str(v, "npm.package") }},
		{"version", false, func(_, v *yaml.Node) { npm.Version = w.str(v, "npm.version") }},
		{"license", false, func(_, v *yaml.Node) { npm.License = w.str(v, "npm.license") }},
		{"description", false, func(_, v *yaml.Node) { npm.Description = w.str(v, "npm.description") }},
		{"repository", false, func(_, v *yaml.Node) { npm.Repository = w.str(v, "npm.repository") }},
		{"homepage", false, func(_, v *yaml.Node) { npm.Homepage = w.str(v, "npm.homepage") }},
		{"keywords", false, func(_, v *yaml.Node) { npm.Keywords = w.strs(v, "npm.keywords") }},
		{"private", false, func(_, v *yaml.Node) { npm.Private = w.boolean(v, "npm.private") }},
	})
}

func (w *walker) platforms(n *yaml.Node) []*Platform {
	if !w.expectMapping(n, "platforms") {
		return nil
	}
	var out []*Platform
	w.keys(n, "platforms", func(key, value *yaml.Node) {
		p := &Platform{ID: w.str(key, "a platform id"), Pos: pos(key)}
		what := "platform " + quote(key.Value)
		w.mapping(value, what, []field{
			{"title", true, func(_, v *yaml.Node) { p.Title = w.str(v, "title") }},
			{"goName", false, func(_, v *yaml.Node) { p.GoName = w.str(v, "goName") }},
			{"global", true, func(_, v *yaml.Node) { p.Global = w.str(v, "global") }},
			{"alsoDefines", false, func(_, v *yaml.Node) { p.AlsoDefines = w.strs(v, "alsoDefines") }},
			{"fallback", false, func(_, v *yaml.Node) { p.Fallback = w.boolean(v, "fallback") }},
			{"exportCondition", true, func(_, v *yaml.Node) { p.ExportCondition = w.str(v, "exportCondition") }},
			{"icon", false, func(_, v *yaml.Node) { p.Icon = w.str(v, "icon") }},
			{"denial", false, func(_, v *yaml.Node) { w.denial(v, what, &p.Denial) }},
			{"authorize", false, func(_, v *yaml.Node) { w.authorize(v, what, &p.Authorize) }},
			{"privacy", false, func(_, v *yaml.Node) { w.privacy(v, what, &p.Privacy) }},
			{"system", false, func(_, v *yaml.Node) { w.system(v, what, &p.System) }},
			{"note", false, func(_, v *yaml.Node) { p.Note = w.str(v, "note") }},
			{"sources", false, func(k, v *yaml.Node) { p.Sources = w.refs(k, v) }},
		})
		out = append(out, p)
	})
	return out
}

func (w *walker) denial(n *yaml.Node, owner string, d *Denial) {
	d.Pos, d.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "denial of "+owner, []field{
		{"codeField", false, func(_, v *yaml.Node) { d.CodeField = w.str(v, "denial.codeField") }},
		{"codes", false, func(_, v *yaml.Node) { d.Codes = w.ints(v, "denial.codes") }},
		{"message", false, func(_, v *yaml.Node) { d.Message = w.str(v, "denial.message") }},
		{"sources", false, func(k, v *yaml.Node) { d.Sources = w.refs(k, v) }},
	})
}

func (w *walker) authorize(n *yaml.Node, owner string, a *Authorize) {
	a.Pos, a.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "authorize of "+owner, []field{
		{"answersRecorded", true, func(_, v *yaml.Node) { a.AnswersRecorded = w.boolean(v, "authorize.answersRecorded") }},
		{"note", false, func(_, v *yaml.Node) { a.Note = w.str(v, "authorize.note") }},
		{"sources", false, func(k, v *yaml.Node) { a.Sources = w.refs(k, v) }},
	})
}

func (w *walker) scopes(n *yaml.Node) []*Scope {
	if !w.expectMapping(n, "scopes") {
		return nil
	}
	var out []*Scope
	w.keys(n, "scopes", func(key, value *yaml.Node) {
		s := &Scope{Name: w.str(key, "a scope name"), Pos: pos(key)}
		what := "scope " + quote(key.Value)
		w.mapping(value, what, []field{
			{"title", true, func(_, v *yaml.Node) { s.Title = w.str(v, "title") }},
			{"goName", false, func(_, v *yaml.Node) { s.GoName = w.str(v, "goName") }},
			{"description", true, func(_, v *yaml.Node) { s.Description = w.str(v, "description") }},
			{"apis", false, func(k, v *yaml.Node) { s.APIsPos, s.APIs = pos(k), w.strs(v, "apis") }},
			{"note", false, func(_, v *yaml.Node) { s.Note = w.str(v, "note") }},
			{"platforms", true, func(k, v *yaml.Node) { s.PlatformsPos, s.Platforms = pos(k), w.supports(v, what) }},
			{"sources", false, func(k, v *yaml.Node) { s.Sources = w.refs(k, v) }},
		})
		out = append(out, s)
	})
	return out
}

func (w *walker) supports(n *yaml.Node, scope string) []*Support {
	what := "platforms of " + scope
	if !w.expectMapping(n, what) {
		return nil
	}
	var out []*Support
	w.keys(n, what, func(key, value *yaml.Node) {
		s := &Support{Platform: w.str(key, "a platform id"), Pos: pos(key)}
		w.mapping(value, quote(key.Value)+" support of "+scope, []field{
			{"native", true, func(_, v *yaml.Node) { s.Native = w.str(v, "native") }},
			{"settingKey", false, func(_, v *yaml.Node) { s.SettingKey = w.str(v, "settingKey") }},
			{"grant", true, func(_, v *yaml.Node) { s.Grant = w.str(v, "grant") }},
			{"probe", false, func(_, v *yaml.Node) { s.Probe = w.str(v, "probe") }},
			{"apis", false, func(_, v *yaml.Node) { s.APIs = w.apiNames(v) }},
			{"privacy", false, func(_, v *yaml.Node) { w.declaration(v, quote(key.Value)+" support of "+scope, &s.Privacy) }},
			{"system", false, func(_, v *yaml.Node) { w.systemNeed(v, quote(key.Value)+" support of "+scope, &s.System) }},
			{"note", false, func(_, v *yaml.Node) { s.Note = w.str(v, "note") }},
			{"sources", false, func(k, v *yaml.Node) { s.Sources = w.refs(k, v) }},
		})
		out = append(out, s)
	})
	return out
}

// apiNames reads `apis: {saveImage: saveImageToPhotosAlbum}`: the
// platform's method name for each universal API name that differs.
func (w *walker) apiNames(n *yaml.Node) []APIName {
	if !w.expectMapping(n, "apis") {
		return nil
	}
	var out []APIName
	w.keys(n, "apis", func(key, value *yaml.Node) {
		out = append(out, APIName{Universal: w.str(key, "an API name"), Native: w.str(value, "the native name of "+quote(key.Value))})
	})
	return out
}

// quote shows a key in a message: escaped, and cut short when long.
func quote(s string) string {
	const limit = 60
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit]) + "…"
	}
	return strconv.Quote(s)
}
