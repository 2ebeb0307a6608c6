package validate_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestAuthorizeFacts: a platform's authorize: facts need answersRecorded
// (the loader) and cite declared sources; on a host with no authorize
// scope they are allowed (init may narrow a manifest to one) and change
// nothing; a note is free text like any other.
func TestAuthorizeFacts(t *testing.T) {
	for _, tc := range []struct {
		name, authorize, grant string
		wantRules              []string // nil when valid
		wantAt                 string   // file:line:col of the first finding
	}{
		{"recorded answers on an authorize host", "{answersRecorded: true, sources: [a]}", "authorize", nil, ""},
		{"false is a fact too", "{answersRecorded: false, sources: [a]}", "authorize", nil, ""},
		{"no scope granted by authorize", "{answersRecorded: true, sources: [a]}", "settingsOnly", nil, ""},
		{"a note with a control character", "{answersRecorded: true, note: \"a\\u0007b\", sources: [a]}", "authorize", []string{diag.InvalidValue.ID}, "manifest.yaml:3:"},
		{"an unknown source", "{answersRecorded: true, sources: [a, b]}", "authorize", []string{diag.UnknownSource.ID}, "manifest.yaml:3:131"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			manifest := `version: 1
platforms:
  host: {title: Host, global: my, exportCondition: host, denial: {message: deny}, authorize: ` + tc.authorize + `}
scopes:
  s: {title: S, description: S., platforms: {host: {native: s, grant: ` + tc.grant + `}}}
sources: {a: {url: "https://example.com/a", tag: official, read: 2026-12-06}}
`
			raw, diags := load.Load("manifest.yaml", []byte(manifest))
			require.Empty(t, diags)
			got := validate.Check(raw)
			var rules []string
			for _, d := range got {
				rules = append(rules, d.Rule)
			}
			assert.Equal(t, tc.wantRules, rules, "%v", got)
			if tc.wantAt != "" {
				assert.Contains(t, got[0].String(), tc.wantAt)
			}
		})
	}
}

// TestAuthorizeNeedsAnswersRecorded: the loader reports the missing key at
// the authorize mapping.
func TestAuthorizeNeedsAnswersRecorded(t *testing.T) {
	manifest := `version: 1
platforms:
  host: {title: Host, global: my, exportCondition: host, authorize: {note: says nothing}}
scopes:
  s: {title: S, description: S., platforms: {host: {native: s, grant: authorize}}}
`
	_, diags := load.Load("manifest.yaml", []byte(manifest))
	require.Len(t, diags, 1)
	assert.Equal(t, diag.MissingField.ID, diags[0].Rule)
	assert.Contains(t, diags[0].String(), `manifest.yaml:3:69: authorize of platform "host" is missing required key "answersRecorded"`)
}
