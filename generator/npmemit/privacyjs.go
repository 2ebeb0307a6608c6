package npmemit

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// The privacy part of a host runtime, emitted only for a host
// with a privacy gate (model.Platform.Privacy): the classifier that turns a
// privacy failure into PRIVACY_NOT_AGREED / PRIVACY_NOT_DECLARED /
// PRIVACY_BANNED before the denial test, getPrivacyStatus, requirePrivacy
// and onNeedPrivacy over the host APIs the gate lists (feature-detected at
// call time). A host without a gate exports the same three functions as
// constants: {status: "unsupported"} and false.

// gated lists the scopes the host's gate covers (authorize's privacy: "require").
func (t *hostTable) gated() []string {
	var names []string
	for _, sup := range t.p.Scopes {
		if sup.Privacy.Gated {
			names = append(names, sup.Scope.Name)
		}
	}
	return names
}

// classifies reports whether the host has any privacy failure to classify.
func (t *hostTable) classifies() bool { return t.p.Privacy != nil && len(t.p.Privacy.Failures) > 0 }

// classifiesByCode reports whether the classifier tests codes, and so first
// whether the message is a denial (codes are overloaded).
func (t *hostTable) classifiesByCode() bool {
	return t.classifies() && slices.ContainsFunc(t.p.Privacy.Failures, func(f *model.PrivacyFailure) bool { return len(f.Codes) > 0 })
}

// textTest is the JavaScript test of a pattern (pattern is the manifest's
// text, regex the expression testing it) against `text`; guarded against
// the empty message only when the pattern matches "".
func textTest(regex, pattern string) string {
	if regexp.MustCompile(pattern).MatchString("") {
		return "(!!text && " + regex + ".test(text))"
	}
	return regex + ".test(text)"
}

// writePrivacyClassifier: messages first, then (unless the text is a
// denial) codes, in model.PrivacyOutcomes order (model.PrivacyGate.Failures).
func writePrivacyClassifier(w *jsWriter, t *hostTable) {
	if !t.classifies() {
		return
	}
	g := t.p.Privacy
	if t.classifiesByCode() {
		w.line("// Privacy failures, decided before the denial test: by message first, then,")
		w.line("// unless the message is a denial, by %s code (codes are overloaded).", g.CodeField)
	} else {
		w.line("// Privacy failures, decided by message before the denial test.")
	}
	w.line("const privacyFailure = (e) => {")
	w.line("  const text = message(e);")
	for _, f := range g.Failures {
		if f.Message != "" {
			w.line("  if (%s) return %s;", textTest(jsRegex(f.MessageJS), f.Message), jsString(f.Outcome.ErrCode()))
		}
	}
	var withCodes []*model.PrivacyFailure
	for _, f := range g.Failures {
		if len(f.Codes) > 0 {
			withCodes = append(withCodes, f)
		}
	}
	if len(withCodes) > 0 {
		if t.p.Denial.Message != "" {
			w.line("  if (%s) return;", textTest("DENIAL", t.p.Denial.Message))
		}
		w.line("  const privacyCode = code(e, %s);", jsString(g.CodeField))
		for _, f := range withCodes {
			w.line("  if (%s) return %s;", codeTest(f.Codes, "privacyCode"), jsString(f.Outcome.ErrCode()))
		}
	}
	w.line("};")
}

// failureWords says in words what failureExpr decides.
func (t *hostTable) failureWords() string {
	if t.classifies() {
		return "a privacy failure first, then\n// AUTH_DENIED for the host's denial (the manifest's codes and pattern), else NATIVE_ERROR."
	}
	return "AUTH_DENIED for the host's denial\n// (the manifest's codes and pattern), else NATIVE_ERROR."
}

// failureExpr is the errCode of a failed native call; denial holds the
// tests that the failure is the host's denial (any of them).
func (t *hostTable) failureExpr(denial []string) string {
	var expr string
	switch len(denial) {
	case 0:
		expr = `"NATIVE_ERROR"`
	case 1:
		expr = denial[0] + ` ? "AUTH_DENIED" : "NATIVE_ERROR"`
	default:
		expr = "(" + strings.Join(denial, " || ") + `) ? "AUTH_DENIED" : "NATIVE_ERROR"`
	}
	if t.classifies() {
		return "privacyFailure(e) || (" + expr + ")"
	}
	return expr
}

// writePrivacyAPI: getPrivacyStatus, requirePrivacy, onNeedPrivacy.
func writePrivacyAPI(w *jsWriter, t *hostTable) {
	g := t.p.Privacy
	w.line("")
	if g.Has(model.GetPrivacySetting) || g.Has(model.RequirePrivacyAuthorize) || g.Has(model.OnNeedPrivacyAuthorization) {
		w.line("// The host, where its base library has the privacy API name.")
		w.line("const privacyAPI = (name) => {")
		w.line("  const api = host();")
		w.line("  return api && typeof field(api, name) == \"function\" ? api : undefined;")
		w.line("};")
	}
	if g.Has(model.GetPrivacySetting) {
		w.line("// {status: \"agreed\" | \"required\" | \"unsupported\", contractName?} from getPrivacySetting.")
		w.line("const getPrivacyStatus = async () => {")
		w.line("  const api = privacyAPI(%s);", jsString(model.GetPrivacySetting))
		w.line("  if (!api) return { status: \"unsupported\" };")
		w.line("  const result = await ask(api, undefined, %s);", jsString(model.GetPrivacySetting))
		w.line("  const status = { status: field(result, \"needAuthorization\") === true ? \"required\" : \"agreed\" };")
		w.line("  const contractName = field(result, \"privacyContractName\");")
		w.line("  if (typeof contractName == \"string\") status.contractName = contractName;")
		w.line("  return status;")
		w.line("};")
	} else {
		w.line("const getPrivacyStatus = async () => ({ status: \"unsupported\" });")
	}
	if g.Has(model.RequirePrivacyAuthorize) {
		w.line("// Shows the host's privacy guide unless already agreed; concurrent calls share one.")
		w.line("const privacyRequired = async () => {")
		w.line("  const api = privacyAPI(%s);", jsString(model.RequirePrivacyAuthorize))
		w.line("  if (!api) return { status: \"unsupported\" };")
		w.line("  await ask(api, undefined, %s).catch((e) => {", jsString(model.RequirePrivacyAuthorize))
		w.line("    throw failure(\"PRIVACY_NOT_AGREED\", undefined, platform, e.nativeError);")
		w.line("  });")
		w.line("  return { status: \"agreed\" };")
		w.line("};")
		w.line("const requirePrivacy = () => joined(platform, privacyRequired);")
	} else {
		w.line("const requirePrivacy = async () => ({ status: \"unsupported\" });")
	}
	if g.Has(model.OnNeedPrivacyAuthorization) {
		w.line("// Registers listener(resolve, eventInfo) with the host, only when called:")
		w.line("// it replaces the host's own popup. false where the host has no such API.")
		w.line("const onNeedPrivacy = (listener) => {")
		w.line("  const api = privacyAPI(%s);", jsString(model.OnNeedPrivacyAuthorization))
		w.line("  if (!api || typeof listener != \"function\") return false;")
		w.line("  try {")
		w.line("    api.%s(listener);", model.OnNeedPrivacyAuthorization)
		w.line("    return true;")
		w.line("  } catch (e) {")
		w.line("    return false;")
		w.line("  }")
		w.line("};")
	} else {
		w.line("const onNeedPrivacy = () => false;")
	}
}

// writeNoPrivacy: a host without a gate keeps the API uniform, tiny.
func writeNoPrivacy(w *jsWriter) {
	w.line("// No privacy gate on this host.")
	w.line("const getPrivacyStatus = async () => ({ status: \"unsupported\" });")
	w.line("const requirePrivacy = async () => ({ status: \"unsupported\" });")
	w.line("const onNeedPrivacy = () => false;")
}

// privacyStep is authorize's first step for a gated scope with
// privacy: "require"; "" when the host gates none.
func (t *hostTable) privacyStep() string {
	if t.p.Privacy == nil || !t.p.Privacy.Has(model.RequirePrivacyAuthorize) || len(t.gated()) == 0 {
		return ""
	}
	return fmt.Sprintf(`if (privacy === "require" && %s) await joined(platform, privacyRequired).catch((e) => { throw failure(e.errCode, scope, platform, e.nativeError); });`, t.gatedTest())
}

// gatedTest tests that scope is gated, through the shorter list: the gated
// scopes, or the host's other scopes.
func (t *hostTable) gatedTest() string {
	if n := len(t.gated()); 2*n > len(t.scopes) {
		return "!UNGATED.includes(scope)"
	}
	return "GATED.includes(scope)"
}

// ungated lists the host's scopes its gate does not cover.
func (t *hostTable) ungated() []string {
	var names []string
	for _, sup := range t.p.Scopes {
		if !sup.Privacy.Gated {
			names = append(names, sup.Scope.Name)
		}
	}
	return names
}
