package shadowing

import . "example.com/app/generated/scope"

// A dot import: the constant is written bare.
func dot(s Scope) bool {
	return s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}

// Unless a local name shadows the constant itself.
func dotShadowed(s Scope) bool {
	Camera := "x"
	return Camera != "" && s.String() == "scope.camera" // want `"scope.camera" is the scope scope.Camera: compare s with it`
}
