package hostconfigemit

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// The module.json5 and string.json keys scopegen edits.
const (
	ModuleKey             = "module"
	RequestPermissionsKey = "requestPermissions"
	StringKey             = "string"
	resourceRef           = "$string:"
)

// The files MergeModule edits, as PosError.File names them.
const (
	ModuleFile  = "module.json5"
	StringsFile = "string.json"
)

// ModuleMerge is a merge of a module.json5 and its string.json.
type ModuleMerge struct {
	// Module and Strings are the merged files; Changed says whether
	// either differs from what was read (false: write nothing).
	Module, Strings []byte
	Changed         bool
	// Union is string.json with the new resources and still every old
	// one: written before module.json5, so that at every point each
	// resource module.json5 names exists (Strings, written last, then
	// drops the stale ones). Equal to Strings when nothing is dropped.
	Union []byte
	// Kept are resources scopegen owns and would drop, kept because
	// module.json5 still names them outside scopegen's entries.
	Kept []string
}

// MergeModule returns a HarmonyOS module.json5 and the string.json beside
// it (resources/base/element/string.json) with hc.Module merged in, and
// whether either changed (false: write nothing). See MergeModuleFiles.
func MergeModule(module, strs []byte, hc *model.HostConfig, also ...*model.Platform) (outModule, outStrings []byte, changed bool, err error) {
	m, err := MergeModuleFiles(module, strs, hc, also...)
	if err != nil {
		return nil, nil, false, err
	}
	return m.Module, m.Strings, m.Changed, nil
}

// MergeModuleFiles merges hc.Module into a module.json5 and its
// string.json. Both are read and merged before anything is returned, so
// a refusal of either leaves both as they were.
//
// Ownership is by the names scopegen derives (model.ModuleOwned of
// hc.Platform and of also, such as the built-in catalog's platform, and
// hc.Module's own entries): a requestPermissions entry is scopegen's when
// its name is a permission those scopes can declare and its reason names
// one of their resources (model.ResourceName); a string resource, when
// its name is one of those resources. scopegen's entries and resources
// are replaced by the ones hc.Module asks for (appended at the end of
// their array, in name order); every other entry and resource, and every
// other byte of both files (comments, spacing, trailing commas, quotes),
// is kept. A resource of scopegen's that the merged module.json5 still
// names ($string:<name> outside scopegen's entries, in a string as
// decoded or in a comment) is kept too, and listed in Kept. A permission the app declares by hand (an entry not
// scopegen's with that name) is kept as it is and not declared twice;
// its string resource is then not written.
//
// Refused, as a *PosError naming the file: what is not one JSON5 object,
// a module.json5 without a module object, nesting deeper than MaxDepth, a
// key repeated within an object, a requestPermissions that is not an
// array of objects each with a string name, a string that is not an array
// of objects each with a string name, and a merged file (either, or the
// Union) over rules.MaxBytes: its next merge would refuse to read it.
func MergeModuleFiles(module, strs []byte, hc *model.HostConfig, also ...*model.Platform) (*ModuleMerge, error) {
	if hc.Module == nil {
		return nil, &PosError{Line: 1, Column: 1, File: ModuleFile, Msg: hc.Platform.Title + " is configured by app.json, not module.json5"}
	}
	own := ownership(hc, also)
	outModule, written, perr := mergeModuleFile(module, hc.Module, own)
	if perr != nil {
		perr.File = ModuleFile
		return nil, perr
	}
	var res []model.StringResource
	for _, s := range hc.Module.Strings {
		if written[s.Name] {
			res = append(res, s)
		}
	}
	named := resourcesNamed(outModule)
	m := &ModuleMerge{Module: outModule}
	// drop says which resources of string.json go: in the final form
	// scopegen's not named (unless rewritten), in the union only the
	// rewritten ones.
	rewritten := map[string]bool{}
	for _, r := range res {
		rewritten[r.Name] = true
	}
	final := func(name string) bool {
		if rewritten[name] {
			return true
		}
		if !own.Resources[name] {
			return false
		}
		if named[name] {
			m.Kept = append(m.Kept, name)
			return false
		}
		return true
	}
	if m.Strings, perr = mergeStringsFile(strs, res, final); perr == nil {
		m.Union, perr = mergeStringsFile(strs, res, func(name string) bool { return rewritten[name] })
	}
	if perr != nil {
		perr.File = StringsFile
		return nil, perr
	}
	for _, f := range []struct {
		file string
		out  []byte
	}{{ModuleFile, m.Module}, {StringsFile, m.Union}, {StringsFile, m.Strings}} {
		if perr := overLimit(f.out); perr != nil {
			perr.File = f.file
			return nil, perr
		}
	}
	slices.Sort(m.Kept)
	m.Kept = slices.Compact(m.Kept)
	m.Changed = !bytes.Equal(outModule, module) || !bytes.Equal(m.Strings, strs)
	return m, nil
}

// ownership is what scopegen owns merging hc: what the scopes of
// hc.Platform and also declare, and hc.Module's own entries.
func ownership(hc *model.HostConfig, also []*model.Platform) model.ModuleOwnership {
	own := model.ModuleOwned(append([]*model.Platform{hc.Platform}, also...)...)
	for _, p := range hc.Module.RequestPermissions {
		own.Permissions[p.Name] = true
		own.Resources[p.Resource] = true
	}
	return own
}

// resourcesNamed are the string resources data, a module.json5 scan5
// has read, names: each $string:<name> in the decoded text of any of its
// strings (values and keys alike: escapes and line continuations are
// read as a host reads them), and each in the raw text of a comment, so
// that a name is never taken for unused when it is not.
func resourcesNamed(data []byte) map[string]bool {
	named := map[string]bool{}
	for i := 0; i < len(data); {
		switch c := data[i]; {
		case c == '"' || c == '\'':
			text, end, err := string5(data, i)
			if err != nil { // not from scan5: what is left, raw
				refsIn(data[i:], named)
				return named
			}
			refsIn([]byte(text), named)
			i = end
		case c == '/' && i+1 < len(data) && (data[i+1] == '/' || data[i+1] == '*'):
			end, err := commentEnd(data, i)
			if err != nil {
				end = len(data)
			}
			refsIn(data[i:end], named)
			i = end
		default:
			i++
		}
	}
	return named
}

// refsIn adds to named each $string:<name> of text.
func refsIn(text []byte, named map[string]bool) {
	for rest := text; ; {
		i := bytes.Index(rest, []byte(resourceRef))
		if i < 0 {
			return
		}
		rest = rest[i+len(resourceRef):]
		n := 0
		for n < len(rest) && (rest[n] == '_' || rest[n] == '.' || rest[n] >= '0' && rest[n] <= '9' || rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z') {
			n++
		}
		named[string(rest[:n])] = true
		rest = rest[n:]
	}
}

// mergeModuleFile merges mc's requestPermissions into module.json5; written
// are the resources the entries it wrote name.
func mergeModuleFile(data []byte, mc *model.ModuleConfig, own model.ModuleOwnership) ([]byte, map[string]bool, *PosError) {
	root, err := scan5(data, []string{ModuleKey, RequestPermissionsKey, "*"})
	if err != nil {
		return nil, nil, err.(*PosError)
	}
	if root.kind != '{' {
		return nil, nil, errorAt(data, root.start, "the top-level value is %s; module.json5 must be an object", root.describe(data))
	}
	mod := root.get(ModuleKey)
	if mod == nil {
		return nil, nil, errorAt(data, root.start, "no %q object at the top level: give the module.json5 of a HarmonyOS module (such as %s)", ModuleKey, model.ModuleFileExample)
	}
	if mod.value.kind != '{' {
		return nil, nil, errorAt(data, mod.value.start, "%q is %s; it must be an object", ModuleKey, mod.value.describe(data))
	}
	e := newEditor(data, root)
	e.json5 = true
	hand := map[string]bool{} // permissions declared by hand
	list := mod.value.get(RequestPermissionsKey)
	var remove []bool
	if list != nil {
		arr := list.value
		if arr.kind != '[' {
			return nil, nil, errorAt(data, arr.start, "%q is %s; it must be an array of objects", RequestPermissionsKey, arr.describe(data))
		}
		remove = make([]bool, len(arr.items()))
		for i, item := range arr.items() {
			name, reason, err := nameOf(data, item, RequestPermissionsKey, "reason")
			if err != nil {
				return nil, nil, err
			}
			if ownedEntry(own, name, reason) {
				remove[i] = true
			} else {
				hand[name] = true
			}
		}
	}
	written := map[string]bool{}
	var add []element
	for _, p := range mc.RequestPermissions {
		if hand[p.Name] {
			continue
		}
		written[p.Resource] = true
		add = append(add, element{"", permissionNode(p, mc.UsedScene)})
	}
	if list == nil {
		if len(add) > 0 {
			arr := &node{kind: arrayNode}
			for _, a := range add {
				arr.items = append(arr.items, a.value)
			}
			e.change(mod.value, make([]bool, len(mod.value.members())), []element{{RequestPermissionsKey, arr}})
		}
	} else {
		e.change(list.value, remove, add)
	}
	out, perr := e.done()
	return out, written, perr
}

// ownedEntry reports whether a requestPermissions entry is scopegen's:
// a permission its scopes declare, with a reason naming its resource.
func ownedEntry(own model.ModuleOwnership, name, reason string) bool {
	res, ok := strings.CutPrefix(reason, resourceRef)
	return ok && own.Resources[res] && own.Permissions[name]
}

// mergeStringsFile merges res into string.json's string array, dropping
// the resources drop names.
func mergeStringsFile(data []byte, res []model.StringResource, drop func(name string) bool) ([]byte, *PosError) {
	root, err := scan5(data, []string{StringKey, "*"})
	if err != nil {
		return nil, err.(*PosError)
	}
	if root.kind != '{' {
		return nil, errorAt(data, root.start, "the top-level value is %s; string.json must be an object", root.describe(data))
	}
	e := newEditor(data, root)
	e.json5 = true
	var add []element
	for _, r := range res {
		add = append(add, element{"", resourceNode(r)})
	}
	list := root.get(StringKey)
	if list == nil {
		if len(add) > 0 {
			arr := &node{kind: arrayNode}
			for _, a := range add {
				arr.items = append(arr.items, a.value)
			}
			e.change(root, make([]bool, len(root.members())), []element{{StringKey, arr}})
		}
		return e.done()
	}
	arr := list.value
	if arr.kind != '[' {
		return nil, errorAt(data, arr.start, "%q is %s; it must be an array of objects", StringKey, arr.describe(data))
	}
	remove := make([]bool, len(arr.items()))
	for i, item := range arr.items() {
		name, _, err := nameOf(data, item, StringKey, "")
		if err != nil {
			return nil, err
		}
		remove[i] = drop(name)
	}
	e.change(arr, remove, add)
	return e.done()
}

// nameOf reads an array item that must be an object with a string name,
// and its string member other ("" when absent or not a string).
func nameOf(data []byte, item *value, key, other string) (name, otherValue string, err *PosError) {
	if item.kind != '{' {
		return "", "", errorAt(data, item.start, "%q holds %s; it must be an array of objects", key, item.describe(data))
	}
	n := item.get("name")
	if n == nil || n.value.kind != '"' {
		return "", "", errorAt(data, item.start, "an entry of %q has no string \"name\"; give each entry its name", key)
	}
	name, _, _ = string5(data, n.value.start)
	if o := item.get(other); other != "" && o != nil && o.value.kind == '"' {
		otherValue, _, _ = string5(data, o.value.start)
	}
	return name, otherValue, nil
}

// overLimit refuses a merged file over rules.MaxBytes, the most a merge
// reads: written, it would make the next merge refuse the file, and with
// it the removal of what scopegen no longer asks for.
func overLimit(out []byte) *PosError {
	if len(out) <= rules.MaxBytes {
		return nil
	}
	return &PosError{Line: 1, Column: 1, Msg: fmt.Sprintf("merged, the file would be %d bytes, %d over the limit of %d bytes a merge reads (its next merge would refuse it); make it smaller", len(out), len(out)-rules.MaxBytes, rules.MaxBytes)}
}

// done applies the edits and checks that the result still reads: a
// result that does not would be a bug of the editor, refused rather than
// written (FuzzMergeModule holds that it never happens).
func (e *editor) done() ([]byte, *PosError) {
	if len(e.edits) == 0 {
		return e.data, nil
	}
	out := e.apply()
	if _, err := scan5(out); err != nil {
		return nil, &PosError{Line: 1, Column: 1, Msg: fmt.Sprintf("scopegen's merge made invalid JSON5 (%v); this is a bug of scopegen, please report it with the file", err)}
	}
	return out, nil
}

func permissionNode(p model.ModulePermission, scene model.UsedScene) *node {
	abilities := &node{kind: arrayNode}
	for _, a := range scene.Abilities {
		abilities.items = append(abilities.items, str(a))
	}
	return &node{kind: objectNode, members: []member{
		{"name", str(p.Name)},
		{"reason", str(resourceRef + p.Resource)},
		{"usedScene", &node{kind: objectNode, members: []member{{"abilities", abilities}, {"when", str(scene.When)}}}},
	}}
}

func resourceNode(r model.StringResource) *node {
	return &node{kind: objectNode, members: []member{{"name", str(r.Name)}, {"value", str(r.Value)}}}
}
