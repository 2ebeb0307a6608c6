package model

// ErrorCode is one errCode the generated runtime rejects with, and what it
// means to the caller. The docs and the npm package's README list them; a
// test keeps them equal to the typings' ErrorCode union
// (templates/npm/shared.d.ts.tmpl).
type ErrorCode struct {
	Code, Meaning string
}

// ErrorCodes are the runtime's error codes, most common first.
var ErrorCodes = []ErrorCode{
	{"AUTH_DENIED", "The user refused, now or before; no prompt was shown for an earlier refusal."},
	{"UNKNOWN_SCOPE", "The scope is not in the manifest. No native call was made."},
	{"UNSUPPORTED_SCOPE", "The host does not support the scope. No native call was made."},
	{"SETTINGS_REQUIRED", "The host grants the scope only in its settings page: show a button that calls openSetting."},
	{"BUTTON_REQUIRED", "The host grants the scope only through an open-type button: show one."},
	{"UNSUPPORTED_PLATFORM", "No known host was detected."},
	{"NOT_AVAILABLE", "The host has no such method (a browser has no settings page for openSetting). No native call was made."},
	{"NATIVE_ERROR", "The native call failed for another reason; nativeError holds what the host passed."},
}
