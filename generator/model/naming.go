package model

import (
	"strings"
	"unicode"
)

// DefaultNPMPackage is the npm package name when the manifest gives none.
const DefaultNPMPackage = "@scopegen/authorize"

// ReservedGoNames are the exported identifiers the generated scope package
// declares itself besides one constant per grant mechanism (checkGoNames
// reserves those from GrantTable); a scope or platform Go name must not
// take one.
var ReservedGoNames = []string{
	"All", "AllPlatforms", "ForAPI", "Grant", "GrantUnsupported", "MaxMessageScan", "Parse", "ParsePlatform", "Platform", "ScannedMessage", "Scope", "UnknownNameError",
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
