package validate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestProbes checks which probes an onUse support may name: the corpus
// (testdata/cases/ref-probe-*) holds the exact messages of the refusals.
func TestProbes(t *testing.T) {
	for _, tc := range []struct {
		name, global, support string
		wantRule              string // "" when valid
	}{
		{"a guarded API", "my", `{native: l, grant: onUse, probe: getLocation}`, ""},
		{"the platform's name of a renamed API", "my", `{native: l, grant: onUse, probe: myGetLocation, apis: {getLocation: myGetLocation}}`, ""},
		{"the universal name of a renamed API", "my", `{native: l, grant: onUse, probe: getLocation, apis: {getLocation: myGetLocation}}`, "UNKNOWN_API"},
		{"a method the scope does not guard", "my", `{native: l, grant: onUse, probe: scanCode}`, "UNKNOWN_API"},
		{"a driver probe on a mini-program host", "my", `{native: l, grant: onUse, probe: geolocation.getCurrentPosition}`, "UNKNOWN_API"},
		{"a driver probe on a browser", "navigator", `{native: l, grant: onUse, probe: geolocation.getCurrentPosition}`, ""},
		{"a guarded API on a browser", "navigator", `{native: l, grant: onUse, probe: getLocation}`, "UNKNOWN_API"},
		{"no grant onUse: only PROBE_NOT_ALLOWED", "my", `{native: l, grant: authorize, probe: scanCode}`, "PROBE_NOT_ALLOWED"},
		{"authorize on a browser", "navigator", `{native: l, grant: authorize}`, "GRANT_NOT_ALLOWED"},
		{"none on a browser", "navigator", `{native: l, grant: none}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  host: {title: Host, global: `+tc.global+`, exportCondition: host, denial: {message: deny}}
scopes:
  s: {title: S, description: S., apis: [getLocation, chooseLocation], platforms: {host: `+tc.support+`}}
`))
			require.Empty(t, diags)
			got := validate.Check(raw)
			if tc.wantRule == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1, "%v", got)
			assert.Equal(t, tc.wantRule, got[0].Rule, got[0].String())
			assert.Equal(t, 5, got[0].Line)
		})
	}
}
