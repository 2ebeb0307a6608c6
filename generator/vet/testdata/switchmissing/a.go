package switchmissing

import "example.com/app/generated/scope"

func scopes(s scope.Scope) int {
	switch s { // want `switch over scope.Scope misses UserLocation, WritePhotosAlbum and has no default`
	case scope.Camera:
		return 1
	}
	switch s {
	case scope.Camera, scope.UserLocation, scope.WritePhotosAlbum:
		return 2
	}
	switch s {
	case scope.Camera:
		return 3
	default:
	}
	return 0
}

func platforms(p scope.Platform) int {
	switch p { // want `switch over scope.Platform misses ByteDance and has no default`
	case scope.WeChat:
		return 1
	}
	switch {
	case p == scope.WeChat:
		return 2
	}
	return 0
}
