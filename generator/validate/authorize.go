package validate

import "github.com/scopegen/scopegen/generator/load"

// authorize checks each platform's authorize: facts beyond what the loader
// reads (answersRecorded required, a boolean; sources cited are checked
// with every other list). Facts on a host none of whose scopes is granted
// by authorize are allowed: they change nothing, and `scopegen init` may
// narrow a manifest to such a host.
func (c *checker) authorize(m *load.Manifest) {
	for _, p := range m.Platforms {
		if p.Authorize.Set {
			c.text(p.Authorize.Note, "authorize.note")
		}
	}
}
