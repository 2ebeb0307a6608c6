package validate_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestSystem checks the OS layer's facts: a scope names a switch or a
// service only where its host has the API that reports it, with the
// position of the offending value.
func TestSystem(t *testing.T) {
	for _, tc := range []struct {
		name, system, need string
		wantRule           string // "" when valid
		// wantLine and wantAt: the line and the text the diagnostic points at.
		wantLine int
		wantAt   string
	}{
		{"switch and service", `{switches: getA, services: getS, open: openA}`, `{switch: locationAuthorized, service: locationEnabled}`, "", 0, ""},
		{"a switch without the switches API", `{services: getS}`, `{switch: locationAuthorized}`, "MISSING_FIELD", 5, "locationAuthorized"},
		{"a service without the services API", `{switches: getA}`, `{service: locationEnabled}`, "MISSING_FIELD", 5, "locationEnabled"},
		{"a need naming nothing", `{switches: getA}`, `{note: x}`, "MISSING_FIELD", 5, "{note: x}"},
		{"a layer naming no API", `{open: openA}`, ``, "MISSING_FIELD", 3, "{open: openA}"},
		{"a switch that is no identifier", `{switches: getA}`, `{switch: location-authorized}`, "INVALID_NAME", 5, "location-authorized"},
		{"an API that is no method name", `{switches: get A}`, ``, "INVALID_NAME", 3, "get A"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			need := ""
			if tc.need != "" {
				need = ", system: " + tc.need
			}
			src := `version: 1
platforms:
  host: {title: Host, global: wx, exportCondition: host, denial: {message: deny}, system: ` + tc.system + `}
scopes:
  s: {title: S, description: S., platforms: {host: {native: s, grant: authorize` + need + `}}}
`
			raw, diags := load.Load("manifest.yaml", []byte(src))
			require.Empty(t, diags)
			got := validate.Check(raw)
			if tc.wantRule == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1, "%v", got)
			assert.Equal(t, tc.wantRule, got[0].Rule, got[0].String())
			line := strings.Split(src, "\n")[tc.wantLine-1]
			assert.Equal(t, []int{tc.wantLine, strings.Index(line, tc.wantAt) + 1}, []int{got[0].Line, got[0].Column}, got[0].String())
		})
	}
}
