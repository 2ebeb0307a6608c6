package shadowing

import "example.com/app/generated/scope"

// A parameter named scope: scope.Camera would not compile here, so the
// finding has no fix.
func param(s scope.Scope, scope string) bool {
	return scope != "" && s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}

// So does a local variable declared before the comparison.
func local(s scope.Scope) bool {
	scope := len(s.String())
	return scope > 0 && s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}

// Declared after the comparison, the same name does not shadow it: fixed.
func later(s scope.Scope) bool {
	ok := s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
	scope := ok
	return scope
}

// An inner block's variable shadows the import only inside the block.
func block(s scope.Scope) bool {
	if scope := 1; scope > 1 {
		return s.String() == "scope.userLocation" // want `"scope.userLocation" is the scope scope.UserLocation: compare s with it`
	}
	return s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}

// A map key under a shadowing parameter.
func key(scope int) map[string]int {
	return map[string]int{"scope.camera": scope} // want `"scope.camera" is the scope scope.Camera: use scope.Camera.String\(\) as the key`
}

// A switch is fixed whole or not at all.
func switchShadowed(s scope.Scope) int {
	scope := 2
	switch s.String() { // want `switch over s.String\(\) compares scope names as strings: switch over s and case on the constants`
	case "scope.camera":
		return scope
	}
	return 0
}
