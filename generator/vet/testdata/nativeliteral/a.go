package nativeliteral

import "example.com/app/generated/scope"

var natives = map[scope.Scope]string{
	scope.WritePhotosAlbum: "scope.album", // want `"scope.album" is the native name of scope.WritePhotosAlbum on ByteDance: use bytedance.Native\(scope.WritePhotosAlbum\)`
}

func settingKey() string {
	return "album" // want `"album" is the setting key of scope.WritePhotosAlbum on ByteDance: use bytedance.SettingKey\(scope.WritePhotosAlbum\)`
}

func camera() string {
	return "scope.camera" // want `"scope.camera" is the native name and setting key of scope.Camera on ByteDance, WeChat: use bytedance.Native\(scope.Camera\)`
}

type request struct {
	Scope string `json:"scope"`
}

func unrelated() string {
	return "camera roll"
}
