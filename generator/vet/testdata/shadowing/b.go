package shadowing

import sc "example.com/app/generated/scope"

// The import's own name is used.
func alias(s sc.Scope) bool {
	return s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}

// The alias shadowed by a parameter: no fix.
func aliasShadowed(s sc.Scope, sc int) bool {
	return sc > 0 && s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}

// A local named scope does not matter where the file says sc.
func defaultNameFree(s sc.Scope) bool {
	scope := 1
	return scope > 0 && s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}
