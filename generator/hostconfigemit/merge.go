package hostconfigemit

import (
	"fmt"
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// Merge returns the app.json existing with hc's keys merged in, and
// whether that differs from existing as JSON (false: write nothing).
//
// Every key scopegen does not own keeps its value and its place. Within
// permission, an entry for a requested scope gets desc = its purpose
// (other fields of the entry are kept); an entry the catalog owns but the
// app no longer requests is removed; any other entry is kept. Within
// requiredPrivateInfos, requested APIs already listed keep their place,
// owned APIs no longer requested are removed, missing ones are appended
// in name order, and other entries are kept. A key absent from existing
// is added, at the end, only when it would not be empty.
//
// existing must be a JSON object; anything else is refused with an error,
// as is a permission that is not an object or a requiredPrivateInfos that
// is not an array of strings.
func Merge(existing []byte, hc *model.HostConfig) ([]byte, bool, error) {
	root, err := parse(existing)
	if err != nil {
		return nil, false, fmt.Errorf("not valid JSON: %v", err)
	}
	if root.kind != objectNode {
		return nil, false, fmt.Errorf("the top-level value is %s; app.json must be a JSON object", root.describe())
	}
	before, _ := parse(existing)
	if err := mergePermissions(root, hc); err != nil {
		return nil, false, err
	}
	if err := mergePrivateInfos(root, hc); err != nil {
		return nil, false, err
	}
	if equal(before, root) {
		return existing, false, nil
	}
	return encode(root), true, nil
}

func mergePermissions(root *node, hc *model.HostConfig) error {
	perm := root.get(PermissionKey)
	if perm == nil {
		if len(hc.Permissions) == 0 {
			return nil
		}
		perm = &node{kind: objectNode}
		root.set(PermissionKey, perm)
	}
	if perm.kind != objectNode {
		return fmt.Errorf("%q is %s; it must be an object", PermissionKey, perm.describe())
	}
	want := map[string]string{}
	for _, e := range hc.Permissions {
		want[e.Key] = e.Desc
	}
	kept := perm.members[:0]
	for _, m := range perm.members {
		desc, requested := want[m.key]
		switch {
		case requested:
			if m.value.kind != objectNode {
				m.value = &node{kind: objectNode}
			}
			m.value.set("desc", str(desc))
			delete(want, m.key)
		case slices.Contains(hc.OwnedPermissions, m.key):
			continue
		}
		kept = append(kept, m)
	}
	perm.members = kept
	for _, e := range hc.Permissions {
		if _, missing := want[e.Key]; missing {
			perm.set(e.Key, &node{kind: objectNode, members: []member{{"desc", str(e.Desc)}}})
		}
	}
	return nil
}

func mergePrivateInfos(root *node, hc *model.HostConfig) error {
	list := root.get(RequiredPrivateInfosKey)
	if list == nil {
		if len(hc.RequiredPrivateInfos) == 0 {
			return nil
		}
		list = &node{kind: arrayNode}
		root.set(RequiredPrivateInfosKey, list)
	}
	if list.kind != arrayNode {
		return fmt.Errorf("%q is %s; it must be an array of strings", RequiredPrivateInfosKey, list.describe())
	}
	listed := map[string]bool{}
	kept := list.items[:0]
	for _, item := range list.items {
		if item.kind != stringNode {
			return fmt.Errorf("%q holds %s; it must be an array of strings", RequiredPrivateInfosKey, item.describe())
		}
		requested := slices.Contains(hc.RequiredPrivateInfos, item.literal)
		if (requested && listed[item.literal]) || (!requested && slices.Contains(hc.OwnedPrivateInfos, item.literal)) {
			continue // a repeat of ours, or ours no longer requested
		}
		listed[item.literal] = true
		kept = append(kept, item)
	}
	list.items = kept
	for _, api := range hc.RequiredPrivateInfos {
		if !listed[api] {
			list.items = append(list.items, str(api))
		}
	}
	return nil
}
