package npmemit

import (
	"fmt"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// view is the model as the npm templates read it.
type view struct {
	Package     string
	Platforms   []*platformView // by id
	DetectOrder []*platformView
	Scopes      []scopeView
	APIs        []apiView
	// Failures are the runtime's error codes (the typings' ErrorCode union).
	Failures []model.Failure
	// AuthStatuses are getAuthStatus's answers (the AuthStatus union);
	// Layers the layers a failure names (the Layer union).
	AuthStatuses []string
	Layers       []model.Layer
	// Tables are the large lists, written once in Go (no template walks
	// over tables that grow with the manifest).
	Tables tableTexts
}

// tableTexts hold the package's large lists as ready text.
type tableTexts struct {
	// APIS is shared.js's body: "  <scope>: <APIs, space-separated>" lines.
	APIS string
	// ScopeUnion is the Scope union's members ("\n  | <scope>"...).
	ScopeUnion string
	// APIScopes is the ApiScopes interface's body.
	APIScopes string
}

type platformView struct {
	ID, Global, Condition string
	// TSType names the union of this platform's scopes (WeChatScope).
	TSType string
	// Union is its scopes' TypeScript union (members, or " never").
	Union string
	// WebDriver wires the browser driver (web.go); nil for other hosts.
	WebDriver *model.BrowserDriver
}

type scopeView struct {
	Name string
	APIs []string // universal API names, sorted
}

type apiView struct{ Name, Scope string }

func newView(m *model.Model) (*view, error) {
	v := &view{Package: m.NPMPackage, Failures: model.Failures, AuthStatuses: model.AuthStatuses(), Layers: model.Layers}
	byID := map[string]*platformView{}
	for _, p := range m.Platforms {
		pv := &platformView{ID: p.ID, Global: p.Global, Condition: p.ExportCondition, TSType: model.TSScopeType(p)}
		names := make([]string, len(p.Scopes))
		for i, sup := range p.Scopes {
			names[i] = sup.Scope.Name
		}
		pv.Union = tsUnion(names)
		pv.WebDriver = m.RuntimeOf(p).Browser
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
	v.Tables = v.tableTexts()
	return v, nil
}

// tsUnion renders union members, one a line; " never" for none.
func tsUnion(names []string) string {
	if len(names) == 0 {
		return " never"
	}
	var b strings.Builder
	for _, n := range names {
		b.WriteString("\n  | ")
		b.WriteString(jsString(n))
	}
	return b.String()
}

func (v *view) tableTexts() tableTexts {
	var apis, apiScopes strings.Builder
	names := make([]string, len(v.Scopes))
	for i, s := range v.Scopes {
		names[i] = s.Name
		if i > 0 {
			apis.WriteString(",\n")
		}
		fmt.Fprintf(&apis, "  %s: %s", jsString(s.Name), jsString(strings.Join(s.APIs, " ")))
	}
	for i, a := range v.APIs {
		if i > 0 {
			apiScopes.WriteByte('\n')
		}
		fmt.Fprintf(&apiScopes, "  %s: %s;", jsString(a.Name), jsString(a.Scope))
	}
	return tableTexts{APIS: apis.String(), ScopeUnion: tsUnion(names), APIScopes: apiScopes.String()}
}
