// Package docsemit writes the Markdown docs from templates/docs:
// docs/authorize.md in the shape of the authorize spec (plus what scopegen
// adds: error codes, getAuthStatus, getSetting, the mechanism of every
// scope on every host, the manifest's notes) and docs/support-matrix.md.
//
// Templates receive a view of the model (view.go) and escape every
// manifest string with the functions in escape.go; the tables with a row
// per scope come already written, by tables.go with the same functions.
// Nothing from the manifest reaches a file raw.
package docsemit

import (
	"bytes"
	"fmt"
	"path"
	"text/template"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/templates"
)

// pages maps each output file to its template.
var pages = []struct{ out, tmpl string }{
	{"docs/authorize.md", "docs/authorize.md.tmpl"},
	{"docs/support-matrix.md", "docs/support-matrix.md.tmpl"},
}

var tmpl = template.Must(template.New("docs").Funcs(funcs).ParseFS(templates.FS, "docs/*.tmpl"))

// Emit renders every page.
func Emit(m *model.Model) (output.Files, error) {
	files := output.Files{}
	data := newView(m)
	tables := len(data.ScopeList) + len(data.Mechanisms) + len(data.SettingKeys) + len(data.Matrix) + len(data.NoteItems) + len(data.PrivacyMatrix)
	for _, p := range pages {
		var buf bytes.Buffer
		buf.Grow(tables + 64<<10) // the pages hold those tables, and some prose
		if err := tmpl.ExecuteTemplate(&buf, path.Base(p.tmpl), data); err != nil {
			return nil, fmt.Errorf("rendering %s: %w", p.out, err)
		}
		files[p.out] = buf.Bytes()
	}
	return files, nil
}
