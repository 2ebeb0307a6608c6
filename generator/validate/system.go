package validate

import (
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// system checks each platform's operating-system layer and what each
// scope needs of it: a scope can name a switch or a service only where the
// host has the API that reports it.
func (c *checker) system(m *load.Manifest, platforms map[string]*load.Platform) {
	for _, p := range m.Platforms {
		s := p.System
		if !s.Set {
			continue
		}
		if !s.Switches.Set && !s.Services.Set {
			c.report(s.Pos, diag.MissingField, "system of platform %q names neither switches nor services: give the API that reports them, or remove the key", p.ID.Value)
		}
		for _, api := range []load.String{s.Switches, s.Services, s.Open} {
			if api.Set {
				c.pattern(api, rules.APINamePattern, "system API", "a host method name such as getAppAuthorizeSetting")
			}
		}
		c.text(s.Note, "note")
	}
	for _, sc := range m.Scopes {
		for _, sup := range sc.Platforms {
			need := sup.System
			if !need.Set {
				continue
			}
			p := platforms[sup.Platform.Value]
			if !need.Switch.Set && !need.Service.Set {
				c.report(need.Pos, diag.MissingField, "system names neither switch nor service: give one, or remove the key")
			}
			c.systemField(need.Switch, "system.switch", p, func(s load.System) load.String { return s.Switches }, "switches")
			c.systemField(need.Service, "system.service", p, func(s load.System) load.String { return s.Services }, "services")
			c.text(need.Note, "note")
		}
	}
}

// systemField checks a field name the runtime reads from the host's
// switches or services API, and that the host has that API.
func (c *checker) systemField(f load.String, what string, p *load.Platform, api func(load.System) load.String, key string) {
	if !f.Set || !c.global(f, what) {
		return
	}
	if p != nil && !api(p.System).Set {
		c.report(f.Pos, diag.MissingField, "%s needs platforms.%s.system.%s: the API that reports it", what, p.ID.Value, key)
	}
}
