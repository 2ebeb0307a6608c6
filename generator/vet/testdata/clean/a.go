// Package clean uses the generated packages as meant: nothing to report.
package clean

import (
	"example.com/app/generated/platform/bytedance"
	"example.com/app/generated/scope"
)

func album() (string, bool) {
	return bytedance.Native(scope.WritePhotosAlbum)
}

func isLocation(s scope.Scope) bool {
	return s == scope.UserLocation
}

func parse(name string) (scope.Scope, error) {
	return scope.Parse(name)
}
