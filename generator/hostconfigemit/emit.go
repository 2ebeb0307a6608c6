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
