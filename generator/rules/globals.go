package rules

// The names a platform global (and an alsoDefines entry) cannot take
// besides JSReservedWords and ObjectPrototypeNames: the runtime reads the
// global bare (`const api = wx;`), so a name every JavaScript environment
// defines would detect the host everywhere, and a name the module itself
// binds would read the runtime's own value instead of the host's.
// validate refuses them (INVALID_NAME); the JSON Schema lists them.

// RuntimeBindings are the names the generated runtime (generated/npm/dist,
// every entry, ES module and CommonJS) declares at module level: consts,
// lets, vars, functions, classes and imports.
// TestRuntimeBindingsListsEveryTopLevelName scans the generated files and
// fails when one declares a name this list lacks. Sorted.
var RuntimeBindings = []string{
	"APIS", "AUTH_CODE", "DENIAL", "DIRECT", "GEOLOCATION_ERRORS", "HOSTS", "LAYERS", "NATIVE_NAMES",
	"NO_GRANT", "OPENERS", "OTHERS", "PROBES", "PROTOTYPES", "SETTINGS_ONLY", "SETTING_KEYS", "SYSTEM_NEEDS", "UNGATED",
	"UNIVERSAL_NAMES", "answer", "ask", "authCodeResult", "authorize", "authorizeApi", "browser", "byCode",
	"byText", "code", "describe", "driver", "failObject", "failure", "failureLayer", "field", "flows",
	"getAuthStatus", "getPrivacyStatus", "getSetting", "globalObject", "host", "hostMethod", "hostOf",
	"isDenial", "isIn", "isSupported", "joined", "media", "message", "nativeName", "needPrivacy", "noHost",
	"onNeedPrivacy", "oneOf", "openSetting", "openSystemSetting", "own", "permission", "platform",
	"privacyAPI", "privacyFailure", "privacyGuide", "privacyStatus", "release", "report", "requirePrivacy",
	"safely", "scopeForApi", "scopes", "settingKey", "settings", "settled", "simulateBrowser", "simulateHost",
	"stackOf", "stacks", "start", "status", "systemRead", "systemRefusal", "systemSettings", "track",
	"universalName", "webDriver",
}

// ECMAScriptGlobals are the properties of the global object ECMAScript
// 2023 defines (ECMA-262 14th edition, clause 19 "The Global Object":
// 19.1 value properties, 19.2 function properties, 19.3 constructor
// properties, 19.4 other properties; Annex B.2.1 escape and unescape):
// every JavaScript environment has them, so as a host global each would
// detect that host everywhere. TestECMAScriptGlobalsAreEveryEnginesGlobals
// holds the list against the global object of a fresh Node vm realm.
var ECMAScriptGlobals = []string{
	// 19.1 value properties
	"Infinity", "NaN", "globalThis", "undefined",
	// 19.2 function properties
	"decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN",
	"parseFloat", "parseInt",
	// 19.3 constructor properties
	"AggregateError", "Array", "ArrayBuffer", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean",
	"DataView", "Date", "Error", "EvalError", "FinalizationRegistry", "Float32Array", "Float64Array",
	"Function", "Int16Array", "Int32Array", "Int8Array", "Map", "Number", "Object", "Promise", "Proxy",
	"RangeError", "ReferenceError", "RegExp", "Set", "SharedArrayBuffer", "String", "Symbol", "SyntaxError",
	"TypeError", "URIError", "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray", "WeakMap",
	"WeakRef", "WeakSet",
	// 19.4 other properties
	"Atomics", "JSON", "Math", "Reflect",
	// Annex B.2.1
	"escape", "unescape",
	// Beyond ECMA-262, what every engine's fresh realm has too: Intl
	// (ECMA-402), WebAssembly (the WebAssembly JavaScript interface),
	// console (the WHATWG Console Standard).
	"Intl", "WebAssembly", "console",
}

// CommonJSWrapperNames are the variables Node's CommonJS module wrapper
// passes every module (nodejs.org/api/modules.html, "The module wrapper"):
// in the runtime's .js entries a global with one of these names would
// read the module's own.
var CommonJSWrapperNames = []string{"__dirname", "__filename", "exports", "module", "require"}
