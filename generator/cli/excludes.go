package cli

import (
	"fmt"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// A support entry's privacy.excludes names scopes the host refuses
// together with the entry's scope. Copied from the catalog into a manifest
// that lacks one of those scopes (or whose entry for it is not on that
// host), the name is UNKNOWN_SCOPE or "not supported on platform": the rule
// holds vacuously there, since the app cannot request what the manifest
// does not have. init and add keep what applies and drop the rest.

// excludesOf is the entry's privacy.excludes sequence and the privacy
// mapping holding it, or nils.
func excludesOf(entry *yaml.Node) (privacy, excludes *yaml.Node) {
	privacy = mapValue(entry, "privacy")
	excludes = mapValue(privacy, "excludes")
	if excludes == nil || excludes.Kind != yaml.SequenceNode {
		return nil, nil
	}
	return privacy, excludes
}

// supportedOn says whether scopes (a manifest's scopes mapping) has scope
// name with a support entry for platform id.
func supportedOn(scopes *yaml.Node, name, id string) bool {
	return mapValue(mapValue(mapValue(scopes, name), "platforms"), id) != nil
}

// pruneExcludes drops, from the excludes of each support entry of scopes
// for which touched(scope, platform) holds, the scopes that scopes lacks
// on that platform; a list left empty goes with its key. The entries are
// replaced by copies, never edited in place: add's entries are the
// catalog's own nodes.
func pruneExcludes(scopes *yaml.Node, touched func(scope, id string) bool) {
	eachSupport(scopes, func(name, id string, slot **yaml.Node) {
		privacy, excludes := excludesOf(*slot)
		if excludes == nil || !touched(name, id) {
			return
		}
		kept := slices.DeleteFunc(slices.Clone(excludes.Content), func(n *yaml.Node) bool { return !supportedOn(scopes, n.Value, id) })
		if len(kept) == len(excludes.Content) {
			return
		}
		entry := shallowCopy(*slot)
		newPrivacy := shallowCopy(privacy)
		if len(kept) == 0 {
			filterPairs(newPrivacy, func(key string, _ *yaml.Node) bool { return key != "excludes" })
		} else {
			newExcludes := shallowCopy(excludes)
			newExcludes.Content = kept
			setValue(newPrivacy, "excludes", newExcludes)
		}
		if len(newPrivacy.Content) == 0 {
			filterPairs(entry, func(key string, _ *yaml.Node) bool { return key != "privacy" })
		} else {
			setValue(entry, "privacy", newPrivacy)
		}
		*slot = entry
	})
}

// eachSupport calls fn for each support entry of scopes (a manifest's
// scopes mapping) with the scope's name, the platform id and the slot
// holding the entry, which fn may replace.
func eachSupport(scopes *yaml.Node, fn func(name, id string, slot **yaml.Node)) {
	for i := 0; i+1 < len(scopes.Content); i += 2 {
		name, support := scopes.Content[i].Value, mapValue(scopes.Content[i+1], "platforms")
		if support == nil {
			continue
		}
		for j := 0; j+1 < len(support.Content); j += 2 {
			fn(name, support.Content[j].Value, &support.Content[j+1])
		}
	}
}

// shallowCopy copies a node and its Content slice (not the children).
func shallowCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = slices.Clone(n.Content)
	return &c
}

// excludesToAdd are the hints for scopes added to the manifest: for each
// entry the run did not add whose catalog counterpart excludes an added
// scope the entry's host supports, while the entry itself does not. add
// never rewrites an entry the user has, so it names the missing rule.
func excludesToAdd(scopes, catScopes *yaml.Node, added []string, untouched func(scope, id string) bool) []string {
	var hints []string
	eachSupport(scopes, func(name, id string, slot **yaml.Node) {
		if !untouched(name, id) {
			return
		}
		_, catExcludes := excludesOf(mapValue(mapValue(mapValue(catScopes, name), "platforms"), id))
		if catExcludes == nil {
			return
		}
		_, have := excludesOf(*slot)
		for _, n := range catExcludes.Content {
			if slices.Contains(added, n.Value) && supportedOn(scopes, n.Value, id) &&
				(have == nil || !slices.ContainsFunc(have.Content, func(h *yaml.Node) bool { return h.Value == n.Value })) {
				hints = append(hints, fmt.Sprintf("scopes.%s.platforms.%s.privacy.excludes does not list %s, which the catalog's does: add it there",
					diag.Quote(name), diag.Quote(id), diag.Quote(n.Value)))
			}
		}
	})
	return hints
}
