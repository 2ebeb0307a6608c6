package validate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// probe checks that an onUse support's probe is a method the runtime can
// call for this scope: on a mini-program host, one of the scope's APIs as
// the platform names it (calling it is what prompts); on a browser, one of
// the probes its driver implements.
func (c *checker) probe(s *load.Scope, sup *load.Support, browser bool) {
	name := sup.Probe.Value
	if browser {
		if !slices.Contains(model.BrowserProbes, name) {
			c.report(sup.Probe.Pos, diag.UnknownAPI, "probe %q is not one the browser driver implements: one of %s%s",
				name, strings.Join(model.BrowserProbes, ", "), diag.DidYouMean(name, model.BrowserProbes))
		}
		return
	}
	methods := nativeMethods(s, sup)
	switch {
	case len(methods) == 0:
		c.report(sup.Probe.Pos, diag.UnknownAPI, "probe %q is not an API of scope %q, which guards none: list it under the scope's apis", name, s.Name.Value)
	case !slices.Contains(methods, name):
		c.report(sup.Probe.Pos, diag.UnknownAPI, "probe %q is not one of the methods scope %q guards on platform %q: one of %s%s",
			name, s.Name.Value, sup.Platform.Value, strings.Join(methods, ", "), diag.DidYouMean(name, methods))
	}
}

// nativeMethods are the scope's APIs as the platform names them, sorted.
func nativeMethods(s *load.Scope, sup *load.Support) []string {
	renamed := make(map[string]string, len(sup.APIs))
	for _, a := range sup.APIs {
		if a.Native.Set {
			renamed[a.Universal.Value] = a.Native.Value
		}
	}
	var out []string
	for _, a := range s.APIs {
		if a.Set {
			out = append(out, cmp.Or(renamed[a.Value], a.Value))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
