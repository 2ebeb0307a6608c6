package breaking_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/breaking"
)

// rulesTable renders the rule list as README's Markdown table.
func rulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | purpose |\n| --- | --- |\n")
	for _, r := range breaking.Rules {
		b.WriteString("| `" + r.ID + "` | " + r.Purpose + " |\n")
	}
	return b.String()
}

// TestREADMEListsEveryRule keeps the documented table in step with the
// rule list: README once its breaking section is merged, the draft until
// then.
func TestREADMEListsEveryRule(t *testing.T) {
	doc := "../../README.md"
	readme, err := os.ReadFile(doc)
	require.NoError(t, err)
	if !strings.Contains(string(readme), "`SCOPE_NO_DELETE`") {
		doc = "../../.readme-drafts/breaking-and-safety.md"
		readme, err = os.ReadFile(doc)
		require.NoError(t, err, "neither README nor the draft documents scopegen breaking")
	}
	assert.Contains(t, string(readme), rulesTable(), "%s must hold this table, in this order:\n%s", doc, rulesTable())
}
