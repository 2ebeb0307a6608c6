package diag_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
)

// TestDocsListEveryRule keeps the rule table of docs/diagnostics.md in step
// with the code: every rule, with its purpose word for word.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/diagnostics.md")
	require.NoError(t, err)
	for _, r := range diag.ManifestRules {
		assert.Contains(t, string(doc), "| `"+r.ID+"` | "+r.Purpose+" |", "docs/diagnostics.md's rule table lacks %s", r.ID)
	}
}
