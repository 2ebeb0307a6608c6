// Package npmemit writes the npm package (generated/npm/): per platform a
// runtime and a universal entry that detects the host at call time, both
// rendered from one flow (templates/npm/runtime.js.tmpl) over the model's
// runtime description (model.Runtime: runtime.go holds the helpers); a
// small shared module (templates/npm/core.js.tmpl, dist/core.*: the id core
// is reserved) keeping flows joined across entries; each as ES module
// (.mjs) and CommonJS (.js, so hosts' npm builders that append ".js" to
// main find it); the TypeScript typings, package.json, and tables.json
// (the resolved tables as data, for tests; not published).
//
// Every string from the manifest reaches JavaScript, TypeScript and JSON
// through the js template function (JSON with U+2028, U+2029 and "<"
// escaped), so none lands raw; names are restricted by validate anyway.
package npmemit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/templates"
)

// dir is the npm package's folder in the output.
const dir = "npm/"

var tmpl = template.Must(template.New("npm").Funcs(funcs).Funcs(runtimeFuncs).ParseFS(templates.FS, "npm/*.tmpl"))

// formats are the two module systems every runtime file is rendered for.
var formats = []moduleFormat{{ESM: true, Ext: ".mjs"}, {ESM: false, Ext: ".js"}}

// Emit renders the package.
func Emit(m *model.Model) (output.Files, error) {
	v, err := newView(m)
	if err != nil {
		return nil, err
	}
	files := output.Files{}
	render := func(out, name string, data any) error {
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
			return fmt.Errorf("rendering %s: %w", out, err)
		}
		files[dir+out] = buf.Bytes()
		return nil
	}
	if err := renderPackage(m, v, render); err != nil { // package.go
		return nil, err
	}
	// Typings: .d.mts beside the ES modules and .d.ts beside the CommonJS
	// .js files (the package has no "type", so TypeScript under node16
	// reads both as the format of what they type; .d.ts also serves
	// resolvers that ignore exports).
	for _, f := range typingFormats {
		if err := render("types/shared"+f.Ext, "shared.d.ts.tmpl", v.entry(f, nil)); err != nil {
			return nil, err
		}
		if err := render("types/index"+f.Ext, "entry.d.ts", v.entry(f, nil)); err != nil {
			return nil, err
		}
		for _, p := range v.Platforms {
			if err := render("types/"+p.ID+f.Ext, "entry.d.ts", v.entry(f, p)); err != nil {
				return nil, err
			}
		}
	}
	for _, f := range formats {
		for _, mod := range []struct{ name, tmpl string }{{"core", "core.js.tmpl"}, {"shared", "shared.js.tmpl"}} {
			if err := render("dist/"+mod.name+f.Ext, mod.tmpl, v.entry(f, nil)); err != nil {
				return nil, err
			}
		}
		// One flow (runtime.js.tmpl), rendered for the universal entry and
		// for each host from the model's runtime description.
		entries := map[string]runtimeView{"index": universalRuntimeView(f, m)}
		for _, p := range m.Platforms {
			entries[p.ID] = hostRuntimeView(f, m.RuntimeOf(p))
		}
		for id, v := range entries {
			js, err := renderRuntime(v)
			if err != nil {
				return nil, fmt.Errorf("rendering dist/%s%s: %w", id, f.Ext, err)
			}
			files[dir+"dist/"+id+f.Ext] = js
		}
	}
	// The web host's browser driver (web.go), only when a host uses it.
	if v.usesWebDriver() {
		for _, f := range formats {
			if err := render("dist/"+webDriverModule+f.Ext, "web-driver.js.tmpl", v.entry(f, nil)); err != nil {
				return nil, err
			}
		}
	}
	tablesJSON, err := tablesFile(m)
	if err != nil {
		return nil, err
	}
	files[dir+"tables.json"] = tablesJSON
	return files, nil
}

// typingFormats are the typings' file extensions; Import is how a typing
// names a sibling ("./shared.mjs" finds shared.d.mts, "./shared.js"
// finds shared.d.ts).
var typingFormats = []moduleFormat{{Ext: ".d.ts", Import: ".js"}, {Ext: ".d.mts", Import: ".mjs"}}

// moduleFormat says how imports and exports are spelt.
type moduleFormat struct {
	ESM    bool
	Ext    string
	Import string // typings only: the extension in import specifiers
}

// entryView is what a module template receives: the whole package view,
// the module format and, for a host entry, its platform.
type entryView struct {
	*view
	Format moduleFormat
	Host   *platformView
}

func (e entryView) moduleFormat() moduleFormat { return e.Format }

// formatted is a template's data that knows its module format.
type formatted interface{ moduleFormat() moduleFormat }

func (v *view) entry(f moduleFormat, host *platformView) entryView {
	return entryView{view: v, Format: f, Host: host}
}

var funcs = template.FuncMap{
	"js":            jsString,
	"last":          func(i int, list any) bool { return i == lenOf(list)-1 },
	"imports":       imports,
	"exports":       exports,
	"join":          strings.Join,
	"sibling":       func(e entryView, name string) string { return jsString("./" + name + e.Format.Import) },
	"exportDefault": func(e formatted, name string) string { return exportDefaultLine(e.moduleFormat(), name) },
	"exportLive":    func(e formatted, name string) string { return exportLiveLine(e.moduleFormat(), name) },
	"md":            mdText,
	// The bound on what the runtime reads of a host's message (core.js.tmpl's message()).
	"maxMessageScan": func() int { return rules.MaxMessageScan },
}

func lenOf(list any) int {
	switch l := list.(type) {
	case []scopeView:
		return len(l)
	case []apiView:
		return len(l)
	}
	panic(fmt.Sprintf("last: unexpected %T", list))
}

// jsString is s as a string literal valid in JavaScript, TypeScript and
// JSON. encoding/json already escapes U+2028 and U+2029 (line terminators
// in older JavaScript) and "<", so "</script>" cannot end an inline script.
func jsString(s string) string {
	if plainString(s) {
		return `"` + s + `"`
	}
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

// plainString reports whether s needs no escaping in JavaScript, TypeScript
// or JSON: printable ASCII without quote, backslash, "<", ">" or "&" (the
// characters encoding/json escapes); the fast path of jsString.
func plainString(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// imports renders `import { names } from "./mod.mjs";` or its CommonJS
// form; a name may be "x as y".
func imports(e formatted, names, mod string) string { return importLine(e.moduleFormat(), names, mod) }

func importLine(f moduleFormat, names, mod string) string {
	if f.ESM {
		return fmt.Sprintf("import { %s } from %s;", names, jsString("./"+mod+f.Ext))
	}
	parts := strings.Split(names, ", ")
	for i, n := range parts {
		parts[i] = strings.Replace(n, " as ", ": ", 1)
	}
	return fmt.Sprintf("var { %s } = require(%s);", strings.Join(parts, ", "), jsString("./"+mod+f.Ext))
}

func exports(e formatted, names ...string) string { return exportLine(e.moduleFormat(), names...) }

func exportLine(f moduleFormat, names ...string) string {
	if f.ESM {
		return "export { " + strings.Join(names, ", ") + " };"
	}
	var b strings.Builder
	b.WriteString(`Object.defineProperty(exports, "__esModule", { value: true });`)
	for _, n := range names {
		fmt.Fprintf(&b, "\nexports.%s = %s;", n, n)
	}
	return b.String()
}

func exportDefaultLine(f moduleFormat, name string) string {
	if f.ESM {
		return "export default " + name + ";"
	}
	return "exports.default = " + name + ";"
}

// exportLiveLine exports a variable the module reassigns: ES modules bind it
// live; CommonJS gets a getter.
func exportLiveLine(f moduleFormat, name string) string {
	if f.ESM {
		return "export { " + name + " };"
	}
	return fmt.Sprintf("Object.defineProperty(exports, %s, { enumerable: true, get: function () { return %s; } });", jsString(name), name)
}
