package rules_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/internal/testsupport/mdtable"
)

// TestDocsListEveryLimit keeps docs/manifest.md's Limits table equal to
// rules.Limits: the same limits in the same order, with their values,
// what they bound and the stage that checks them.
func TestDocsListEveryLimit(t *testing.T) {
	md, err := os.ReadFile("../../docs/manifest.md")
	require.NoError(t, err)
	tables, err := mdtable.Parse(md)
	require.NoError(t, err)
	tb, ok := mdtable.Find(tables, "limit", "value")
	require.True(t, ok, "docs/manifest.md has a table headed limit | value")
	var want [][]string
	for _, l := range rules.Limits {
		want = append(want, []string{l.Name, thousands(l.Value), l.Bounds, l.Stage})
	}
	assert.Equal(t, want, tb.Rows)
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
