package model

// Failure is one errCode the generated runtime rejects with: what it means
// to the caller, where it is decided and what to do about it. Failures is
// the one list: the typings' ErrorCode union, the npm README, the
// generated docs and the privacy outcomes' codes are rendered from it, and
// tests hold docs/js-api.md and README.md to it.
type Failure struct {
	Code    string
	Meaning string
	Layer   Layer
	// Remedy is what the app or its developer does; "" where the meaning
	// says it.
	Remedy string
	// Outcome is the privacy outcome the code reports; "" for the others.
	Outcome PrivacyOutcome
	// Status is what getAuthStatus answers where authorize would fail
	// with the code before any prompt ("system-denied"); "" for the others.
	Status string
}

// Layer is where the runtime decides a failure.
type Layer string

const (
	// LayerChecks: the runtime's own checks, before any native call.
	LayerChecks Layer = "checks"
	// LayerPrivacy: the host's privacy-agreement gate refused the call
	// (decided before the denial test).
	LayerPrivacy Layer = "privacy"
	// LayerHost: what the host answered (a denial, a recorded answer, a
	// mechanism that cannot prompt, any other failure).
	LayerHost Layer = "host"
	// LayerSystem: the operating system refused the host app the permission,
	// or the device service is off (decided before the host's prompt).
	LayerSystem Layer = "system"
)

// Layers are the layers, in the order a call meets them.
var Layers = []Layer{LayerChecks, LayerPrivacy, LayerSystem, LayerHost}

// Failures are the runtime's error codes, most common first; the privacy
// ones last, in PrivacyOutcomes order.
var Failures = []Failure{
	{Code: "AUTH_DENIED", Layer: LayerHost, Meaning: "The user refused, now or before; no prompt was shown for an earlier refusal.",
		Remedy: "Explain why the app needs it; the settings page (openSetting, from a tap) is the way back."},
	{Code: "UNKNOWN_SCOPE", Layer: LayerChecks, Meaning: "The scope is not in the manifest. No native call was made."},
	{Code: "UNSUPPORTED_SCOPE", Layer: LayerChecks, Meaning: "The host does not support the scope. No native call was made."},
	{Code: "SETTINGS_REQUIRED", Layer: LayerHost, Meaning: "The host grants the scope only in its settings page.",
		Remedy: "Show a button that calls openSetting."},
	{Code: "BUTTON_REQUIRED", Layer: LayerHost, Meaning: "The host grants the scope only through an open-type button.",
		Remedy: "Show one."},
	{Code: "SYSTEM_DENIED", Layer: LayerSystem, Status: "system-denied",
		Meaning: "The operating system refused the host app the permission the scope's APIs need, and will not ask again; the host's prompt was not shown.",
		Remedy:  "Explain it, then openSystemSetting() (from a tap) opens the host app's page in the OS settings."},
	{Code: "SYSTEM_DISABLED", Layer: LayerSystem, Status: "system-disabled",
		Meaning: "The device service the scope's APIs need (location, Bluetooth) is off; the host's prompt was not shown.",
		Remedy:  "Ask the user to turn it on, then call again."},
	{Code: "UNSUPPORTED_PLATFORM", Layer: LayerChecks, Meaning: "No known host was detected, or (openSystemSetting) the host has no OS settings page to open."},
	{Code: "NOT_AVAILABLE", Layer: LayerChecks, Meaning: "The host has no such method (a browser has no settings page for openSetting). No native call was made."},
	{Code: "NATIVE_ERROR", Layer: LayerHost, Meaning: "The native call failed for another reason; nativeError holds what the host passed."},
	{Code: "PRIVACY_NOT_AGREED", Layer: LayerPrivacy, Outcome: PrivacyNotAgreed,
		Meaning: "The user has not agreed to the app's privacy guide, or refused it.",
		Remedy:  `Show the guide: call requirePrivacy() (or authorize with privacy: "require"), from a tap where the host wants one, then call again.`},
	{Code: "PRIVACY_NOT_DECLARED", Layer: LayerPrivacy, Outcome: PrivacyNotDeclared,
		Meaning: "The privacy guide in the host's console, or app.json's requiredPrivateInfos, does not declare what was called.",
		Remedy:  "Nothing at run time: declare the information type in the console's privacy guide and merge the host configuration into app.json, then publish again."},
	{Code: "PRIVACY_BANNED", Layer: LayerPrivacy, Outcome: PrivacyBanned,
		Meaning: "The host has banned the app's privacy use, or the app has no privacy guide at all.",
		Remedy:  "Nothing at run time: settle it in the host's console (fill in the privacy guide, answer the ban)."},
}

// AuthStatuses are what getAuthStatus answers: the host layer's answers,
// then each failure's Status, in Failures order.
func AuthStatuses() []string {
	out := []string{"granted", "denied", "unanswered", "unsupported", "unknown"}
	for _, f := range Failures {
		if f.Status != "" {
			out = append(out, f.Status)
		}
	}
	return out
}

// Explained is the meaning followed by the remedy, for one-column lists.
func (f Failure) Explained() string {
	if f.Remedy == "" {
		return f.Meaning
	}
	return f.Meaning + " " + f.Remedy
}

// FailureOf returns the failure reporting the privacy outcome o.
func FailureOf(o PrivacyOutcome) (Failure, bool) {
	for _, f := range Failures {
		if f.Outcome == o && o != "" {
			return f, true
		}
	}
	return Failure{}, false
}
