package npmemit

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// A host entry's runtime, emitted straight from the host's resolved table:
// only the mechanisms the host uses, its global, native names, setting keys,
// probes and denial test written as code, and the flow in the spec's order
// (none → authCode → getSetting → denied → settings/button → the prompt).
// What every runtime shares (errors, defensive reads, callbacks, joined
// flows) is templates/npm/core.js.tmpl.

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
	names := []string{"failure", "ours"}
	if t.uses(model.GrantAuthCode) || privacyAPIs {
		names = append(names, "field")
	}
	if t.p.Denial.Message != "" || privacyTexts {
		names = append(names, "message")
	}
	if len(t.p.Denial.Codes) > 0 || privacyCodes {
		names = append(names, "code")
	}
	names = append(names, "answer", "settled", "joined")
	if g.Has(model.RequirePrivacyAuthorize) {
		names = append(names, "PRIVACY")
	}
	return names
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

// jsWriter collects lines of JavaScript.
type jsWriter struct{ strings.Builder }

func (w *jsWriter) line(format string, args ...any) {
	fmt.Fprintf(w, format, args...)
	w.WriteByte('\n')
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
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("{ __proto__: null")
	for _, k := range keys {
		fmt.Fprintf(&b, ", %s: %s", jsString(k), jsString(m[k]))
	}
	b.WriteString(" }")
	return b.String()
}

// hostRuntime renders dist/<id>.<ext>.
func hostRuntime(f moduleFormat, t *hostTable) string {
	w := &jsWriter{}
	p := t.p
	w.line("// Code generated by scopegen. DO NOT EDIT.")
	w.line("// The %s runtime, emitted from its table in the manifest.", jsString(p.ID))
	w.line("%s", importLine(f, strings.Join(t.coreImports(), ", "), "core"))
	w.line("%s", importLine(f, "scopeForApi", "shared"))
	if t.web != nil {
		w.line("%s", importLine(f, "browser, webDriver", webDriverModule))
	}
	w.line("")
	w.line("const platform = %s;", jsString(p.ID))
	w.line("// The scopes this host supports; the others only other hosts support")
	w.line("// (UNSUPPORTED_SCOPE there, UNKNOWN_SCOPE for any other value).")
	w.line("const scopes = %s;", jsList(t.scopes))
	w.line("const OTHERS = %s;", jsList(nonNil(t.others)))
	for _, g := range flowOrder {
		if t.needsList(g) {
			w.line("const %s = %s;", g.Runtime(), jsList(t.byGrant[g]))
		}
	}
	if len(t.natives) > 0 {
		w.line("// Native scope names that differ from the universal ones.")
		w.line("const NATIVE_NAMES = %s;", jsMap(t.natives))
		w.line("const nativeName = (scope) => NATIVE_NAMES[scope] || scope;")
	}
	if len(t.keys) > 0 && maps.Equal(t.keys, t.natives) && !t.keyless() {
		w.line("// The getSetting keys are the native names.")
		w.line("const settingKey = nativeName;")
	} else if len(t.keys) > 0 {
		w.line("// getSetting keys that differ from the scope name; \"\": the host reports none.")
		w.line("const SETTING_KEYS = %s;", jsMap(t.keys))
		w.line("const settingKey = (scope) => scope in SETTING_KEYS ? SETTING_KEYS[scope] : scope;")
	}
	if t.privacyStep() != "" {
		if t.gatedTest() == "GATED.includes(scope)" {
			w.line("// The scopes the privacy gate covers (authorize's privacy: \"require\").")
			w.line("const GATED = %s;", jsList(t.gated()))
		} else {
			w.line("// The scopes the privacy gate does not cover (authorize's privacy: \"require\").")
			w.line("const UNGATED = %s;", jsList(nonNil(t.ungated())))
		}
	}
	if len(t.probes) > 0 {
		w.line("// The call that prompts for an onUse scope.")
		w.line("const PROBES = %s;", jsMap(t.probes))
	}
	w.line("")
	writeHostCalls(w, t)
	writeAuthorize(w, t)
	writeStatus(w, t)
	writeSettings(w, t)
	if t.p.Privacy != nil {
		writePrivacyAPI(w, t)
	} else {
		writeNoPrivacy(w)
	}
	w.line("const isSupported = (scope, id) => (id === undefined || id === platform) && scopes.includes(scope);")
	w.line("%s", exportLine(f, "platform", "scopes", "authorize", "authorizeApi", "getAuthStatus", "getSetting", "openSetting", "isSupported", "scopeForApi", "getPrivacyStatus", "requirePrivacy", "onNeedPrivacy"))
	w.line("%s", exportDefaultLine(f, "authorize"))
	return w.String()
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeHostCalls: the global, the native call, the denial test.
func writeHostCalls(w *jsWriter, t *hostTable) {
	p := t.p
	if t.web != nil {
		w.line("// A browser: the driver answers getSetting from the Permissions API and runs the probes.")
		w.line("const host = browser;")
		w.line("const driver = /* @__PURE__ */ webDriver(%s);", jsList(t.web.Permissions))
		w.line("const call = (api, method, args) => driver(method, args);")
	} else {
		w.line("// The host's global, read at call time; falsy when absent or when reading it throws.")
		w.line("const host = () => {")
		w.line("  try {")
		w.line("    return typeof %s != \"undefined\" && %s;", p.Global, p.Global)
		w.line("  } catch (e) {}")
		w.line("};")
		w.line("// A callback-style call; a method that throws or is missing rejects.")
		w.line("const call = (api, method, args) => new Promise((success, fail) => api[method]({ ...args, success, fail }));")
	}
	d := p.Denial
	var tests []string
	if len(d.Codes) > 0 {
		tests = append(tests, codeTest(d.Codes, fmt.Sprintf("code(e, %s)", jsString(d.CodeField))))
	}
	if d.Message != "" {
		w.line("const DENIAL = /* @__PURE__ */ RegExp(%s, \"u\");", jsString(d.MessageJS))
		// A messageless error is no denial; the guard is needed only when
		// the pattern matches "" (message() reads "" for no message).
		if regexp.MustCompile(d.Message).MatchString("") {
			tests = append(tests, "(!!message(e) && DENIAL.test(message(e)))")
		} else {
			tests = append(tests, "DENIAL.test(message(e))")
		}
	}
	if len(tests) == 0 {
		tests = []string{"false"}
	}
	w.line("// How this host fails a call the user refused.")
	w.line("const isDenial = (e) => %s;", strings.Join(tests, " || "))
	writePrivacyClassifier(w, t)
	w.line("const ask = (api, scope, method, args) => call(api, method, args).catch((e) => {")
	w.line("  throw failure(%s, scope, platform, e);", t.failureExpr())
	w.line("});")
	w.line("// The host for a call about scope: UNKNOWN_SCOPE first, then UNSUPPORTED_PLATFORM.")
	w.line("const present = (scope) => {")
	w.line("  if (!scopes.includes(scope) && !OTHERS.includes(scope)) throw failure(\"UNKNOWN_SCOPE\", scope);")
	w.line("  const api = host();")
	w.line("  if (!api) throw failure(\"UNSUPPORTED_PLATFORM\", scope);")
	w.line("  return api;")
	w.line("};")
	w.line("")
}

// codeTest is the JavaScript test that expr (a number) is one of codes.
func codeTest(codes []int, expr string) string {
	if len(codes) == 1 {
		return fmt.Sprintf("%s === %d", expr, codes[0])
	}
	return fmt.Sprintf("%s.includes(%s)", intList(codes), expr)
}

func intList(codes []int) string {
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprint(c)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// isIn is the test that scope is granted through g (true for the last one).
func (t *hostTable) isIn(g model.Grant) string {
	return g.Runtime() + ".includes(scope)"
}

func writeAuthorize(w *jsWriter, t *hostTable) {
	flowArgs := "scope"
	if t.privacyStep() != "" {
		flowArgs = "scope, privacy"
	}
	w.line("const flow = async (%s) => {", flowArgs)
	w.line("  const api = present(scope);")
	w.line("  if (!scopes.includes(scope)) throw failure(\"UNSUPPORTED_SCOPE\", scope, platform);")
	w.line("  const ok = { scope, platform };")
	if step := t.privacyStep(); step != "" {
		w.line("  %s", step)
	}
	last := t.last()
	step := func(g model.Grant, body ...string) {
		if g == last {
			for _, b := range body {
				w.line("  %s", b)
			}
			return
		}
		if len(body) == 1 {
			w.line("  if (%s) %s", t.isIn(g), body[0])
			return
		}
		w.line("  if (%s) {", t.isIn(g))
		for _, b := range body {
			w.line("    %s", b)
		}
		w.line("  }")
	}
	if t.uses(model.GrantNone) {
		step(model.GrantNone, "return ok;")
	}
	if t.uses(model.GrantAuthCode) {
		step(model.GrantAuthCode, fmt.Sprintf("return authCodeResult(ok, await ask(api, scope, \"getAuthCode\", { scopes: [%s] }));", t.nativeExpr()))
	}
	if t.usesSetting() {
		if t.keyless() {
			w.line("  const key = %s;", t.keyExpr())
			w.line("  const granted = key ? answer(await ask(api, scope, \"getSetting\"), key) : undefined;")
		} else {
			w.line("  const granted = answer(await ask(api, scope, \"getSetting\"), %s);", t.keyExpr())
		}
		w.line("  if (granted === true) return ok;")
		w.line("  if (granted === false) throw failure(\"AUTH_DENIED\", scope, platform);")
	}
	if t.uses(model.GrantSettingsOnly) {
		step(model.GrantSettingsOnly, "throw failure(\"SETTINGS_REQUIRED\", scope, platform);")
	}
	if t.uses(model.GrantButton) {
		step(model.GrantButton, "throw failure(\"BUTTON_REQUIRED\", scope, platform);")
	}
	if t.uses(model.GrantOnUse) {
		body := []string{}
		switch {
		case len(t.probes) == 0:
			body = append(body, "return { ...ok, deferred: true };")
		default:
			body = append(body, "const probe = PROBES[scope];")
			if len(t.probes) < len(t.byGrant[model.GrantOnUse]) {
				body = append(body, "if (!probe) return { ...ok, deferred: true };")
			}
			body = append(body, "await ask(api, scope, probe);", "return ok;")
		}
		step(model.GrantOnUse, body...)
	}
	if t.uses(model.GrantAuthorize) {
		args := "{ scope }"
		if len(t.natives) > 0 {
			args = "{ scope: nativeName(scope) }"
		}
		step(model.GrantAuthorize, fmt.Sprintf("await ask(api, scope, \"authorize\", %s);", args), "return ok;")
	}
	w.line("};")
	if t.uses(model.GrantAuthCode) {
		writeAuthCodeResult(w, t)
	}
	if flowArgs == "scope" {
		w.line("const authorize = (options) => settled(options, platform, ({ scope }) => joined(platform, scope, () => flow(scope)));")
	} else {
		w.line("const authorize = (options) => settled(options, platform, ({ scope, privacy }) => joined(platform, scope, () => flow(scope, privacy)));")
	}
	w.line("// An API no scope guards resolves at once.")
	if flowArgs == "scope" {
		w.line("const authorizeApi = (api, options) => settled(options, platform, () => {")
	} else {
		w.line("const authorizeApi = (api, options) => settled(options, platform, ({ privacy }) => {")
	}
	w.line("  const scope = scopeForApi(api);")
	w.line("  return scope ? joined(platform, scope, () => flow(%s)) : { scope: null, platform: host() ? platform : undefined };", flowArgs)
	w.line("});")
	w.line("")
}

// writeAuthCodeResult: an Alipay-style getAuthCode result in universal
// names, read defensively: a non-array authSuccessScopes is one name (a
// string) or none; authErrorScopes keys become own properties whatever
// they are ("__proto__" too).
func writeAuthCodeResult(w *jsWriter, t *hostTable) {
	reverse := map[string]string{}
	for _, s := range t.byGrant[model.GrantAuthCode] {
		if n, ok := t.natives[s]; ok {
			reverse[n] = s
		}
	}
	w.line("// getAuthCode's native names back to universal ones.")
	w.line("const UNIVERSAL_NAMES = %s;", jsMap(reverse))
	w.line("const universalName = (name) => (typeof name == \"string\" && UNIVERSAL_NAMES[name]) || name;")
	w.line("const authCodeResult = (ok, result) => {")
	w.line("  const granted = field(result, \"authSuccessScopes\"), refused = field(result, \"authErrorScopes\");")
	w.line("  const names = Array.isArray(granted) ? granted : typeof granted == \"string\" ? [granted] : [];")
	w.line("  const refusedNames = refused && typeof refused == \"object\" ? Object.keys(refused) : [];")
	w.line("  // fromEntries defines own properties, \"__proto__\" too.")
	w.line("  const authErrorScopes = Object.fromEntries(refusedNames.map((name) => [universalName(name), field(refused, name)]));")
	w.line("  return { ...ok, authCode: field(result, \"authCode\"), authSuccessScopes: names.map(universalName), authErrorScopes };")
	w.line("};")
}

func writeStatus(w *jsWriter, t *hostTable) {
	w.line("const status = async (scope) => {")
	w.line("  const api = present(scope);")
	w.line("  if (!scopes.includes(scope)) return \"unsupported\";")
	if len(t.used) == 0 {
		w.line("};")
		w.line("const getAuthStatus = (scope) => status(scope).catch(ours(scope, platform));")
		return
	}
	if t.uses(model.GrantNone) {
		if len(t.used) == 1 {
			w.line("  return \"granted\";")
			w.line("};")
			w.line("const getAuthStatus = (scope) => status(scope).catch(ours(scope, platform));")
			return
		}
		w.line("  if (%s) return \"granted\";", t.isIn(model.GrantNone))
	}
	w.line("  const key = %s;", t.keyExpr())
	if t.keyless() {
		w.line("  if (!key) return \"unknown\";")
	}
	w.line("  const granted = answer(await ask(api, scope, \"getSetting\"), key);")
	if t.web != nil {
		w.line("  // null: the browser cannot tell (no Permissions API, or a name it does not know).")
		w.line("  return granted === true ? \"granted\" : granted === false ? \"denied\" : granted === null ? \"unknown\" : \"unanswered\";")
	} else {
		w.line("  return granted === true ? \"granted\" : granted === false ? \"denied\" : \"unanswered\";")
	}
	w.line("};")
	w.line("const getAuthStatus = (scope) => status(scope).catch(ours(scope, platform));")
	w.line("")
}

func writeSettings(w *jsWriter, t *hostTable) {
	w.line("// getSetting / openSetting, keyed by universal scope names.")
	w.line("const settings = async (method) => {")
	w.line("  const api = host();")
	w.line("  if (!api) throw failure(\"UNSUPPORTED_PLATFORM\");")
	if t.web != nil {
		for _, lack := range t.web.Lacks {
			w.line("  if (method == %s) throw failure(\"NOT_AVAILABLE\", undefined, platform);", jsString(lack))
		}
	}
	w.line("  const result = await ask(api, undefined, method), authSetting = {};")
	w.line("  for (const scope of scopes) {")
	w.line("    const granted = answer(result, %s);", t.keyExpr())
	w.line("    if (typeof granted == \"boolean\") authSetting[scope] = granted;")
	w.line("  }")
	w.line("  return { authSetting };")
	w.line("};")
	w.line("const getSetting = () => settings(\"getSetting\").catch(ours(undefined, platform));")
	w.line("const openSetting = () => settings(\"openSetting\").catch(ours(undefined, platform));")
}
