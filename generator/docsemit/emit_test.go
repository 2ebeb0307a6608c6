package docsemit_test

import (
	"html"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/docsemit"
	"github.com/scopegen/scopegen/generator/model"
)

func resolve(t *testing.T, path string) *model.Model {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.Empty(t, diags)
	return m
}

// table is a parsed GFM table: its header cells and each row's cells, as
// the text a reader sees.
type table struct {
	header []string
	rows   [][]string
}

// parseTables renders md with goldmark's GFM table extension, the way a
// Markdown viewer would, and returns every table.
func parseTables(t *testing.T, md []byte) []table {
	t.Helper()
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(md))
	var tables []table
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		tbl, ok := n.(*east.Table)
		if !ok {
			return ast.WalkContinue, nil
		}
		var tb table
		for row := tbl.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, cellText(c, md))
			}
			if _, isHeader := row.(*east.TableHeader); isHeader {
				tb.header = cells
			} else {
				tb.rows = append(tb.rows, cells)
			}
		}
		tables = append(tables, tb)
		return ast.WalkSkipChildren, nil
	})
	require.NoError(t, err)
	return tables
}

// cellText is what a cell says: text and code spans, <br> as a line break,
// entities decoded.
func cellText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			// Escapes are resolved when goldmark writes text, as here.
			b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				if string(seg.Value(src)) == "<br>" {
					b.WriteString("\n")
				} else {
					b.WriteString("<html>")
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(html.UnescapeString(b.String()))
}

func findTable(t *testing.T, tables []table, firstHeader, secondHeader string) table {
	t.Helper()
	for _, tb := range tables {
		if len(tb.header) > 1 && tb.header[0] == firstHeader && tb.header[1] == secondHeader {
			return tb
		}
	}
	t.Fatalf("no table with header %q | %q", firstHeader, secondHeader)
	return table{}
}

func TestTablesParse(t *testing.T) {
	for _, path := range []string{"../../manifest.yaml", "../../testdata/cases/adversarial-strings/manifest.yaml"} {
		t.Run(path, func(t *testing.T) {
			m := resolve(t, path)
			files, err := docsemit.Emit(m)
			require.NoError(t, err)
			for _, name := range []string{"docs/authorize.md", "docs/support-matrix.md"} {
				for _, tb := range parseTables(t, files[name]) {
					for i, row := range tb.rows {
						assert.Len(t, row, len(tb.header), "%s: row %d of the table headed %q has a different number of cells", name, i, tb.header)
					}
				}
			}
			tables := parseTables(t, files["docs/authorize.md"])
			scopes := findTable(t, tables, "scope", "Description")
			require.Len(t, scopes.rows, len(m.Scopes), "one Scope List row per scope")
			for i, s := range m.Scopes {
				row := scopes.rows[i]
				assert.Equal(t, s.Name, row[0])
				assert.Equal(t, strings.TrimSpace(normalizeBreaks(s.Title+": "+s.Description)), row[1], "the description reads exactly as written")
			}
			matrix := findTable(t, parseTables(t, files["docs/support-matrix.md"]), "scope", strings.TrimSpace(m.Platforms[0].Title))
			require.Len(t, matrix.rows, len(m.Scopes))
			require.Len(t, matrix.header, 1+len(m.Platforms))
			for i, s := range m.Scopes {
				for j, p := range m.Platforms {
					want := "—"
					if sup := s.SupportOn(p); sup != nil {
						want = string(sup.Grant)
					}
					assert.Equal(t, want, matrix.rows[i][j+1], "%s on %s", s.Name, p.ID)
				}
			}
		})
	}
}

func normalizeBreaks(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
}

func TestEveryScopeAndHostAppears(t *testing.T) {
	m := resolve(t, "../../manifest.yaml")
	files, err := docsemit.Emit(m)
	require.NoError(t, err)
	doc := string(files["docs/authorize.md"])
	for _, s := range m.Scopes {
		assert.Contains(t, doc, "`"+s.Name+"`")
	}
	for _, p := range m.Platforms {
		assert.Contains(t, doc, p.Title)
		assert.Contains(t, doc, "`"+p.ExportCondition+"`")
	}
	for _, g := range model.Grants {
		assert.Contains(t, doc, "| `"+string(g)+"` |", "the mechanisms table explains %s", g)
	}
}

// TestSpecSections: authorize.md has every section of the spec it
// descends from.
func TestSpecSections(t *testing.T) {
	m := resolve(t, "../../manifest.yaml")
	files, err := docsemit.Emit(m)
	require.NoError(t, err)
	doc := string(files["docs/authorize.md"])
	for _, heading := range []string{"# authorize", "## Supported", "## Install", "## Usage", "## Parameters", "### Scope List", "### Response `<Response>`"} {
		assert.Contains(t, doc, "\n"+heading+"\n")
	}
	assert.True(t, strings.HasPrefix(doc, "---\ngroup:\n  title: Open Capabilities\ntitle: authorize\n---\n"), "front matter first, as in the spec")
}
