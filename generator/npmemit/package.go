package npmemit

import (
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// packageView is what package.json.tmpl and README.md.tmpl read: the
// package view plus the manifest's npm metadata, the hosts with one
// example scope each, and the runtime's error codes (model.Failures).
type packageView struct {
	*view
	Meta   model.NPMMeta
	Hosts  []hostExample
	Errors []errorRow
}

// hostExample is one host in the README: how to import its entry and a
// scope it supports to show authorize with.
type hostExample struct {
	ID, Title, Condition, Scope string
}

func newPackageView(m *model.Model, v *view) packageView {
	pv := packageView{view: v, Meta: m.NPM, Errors: runtimeErrors()}
	for _, p := range m.Platforms {
		h := hostExample{ID: p.ID, Title: p.Title, Condition: p.ExportCondition}
		if len(p.Scopes) > 0 {
			h.Scope = p.Scopes[0].Scope.Name
		}
		pv.Hosts = append(pv.Hosts, h)
	}
	return pv
}

// errorRow is one errCode as the README lists it.
type errorRow struct{ Code, Meaning string }

// runtimeErrors are model.Failures, each with its meaning and remedy.
func runtimeErrors() []errorRow {
	rows := make([]errorRow, len(model.Failures))
	for i, f := range model.Failures {
		rows[i] = errorRow{f.Code, f.Explained()}
	}
	return rows
}

// renderPackage writes package.json and the package's README.md.
func renderPackage(m *model.Model, v *view, render func(out, name string, data any) error) error {
	pv := newPackageView(m, v)
	if err := render("package.json", "package.json.tmpl", pv); err != nil {
		return err
	}
	return render("README.md", "README.md.tmpl", pv)
}

// mdText makes free text (titles, the description) plain text in
// Markdown: HTML escaped, inline punctuation backslash-escaped, line
// breaks as spaces (as docsemit does for its paragraphs).
var mdText = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "#", `\#`, "!", `\!`, "$", `\$`,
	"\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ",
).Replace
