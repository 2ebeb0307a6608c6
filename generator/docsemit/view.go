package docsemit

import (
	"github.com/scopegen/scopegen/generator/model"
)

// view is what the templates see: the model, arranged into the rows the
// pages print, so the templates only range and escape. The tables with a
// row per scope come already written (tables.go).
type view struct {
	NPMPackage string
	Platforms  []*model.Platform
	Grants     []grantRow
	Errors     []errorRow
	Example    string // a scope every example can use
	Notes      []noteRow
	Privacy    privacyView
	Sources    sourcesView

	ScopeList     string // the Scope List's rows
	Mechanisms    string // how each host grants each scope: mechanism and native name
	SettingKeys   string // each host's getSetting key per scope
	Matrix        string // support-matrix.md's rows: the mechanism alone
	NoteItems     string // the Notes list
	PrivacyMatrix string // support-matrix.md's declarations rows
}

type grantRow struct {
	Grant, Meaning, Authorize string
}

type errorRow struct {
	Code, Meaning string
}

// noteRow is one note of the manifest and what it is about.
type noteRow struct {
	About, Text string
}

func newView(m *model.Model) *view {
	v := &view{NPMPackage: m.NPMPackage, Platforms: m.Platforms, Grants: grantRows(), Errors: errorRows()}
	v.Example = m.Example.Name
	v.Privacy = newPrivacyView(m)
	v.Sources = newSourcesView(m)
	for _, p := range m.Platforms {
		if p.Note != "" {
			v.Notes = append(v.Notes, noteRow{p.Title, p.Note})
		}
	}
	for _, s := range m.Scopes {
		if s.Note != "" {
			v.Notes = append(v.Notes, noteRow{s.Name, s.Note})
		}
		for _, sup := range s.Support {
			if sup.Note != "" {
				v.Notes = append(v.Notes, noteRow{s.Name + " on " + sup.Platform.Title, sup.Note})
			}
		}
	}
	v.ScopeList = scopeListRows(m)
	v.Mechanisms = scopeRows(m, mechanismCell)
	v.SettingKeys = scopeRows(m, settingKeyCell)
	v.Matrix = scopeRows(m, matrixCell)
	v.NoteItems = noteItems(v.Notes)
	v.PrivacyMatrix = privacyMatrixRows(m, v.Privacy.Gates)
	return v
}

// grantRows are the grant mechanisms as the pages list them.
func grantRows() []grantRow {
	rows := make([]grantRow, len(model.GrantTable))
	for i, info := range model.GrantTable {
		rows[i] = grantRow{Grant: string(info.Grant), Meaning: info.Prompt, Authorize: info.Authorize}
	}
	return rows
}

// errorRows are the runtime's error codes but the privacy ones (the
// privacy section lists those), from model.Failures, most common first.
func errorRows() []errorRow {
	var rows []errorRow
	for _, f := range model.Failures {
		if f.Layer != model.LayerPrivacy {
			rows = append(rows, errorRow{Code: f.Code, Meaning: f.Explained()})
		}
	}
	return rows
}
