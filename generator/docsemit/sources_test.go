package docsemit_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

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

// TestSourceLinksNameTheirURL renders hostile source URLs into the docs and
// renders the docs as a CommonMark (GFM) reader does: every link's href
// (entities decoded) is the URL with only
// the cell- and destination-ending characters percent-encoded; & and entity
// look-alikes stay what the manifest wrote.
func TestSourceLinksNameTheirURL(t *testing.T) {
	encode := strings.NewReplacer(" ", "%20", `"`, "%22", "<", "%3C", ">", "%3E", "(", "%28", ")", "%29",
		`\`, "%5C", "`", "%60", "|", "%7C", "[", "%5B", "]", "%5D")
	for _, u := range []string{
		"https://example.com/a&#124;b&lt;",
		"https://example.com/?a=1&b=2&amp;c",
		"https://example.com/&quot;x&#x7C;y&#0;",
		"https://example.com/a|b)c<d>[e]`f*_g\\h",
		"https://example.com/%7C&%26",
	} {
		t.Run(u, func(t *testing.T) {
			m, diags := generator.Resolve("manifest.yaml", []byte(`version: 1
platforms:
  h: {title: H, global: hh, exportCondition: h, denial: {message: deny, sources: [odd]}}
scopes:
  s: {title: S, description: S., platforms: {h: {native: s, grant: authorize, sources: [odd]}}}
sources:
  odd: {url: '`+strings.ReplaceAll(u, "'", "''")+`', tag: official, read: "2026-12-06"}
`), generator.Options{GoImportPath: "example.com/gen"})
			require.Empty(t, diags)
			files, err := docsemit.Emit(m)
			require.NoError(t, err)
			var out bytes.Buffer
			require.NoError(t, goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(files["docs/authorize.md"], &out))
			var dests []string
			for _, m := range regexp.MustCompile(`href="(https://example\.com/[^"]*)"`).FindAllStringSubmatch(out.String(), -1) {
				dests = append(dests, html.UnescapeString(m[1]))
			}
			require.NotEmpty(t, dests)
			for _, d := range dests {
				assert.Equal(t, encode.Replace(u), d)
			}
		})
	}
}
