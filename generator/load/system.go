package load

import (
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// System is platforms.<id>.system: the host's reads of the operating
// system's permission layer (what the OS granted the host app itself) and
// of the device services. A platform without it has none the runtime uses.
type System struct {
	Pos diag.Pos
	Set bool
	// Switches is the sync API reporting the OS permission switches
	// ("getAppAuthorizeSetting"); Services the one reporting the device
	// services ("getSystemSetting"); Open the one opening the OS settings
	// page of the host app ("openAppAuthorizeSetting").
	Switches, Services, Open String
	Note                     String
	Sources                  Refs
}

// SystemNeed is scopes.<name>.platforms.<id>.system: the OS switch and the
// device service the scope's APIs need on that host.
type SystemNeed struct {
	Pos     diag.Pos
	Set     bool
	Switch  String // a field of the platform's switches API: "locationAuthorized"
	Service String // a field of the platform's services API: "locationEnabled"
	Note    String
	Sources Refs
}

func (w *walker) system(n *yaml.Node, owner string, s *System) {
	s.Pos, s.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "system of "+owner, []field{
		{"switches", false, func(_, v *yaml.Node) { s.Switches = w.str(v, "system.switches") }},
		{"services", false, func(_, v *yaml.Node) { s.Services = w.str(v, "system.services") }},
		{"open", false, func(_, v *yaml.Node) { s.Open = w.str(v, "system.open") }},
		{"note", false, func(_, v *yaml.Node) { s.Note = w.str(v, "note") }},
		{"sources", false, func(k, v *yaml.Node) { s.Sources = w.refs(k, v) }},
	})
}

func (w *walker) systemNeed(n *yaml.Node, owner string, s *SystemNeed) {
	s.Pos, s.Set = pos(n), n.Kind == yaml.MappingNode
	w.mapping(n, "system of "+owner, []field{
		{"switch", false, func(_, v *yaml.Node) { s.Switch = w.str(v, "system.switch") }},
		{"service", false, func(_, v *yaml.Node) { s.Service = w.str(v, "system.service") }},
		{"note", false, func(_, v *yaml.Node) { s.Note = w.str(v, "note") }},
		{"sources", false, func(k, v *yaml.Node) { s.Sources = w.refs(k, v) }},
	})
}
