package model

import (
	"regexp"
	"strings"
	"unicode"
)

// The shapes names must have. Names reach Go, TypeScript, JavaScript,
// JSON and Markdown; keeping them to these characters means none of them
// ever needs escaping, and only free text (titles, descriptions, notes)
// does.
var (
	PlatformIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]{0,31}$`)
	ScopeNamePattern  = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*([._][A-Za-z0-9]+)*$`)
	APINamePattern    = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$`)
	NativePattern     = regexp.MustCompile(`^[A-Za-z0-9_$][A-Za-z0-9_.:$-]*$`)
	GlobalPattern     = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)
	GoNamePattern     = regexp.MustCompile(`^[A-Z][A-Za-z0-9]*$`)
	ConditionPattern  = regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	NPMPackagePattern = regexp.MustCompile(`^(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*$`)
	// IconPattern spells white space out because \s means different sets
	// in RE2 and ECMAScript (the schema carries this pattern to editors).
	IconPattern = regexp.MustCompile(`^https://[^\t\n\f\r "'<>\\` + "`" + `]+$`)
	// UnportablePattern finds the constructs of denial.message outside the
	// portable dialect that a pattern can spot (PortableRegex decides; the
	// schema carries this to editors): flags and lookarounds, escapes
	// other than punctuation, \d \w \t \n \r \f \v and \xHH, empty-looking
	// classes and POSIX classes.
	UnportablePattern = regexp.MustCompile(`\(\?[^:]|\\[^^$.|?*+()\[\]{}\\\-dDwWtnrfvx]|\\x([^0-9A-Fa-f]|.[^0-9A-Fa-f]|.?$)|\[\^?\]|\[\[:`)
)

// MaxNameLength bounds every name; free text is bounded by MaxTextLength.
const (
	MaxNameLength = 128
	MaxTextLength = 4096
)

// DefaultNPMPackage is the npm package name when the manifest gives none.
const DefaultNPMPackage = "@scopegen/authorize"

// ReservedGoNames are the exported identifiers the generated scope package
// declares itself besides one constant per grant mechanism (checkGoNames
// reserves those from GrantTable); a scope or platform Go name must not
// take one.
var ReservedGoNames = []string{
	"All", "AllPlatforms", "ForAPI", "Grant", "GrantUnsupported", "Parse", "ParsePlatform", "Platform", "Scope", "UnknownNameError",
}

// The reserved-name policy per target language. validate reports a
// manifest name that breaks one (a positioned diagnostic); emitters never
// check names again.

// ReservedConditions are export conditions the generated package.json
// uses itself, or that Node or a common bundler (webpack, esbuild, Vite,
// Rollup, Bun, React Native, TypeScript) sets on its own: a platform
// taking one would have its entry picked in builds for other hosts.
// "browser" is among them: webpack's web target, which mini-program
// builds use, sets it (the web host uses "web" for that reason). "deno"
// stays available: only Deno sets it, so it means what it says.
var ReservedConditions = []string{
	"asset", "browser", "bun", "default", "development", "electron", "import", "module", "module-sync",
	"node", "node-addons", "production", "react-native", "require", "sass", "script", "style", "types",
	"typescript", "webpack", "worker", "worklet",
}

// ReservedGoPackageNames cannot be platform ids, which become Go package
// names: "main" makes a command nothing can import, "init" cannot be
// declared, and a predeclared identifier would shadow it in every file
// importing the package. Go keywords are refused too (go/token.IsKeyword).
var ReservedGoPackageNames = []string{
	"any", "append", "bool", "byte", "cap", "clear", "close", "comparable", "complex", "complex128", "complex64",
	"copy", "delete", "error", "false", "float32", "float64", "imag", "init", "int", "int16", "int32", "int64",
	"int8", "iota", "len", "main", "make", "max", "min", "new", "nil", "panic", "print", "println", "real",
	"recover", "rune", "string", "true", "uint", "uint16", "uint32", "uint64", "uint8", "uintptr",
}

// ObjectPrototypeNames are properties every JavaScript object inherits:
// as a host global, every global object would seem to define it, and the
// universal entry would pick that host everywhere.
var ObjectPrototypeNames = []string{
	"__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "__proto__",
	"constructor", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString",
	"toString", "valueOf",
}

// NPM package name rules beyond NPMPackagePattern (npm's own
// validate-npm-package-name): length, and names npm refuses.
const MaxNPMPackageLength = 214

// ReservedNPMNames are package names (the part after a scope) npm refuses.
var ReservedNPMNames = []string{"favicon.ico", "node_modules"}

// JSReservedWords cannot be a global or a property the runtime names
// bare: the ECMAScript reserved words and the strict-mode ones.
var JSReservedWords = []string{
	"arguments", "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
	"delete", "do", "else", "enum", "eval", "export", "extends", "false", "finally", "for", "function",
	"if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package",
	"private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true",
	"try", "typeof", "undefined", "var", "void", "while", "with", "yield",
}

// ReservedTSNames are the type names the generated typings declare
// themselves; a platform's TSName+"Scope" must not take one.
var ReservedTSNames = []string{
	"ApiName", "AuthStatus", "AuthorizeError", "AuthorizeOptions", "AuthorizeResult",
	"ErrorCode", "Platform", "Scope", "ScopeFor", "SettingResult",
}

// ScopeGoName derives the Go constant name of a scope:
// "scope.userLocation" → "UserLocation", "auth_base" → "AuthBase".
func ScopeGoName(name string) string {
	return camel(strings.TrimPrefix(name, "scope."))
}

// PlatformGoName derives the Go constant name of a platform: "baidu" → "Baidu".
func PlatformGoName(id string) string { return camel(id) }

// TSScopeType is the TypeScript union type naming a platform's scopes.
func TSScopeType(p *Platform) string { return p.GoName + "Scope" }

func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '_' || r == '-' }) {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
