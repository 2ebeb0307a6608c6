package vet

import "github.com/scopegen/scopegen/generator/diag"

// Vet rules: reported by the analyzer on Go code that uses the generated
// packages. Each Purpose is the one sentence shown in docs/vet.md's rule table.
var (
	NameLiteral   = diag.Rule{ID: "SCOPE_NAME_LITERAL", Purpose: "Checks that a scope or platform name used beside the generated types is written as its generated constant, not as a string."}
	UnknownName   = diag.Rule{ID: "UNKNOWN_SCOPE_NAME", Purpose: "Checks that every constant passed to Parse or ParsePlatform names a scope or platform of the manifest."}
	NativeLiteral = diag.Rule{ID: "NATIVE_NAME_LITERAL", Purpose: "Checks that a host's native scope name or setting key comes from its platform package, not from a hand-written string."}
	SwitchMissing = diag.Rule{ID: "SWITCH_NOT_EXHAUSTIVE", Purpose: "Checks that a switch over scope.Scope or scope.Platform covers every value or has a default."}
)

// Rules lists the vet rules in the order docs/vet.md documents them.
var Rules = []diag.Rule{NameLiteral, UnknownName, NativeLiteral, SwitchMissing}
