package validate

import (
	"slices"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// authorize checks each platform's authorize: facts: they describe the
// host's authorize call, so some scope of the host must be granted by it
// (otherwise the facts change nothing and are likely on the wrong host).
func (c *checker) authorize(m *load.Manifest) {
	for _, p := range m.Platforms {
		a := p.Authorize
		if !a.Set {
			continue
		}
		c.text(a.Note, "authorize.note")
		uses := slices.ContainsFunc(m.Scopes, func(s *load.Scope) bool {
			return slices.ContainsFunc(s.Platforms, func(sup *load.Support) bool {
				return sup.Platform.Value == p.ID.Value && model.Grant(sup.Grant.Value) == model.GrantAuthorize
			})
		})
		if !uses {
			c.report(a.Pos, diag.InvalidValue, "platform %q has authorize facts but no scope it grants through authorize: remove authorize or give a scope grant: authorize", p.ID.Value)
		}
	}
}
