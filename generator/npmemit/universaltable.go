package npmemit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// The universal entry's host tables: one object per host, in detection
// order, with named fields, only the fields the host uses. The flow that
// reads them is universal.go; the host entries are emitted from the same
// hostTable (hostjs.go), and the JS tests run every suite against both.

// grantFields are the mechanisms with a list in the table, in the order
// the flow tests them; a scope in none of them is granted through
// authorize. Each list is named by the mechanism's Runtime spelling.
var grantFields = slices.DeleteFunc(slices.Clone(flowOrder), func(g model.Grant) bool { return g == model.GrantAuthorize })

// hostTableJS renders t as the universal entry's object literal.
func hostTableJS(t *hostTable) string {
	p := t.p
	var fields []string
	add := func(format string, args ...any) { fields = append(fields, fmt.Sprintf(format, args...)) }
	add("platform: %s", jsString(p.ID))
	if t.web != nil {
		add("host: browser")
		add("call: /* @__PURE__ */ webDriver(%s)", jsList(t.web.Permissions))
	} else {
		add("host: () => %s", p.Global)
	}
	add("scopes: %s", jsList(nonNil(t.scopes)))
	for _, g := range grantFields {
		if t.uses(g) {
			add("%s: %s", g.Runtime(), jsList(t.byGrant[g]))
		}
	}
	if len(t.natives) > 0 {
		add("natives: %s", jsMap(t.natives))
	}
	if t.uses(model.GrantAuthCode) {
		add("universalNames: %s", jsMap(t.universalNames()))
	}
	if len(t.keys) > 0 {
		add("keys: %s", jsMap(t.keys))
	}
	if len(t.probes) > 0 {
		add("probes: %s", jsMap(t.probes))
	}
	add("denial: %s", denialJS(p.Denial.CodeField, p.Denial.Codes, p.Denial.MessageJS))
	if g := p.Privacy; g != nil {
		if t.classifies() {
			failures := make([]string, len(g.Failures))
			for i, f := range g.Failures {
				parts := append([]string{"errCode: " + jsString(f.Outcome.ErrCode())}, matchFields(g.CodeField, f.Codes, f.MessageJS)...)
				failures[i] = "{ " + strings.Join(parts, ", ") + " }"
			}
			add("privacy: [%s]", strings.Join(failures, ", "))
		}
		var apis []string
		for _, api := range []string{model.GetPrivacySetting, model.RequirePrivacyAuthorize, model.OnNeedPrivacyAuthorization} {
			if g.Has(api) {
				apis = append(apis, api)
			}
		}
		add("privacyAPIs: %s", jsList(nonNil(apis)))
		if t.privacyStep() != "" {
			add("gated: %s", jsList(t.gated()))
		}
	}
	if t.web != nil {
		add("lacks: %s", jsList(nonNil(t.web.Lacks)))
		add("cannotTell: true")
	}
	return "{\n    " + strings.Join(fields, ",\n    ") + "\n  }"
}

// denialJS renders how a denial is recognised.
func denialJS(codeField string, codes []int, message string) string {
	parts := matchFields(codeField, codes, message)
	if len(parts) == 0 {
		return "{}"
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// matchFields are how a failure is recognised: the code field and its
// codes, and the message pattern (the model's JavaScript form, compiled
// with the "u" flag as the host entries do), each only when present.
func matchFields(codeField string, codes []int, message string) []string {
	var parts []string
	if len(codes) > 0 {
		parts = append(parts, fmt.Sprintf("codeField: %s, codes: %s", jsString(codeField), intList(codes)))
	}
	if message != "" {
		parts = append(parts, "text: "+jsRegex(message))
	}
	return parts
}

// universalTables renders every host's table in detection order.
func universalTables(m *model.Model, tables map[string]*hostTable) (string, bool) {
	var rows []string
	web := false
	for _, p := range m.DetectOrder {
		t := tables[p.ID]
		web = web || t.web != nil
		rows = append(rows, "  "+hostTableJS(t))
	}
	if len(rows) == 0 {
		return "[]", web
	}
	return "[\n" + strings.Join(rows, ",\n") + "\n]", web
}

// allScopes are the manifest's scopes, sorted.
func allScopes(m *model.Model) []string {
	var all []string
	for _, s := range m.Scopes {
		all = append(all, s.Name)
	}
	slices.Sort(all)
	return nonNil(all)
}
