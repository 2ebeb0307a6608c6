package hostconfigemit

import (
	"bytes"
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// Merge returns the app.json existing with hc's keys merged in, and
// whether that differs from existing (false: write nothing).
//
// Only the owned keys' bytes change; every other byte is copied as it was
// (escapes, spacing, number forms, order). Within permission, an entry
// for a requested scope gets desc = its purpose (other fields of the entry
// are kept); an entry the catalog owns but the app no longer requests is
// removed; any other entry is kept. Within requiredPrivateInfos, requested
// APIs already listed keep their place, owned APIs no longer requested are
// removed, missing ones are appended in name order, and other entries are
// kept. A key absent from existing is added, at the end, only when it
// would not be empty. New text follows the file's indentation.
//
// Refused, as a *PosError: what is not one JSON object, nesting deeper
// than MaxDepth, a key repeated within an object, a permission that is
// not an object or a requiredPrivateInfos that is not an array of strings,
// a result over rules.MaxBytes (the next merge would refuse to read it),
// and a result the host would refuse: two entries of scopes that
// hc.Platform or any of also (the same host in another manifest, such as
// the built-in catalog) excludes from each other (privacy.excludes).
func Merge(existing []byte, hc *model.HostConfig, also ...*model.Platform) ([]byte, bool, error) {
	requested := map[string]bool{}
	for _, p := range hc.Permissions {
		requested[p.Key] = true
	}
	root, err := scan(existing, requested)
	if err != nil {
		return nil, false, err
	}
	if root.kind != '{' {
		return nil, false, errorAt(existing, root.start, "the top-level value is %s; app.json must be a JSON object", root.describe(existing))
	}
	platforms := append([]*model.Platform{hc.Platform}, also...)
	e := newEditor(existing, root)
	e.relevant = declaredNames(platforms)
	var add []element
	perms, err := e.mergePermissions(root, hc, &add)
	if err != nil {
		return nil, false, err
	}
	infos, err := e.mergePrivateInfos(root, hc, &add)
	if err != nil {
		return nil, false, err
	}
	e.change(root, make([]bool, len(root.members())), add)
	if err := checkExcludes(existing, infos, perms, platforms); err != nil {
		return nil, false, err
	}
	if len(e.edits) == 0 {
		return existing, false, nil
	}
	out := e.apply()
	if perr := overLimit(out); perr != nil {
		return nil, false, perr
	}
	return out, !bytes.Equal(out, existing), nil
}

// entry is one permission key or requiredPrivateInfos name of the merged
// file that some scope of the platforms declares (others cannot break a
// host rule): at is its offset in the existing file, -1 when the merge
// adds it.
type entry struct {
	name string
	at   int
}

func (e *editor) mergePermissions(root *value, hc *model.HostConfig, add *[]element) ([]entry, error) {
	var result []entry
	perm := root.get(PermissionKey)
	if perm == nil {
		if len(hc.Permissions) > 0 {
			*add = append(*add, element{PermissionKey, owned(hc).members[0].value})
		}
		for _, p := range hc.Permissions {
			result = append(result, entry{p.Key, -1})
		}
		return result, nil
	}
	obj := perm.value
	if obj.kind != '{' {
		return nil, errorAt(e.data, obj.start, "%q is %s; it must be an object", PermissionKey, obj.describe(e.data))
	}
	want := map[string]string{}
	for _, p := range hc.Permissions {
		want[p.Key] = p.Desc
	}
	remove := make([]bool, len(obj.members()))
	for i, m := range obj.members() {
		desc, requested := want[m.key]
		switch {
		case requested:
			e.setDesc(m.value, desc)
			delete(want, m.key)
		case slices.Contains(hc.OwnedPermissions, m.key):
			remove[i] = true
			continue
		}
		if e.relevant[m.key] {
			result = append(result, entry{m.key, m.keyStart})
		}
	}
	var missing []element
	for _, p := range hc.Permissions {
		if _, ok := want[p.Key]; ok {
			missing = append(missing, element{p.Key, descObject(p.Desc)})
			result = append(result, entry{p.Key, -1})
		}
	}
	e.change(obj, remove, missing)
	return result, nil
}

func descObject(desc string) *node {
	return &node{kind: objectNode, members: []member{{"desc", str(desc)}}}
}

// setDesc makes v, a requested scope's permission entry, an object whose
// desc is desc, keeping its other members.
func (e *editor) setDesc(v *value, desc string) {
	if v.kind != '{' {
		e.replace(v, descObject(desc))
		return
	}
	d := v.get("desc")
	switch {
	case d == nil:
		e.change(v, make([]bool, len(v.members())), []element{{"desc", str(desc)}})
	case d.value.kind != '"' || decodeString(e.data, d.value.start, d.value.end) != desc:
		e.replace(d.value, str(desc))
	}
}

func (e *editor) mergePrivateInfos(root *value, hc *model.HostConfig, add *[]element) ([]entry, error) {
	var result []entry
	list := root.get(RequiredPrivateInfosKey)
	if list == nil {
		if len(hc.RequiredPrivateInfos) > 0 {
			*add = append(*add, element{RequiredPrivateInfosKey, owned(hc).get(RequiredPrivateInfosKey)})
		}
		for _, api := range hc.RequiredPrivateInfos {
			result = append(result, entry{api, -1})
		}
		return result, nil
	}
	arr := list.value
	if arr.kind != '[' {
		return nil, errorAt(e.data, arr.start, "%q is %s; it must be an array of strings", RequiredPrivateInfosKey, arr.describe(e.data))
	}
	listed := map[string]bool{} // requested names already in the list
	remove := make([]bool, len(arr.items()))
	for i, item := range arr.items() {
		if item.kind != '"' {
			return nil, errorAt(e.data, item.start, "%q holds %s; it must be an array of strings", RequiredPrivateInfosKey, item.describe(e.data))
		}
		name := decodeString(e.data, item.start, item.end)
		requested := slices.Contains(hc.RequiredPrivateInfos, name)
		if (requested && listed[name]) || (!requested && slices.Contains(hc.OwnedPrivateInfos, name)) {
			remove[i] = true // a repeat of ours, or ours no longer requested
			continue
		}
		if requested {
			listed[name] = true
		}
		if e.relevant[name] {
			result = append(result, entry{name, item.start})
		}
	}
	var missing []element
	for _, api := range hc.RequiredPrivateInfos {
		if !listed[api] {
			missing = append(missing, element{"", str(api)})
			result = append(result, entry{api, -1})
		}
	}
	e.change(arr, remove, missing)
	return result, nil
}
