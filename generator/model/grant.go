package model

// Grant is how a platform grants a scope: a closed set, described once by
// GrantTable.
type Grant string

// The grant mechanisms, spelled as the manifest writes them.
const (
	GrantAuthorize    Grant = "authorize"
	GrantAuthCode     Grant = "authCode"
	GrantOnUse        Grant = "onUse"
	GrantNone         Grant = "none"
	GrantSettingsOnly Grant = "settingsOnly"
	GrantButton       Grant = "button"
)

// GrantInfo is everything the outputs say about one mechanism.
type GrantInfo struct {
	Grant Grant
	// Doc is the godoc sentence of the generated Go constant, after its
	// name: "GrantOnUse: " + Doc.
	Doc string
	// Prompt completes "the host …" in the generated docs.
	Prompt string
	// Authorize is what the runtime's authorize does for a scope granted
	// this way, for the generated docs.
	Authorize string
	// Runtime is the mechanism's name in the generated JavaScript: a host
	// entry's list of the scopes granted this way, and the universal
	// entry's table field holding the same list. An identifier, unique in
	// the table.
	Runtime string
}

// GrantTable lists every mechanism (the constants above) in documentation
// order with what the outputs say about it: validate, the JSON Schema, the
// Go enum, the reserved Go names, the docs and the JavaScript runtime's
// names read it. The runtime's flow (FlowOrder, RuntimeOf) is runtime.go.
var GrantTable = []GrantInfo{
	{
		Grant:     GrantAuthorize,
		Doc:       "the host's authorize({scope}) prompts.",
		Prompt:    "prompts through its authorize({scope})",
		Authorize: "the flow above",
		Runtime:   "AUTHORIZE",
	},
	{
		Grant:     GrantAuthCode,
		Doc:       "the host's getAuthCode({scopes}) prompts and returns an auth code for the server (Alipay).",
		Prompt:    "prompts through getAuthCode({scopes}) (Alipay)",
		Authorize: "the flow above; the result carries authCode",
		Runtime:   "AUTH_CODE",
	},
	{
		Grant:     GrantOnUse,
		Doc:       "no pre-authorization; the host prompts when a guarded API is first called.",
		Prompt:    "prompts when a guarded API is first called",
		Authorize: "granted: resolves; denied: AUTH_DENIED; unanswered: calls the probe API, or resolves with deferred: true",
		Runtime:   "ON_USE",
	},
	{
		Grant:     GrantNone,
		Doc:       "the host no longer gates the scope's APIs; call them directly.",
		Prompt:    "no longer gates the APIs",
		Authorize: "resolves at once",
		Runtime:   "NO_GRANT",
	},
	{
		Grant:     GrantSettingsOnly,
		Doc:       "the host never prompts; the user grants it in the settings page.",
		Prompt:    "grants it only in its settings page",
		Authorize: "granted: resolves; otherwise SETTINGS_REQUIRED",
		Runtime:   "SETTINGS_ONLY",
	},
	{
		Grant:     GrantButton,
		Doc:       "the host prompts only after a tap on an open-type button.",
		Prompt:    "needs a tap on an open-type button",
		Authorize: "granted: resolves; otherwise BUTTON_REQUIRED",
		Runtime:   "BUTTON",
	},
}

// Grants lists every mechanism in documentation order.
var Grants = grantNames()

func grantNames() []Grant {
	out := make([]Grant, len(GrantTable))
	for i, info := range GrantTable {
		out[i] = info.Grant
	}
	return out
}

// Info returns the table entry of g; ok is false for a grant outside the set.
func (g Grant) Info() (info GrantInfo, ok bool) {
	for _, info := range GrantTable {
		if info.Grant == g {
			return info, true
		}
	}
	return GrantInfo{}, false
}

// Runtime is g's name in the generated JavaScript; "" outside the set.
func (g Grant) Runtime() string {
	info, _ := g.Info()
	return info.Runtime
}

// GoName is the identifier of the mechanism in the generated scope
// package: "GrantOnUse".
func (g Grant) GoName() string {
	return "Grant" + upperFirst(string(g))
}
