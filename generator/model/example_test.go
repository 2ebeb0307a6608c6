package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

func TestExampleScope(t *testing.T) {
	assert.Equal(t, "scope.userLocation", buildRoot(t).Example.Name)
	for _, tc := range []struct{ name, scopes, want string }{
		{"the most widely supported wins", `
  a: {title: A, description: A., platforms: {one: {native: a, grant: none}}}
  z: {title: Z, description: Z., platforms: {one: {native: z, grant: none}, two: {native: z, grant: none}}}
`, "z"},
		{"the first written among equals, not the first by name", `
  z: {title: Z, description: Z., platforms: {one: {native: z, grant: none}}}
  a: {title: A, description: A., platforms: {two: {native: a, grant: none}}}
`, "z"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  one: {title: One, global: one, exportCondition: one, denial: {message: deny}}
  two: {title: Two, global: two, exportCondition: two, denial: {message: deny}}
scopes:`+tc.scopes))
			require.Empty(t, diags)
			m, diags := model.Build(raw, "example.com/gen")
			require.Empty(t, diags)
			assert.Equal(t, tc.want, m.Example.Name)
		})
	}
}
