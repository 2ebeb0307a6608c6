package npmemit

import (
	"fmt"
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// The resolved table a host runtime is emitted from (hostjs.go) and the
// universal entry's table is rendered from (universaltable.go).

// flowOrder is the order in which authorize tests the mechanisms. The last
// mechanism a host uses needs no list: it is every other scope.
var flowOrder = []model.Grant{model.GrantNone, model.GrantAuthCode, model.GrantSettingsOnly, model.GrantButton, model.GrantOnUse, model.GrantAuthorize}

// hostTable is one platform's table, grouped the way the runtime tests it.
type hostTable struct {
	p       *model.Platform
	web     *webDriverView
	scopes  []string // sorted
	others  []string // scopes only other platforms support, sorted
	byGrant map[model.Grant][]string
	used    []model.Grant // in flowOrder
	// natives and keys hold only the names that differ from the universal
	// one; probes the onUse scopes that have one.
	natives, keys, probes map[string]string
}

func newHostTable(m *model.Model, p *model.Platform) (*hostTable, error) {
	t := &hostTable{p: p, web: webDriverFor(p), byGrant: map[model.Grant][]string{}, natives: map[string]string{}, keys: map[string]string{}, probes: map[string]string{}}
	for _, sup := range p.Scopes {
		name := sup.Scope.Name
		if sup.Grant.Runtime() == "" {
			return nil, fmt.Errorf("scope %q on %q: grant %q has no runtime flow", name, p.ID, sup.Grant)
		}
		t.scopes = append(t.scopes, name)
		t.byGrant[sup.Grant] = append(t.byGrant[sup.Grant], name)
		// Only authorize and getAuthCode take the native name.
		if sup.Native != name && (sup.Grant == model.GrantAuthorize || sup.Grant == model.GrantAuthCode) {
			t.natives[name] = sup.Native
		}
		if sup.SettingKey != name {
			t.keys[name] = sup.SettingKey
		}
		if sup.Probe != "" {
			t.probes[name] = sup.Probe
		}
	}
	slices.Sort(t.scopes)
	for _, g := range flowOrder {
		if len(t.byGrant[g]) > 0 {
			t.used = append(t.used, g)
		}
	}
	for _, s := range m.Scopes {
		if s.SupportOn(p) == nil {
			t.others = append(t.others, s.Name)
		}
	}
	return t, nil
}

// coreImports are the helpers of core.js.tmpl this runtime calls.
func (t *hostTable) coreImports() []string {
	g := t.p.Privacy
	privacyAPIs := g.Has(model.GetPrivacySetting) || g.Has(model.RequirePrivacyAuthorize) || g.Has(model.OnNeedPrivacyAuthorization)
	privacyCodes, privacyTexts := false, false
	if g != nil {
		for _, f := range g.Failures {
			privacyCodes = privacyCodes || len(f.Codes) > 0
			privacyTexts = privacyTexts || f.Message != ""
		}
	}
	names := []string{"failure"}
	if t.uses(model.GrantAuthCode) || privacyAPIs {
		names = append(names, "field")
	}
	if t.p.Denial.Message != "" || privacyTexts {
		names = append(names, "message")
	}
	if len(t.p.Denial.Codes) > 0 || privacyCodes {
		names = append(names, "code")
	}
	return append(names, "answer", "settled", "joined")
}

func (t *hostTable) uses(g model.Grant) bool { return len(t.byGrant[g]) > 0 }

// needsList reports whether g's scopes must be listed: every mechanism but
// the last one tested.
func (t *hostTable) needsList(g model.Grant) bool { return t.uses(g) && g != t.last() }

// last is the last mechanism authorize tests; "" for a host without scopes.
func (t *hostTable) last() model.Grant {
	if len(t.used) == 0 {
		return ""
	}
	return t.used[len(t.used)-1]
}

// usesSetting reports whether authorize reads getSetting (any mechanism past authCode).
func (t *hostTable) usesSetting() bool {
	return slices.ContainsFunc(t.used, func(g model.Grant) bool { return g != model.GrantNone && g != model.GrantAuthCode })
}

// keyless reports whether some scope has no getSetting key.
func (t *hostTable) keyless() bool {
	for _, k := range t.keys {
		if k == "" {
			return true
		}
	}
	return false
}

// keyExpr is the JavaScript expression of scope's getSetting key.
func (t *hostTable) keyExpr() string {
	if len(t.keys) == 0 {
		return "scope"
	}
	return "settingKey(scope)"
}

func (t *hostTable) nativeExpr() string {
	if len(t.natives) == 0 {
		return "scope"
	}
	return "nativeName(scope)"
}

// universalNames maps the native names of the authCode scopes that differ
// back to their universal names: getAuthCode answers in native names.
func (t *hostTable) universalNames() map[string]string {
	names := map[string]string{}
	for _, s := range t.byGrant[model.GrantAuthCode] {
		if n, ok := t.natives[s]; ok {
			names[n] = s
		}
	}
	return names
}
