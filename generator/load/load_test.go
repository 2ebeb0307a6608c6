package load_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// TestWorkIsBounded: inputs built to make a YAML reader work hard are
// refused quickly with a finding instead.
func TestWorkIsBounded(t *testing.T) {
	billion := "a: &a [x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		billion += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(i-1)+", ", 8) + "*" + string(i-1) + "]\n"
	}
	for _, tc := range []struct {
		name, rule string
		data       []byte
	}{
		{"too large", "LIMIT_EXCEEDED", bytes.Repeat([]byte("#"), rules.MaxBytes+1)},
		{"alias bomb", "YAML_SYNTAX", []byte(billion)},
		{"deep flow nesting", "YAML_SYNTAX", []byte("version: " + strings.Repeat("[", 200000))},
		{"deep block nesting", "YAML_SYNTAX", []byte(strings.Repeat("- ", 100000) + "x")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			m, diags := load.Load("manifest.yaml", tc.data)
			assert.Nil(t, m)
			require.NotEmpty(t, diags)
			assert.Equal(t, tc.rule, diags[0].Rule, diags.Error())
			// Not a timing assertion on speed, a guard against a hang:
			// a minute is orders of magnitude above what these take.
			assert.Less(t, time.Since(start), time.Minute)
		})
	}
}

func TestPositionsAndTypes(t *testing.T) {
	m, diags := load.Load("manifest.yaml", []byte("version: 1\nplatforms:\n  wechat:\n    title: WeChat\n    global: wx\n    exportCondition: c\n    fallback: true\nscopes:\n  s:\n    title: S\n    description: D\n    platforms:\n      wechat: {native: n, grant: authorize}\n"))
	require.Empty(t, diags)
	require.Len(t, m.Platforms, 1)
	p := m.Platforms[0]
	assert.Equal(t, "wechat", p.ID.Value)
	assert.Equal(t, 3, p.Pos.Line)
	assert.Equal(t, 3, p.Pos.Column)
	assert.Equal(t, 5, p.Global.Pos.Line)
	assert.Equal(t, 13, p.Global.Pos.Column)
	assert.True(t, p.Fallback.Value)
	sup := m.Scopes[0].Platforms[0]
	assert.Equal(t, "n", sup.Native.Value)
	assert.Equal(t, 13, sup.Native.Pos.Line)
}
