package goemit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
)

// systemFile emits system.go for a platform with an OS layer: for each
// scope, the field of the host's switches API (OSSwitch) and of its
// services API (DeviceService) that the runtime consults, for Go services
// that receive device state from a client.
func systemFile(m *model.Model, p *model.Platform) *jen.File {
	scopePkg := scopePath(m)
	f := newFile(platformPath(m, p), p.ID, map[string]string{scopePkg: "scope"})
	q := func(name string) *jen.Statement { return jen.Qual(scopePkg, name) }
	s := p.System
	lookup := func(name, api, what string, field func(model.SystemNeed) string) {
		var cases []jen.Code
		for _, sup := range p.Scopes {
			if v := field(sup.System); v != "" {
				cases = append(cases, jen.Case(q(sup.Scope.GoName)).Block(jen.Return(jen.Lit(v), jen.True())))
			}
		}
		body := []jen.Code{}
		if len(cases) > 0 {
			body = append(body, jen.Switch(jen.Id("s")).Block(cases...))
		}
		body = append(body, jen.Return(jen.Lit(""), jen.False()))
		doc := fmt.Sprintf("%s returns the field of %s's %s() result that reports %s the APIs of s need; false when %s consults none for s.", name, p.Title, api, what, p.Title)
		if api == "" {
			doc = fmt.Sprintf("%s always reports false: %s has no API reporting %s.", name, p.Title, what)
		}
		declDoc(f, doc).Func().Id(name).Params(jen.Id("s").Add(q("Scope"))).Params(jen.String(), jen.Bool()).Block(body...)
	}
	lookup("OSSwitch", s.Switches, "whether the operating system lets the host app use what", func(n model.SystemNeed) string { return n.Switch })
	lookup("DeviceService", s.Services, "whether the device service is on that", func(n model.SystemNeed) string { return n.Service })
	return f
}
