package nameliteral

import "example.com/app/generated/scope"

func compare(s scope.Scope, p scope.Platform) bool {
	if s.String() == "scope.userLocation" { // want `"scope.userLocation" is the scope scope.UserLocation: compare s with it`
		return true
	}
	return "wechat" != p.String() // want `"wechat" is the platform scope.WeChat: compare p with it`
}

func keys() int {
	perms := map[string]int{"scope.camera": 1} // want `"scope.camera" is the scope scope.Camera: use scope.Camera.String\(\) as the key`
	return perms["scope.writePhotosAlbum"]     // want `"scope.writePhotosAlbum" is the scope scope.WritePhotosAlbum: use scope.WritePhotosAlbum.String\(\) as the key`
}

func parse() (scope.Scope, error) {
	return scope.Parse("scope.camera") // want `Parse\("scope.camera"\) is always scope.Camera: use the constant`
}

func switchString(s scope.Scope) int {
	switch s.String() { // want `switch over s.String\(\) compares scope names as strings: switch over s and case on the constants`
	case "scope.camera":
		return 1
	case "scope.userLocation", "scope.writePhotosAlbum":
		return 2
	}
	return 0
}
