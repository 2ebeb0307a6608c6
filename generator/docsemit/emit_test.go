package docsemit_test

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/docsemit"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/internal/testsupport/mdtable"
	"github.com/scopegen/scopegen/templates"
)

func resolve(t *testing.T, path string) *model.Model {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.Empty(t, diags)
	return m
}

func parseTables(t *testing.T, md []byte) []mdtable.Table {
	t.Helper()
	tables, err := mdtable.Parse(md)
	require.NoError(t, err)
	return tables
}

func findTable(t *testing.T, tables []mdtable.Table, first, second string) mdtable.Table {
	t.Helper()
	tb, ok := mdtable.Find(tables, first, second)
	require.True(t, ok, "no table with header %q | %q", first, second)
	return tb
}

func TestTablesParse(t *testing.T) {
	for _, path := range []string{"../../manifest.yaml", "../../testdata/cases/adversarial-strings/manifest.yaml", "testdata/hostile-icon/manifest.yaml"} {
		t.Run(path, func(t *testing.T) {
			m := resolve(t, path)
			files, err := docsemit.Emit(m)
			require.NoError(t, err)
			for _, name := range []string{"docs/authorize.md", "docs/support-matrix.md"} {
				for _, tb := range parseTables(t, files[name]) {
					for i, row := range tb.Rows {
						assert.Len(t, row, len(tb.Header), "%s: row %d of the table headed %q has a different number of cells", name, i, tb.Header)
					}
				}
			}
			tables := parseTables(t, files["docs/authorize.md"])
			scopes := findTable(t, tables, "scope", "Description")
			require.Len(t, scopes.Rows, len(m.Scopes), "one Scope List row per scope")
			for i, s := range m.Scopes {
				row := scopes.Rows[i]
				assert.Equal(t, s.Name, row[0])
				assert.Equal(t, strings.TrimSpace(normalizeBreaks(s.Title+": "+s.Description)), row[1], "the description reads exactly as written")
				// GFM drops cells beyond the header's count, so a row split by a
				// stray | keeps its length: the last cell's text shows it.
				var hosts []string
				for _, p := range m.Platforms {
					if s.SupportOn(p) == nil {
						continue
					}
					if p.Icon != "" {
						hosts = append(hosts, "<html>") // the <img> tag, whole
					} else {
						hosts = append(hosts, strings.TrimSpace(p.Title))
					}
				}
				assert.Equal(t, strings.Join(hosts, " "), row[3], "the supported hosts of %s", s.Name)
			}
			matrix := findTable(t, parseTables(t, files["docs/support-matrix.md"]), "scope", strings.TrimSpace(m.Platforms[0].Title))
			require.Len(t, matrix.Rows, len(m.Scopes))
			require.Len(t, matrix.Header, 1+len(m.Platforms))
			for i, s := range m.Scopes {
				for j, p := range m.Platforms {
					want := "—"
					if sup := s.SupportOn(p); sup != nil {
						want = string(sup.Grant)
					}
					assert.Equal(t, want, matrix.Rows[i][j+1], "%s on %s", s.Name, p.ID)
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

// TestDocsAgreeWithTypings: the error codes, the statuses of getAuthStatus
// and the exports the docs describe are the ones the npm typings declare,
// so the docs cannot drift from the package as the @uni/authorize README
// did (its zh and en READMEs disagree on which hosts support scope.record).
func TestDocsAgreeWithTypings(t *testing.T) {
	shared, err := fs.ReadFile(templates.FS, "npm/shared.d.ts.tmpl")
	require.NoError(t, err)
	entry, err := fs.ReadFile(templates.FS, "npm/entry.d.ts.tmpl")
	require.NoError(t, err)
	files, err := docsemit.Emit(resolve(t, "../../manifest.yaml"))
	require.NoError(t, err)
	tables := parseTables(t, files["docs/authorize.md"])

	// The typings' ErrorCode union is rendered from model.Failures; the
	// errors table lists all but the privacy ones (the privacy section does).
	var codes []string
	for _, f := range model.Failures {
		if f.Layer != model.LayerPrivacy {
			codes = append(codes, f.Code)
		}
	}
	assert.ElementsMatch(t, codes, column(findTable(t, tables, "errCode", "Meaning"), 0))
	// The AuthStatus union is rendered from model.AuthStatuses.
	assert.Contains(t, string(shared), "export type AuthStatus ={{range .AuthStatuses}}")
	assert.ElementsMatch(t, model.AuthStatuses(), column(findTable(t, tables, "status", "when"), 0))

	var exports []string
	for _, m := range regexp.MustCompile(`export declare (?:function|const|let) (\w+)`).FindAllStringSubmatch(string(entry), -1) {
		if m[1] != "authorize" && m[1] != "getAuthStatus" && m[1] != "getSetting" && !slices.Contains(exports, m[1]) {
			exports = append(exports, m[1]) // the three above have sections of their own
		}
	}
	var documented []string
	for _, name := range column(findTable(t, tables, "export", "what it does"), 0) {
		documented = append(documented, strings.SplitN(name, "(", 2)[0])
	}
	assert.ElementsMatch(t, exports, documented)
}

func column(tb mdtable.Table, i int) []string {
	var out []string
	for _, row := range tb.Rows {
		out = append(out, row[i])
	}
	return out
}
