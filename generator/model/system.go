package model

import "github.com/scopegen/scopegen/generator/load"

// SystemLayer is a host's reads of the operating system's layer: whether
// the OS granted the host app a permission (a switch) and whether a device
// service is on. nil on a host whose docs give no such API.
type SystemLayer struct {
	// Switches is the sync API whose fields hold "authorized", "denied" or
	// "not determined" per permission; Services the sync API whose fields
	// are booleans per device service; Open the API that opens the host
	// app's OS settings page. "" where the host has none.
	Switches, Services, Open string
	Note                     string
}

// SystemNeed is the OS switch and the device service a scope's APIs need on
// one host; "" where none is consulted.
type SystemNeed struct {
	Switch, Service string
	Note            string
}

// Consulted reports whether the runtime reads anything for the scope.
func (n SystemNeed) Consulted() bool { return n.Switch != "" || n.Service != "" }

// The values a switches API reports. Only SwitchDenied refuses: "not
// determined" means the OS asks at the next use.
const (
	SwitchDenied = "denied"
)

// resolveSystem fills each platform's SystemLayer and each support's
// SystemNeed. A need naming an API its host lacks (reported by validate)
// is dropped.
func resolveSystem(m *load.Manifest, out *Model) {
	platforms := make(map[string]*Platform, len(out.Platforms))
	for _, p := range out.Platforms {
		platforms[p.ID] = p
	}
	for _, lp := range m.Platforms {
		if p := platforms[lp.ID.Value]; p != nil && lp.System.Set && p.System == nil {
			s := lp.System
			p.System = &SystemLayer{Switches: s.Switches.Value, Services: s.Services.Value, Open: s.Open.Value, Note: s.Note.Value}
		}
	}
	for _, ls := range m.Scopes {
		for _, lsup := range ls.Platforms {
			p := platforms[lsup.Platform.Value]
			if p == nil || p.System == nil || !lsup.System.Set {
				continue
			}
			for _, sup := range p.Scopes {
				if sup.Scope.Name != ls.Name.Value || sup.Pos != lsup.Pos {
					continue
				}
				n := SystemNeed{Note: lsup.System.Note.Value}
				if p.System.Switches != "" {
					n.Switch = lsup.System.Switch.Value
				}
				if p.System.Services != "" {
					n.Service = lsup.System.Service.Value
				}
				sup.System = n
			}
		}
	}
}
