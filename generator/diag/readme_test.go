package diag_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
)

// TestREADMEListsEveryRule keeps README's rule table in step with the code.
func TestREADMEListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	for _, r := range diag.ManifestRules {
		assert.Contains(t, string(readme), "| `"+r.ID+"` | "+r.Purpose+" |", "README's rule table lacks %s", r.ID)
	}
}
