package diag

// Rule names one kind of finding. IDs are SCREAMING_SNAKE and never change
// once released: CI scripts and editors filter on them.
type Rule struct {
	ID      string
	Purpose string
}

// Manifest rules: reported by load, validate and model. Each Purpose is the
// one sentence shown in README's rule table.
var (
	YAMLSyntax = Rule{"YAML_SYNTAX", "Checks that the manifest is well-formed YAML."}
	// Encoding covers bytes that no output language can carry: NUL, a BOM
	// inside a value, invalid UTF-8.
	Encoding           = Rule{"INVALID_ENCODING", "Checks that every string is valid UTF-8 without NUL or byte-order marks."}
	DuplicateKey       = Rule{"DUPLICATE_KEY", "Checks that no mapping repeats a key."}
	UnknownField       = Rule{"UNKNOWN_FIELD", "Checks that every key is one the manifest format defines."}
	WrongType          = Rule{"WRONG_TYPE", "Checks that every value has the type its key requires."}
	MissingField       = Rule{"MISSING_FIELD", "Checks that every required key is present."}
	Version            = Rule{"UNSUPPORTED_VERSION", "Checks that the manifest declares a format version this scopegen reads."}
	Limit              = Rule{"LIMIT_EXCEEDED", "Checks that the manifest stays within scopegen's size limits."}
	InvalidName        = Rule{"INVALID_NAME", "Checks that ids and names are non-empty and use only the characters their outputs allow."}
	InvalidValue       = Rule{"INVALID_VALUE", "Checks that free-text values are well-formed (single-line titles, valid patterns, URLs)."}
	UnknownPlatform    = Rule{"UNKNOWN_PLATFORM", "Checks that every platform a scope names is declared under platforms."}
	UnknownGrant       = Rule{"UNKNOWN_GRANT", "Checks that every grant mechanism is one of the closed set."}
	UnknownAPI         = Rule{"UNKNOWN_API", "Checks that per-platform API names and probes refer to APIs the scope guards."}
	ProbeMisuse        = Rule{"PROBE_NOT_ALLOWED", "Checks that a probe API is given only for onUse grants."}
	APIMultipleScopes  = Rule{"API_MULTIPLE_SCOPES", "Checks that every API is guarded by at most one scope."}
	DuplicateEntry     = Rule{"DUPLICATE_ENTRY", "Checks that list entries are not repeated."}
	NativeCollision    = Rule{"NATIVE_NAME_COLLISION", "Checks that two scopes never share a native name on one platform."}
	SettingCollision   = Rule{"SETTING_KEY_COLLISION", "Checks that two scopes never share a getSetting key on one platform."}
	PlatformCollision  = Rule{"PLATFORM_FIELD_COLLISION", "Checks that no two platforms share a JS global or an npm export condition."}
	GoIdentCollision   = Rule{"GO_IDENT_COLLISION", "Checks that every generated Go identifier is unique in its package."}
	TSIdentCollision   = Rule{"TS_IDENT_COLLISION", "Checks that every generated TypeScript identifier is unique in its module."}
	DetectCycle        = Rule{"DETECT_CYCLE", "Checks that alsoDefines does not make platform detection order circular."}
	EmptyScopePlatform = Rule{"SCOPE_WITHOUT_PLATFORM", "Checks that every scope is supported on at least one platform."}
	NPMMetadata        = Rule{"INVALID_NPM_METADATA", "Checks that npm package metadata is what npm accepts: a semver version, an SPDX license, URLs."}
)

// ManifestRules lists the manifest rules in the order README documents them.
var ManifestRules = []Rule{
	YAMLSyntax, Encoding, DuplicateKey, UnknownField, WrongType, MissingField, Version, Limit,
	InvalidName, InvalidValue, UnknownPlatform, UnknownGrant, UnknownAPI, ProbeMisuse,
	APIMultipleScopes, DuplicateEntry, NativeCollision, SettingCollision, PlatformCollision,
	GoIdentCollision, TSIdentCollision, DetectCycle, EmptyScopePlatform, NPMMetadata,
}
