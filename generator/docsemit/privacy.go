package docsemit

import (
	"fmt"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// privacyView is the "Privacy and declarations" section of both pages.
type privacyView struct {
	Outcomes []outcomeRow
	Gates    []gateView        // hosts with a privacy gate or any declaration, by platform order
	Ungated  []*model.Platform // hosts without a gate and with nothing to declare
	App      *appView          // nil without an app part
}

type outcomeRow struct {
	Code, Meaning, Recovery string
}

type gateView struct {
	Platform *model.Platform
	Gate     *model.PrivacyGate // nil: no gate, only declarations
	APIs     []string           // "wx.getPrivacySetting", …
	Failures []failureRow
	Rows     []declarationRow // scopes with something to declare, by scope order
	Module   bool             // the host is configured by module.json5, not app.json
	Cells    []string         // per scope of the page's matrix: what the host wants, "—" for nothing
	Notes    []noteRow
}

type failureRow struct {
	Code, Message, Codes string
}

type declarationRow struct {
	Scope                string
	Gated                bool
	InfoType             string
	RequiredPrivateInfos []string
	Permission           string
	PurposeRequired      bool
	Excludes             []string
	RequestPermissions   []string // module.json5 (HarmonyOS)
}

type appView struct {
	Requests []*model.Request
	Files    []hostFile
	Module   bool // some host is configured by module.json5
}

type hostFile struct {
	Platform *model.Platform
	Path     string
	Strings  string // the string.json fragment of a module.json5 host, else ""
	Target   string // what -merge takes
}

func newPrivacyView(m *model.Model) privacyView {
	var v privacyView
	for _, o := range model.PrivacyOutcomes {
		f, _ := model.FailureOf(o)
		v.Outcomes = append(v.Outcomes, outcomeRow{Code: f.Code, Meaning: f.Meaning, Recovery: f.Remedy})
	}
	for _, p := range m.Platforms {
		g := gateOf(m, p)
		if g.Gate == nil && len(g.Rows) == 0 {
			v.Ungated = append(v.Ungated, p)
			continue
		}
		v.Gates = append(v.Gates, g)
	}
	if m.App != nil {
		a := &appView{Requests: m.App.Requests}
		for _, hc := range m.App.HostConfigs {
			f := hostFile{Platform: hc.Platform, Path: hc.Path(), Strings: hc.StringsPath(), Target: "app.json"}
			if hc.Module != nil {
				f.Target, a.Module = model.ModuleFileExample, true
			}
			a.Files = append(a.Files, f)
		}
		v.App = a
	}
	return v
}

func gateOf(m *model.Model, p *model.Platform) gateView {
	g := gateView{Platform: p, Gate: p.Privacy}
	if p.Privacy != nil {
		for _, api := range p.Privacy.APIs {
			g.APIs = append(g.APIs, p.Global+"."+api)
		}
		for _, f := range p.Privacy.Failures {
			row := failureRow{Code: f.Outcome.ErrCode(), Message: f.Message}
			var codes []string
			for _, c := range f.Codes {
				codes = append(codes, fmt.Sprint(c))
			}
			row.Codes = strings.Join(codes, ", ")
			g.Failures = append(g.Failures, row)
			if f.Note != "" {
				g.Notes = append(g.Notes, noteRow{f.Outcome.ErrCode(), f.Note})
			}
		}
		if p.Privacy.Note != "" {
			g.Notes = append([]noteRow{{p.Title + "'s gate", p.Privacy.Note}}, g.Notes...)
		}
	}
	for _, s := range m.Scopes {
		sup := s.SupportOn(p)
		if sup == nil {
			g.Cells = append(g.Cells, "—")
			continue
		}
		d := sup.Privacy
		if !d.Gated && d.InfoType == "" && len(d.RequiredPrivateInfos) == 0 && d.Permission == "" && len(d.Excludes) == 0 && len(d.RequestPermissions) == 0 {
			g.Cells = append(g.Cells, "—")
			continue
		}
		row := declarationRow{Scope: s.Name, Gated: d.Gated, InfoType: d.InfoType, RequiredPrivateInfos: d.RequiredPrivateInfos, Permission: d.Permission, PurposeRequired: d.PurposeRequired, RequestPermissions: d.RequestPermissions}
		g.Module = g.Module || len(d.RequestPermissions) > 0
		for _, ex := range d.Excludes {
			row.Excludes = append(row.Excludes, ex.Name)
		}
		g.Rows = append(g.Rows, row)
		g.Cells = append(g.Cells, cellText(row))
		if d.Note != "" {
			g.Notes = append(g.Notes, noteRow{s.Name, d.Note})
		}
	}
	return g
}

// cellText is a declaration in a few words, for the support matrix.
func cellText(d declarationRow) string {
	var parts []string
	if d.Gated {
		parts = append(parts, "gated")
	}
	if d.InfoType != "" {
		parts = append(parts, "guide")
	}
	if d.Permission != "" {
		parts = append(parts, "permission")
	}
	if len(d.RequiredPrivateInfos) > 0 {
		parts = append(parts, "requiredPrivateInfos")
	}
	if len(d.RequestPermissions) > 0 {
		parts = append(parts, "requestPermissions")
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}
