package npmemit

import (
	"github.com/scopegen/scopegen/generator/model"
)

// view is the model as the npm templates read it.
type view struct {
	Package     string
	Platforms   []*platformView // by id
	DetectOrder []*platformView
	Scopes      []scopeView
	APIs        []apiView
}

type platformView struct {
	ID, Global, Condition string
	// TSType names the union of this platform's scopes (WeChatScope).
	TSType string
	// Rows are its scope names, by scope order (the typings' union).
	Rows []string
	// WebDriver wires the browser driver (web.go); nil for other hosts.
	WebDriver *webDriverView
}

type scopeView struct {
	Name string
	APIs []string // universal API names, sorted
}

type apiView struct{ Name, Scope string }

func newView(m *model.Model) (*view, error) {
	if err := checkNames(m); err != nil {
		return nil, err
	}
	v := &view{Package: m.NPMPackage}
	byID := map[string]*platformView{}
	for _, p := range m.Platforms {
		pv := &platformView{ID: p.ID, Global: p.Global, Condition: p.ExportCondition, TSType: model.TSScopeType(p)}
		for _, sup := range p.Scopes {
			pv.Rows = append(pv.Rows, sup.Scope.Name)
		}
		var err error
		if pv.WebDriver, err = webDriverFor(p); err != nil {
			return nil, err
		}
		v.Platforms = append(v.Platforms, pv)
		byID[p.ID] = pv
	}
	for _, p := range m.DetectOrder {
		v.DetectOrder = append(v.DetectOrder, byID[p.ID])
	}
	for _, s := range m.Scopes {
		v.Scopes = append(v.Scopes, scopeView{Name: s.Name, APIs: s.APIs})
	}
	for _, a := range m.APIs {
		v.APIs = append(v.APIs, apiView{Name: a.Name, Scope: a.Scope.Name})
	}
	return v, nil
}
