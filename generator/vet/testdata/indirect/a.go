// Package indirect uses scope.Scope values without importing the scope
// package: switches over them are checked, its other strings are not.
package indirect

import "example.com/app/indirect/lib"

func album() string {
	return "scope.album"
}

func current() int {
	switch lib.Current() { // want `switch over scope.Scope misses Camera, UserLocation, WritePhotosAlbum and has no default`
	}
	return 0
}
