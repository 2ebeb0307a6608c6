// Package hostconfigemit writes hostconfig/<platform>.app.json: the part of
// each host's app.json that scopegen owns (the permission entries and
// requiredPrivateInfos of the scopes the manifest's app part requests),
// and merges that part into a developer's existing app.json.
//
// JSON has no comments, so a fragment carries the generated-file marker in
// a "//" key, the usual convention for JSON configuration. The fragment is
// not an app.json to copy: WeChat's devtools reject app.json entries they
// do not know (docs/privacy.md, Host configuration: reported for
// permission entries), so
// Merge copies only the owned keys and never the "//" key.
package hostconfigemit

import (
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

// The app.json keys scopegen owns.
const (
	PermissionKey           = "permission"
	RequiredPrivateInfosKey = "requiredPrivateInfos"
	commentKey              = "//"
)

// Emit writes one fragment per host configuration of the app part; none
// without an app part.
func Emit(m *model.Model) (output.Files, error) {
	files := output.Files{}
	if m.App == nil {
		return files, nil
	}
	for _, hc := range m.App.HostConfigs {
		if hc.Module != nil {
			files[hc.Path()] = ModuleFragment(hc)
			files[hc.StringsPath()] = StringsFragment(hc)
			continue
		}
		files[hc.Path()] = Fragment(hc)
	}
	return files, nil
}

// Fragment is hc as JSON: the marker, then permission and
// requiredPrivateInfos, each only when non-empty.
func Fragment(hc *model.HostConfig) []byte {
	root := &node{kind: objectNode}
	root.set(commentKey, str(output.Marker+" The "+hc.Platform.Title+" app.json keys scopegen owns, for the scopes the manifest's app part requests. Merge them into app.json with: scopegen hostconfig -platform "+hc.Platform.ID+" -merge app.json"))
	for _, m := range owned(hc).members {
		root.set(m.key, m.value)
	}
	return encode(root)
}

// owned is hc's keys as JSON, each only when non-empty.
func owned(hc *model.HostConfig) *node {
	root := &node{kind: objectNode}
	if len(hc.Permissions) > 0 {
		perm := &node{kind: objectNode}
		for _, e := range hc.Permissions {
			perm.set(e.Key, &node{kind: objectNode, members: []member{{"desc", str(e.Desc)}}})
		}
		root.set(PermissionKey, perm)
	}
	if len(hc.RequiredPrivateInfos) > 0 {
		list := &node{kind: arrayNode}
		for _, api := range hc.RequiredPrivateInfos {
			list.items = append(list.items, str(api))
		}
		root.set(RequiredPrivateInfosKey, list)
	}
	return root
}

// ModuleFragment is hc's module.json5 part as JSON5: the marker as a
// comment, then module.requestPermissions (empty when nothing is
// requested).
func ModuleFragment(hc *model.HostConfig) []byte {
	list := &node{kind: arrayNode}
	for _, p := range hc.Module.RequestPermissions {
		list.items = append(list.items, permissionNode(p, hc.Module.UsedScene))
	}
	root := &node{kind: objectNode, members: []member{{ModuleKey, &node{kind: objectNode, members: []member{{RequestPermissionsKey, list}}}}}}
	header := "// " + output.Marker + " The " + hc.Platform.Title + " module.json5 requestPermissions scopegen owns, for the scopes the manifest's app part requests; each reason names a string resource of " + hc.Platform.ID + ".string.json. Merge both into a module with: scopegen hostconfig -platform " + hc.Platform.ID + " -merge " + model.ModuleFileExample + "\n"
	return append([]byte(header), encode(root)...)
}

// StringsFragment is the string.json part the reasons of hc's
// module.json5 fragment name: the marker in a "//" key, then string.
func StringsFragment(hc *model.HostConfig) []byte {
	list := &node{kind: arrayNode}
	for _, r := range hc.Module.Strings {
		list.items = append(list.items, resourceNode(r))
	}
	root := &node{kind: objectNode}
	root.set(commentKey, str(output.Marker+" The "+hc.Platform.Title+" string resources the reasons of "+hc.Platform.ID+".module.json5 name (resources/base/element/string.json). scopegen hostconfig -platform "+hc.Platform.ID+" -merge merges them with the module.json5."))
	root.set(StringKey, list)
	return encode(root)
}
