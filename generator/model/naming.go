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
	// UnportablePattern finds regular-expression syntax that Go's RE2 and
	// JavaScript read differently, so that denial.message serves both.
	UnportablePattern = regexp.MustCompile(`\(\?|\\[AzQEpPCb]|\[\[:`)
)

// MaxNameLength bounds every name; free text is bounded by MaxTextLength.
const (
	MaxNameLength = 128
	MaxTextLength = 4096
)

// DefaultNPMPackage is the npm package name when the manifest gives none.
const DefaultNPMPackage = "@scopegen/authorize"

// ReservedGoNames are the exported identifiers the generated scope package
// declares itself; a scope or platform Go name must not take one.
var ReservedGoNames = []string{
	"All", "AllPlatforms", "ForAPI", "Grant", "Parse", "ParsePlatform", "Platform", "Scope", "UnknownNameError",
	"GrantUnsupported", "GrantAuthorize", "GrantAuthCode", "GrantOnUse", "GrantNone", "GrantSettingsOnly", "GrantButton",
}

// ReservedConditions are export conditions the generated package.json
// uses itself (or Node gives a meaning of its own); no platform may take one.
var ReservedConditions = []string{"default", "import", "module-sync", "node", "require", "types"}

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
