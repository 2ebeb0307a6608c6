package doclinks_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/internal/testsupport/doclinks"
)

const repo = "../../.."

// TestRepositoryLinksResolve: every relative link and #anchor in README.md,
// CONTRIBUTING.md and docs/*.md points at a file and a heading that exist.
func TestRepositoryLinksResolve(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join(repo, "docs", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, docs)
	files := []string{"README.md", "CONTRIBUTING.md"}
	for _, d := range docs {
		rel, err := filepath.Rel(repo, d)
		require.NoError(t, err)
		files = append(files, filepath.ToSlash(rel))
	}
	problems, err := doclinks.Check(repo, files)
	require.NoError(t, err)
	assert.Empty(t, problems)
}

// TestREADMELinksEveryPage: README is the way into docs/, so every page
// there is linked from it.
func TestREADMELinksEveryPage(t *testing.T) {
	docs, err := filepath.Glob(filepath.Join(repo, "docs", "*.md"))
	require.NoError(t, err)
	var pages []string
	for _, d := range docs {
		pages = append(pages, "docs/"+filepath.Base(d))
	}
	missing, err := doclinks.Unlinked(repo, "README.md", pages)
	require.NoError(t, err)
	assert.Empty(t, missing, "README.md does not link these pages")
}

// TestCheckReportsBrokenLinks runs the check over a small tree with one
// link of every kind, good and bad.
func TestCheckReportsBrokenLinks(t *testing.T) {
	problems, err := doclinks.Check("testdata/broken", []string{"README.md", "docs/guide.md"})
	require.NoError(t, err)
	assert.Equal(t, []string{
		`README.md:4: link "docs/missing.md": no file docs/missing.md`,
		`README.md:4: link "docs/guide.md#setup": docs/guide.md has no heading #setup`,
		`README.md:6: link "#back-door": README.md has no heading #back-door`,
		`README.md:7: link "../elsewhere.md" leaves the repository`,
		`README.md:8: link "doc.go#L1": an anchor into a file that is not Markdown`,
	}, problems)

	missing, err := doclinks.Unlinked("testdata/broken", "README.md", []string{"docs/guide.md", "docs/orphan.md"})
	require.NoError(t, err)
	assert.Equal(t, []string{"docs/orphan.md"}, missing)
}

func TestAnchor(t *testing.T) {
	for _, tc := range []struct{ heading, want string }{
		{"Go API", "go-api"},
		{"platforms.<id>", "platformsid"},
		{"Refreshing goldens: -update", "refreshing-goldens--update"},
		{"When the host misbehaves: defined results", "when-the-host-misbehaves-defined-results"},
		{"generated/platform/<id>", "generatedplatformid"},
		{"snake_case and Ünïcode", "snake_case-and-ünïcode"},
	} {
		assert.Equal(t, tc.want, doclinks.Anchor(tc.heading), tc.heading)
	}
}
