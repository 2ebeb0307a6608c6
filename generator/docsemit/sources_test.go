package docsemit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/docsemit"
)

// TestSourcesSection: authorize.md has a Sources table per host that cites
// any, with every cited source's URL, tag and date, and a source URL
// carrying Markdown's and HTML's special characters stays one link in one
// cell.
func TestSourcesSection(t *testing.T) {
	t.Run("the root manifest", func(t *testing.T) {
		m := resolve(t, "../../manifest.yaml")
		files, err := docsemit.Emit(m)
		require.NoError(t, err)
		_, section, ok := strings.Cut(string(files["docs/authorize.md"]), "\n## Sources\n")
		require.True(t, ok)
		for _, p := range m.Platforms {
			_, host, ok := strings.Cut(section, "\n### "+p.Title+"\n")
			require.True(t, ok, "a subsection for %s", p.Title)
			host, _, _ = strings.Cut(host, "\n### ")
			tb := findTable(t, parseTables(t, []byte(host)), "source", "tag")
			require.Len(t, tb.Rows, len(p.Sources), p.ID)
			for i, c := range p.Sources {
				assert.Equal(t, c.Source.URL, tb.Rows[i][0], "the link's text")
				assert.Contains(t, host, "]("+c.Source.URL+")", "a link to the page")
				assert.Equal(t, []string{c.Source.Tag, c.Source.Read, strings.Join(c.For, ", ")}, tb.Rows[i][1:])
			}
		}
	})
	t.Run("a hostile URL", func(t *testing.T) {
		m, diags := generator.Resolve("manifest.yaml", []byte(`version: 1
platforms:
  h: {title: H, global: hh, exportCondition: h, denial: {message: deny, sources: [odd]}}
scopes:
  s: {title: S, description: S., platforms: {h: {native: s, grant: authorize, sources: [odd]}}}
sources:
  odd: {url: "https://example.com/a|b)c<d>[e]`+"`"+`f*_g", tag: official, read: "2026-12-06"}
`), generator.Options{GoImportPath: "example.com/gen"})
		require.Empty(t, diags)
		files, err := docsemit.Emit(m)
		require.NoError(t, err)
		page := string(files["docs/authorize.md"])
		tb := findTable(t, parseTables(t, files["docs/authorize.md"]), "source", "tag")
		require.Len(t, tb.Rows, 1)
		require.Len(t, tb.Rows[0], 4, "the URL did not split the row")
		assert.Equal(t, "https://example.com/a|b)c<d>[e]`f*_g", tb.Rows[0][0], "the link's text is the URL")
		assert.Contains(t, page, "(https://example.com/a%7Cb%29c%3Cd%3E%5Be%5D%60f*_g)", "the link target is percent-encoded")
		assert.NotContains(t, page, "<d>", "no raw HTML")
	})
}
