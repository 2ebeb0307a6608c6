package docsemit

import (
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// The tables below have a row per scope (or per note) and grow with the
// manifest, so they are written here directly rather than by a template
// range: walking them by reflection was most of the docs' cost. Each
// returns its rows as Markdown, every line ending in a newline, with every
// manifest string escaped by the same functions the templates use.

// scopeListRows is the Scope List: name, title and description, the APIs
// it guards, and the badges of the hosts that support it.
func scopeListRows(m *model.Model) string {
	var b strings.Builder
	for _, s := range m.Scopes {
		b.WriteString("| " + code(s.Name) + " | " + inline(s.Title) + ": " + inline(s.Description) + " | ")
		for i, api := range s.APIs {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(code(api))
		}
		b.WriteString(" | ")
		first := true
		for _, p := range m.Platforms {
			if s.SupportOn(p) == nil {
				continue
			}
			if !first {
				b.WriteString(" ")
			}
			first = false
			b.WriteString(badge(p))
		}
		b.WriteString(" |\n")
	}
	return b.String()
}

// badge is a host's icon, or its title where it has none.
func badge(p *model.Platform) string {
	if p.Icon == "" {
		return inline(p.Title)
	}
	return `<img alt="` + attr(p.ID) + `" src="` + attr(p.Icon) + `" width="25px" height="25px" title="` + attr(p.Title) + `" />`
}

// scopeRows writes one row per scope, "| `name` |" and then cell's text
// for each host followed by " |".
func scopeRows(m *model.Model, cell func(*model.Support) string) string {
	var b strings.Builder
	for _, s := range m.Scopes {
		b.WriteString("| " + code(s.Name) + " |")
		for _, p := range m.Platforms {
			b.WriteString(" " + cell(s.SupportOn(p)) + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// mechanismCell is the mechanism and native name, with the probe if any.
func mechanismCell(sup *model.Support) string {
	if sup == nil {
		return "—"
	}
	text := code(string(sup.Grant)) + " " + code(sup.Native)
	if sup.Probe != "" {
		text += " (probe " + code(sup.Probe) + ")"
	}
	return text
}

// settingKeyCell is the host's getSetting key for the scope.
func settingKeyCell(sup *model.Support) string {
	switch {
	case sup == nil:
		return "—"
	case sup.SettingKey == "":
		return "(none)"
	}
	return code(sup.SettingKey)
}

// matrixCell is the bare mechanism, for the support matrix.
func matrixCell(sup *model.Support) string {
	if sup == nil {
		return "—"
	}
	return string(sup.Grant)
}

// noteItems is the Notes list: what each note is about, then the note.
func noteItems(notes []noteRow) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString("- **" + inline(n.About) + "**: " + inline(n.Text) + "\n")
	}
	return b.String()
}

// privacyMatrixRows is one row per scope of what each gated host wants
// declared; the cells are cellText's fixed words.
func privacyMatrixRows(m *model.Model, gates []gateView) string {
	var b strings.Builder
	for i, s := range m.Scopes {
		b.WriteString("| " + code(s.Name) + " |")
		for _, g := range gates {
			b.WriteString(" " + g.Cells[i] + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}
