package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// TestGrantTable checks that every output can tell the mechanisms apart
// by each spelling the table gives them.
func TestGrantTable(t *testing.T) {
	seen := map[string]model.Grant{}
	for _, info := range model.GrantTable {
		t.Run(string(info.Grant), func(t *testing.T) {
			assert.NotEmpty(t, info.Doc)
			assert.NotEmpty(t, info.Prompt)
			assert.NotEmpty(t, info.Authorize)
			assert.Regexp(t, `^[A-Z][A-Z_]*$`, info.Runtime, "runtime spelling: a JavaScript constant name")
			got, ok := info.Grant.Info()
			assert.True(t, ok)
			assert.Equal(t, info, got)
			assert.Equal(t, info.Runtime, info.Grant.Runtime())
			for _, spelling := range []string{string(info.Grant), "go:" + info.Grant.GoName(), "js:" + info.Runtime} {
				prev, dup := seen[spelling]
				assert.False(t, dup, "%s is also the spelling of %s", spelling, prev)
				seen[spelling] = info.Grant
			}
		})
	}
	assert.Equal(t, len(model.GrantTable), len(model.Grants))
	_, ok := model.Grant("later").Info()
	assert.False(t, ok)
	assert.Empty(t, model.Grant("later").Runtime())
	assert.Equal(t, "GrantSettingsOnly", model.GrantSettingsOnly.GoName())
}

// TestGrantGoNamesAreReserved: the scope package declares a constant per
// grant, so no scope may take one of their names.
func TestGrantGoNamesAreReserved(t *testing.T) {
	for _, info := range model.GrantTable {
		raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  one: {title: One, global: one, exportCondition: one, denial: {message: deny}}
scopes:
  s: {title: S, goName: `+info.Grant.GoName()+`, description: S., platforms: {one: {native: s, grant: none}}}
`))
		require.Empty(t, diags)
		_, diags = model.Build(raw, "example.com/gen")
		require.Len(t, diags, 1, info.Grant)
		assert.Equal(t, "GO_IDENT_COLLISION", diags[0].Rule)
	}
}
