package diag

// Rule names one kind of finding. IDs are SCREAMING_SNAKE and never change
// once released: CI scripts and editors filter on them.
type Rule struct {
	ID      string
	Purpose string
}

// Manifest rules: reported by load, validate and model. Each Purpose is the
// one sentence shown in docs/diagnostics.md's rule table.
var (
	YAMLSyntax = Rule{"YAML_SYNTAX", "Checks that the manifest is well-formed YAML."}
	// InvalidEncoding covers bytes that no output language can carry: NUL, a BOM
	// inside a value, invalid UTF-8.
	InvalidEncoding        = Rule{"INVALID_ENCODING", "Checks that every string is valid UTF-8 without NUL or byte-order marks."}
	DuplicateKey           = Rule{"DUPLICATE_KEY", "Checks that no mapping repeats a key."}
	UnknownField           = Rule{"UNKNOWN_FIELD", "Checks that every key is one the manifest format defines."}
	WrongType              = Rule{"WRONG_TYPE", "Checks that every value has the type its key requires."}
	MissingField           = Rule{"MISSING_FIELD", "Checks that every required key is present."}
	UnsupportedVersion     = Rule{"UNSUPPORTED_VERSION", "Checks that the manifest declares a format version this scopegen reads."}
	LimitExceeded          = Rule{"LIMIT_EXCEEDED", "Checks that the manifest stays within scopegen's size limits."}
	InvalidName            = Rule{"INVALID_NAME", "Checks that ids and names are non-empty, use only the characters their outputs allow, and take no name an output or its tools reserve (Go package names and folders, JavaScript globals and the runtime's own bindings, export conditions)."}
	InvalidValue           = Rule{"INVALID_VALUE", "Checks that free-text values are well-formed (single-line titles, no control or bidirectional control characters, valid patterns, URLs, no failure code 0)."}
	UnknownPlatform        = Rule{"UNKNOWN_PLATFORM", "Checks that every platform a scope names is declared under platforms."}
	UnknownGrant           = Rule{"UNKNOWN_GRANT", "Checks that every grant mechanism is one of the closed set."}
	UnknownAPI             = Rule{"UNKNOWN_API", "Checks that per-platform API names and probes refer to APIs the scope guards (on a browser, to probes its driver implements)."}
	ProbeNotAllowed        = Rule{"PROBE_NOT_ALLOWED", "Checks that a probe API is given only for onUse grants."}
	GrantNotAllowed        = Rule{"GRANT_NOT_ALLOWED", "Checks that a browser host (global navigator) grants scopes only onUse or none, the mechanisms its driver implements."}
	APIMultipleScopes      = Rule{"API_MULTIPLE_SCOPES", "Checks that every API is guarded by at most one scope."}
	DuplicateEntry         = Rule{"DUPLICATE_ENTRY", "Checks that list entries are not repeated."}
	NativeNameCollision    = Rule{"NATIVE_NAME_COLLISION", "Checks that two scopes never share a native name on one platform."}
	SettingKeyCollision    = Rule{"SETTING_KEY_COLLISION", "Checks that two scopes never share a getSetting key on one platform."}
	PlatformFieldCollision = Rule{"PLATFORM_FIELD_COLLISION", "Checks that no two platforms share a JS global or an npm export condition."}
	GoIdentCollision       = Rule{"GO_IDENT_COLLISION", "Checks that every generated Go identifier is unique in its package."}
	TSIdentCollision       = Rule{"TS_IDENT_COLLISION", "Checks that every generated TypeScript identifier is unique in its module."}
	DetectCycle            = Rule{"DETECT_CYCLE", "Checks that alsoDefines does not make platform detection order circular."}
	ScopeWithoutPlatform   = Rule{"SCOPE_WITHOUT_PLATFORM", "Checks that every scope is supported on at least one platform."}
	UnknownScope           = Rule{"UNKNOWN_SCOPE", "Checks that every scope the app part or an excludes list names is declared under scopes."}
	UnknownPrivacyAPI      = Rule{"UNKNOWN_PRIVACY_API", "Checks that a privacy gate lists only host privacy APIs scopegen knows."}
	PurposeRequired        = Rule{"PURPOSE_REQUIRED", "Checks that every requested scope a host needs a purpose for has one."}
	RequestConflict        = Rule{"REQUEST_CONFLICT", "Checks that the app does not request scopes a host refuses together."}
	UnknownSource          = Rule{"UNKNOWN_SOURCE", "Checks that every source an entry cites is declared under sources."}
	UnusedSource           = Rule{"UNUSED_SOURCE", "Checks that every declared source is cited by at least one entry."}
	NPMMetadata            = Rule{"INVALID_NPM_METADATA", "Checks that npm package metadata is what npm accepts: a semver version, an SPDX license, URLs."}
)

// ManifestRules lists the manifest rules in the order docs/diagnostics.md lists them.
var ManifestRules = []Rule{
	YAMLSyntax, InvalidEncoding, DuplicateKey, UnknownField, WrongType, MissingField, UnsupportedVersion, LimitExceeded,
	InvalidName, InvalidValue, UnknownPlatform, UnknownGrant, UnknownAPI, ProbeNotAllowed, GrantNotAllowed,
	APIMultipleScopes, DuplicateEntry, NativeNameCollision, SettingKeyCollision, PlatformFieldCollision,
	GoIdentCollision, TSIdentCollision, DetectCycle, ScopeWithoutPlatform,
	UnknownScope, UnknownPrivacyAPI, PurposeRequired, RequestConflict,
	UnknownSource, UnusedSource, NPMMetadata,
}
