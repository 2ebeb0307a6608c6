package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// TestFieldPositions checks that each field's position is where its value
// is written, and that a defaulted field points at the entry that would
// hold it.
func TestFieldPositions(t *testing.T) {
	raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  one:
    title: One
    goName: Uno
    global: one
    exportCondition: one
    denial: {message: deny}
  two: {title: Two, global: two, exportCondition: two, denial: {message: deny}}
scopes:
  b:
    title: B
    description: B.
    apis: [later, early]
    platforms:
      one:
        native: nb
        settingKey: kb
        grant: authorize
  a:
    title: A
    goName: Alpha
    description: A.
    platforms: {two: {native: na, grant: onUse}}
`))
	require.Empty(t, diags)
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)
	pos := func(line, col int) diag.Pos { return diag.Pos{Line: line, Column: col} }

	assert.Equal(t, diag.Pos{}, m.NPMPackagePos, "no npm: key: the whole file")
	assert.Equal(t, pos(2, 1), m.PlatformsPos)
	assert.Equal(t, pos(10, 1), m.ScopesPos)

	one, two := m.Platforms[0], m.Platforms[1]
	assert.Equal(t, pos(5, 13), one.GoNamePos)
	assert.Equal(t, pos(7, 22), one.ExportConditionPos)
	assert.Equal(t, pos(9, 3), two.GoNamePos, "derived goName: the platform's key")
	assert.Equal(t, pos(9, 51), two.ExportConditionPos)

	a, b := m.Scopes[0], m.Scopes[1]
	assert.Equal(t, pos(22, 13), a.GoNamePos)
	assert.Equal(t, pos(20, 3), a.APIsPos, "no apis: the scope's key")
	assert.Equal(t, pos(24, 5), a.PlatformsPos)
	assert.Equal(t, pos(11, 3), b.GoNamePos)
	assert.Equal(t, pos(14, 5), b.APIsPos)
	assert.Equal(t, pos(15, 5), b.PlatformsPos)

	sb := b.Support[0]
	assert.Equal(t, pos(16, 7), sb.Pos)
	assert.Equal(t, pos(17, 17), sb.NativePos)
	assert.Equal(t, pos(18, 21), sb.SettingKeyPos)
	assert.Equal(t, pos(19, 16), sb.GrantPos)
	sa := a.Support[0]
	assert.Equal(t, pos(24, 31), sa.NativePos)
	assert.Equal(t, sa.Pos, sa.SettingKeyPos, "no settingKey: the support's key")

	require.Len(t, m.APIs, 2)
	assert.Equal(t, "early", m.APIs[0].Name)
	assert.Equal(t, pos(14, 19), m.APIs[0].Pos)
	assert.Equal(t, pos(14, 12), m.APIs[1].Pos)
}
