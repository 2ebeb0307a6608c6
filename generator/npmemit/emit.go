// Package npmemit writes the npm package (generated/npm/) from
// templates/npm: one shared runtime (core) implementing the authorize flow
// once, one entry per platform holding only that host's table, a universal
// entry that detects the host at call time, each as ES module (.mjs) and
// CommonJS (.cjs), the TypeScript typings and package.json.
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
	"github.com/scopegen/scopegen/templates"
)

// dir is the npm package's folder in the output.
const dir = "npm/"

var tmpl = template.Must(template.New("npm").Funcs(funcs).ParseFS(templates.FS, "npm/*.tmpl"))

// formats are the two module systems every runtime file is rendered for.
var formats = []moduleFormat{{ESM: true, Ext: ".mjs"}, {ESM: false, Ext: ".cjs"}}

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
	if err := render("package.json", "package.json.tmpl", v); err != nil {
		return nil, err
	}
	// Typings: .d.mts and .d.cts beside each module format (so TypeScript
	// under node16 sees the format of what it types), and .d.ts for
	// resolvers that ignore exports.
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
		for _, mod := range []struct{ name, tmpl string }{{"core", "core.js.tmpl"}, {"shared", "shared.js.tmpl"}, {"index", "index.js.tmpl"}} {
			if err := render("dist/"+mod.name+f.Ext, mod.tmpl, v.entry(f, nil)); err != nil {
				return nil, err
			}
		}
	}
	for _, p := range v.Platforms {
		for _, f := range formats {
			if err := render("dist/"+p.ID+f.Ext, "host.js.tmpl", v.entry(f, p)); err != nil {
				return nil, err
			}
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
	return files, nil
}

// typingFormats are the typings' file extensions; Import is how a typing
// names a sibling ("./shared.mjs" finds shared.d.mts).
var typingFormats = []moduleFormat{{Ext: ".d.ts"}, {Ext: ".d.mts", Import: ".mjs"}, {Ext: ".d.cts", Import: ".cjs"}}

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

func (v *view) entry(f moduleFormat, host *platformView) entryView {
	return entryView{view: v, Format: f, Host: host}
}

var funcs = template.FuncMap{
	"js":            jsString,
	"last":          func(i int, list any) bool { return i == lenOf(list)-1 },
	"imports":       imports,
	"exports":       exports,
	"exportDefault": exportDefault,
	"exportLive":    exportLive,
	"join":          strings.Join,
	"sibling":       func(e entryView, name string) string { return jsString("./" + name + e.Format.Import) },
}

func lenOf(list any) int {
	switch l := list.(type) {
	case []scopeView:
		return len(l)
	case []apiView:
		return len(l)
	case []rowView:
		return len(l)
	}
	panic(fmt.Sprintf("last: unexpected %T", list))
}

// jsString is s as a string literal valid in JavaScript, TypeScript and
// JSON. encoding/json already escapes U+2028 and U+2029 (line terminators
// in older JavaScript) and "<", so "</script>" cannot end an inline script.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

// imports renders `import { names } from "./mod.mjs";` or its CommonJS
// form; a name may be "x as y".
func imports(e entryView, names, mod string) string {
	if e.Format.ESM {
		return fmt.Sprintf("import { %s } from %s;", names, jsString("./"+mod+e.Format.Ext))
	}
	parts := strings.Split(names, ", ")
	for i, n := range parts {
		parts[i] = strings.Replace(n, " as ", ": ", 1)
	}
	return fmt.Sprintf("var { %s } = require(%s);", strings.Join(parts, ", "), jsString("./"+mod+e.Format.Ext))
}

func exports(e entryView, names ...string) string {
	if e.Format.ESM {
		return "export { " + strings.Join(names, ", ") + " };"
	}
	var b strings.Builder
	b.WriteString(`Object.defineProperty(exports, "__esModule", { value: true });`)
	for _, n := range names {
		fmt.Fprintf(&b, "\nexports.%s = %s;", n, n)
	}
	return b.String()
}

func exportDefault(e entryView, name string) string {
	if e.Format.ESM {
		return "export default " + name + ";"
	}
	return "exports.default = " + name + ";"
}

// exportLive exports a variable the module reassigns: ES modules bind it
// live; CommonJS gets a getter.
func exportLive(e entryView, name string) string {
	if e.Format.ESM {
		return "export { " + name + " };"
	}
	return fmt.Sprintf("Object.defineProperty(exports, %s, { enumerable: true, get: function () { return %s; } });", jsString(name), name)
}
