package rules

// The limits on one manifest. They bound the work any input can cause, so
// that no manifest makes scopegen hang or exhaust memory.
const (
	// MaxBytes bounds the manifest file; a 10,000-scope manifest is about
	// 3 MiB.
	MaxBytes = 32 << 20
	// MaxNodes bounds the YAML nodes the loader walks.
	MaxNodes = 4 << 20
	// MaxPlatforms keeps a scope's platform set in one uint64 bitset (bit
	// 0 is the invalid Platform).
	MaxPlatforms = 63
	MaxScopes    = 100_000
	// MaxNameLength bounds every name: ids, scope names, native names,
	// API names, Go names, export conditions.
	MaxNameLength = 128
	// MaxTextLength bounds every free text: titles, descriptions, notes.
	MaxTextLength = 4096
	// MaxReasonLength is HarmonyOS's limit on the reason of a module.json5
	// requestPermissions entry, in characters (Unicode code points): the
	// purpose of a request that a HarmonyOS entry shows as its reason
	// (Huawei, "Declaring Permissions": not over 256 characters).
	MaxReasonLength = 256
	// MaxNPMPackageLength is npm's own limit on a package name.
	MaxNPMPackageLength = 214
	// MaxMessageScan bounds what the generated code reads of a host's error
	// message: the denial and privacy patterns are matched against its
	// first MaxMessageScan UTF-16 code units (JavaScript's string length;
	// a surrogate pair the bound would cut is left out whole), in the JS
	// runtime's message() and the Go packages' IsDenial and
	// ClassifyPrivacy alike, so a megabyte message costs no more than one
	// at the bound.
	MaxMessageScan = 1024
)

// Limit is one limit as the docs list it.
type Limit struct {
	Name   string // the constant above
	Value  int
	Bounds string // what it bounds, as a phrase
	Stage  string // the pipeline stage that enforces it
}

// Limits lists every limit above, in the order docs/manifest.md gives them.
var Limits = []Limit{
	{"MaxBytes", MaxBytes, "bytes in the manifest file", "load"},
	{"MaxNodes", MaxNodes, "YAML nodes in the manifest", "load"},
	{"MaxPlatforms", MaxPlatforms, "platforms in one manifest", "validate"},
	{"MaxScopes", MaxScopes, "scopes in one manifest", "validate"},
	{"MaxNameLength", MaxNameLength, "bytes in a name (ids, scope, native, API and Go names, export conditions)", "validate"},
	{"MaxTextLength", MaxTextLength, "bytes in a free text (titles, descriptions, notes, purposes)", "validate"},
	{"MaxReasonLength", MaxReasonLength, "characters in a purpose a HarmonyOS requestPermissions entry shows as its reason", "validate"},
	{"MaxNPMPackageLength", MaxNPMPackageLength, "bytes in npm.package", "validate"},
	{"MaxMessageScan", MaxMessageScan, "UTF-16 code units of a host's error message the denial and privacy patterns read", "the generated code"},
}
