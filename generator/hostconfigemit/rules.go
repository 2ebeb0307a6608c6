package hostconfigemit

import (
	"fmt"
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// checkExcludes refuses a merged app.json the host would refuse: entries of
// two scopes that a platform's privacy.excludes keeps apart (WeChat refuses
// getFuzzyLocation beside getLocation in requiredPrivateInfos). The rule
// is the manifest's own, the one validate's REQUEST_CONFLICT applies to
// requests; here it applies to what app.json declares, which also holds
// entries the developer wrote by hand.
//
// A scope is declared by its requiredPrivateInfos names when it has any,
// else by its permission key.
func checkExcludes(data []byte, infos, perms []entry, platforms []*model.Platform) error {
	for _, p := range platforms {
		if p == nil {
			continue
		}
		for _, sup := range p.Scopes {
			for _, x := range sup.Privacy.Excludes {
				other := supportOn(p, x)
				if other == nil {
					continue
				}
				a, aKind := declaredBy(sup, infos, perms)
				b, bKind := declaredBy(other, infos, perms)
				if a == nil || b == nil {
					continue
				}
				at := max(a.at, b.at, 0)
				return errorAt(data, at, "%s %q%s and %s %q%s cannot both be declared: %s refuses %s and %s together (privacy.excludes of %s); remove one",
					aKind, a.name, where(data, a.at), bKind, b.name, where(data, b.at),
					p.Title, sup.Scope.Name, x.Name, sup.Scope.Name)
			}
		}
	}
	return nil
}

// declaredNames are the requiredPrivateInfos names and permission keys
// the scopes of platforms declare: the only entries checkExcludes reads.
func declaredNames(platforms []*model.Platform) map[string]bool {
	names := map[string]bool{}
	for _, p := range platforms {
		if p == nil {
			continue
		}
		for _, sup := range p.Scopes {
			for _, api := range sup.Privacy.RequiredPrivateInfos {
				names[api] = true
			}
			if sup.Privacy.Permission != "" {
				names[sup.Privacy.Permission] = true
			}
		}
	}
	return names
}

func supportOn(p *model.Platform, s *model.Scope) *model.Support {
	for _, sup := range p.Scopes {
		if sup.Scope.Name == s.Name {
			return sup
		}
	}
	return nil
}

// declaredBy returns the first entry of the merged app.json that declares
// sup, and which key holds it.
func declaredBy(sup *model.Support, infos, perms []entry) (*entry, string) {
	if len(sup.Privacy.RequiredPrivateInfos) > 0 {
		for i, e := range infos {
			if slices.Contains(sup.Privacy.RequiredPrivateInfos, e.name) {
				return &infos[i], RequiredPrivateInfosKey
			}
		}
		return nil, ""
	}
	if sup.Privacy.Permission == "" {
		return nil, ""
	}
	for i, e := range perms {
		if e.name == sup.Privacy.Permission {
			return &perms[i], PermissionKey
		}
	}
	return nil, ""
}

// where says where an entry comes from: its place in the file, or the
// manifest's request when the merge adds it.
func where(data []byte, at int) string {
	if at < 0 {
		return " (added by this merge: the manifest requests it)"
	}
	line, col := position(data, at)
	return fmt.Sprintf(" (at %d:%d)", line, col)
}
