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
}

type platformView struct {
	ID, Global, Condition string
	// TSType names the union of this platform's scopes (WeChatScope).
	TSType string
	// Var is the platform's variable in the universal entry; prefixed, so
	// an id that is a JavaScript keyword is still a valid name.
	Var    string
	Denial model.Denial
	Rows   []rowView
	// Others are the scopes only other platforms support: the runtime
	// tells an unknown scope from an unsupported one by them.
	Others []string
	// AuthCode is set when a scope is granted through getAuthCode here.
	AuthCode bool
	// WebDriver wires the browser driver (web.go); nil for other hosts.
	WebDriver *webDriverView
}

// rowView is one scope in a host's table.
type rowView struct {
	Scope string
	// Tuple is the JavaScript row [grant, native?, settingKey?, probe?],
	// trailing defaults left out (see templates/npm/core.js.tmpl).
	Tuple string
}

type scopeView struct {
	Name string
	APIs []string // universal API names, sorted
}

type apiView struct{ Name, Scope string }

// grantCodes spell each mechanism in the host tables; core.js.tmpl
// declares the same letters.
var grantCodes = map[model.Grant]string{
	model.GrantAuthorize:    "a",
	model.GrantAuthCode:     "c",
	model.GrantOnUse:        "u",
	model.GrantNone:         "n",
	model.GrantSettingsOnly: "s",
	model.GrantButton:       "b",
}

func newView(m *model.Model) (*view, error) {
	v := &view{Package: m.NPMPackage}
	byID := map[string]*platformView{}
	for _, p := range m.Platforms {
		pv := &platformView{
			ID: p.ID, Global: p.Global, Condition: p.ExportCondition,
			TSType: model.TSScopeType(p), Var: "host_" + p.ID, Denial: p.Denial,
		}
		for _, sup := range p.Scopes {
			row, err := tuple(sup)
			if err != nil {
				return nil, err
			}
			pv.Rows = append(pv.Rows, rowView{Scope: sup.Scope.Name, Tuple: row})
			pv.AuthCode = pv.AuthCode || sup.Grant == model.GrantAuthCode
		}
		var err error
		if pv.WebDriver, err = webDriverFor(p); err != nil {
			return nil, err
		}
		pv.Others = []string{}
		for _, s := range m.Scopes {
			if s.SupportOn(p) == nil {
				pv.Others = append(pv.Others, s.Name)
			}
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

// tuple renders a support row, leaving out trailing fields that equal
// their defaults: native defaults to the universal name, settingKey to
// native, probe to none.
func tuple(sup *model.Support) (string, error) {
	code, ok := grantCodes[sup.Grant]
	if !ok {
		return "", fmt.Errorf("scope %q on %q: grant %q has no runtime code", sup.Scope.Name, sup.Platform.ID, sup.Grant)
	}
	native := "" // row[1] || scope in the runtime
	if sup.Native != sup.Scope.Name {
		native = sup.Native
	}
	var fields []string
	switch {
	case sup.Probe != "":
		fields = []string{code, native, sup.SettingKey, sup.Probe}
	case sup.SettingKey != sup.Native:
		fields = []string{code, native, sup.SettingKey}
	case native != "":
		fields = []string{code, native}
	default:
		fields = []string{code}
	}
	parts := make([]string, len(fields))
	for i, f := range fields {
		parts[i] = jsString(f)
	}
	return "[" + strings.Join(parts, ", ") + "]", nil
}
