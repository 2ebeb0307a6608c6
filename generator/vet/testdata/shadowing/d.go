package shadowing

import (
	other "example.com/app/generated/scope"
	scope "example.com/app/generated/scope"
)

var _ scope.Scope

// Imported under two names, one shadowed: the fix uses the other.
func twoNames(s other.Scope, scope bool) bool {
	return scope && s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}
