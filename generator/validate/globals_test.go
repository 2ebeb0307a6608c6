package validate_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestHostGlobalsRefuseEveryReservedName: every name of the three lists
// is refused as a global and as an alsoDefines entry, at its position
// (INVALID_NAME), and stays accepted as a codeField, which the runtime
// reads as a property by string, never as a binding.
func TestHostGlobalsRefuseEveryReservedName(t *testing.T) {
	names := slices.Concat(rules.ECMAScriptGlobals, rules.CommonJSWrapperNames, rules.RuntimeBindings)
	require.Greater(t, len(names), 100)
	check := func(t *testing.T, platform string) []string {
		t.Helper()
		src := "version: 1\nplatforms:\n  host: " + platform + "\nscopes:\n  s: {title: S, description: S., platforms: {host: {native: s, grant: authorize}}}\n"
		raw, diags := load.Load("manifest.yaml", []byte(src))
		require.Empty(t, diags)
		var got []string
		for _, d := range validate.Check(raw) {
			got = append(got, d.String())
		}
		return got
	}
	for _, n := range names {
		if slices.Contains(rules.JSReservedWords, n) {
			continue // refused as a reserved word already (undefined, eval)
		}
		got := check(t, "{title: Host, global: "+n+", exportCondition: host, denial: {message: deny}}")
		if assert.Len(t, got, 1, "global %s", n) {
			assert.Contains(t, got[0], "manifest.yaml:3:31: global \""+n+"\"")
			assert.Contains(t, got[0], "(INVALID_NAME)")
		}
		got = check(t, "{title: Host, global: wx, alsoDefines: ["+n+"], exportCondition: host, denial: {message: deny}}")
		if assert.Len(t, got, 1, "alsoDefines %s", n) {
			assert.Contains(t, got[0], "manifest.yaml:3:49: alsoDefines entry \""+n+"\"")
		}
		got = check(t, "{title: Host, global: wx, exportCondition: host, denial: {codeField: "+n+", codes: [1]}}")
		assert.Empty(t, got, "codeField %s", n)
	}
}
