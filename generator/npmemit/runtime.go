package npmemit

import (
	"bytes"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// runtimeView is what templates/npm/runtime.js.tmpl renders: one host's
// model.Runtime (a host entry), or every host's in detection order (the
// universal entry). Its methods are the template's helpers: they spell a
// name or a test the way the entry writes it; every decision is the
// model's (model/runtime.go).
type runtimeView struct {
	format    moduleFormat
	Universal bool
	// R is the host entry's runtime; nil in the universal entry.
	R *model.Runtime
	// Steps are the flow's steps: R's, or model.UniversalSteps.
	Steps []model.Step
	// Hosts are every host's runtime in detection order (universal only).
	Hosts []*model.Runtime
	// AllScopes are the manifest's scopes, sorted (universal only).
	AllScopes []string
}

func (v runtimeView) moduleFormat() moduleFormat { return v.format }

func hostRuntimeView(f moduleFormat, r *model.Runtime) runtimeView {
	return runtimeView{format: f, R: r, Steps: r.Steps}
}

func universalRuntimeView(f moduleFormat, m *model.Model) runtimeView {
	v := runtimeView{format: f, Universal: true, Steps: m.UniversalSteps(), AllScopes: []string{}}
	for _, p := range m.DetectOrder {
		v.Hosts = append(v.Hosts, m.RuntimeOf(p))
	}
	for _, s := range m.Scopes {
		v.AllScopes = append(v.AllScopes, s.Name)
	}
	slices.Sort(v.AllScopes)
	return v
}

// Uses reports whether the entry needs a part of the runtime. The universal
// entry needs every part some host needs (its table says which host does).
func (v runtimeView) Uses(part string) bool {
	if v.Universal {
		return slices.ContainsFunc(v.Hosts, func(r *model.Runtime) bool { return runtimeUses(r, part) })
	}
	return runtimeUses(v.R, part)
}

func runtimeUses(r *model.Runtime, part string) bool {
	switch part {
	case "browser":
		return r.Browser != nil
	case "cannotTell":
		return r.Browser != nil
	case "guide":
		return len(r.Gated) > 0
	case "privacy":
		return len(r.PrivacyAPIs) > 0
	case "keyless":
		return r.Keyless()
	case "probes":
		return len(r.Probes) > 0
	case "unprobed":
		return !r.EveryOnUseProbed()
	case "classifier":
		return r.ClassifiesPrivacy()
	case "systemLayer":
		return r.System != nil
	}
	if slices.Contains(model.FlowOrder, model.StepKind(part)) {
		return r.Takes(model.StepKind(part))
	}
	panic("runtime.js.tmpl: unknown part " + part)
}

// UsesAPI reports whether the entry calls the host privacy API name.
func (v runtimeView) UsesAPI(name string) bool {
	if v.Universal {
		return slices.ContainsFunc(v.Hosts, func(r *model.Runtime) bool { return slices.Contains(r.PrivacyAPIs, name) })
	}
	return slices.Contains(v.R.PrivacyAPIs, name)
}

// Openers maps each platform with an OS settings opener to it (universal
// only: a table of its own, dropped by bundlers with openSystemSetting).
func (v runtimeView) Openers() map[string]string {
	out := map[string]string{}
	for _, r := range v.Hosts {
		if r.System != nil && r.System.Open != "" {
			out[r.Platform.ID] = r.System.Open
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Only reports whether the host's flow is the one step k (never in the
// universal entry).
func (v runtimeView) Only(k string) bool {
	return !v.Universal && len(v.Steps) == 1 && v.Steps[0].Kind == model.StepKind(k)
}

// Listed reports whether the universal table carries the list of step k:
// the universal flow tests it.
func (v runtimeView) Listed(k model.StepKind) bool {
	return slices.ContainsFunc(v.Steps, func(s model.Step) bool { return s.Kind == k && s.Tested })
}

// H is the host table passed first to each function of the universal entry.
func (v runtimeView) H() string { return v.pick("", "h, ") }

// Host is the host's global (undefined when absent).
func (v runtimeView) Host() string { return v.pick("host()", "hostOf(h)") }

// Platform is the platform id.
func (v runtimeView) Platform() string { return v.pick("platform", "h.platform") }

// Scopes are the host's scopes.
func (v runtimeView) Scopes() string { return v.pick("scopes", "h.scopes") }

// Unknown tests that scope is none of the manifest's.
func (v runtimeView) Unknown() string {
	return v.pick("!scopes.includes(scope) && !OTHERS.includes(scope)", "!scopes.includes(scope)")
}

// In tests that scope is in the named list.
func (v runtimeView) In(list string) string {
	return v.pick(list+".includes(scope)", "isIn(h."+list+", scope)")
}

// GatedTest tests that the privacy gate covers scope: through the shorter
// list in a host entry.
func (v runtimeView) GatedTest() string {
	switch {
	case v.Universal:
		return "isIn(h.gated, scope)"
	case v.R.GatesFewer():
		return "GATED.includes(scope)"
	}
	return "!UNGATED.includes(scope)"
}

// Table names a table of the host: the universal table's field, or the
// host entry's constant.
func (v runtimeView) Table(field, constant string) string { return v.pick(constant, "h."+field) }

// SystemAPI is the host's OS-layer API of the kind ("switches",
// "services", "open"): a literal in a host entry ("" where none); in the
// universal one, h.system's entry (sys, tested first) or OPENERS'.
func (v runtimeView) SystemAPI(kind string) string {
	if v.Universal {
		return map[string]string{"switches": "sys[0]", "services": "sys[1]", "open": "OPENERS[h.platform]"}[kind]
	}
	s := v.R.System
	return jsString(map[string]string{"switches": s.Switches, "services": s.Services, "open": s.Open}[kind])
}

// Probe is the call that prompts for scope; the universal table has
// probes only where its host does.
func (v runtimeView) Probe() string { return v.pick("PROBES[scope]", "h.probes && h.probes[scope]") }

// Native is the name the host's calls take for scope.
func (v runtimeView) Native() string {
	if v.Universal {
		return "nativeName(h, scope)"
	}
	if len(v.R.Natives) == 0 {
		return "scope"
	}
	return "nativeName(scope)"
}

// NativeArg is the scope field of authorize's argument.
func (v runtimeView) NativeArg() string {
	if n := v.Native(); n != "scope" {
		return "scope: " + n
	}
	return "scope"
}

// Key is scope's getSetting key.
func (v runtimeView) Key() string {
	if v.Universal {
		return "settingKey(h, scope)"
	}
	if len(v.R.SettingKeys) == 0 {
		return "scope"
	}
	return "settingKey(scope)"
}

func (v runtimeView) pick(host, universal string) string {
	if v.Universal {
		return universal
	}
	return host
}

// CoreImports are the helpers of core.js.tmpl the entry calls.
func (v runtimeView) CoreImports() []string {
	if v.Universal {
		return []string{"failure", "field", "hostMethod", "own", "message", "code", "answer", "settled", "joined"}
	}
	r := v.R
	names := []string{"failure"}
	privacyCodes, privacyTexts := false, false
	if g := r.Platform.Privacy; g != nil {
		for _, f := range g.Failures {
			privacyCodes = privacyCodes || len(f.Codes) > 0
			privacyTexts = privacyTexts || f.Message != ""
		}
	}
	if len(r.Gated) > 0 {
		names = append(names, "field") // the privacy option
	}
	if r.Browser == nil || len(r.PrivacyAPIs) > 0 || r.System != nil {
		names = append(names, "hostMethod") // ask's native calls, the privacy APIs, the OS layer
	}
	if r.Takes(model.StepAuthCode) || slices.Contains(r.PrivacyAPIs, model.GetPrivacySetting) || r.System != nil {
		names = append(names, "own") // their results' fields
	}
	if r.Platform.Denial.Message != "" || privacyTexts {
		names = append(names, "message")
	}
	if len(r.Platform.Denial.Codes) > 0 || privacyCodes {
		names = append(names, "code")
	}
	return append(names, "answer", "settled", "joined")
}

// stepView is one step of the flow as the "step" template reads it.
type stepView struct {
	runtimeView
	Step model.Step
}

// Step pairs a step with the entry's helpers.
func (v runtimeView) Step(s model.Step) stepView { return stepView{v, s} }

// Test is the step's guard before a one-line body: "if (<in list>) ", or
// nothing for the untested last step.
func (s stepView) Test() string {
	if !s.Step.Tested {
		return ""
	}
	return "if (" + s.In(s.Step.List) + ") "
}

// Indent is the extra indentation of a body inside the step's guard.
func (s stepView) Indent() string {
	if s.Step.Tested {
		return "  "
	}
	return ""
}

// runtimeFuncs render data in the runtime template.
var runtimeFuncs = map[string]any{
	"list":         jsList,
	"needs":        jsNeeds,
	"dict":         jsMap,
	"ints":         intList,
	"regex":        jsRegex,
	"matchesEmpty": func(pattern string) bool { return regexp.MustCompile(pattern).MatchString("") },
	"args": func(kv ...any) map[string]any {
		m := map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	},
	// include renders a named template to a string, to use as a value.
	"include": func(string, any) (string, error) { panic("bound in init") },
}

func init() {
	tmpl.Funcs(map[string]any{"include": func(name string, data any) (string, error) {
		var b bytes.Buffer
		err := tmpl.ExecuteTemplate(&b, name, data)
		return b.String(), err
	}})
}

var blankLines = regexp.MustCompile(`\n{3,}`)

// renderRuntime renders one entry's runtime.
func renderRuntime(v runtimeView) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "runtime.js.tmpl", v); err != nil {
		return nil, err
	}
	// The template's sections join with a blank line at most; the file
	// ends with one newline.
	out := blankLines.ReplaceAll(b.Bytes(), []byte("\n\n"))
	return append(bytes.TrimRight(out, "\n"), '\n'), nil
}

func jsList(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = jsString(n)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// jsMap renders a null-prototype object literal, sorted by key.
func jsMap(m map[string]string) string {
	var b strings.Builder
	b.WriteString("{ __proto__: null")
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, ", %s: %s", jsString(k), jsString(m[k]))
	}
	b.WriteString(" }")
	return b.String()
}

// jsNeeds renders each scope's list of needs as an array aligned to scopes,
// 0 where a scope has none, each list complete ("" for none): every index
// the runtime reads is the array's own, so a polluted Object.prototype
// (a numeric key) answers none of them.
func jsNeeds(scopes []string, needs map[string][]string) string {
	parts := make([]string, 0, len(scopes))
	for _, s := range scopes {
		if list := needs[s]; slices.ContainsFunc(list, func(n string) bool { return n != "" }) {
			parts = append(parts, jsList(list))
		} else {
			parts = append(parts, "0")
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func intList(codes []int) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprint(c)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
