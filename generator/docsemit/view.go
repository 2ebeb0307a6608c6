package docsemit

import (
	"github.com/scopegen/scopegen/generator/model"
)

// view is what the templates see: the model, arranged into the rows the
// pages print, so the templates only range and escape.
type view struct {
	NPMPackage string
	Platforms  []*model.Platform
	Scopes     []scopeRow
	Grants     []grantRow
	Errors     []errorRow
	Example    string // a scope every example can use
	Notes      []noteRow
}

type scopeRow struct {
	*model.Scope
	Supported []*model.Platform
	Cells     []cell // one per platform, in platform order
}

// cell is one (scope, platform) pair of the matrix; Support is nil where
// the platform does not support the scope.
type cell struct {
	Platform *model.Platform
	Support  *model.Support
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
	v := &view{NPMPackage: m.NPMPackage, Platforms: m.Platforms, Grants: grantRows, Errors: errorRows}
	for _, s := range m.Scopes {
		row := scopeRow{Scope: s}
		for _, p := range m.Platforms {
			sup := s.SupportOn(p)
			row.Cells = append(row.Cells, cell{Platform: p, Support: sup})
			if sup != nil {
				row.Supported = append(row.Supported, p)
			}
		}
		v.Scopes = append(v.Scopes, row)
	}
	v.Example = exampleScope(m)
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
	return v
}

// exampleScope is the scope the usage examples ask for: the spec's
// scope.userLocation when the manifest has it, else the most widely
// supported scope (the first by name among equals).
func exampleScope(m *model.Model) string {
	best := m.Scopes[0]
	for _, s := range m.Scopes {
		if s.Name == "scope.userLocation" {
			return s.Name
		}
		if len(s.Support) > len(best.Support) {
			best = s
		}
	}
	return best.Name
}

var grantRows = []grantRow{
	{"authorize", "prompts through its authorize({scope})", "the flow above"},
	{"authCode", "prompts through getAuthCode({scopes}) (Alipay)", "the flow above; the result carries authCode"},
	{"onUse", "prompts when a guarded API is first called", "granted: resolves; denied: AUTH_DENIED; unanswered: calls the probe API, or resolves with deferred: true"},
	{"none", "no longer gates the APIs", "resolves at once"},
	{"settingsOnly", "grants it only in its settings page", "granted: resolves; otherwise SETTINGS_REQUIRED"},
	{"button", "needs a tap on an open-type button", "granted: resolves; otherwise BUTTON_REQUIRED"},
}

// errorRows are the runtime's error codes (model.ErrorCodes), most
// common first.
var errorRows = func() []errorRow {
	rows := make([]errorRow, len(model.ErrorCodes))
	for i, e := range model.ErrorCodes {
		rows[i] = errorRow{Code: e.Code, Meaning: e.Meaning}
	}
	return rows
}()
