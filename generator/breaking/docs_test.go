package breaking_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/breaking"
)

// rulesTable renders the rule list as the Markdown table of docs/breaking.md.
func rulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | purpose |\n| --- | --- |\n")
	for _, r := range breaking.Rules {
		b.WriteString("| `" + r.ID + "` | " + r.Purpose + " |\n")
	}
	return b.String()
}

// TestDocsListEveryRule keeps the table of docs/breaking.md in step with
// the rule list: every rule, in order, with its purpose word for word.
func TestDocsListEveryRule(t *testing.T) {
	doc, err := os.ReadFile("../../docs/breaking.md")
	require.NoError(t, err)
	assert.Contains(t, string(doc), rulesTable(), "docs/breaking.md must hold this table, in this order:\n%s", rulesTable())
}
