package cli

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen"
	"github.com/scopegen/scopegen/generator"
)

// On any manifest init writes, add brings every other catalog host, and
// then every other catalog scope it supports, as insertions: every line of
// the user's file (their comments and edits included) is still there, in
// order, and once the user writes the purposes add asked for (placeholders,
// as init writes them), the result validates.
func TestAddOnEveryInitManifest(t *testing.T) {
	var cat yaml.Node
	require.NoError(t, yaml.Unmarshal(scopegen.Catalog, &cat))
	allPlatforms := keys(mapValue(cat.Content[0], "platforms"))
	allScopes := keys(mapValue(cat.Content[0], "scopes"))
	sels := []selection{{}, {platforms: []string{"wechat", "alipay"}, scopes: []string{"scope.userLocation", "scope.camera"}}}
	for _, id := range allPlatforms {
		sels = append(sels, selection{platforms: []string{id}})
	}
	for _, sel := range sels {
		t.Run(strings.Join(sel.platforms, ",")+"/"+strings.Join(sel.scopes, ","), func(t *testing.T) {
			sel.npmPackage = "app-authorize"
			start, err := narrowCatalog(scopegen.Catalog, sel)
			require.NoError(t, err)
			start = regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAll(start, []byte(`"Written by the user"`))
			start = append([]byte("# the user's own comment\n"), start...)

			var doc yaml.Node
			require.NoError(t, yaml.Unmarshal(start, &doc))
			have := keys(mapValue(doc.Content[0], "platforms"))
			missing := slices.DeleteFunc(slices.Clone(allPlatforms), func(id string) bool { return slices.Contains(have, id) })
			r, err := addFromCatalog(doc.Content[0], cat.Content[0], missing, nil)
			require.NoError(t, err)
			assert.Len(t, r.newPlatforms, len(missing))
			have = keys(mapValue(doc.Content[0], "scopes"))
			var catDoc yaml.Node // addFromCatalog takes nodes from the catalog tree: a fresh one per call
			require.NoError(t, yaml.Unmarshal(scopegen.Catalog, &catDoc))
			scopes := slices.DeleteFunc(slices.Clone(allScopes), func(n string) bool { return slices.Contains(have, n) })
			_, err = addFromCatalog(doc.Content[0], catDoc.Content[0], nil, scopes)
			require.NoError(t, err)

			var buf bytes.Buffer
			enc := yaml.NewEncoder(&buf)
			enc.SetIndent(2)
			require.NoError(t, enc.Encode(&doc))
			edited := tidy(buf.Bytes())
			// A request with no purpose ("scope.x: {}") may gain a placeholder
			// one, when an added host shows it: its key line stays.
			want := strings.Split(strings.ReplaceAll(string(start), ": {}\n", ":\n"), "\n")
			assertSubsequence(t, want, strings.Split(string(edited), "\n"))
			edited = regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAll(edited, []byte(`"Written by the user"`))
			_, diags := generator.Resolve("manifest.yaml", edited, generator.Options{})
			assert.Empty(t, diags, string(edited))
			var got struct{ Platforms, Scopes map[string]any }
			require.NoError(t, yaml.Unmarshal(edited, &got))
			assert.Len(t, got.Platforms, len(allPlatforms))
			assert.Len(t, got.Scopes, len(allScopes))
		})
	}
}

// assertSubsequence fails unless every line of want appears in got, in order.
func assertSubsequence(t *testing.T, want, got []string) {
	t.Helper()
	j := 0
	for _, line := range want {
		for j < len(got) && got[j] != line {
			j++
		}
		if !assert.Less(t, j, len(got), "line %q of the user's manifest is gone or moved", line) {
			return
		}
		j++
	}
}

// A privacy.excludes copied from the catalog keeps only the scopes the
// manifest has on that host (the others would be UNKNOWN_SCOPE); a scope
// added later that an entry the user has should exclude is named as a
// hint, since add never rewrites an entry the user has.
func TestAddKeepsTheExcludesThatApply(t *testing.T) {
	excludes := func(doc *yaml.Node) []string {
		_, ex := excludesOf(mapValue(mapValue(mapValue(mapValue(doc, "scopes"), "scope.userFuzzyLocation"), "platforms"), "wechat"))
		if ex == nil {
			return nil
		}
		var out []string
		for _, n := range ex.Content {
			out = append(out, n.Value)
		}
		return out
	}
	start, err := narrowCatalog(scopegen.Catalog, selection{platforms: []string{"harmony"}, npmPackage: "app-authorize"})
	require.NoError(t, err)
	var doc, cat yaml.Node
	require.NoError(t, yaml.Unmarshal(start, &doc))
	require.NoError(t, yaml.Unmarshal(scopegen.Catalog, &cat))
	require.Nil(t, mapValue(mapValue(doc.Content[0], "scopes"), "scope.userLocationBackground"), "HarmonyOS has no background location scope")
	r, err := addFromCatalog(doc.Content[0], cat.Content[0], []string{"wechat"}, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"scope.userLocation"}, excludes(doc.Content[0]))
	assert.Empty(t, r.hints)
	assert.Equal(t, []string{"scope.userLocation", "scope.userLocationBackground"}, excludes(cat.Content[0]), "the catalog's own entry is not edited")

	var cat2 yaml.Node
	require.NoError(t, yaml.Unmarshal(scopegen.Catalog, &cat2))
	r, err = addFromCatalog(doc.Content[0], cat2.Content[0], nil, []string{"scope.userLocationBackground"})
	require.NoError(t, err)
	assert.Equal(t, []string{"scope.userLocation"}, excludes(doc.Content[0]), "the user's entry is not rewritten")
	assert.Equal(t, []string{"scopes.scope.userFuzzyLocation.platforms.wechat.privacy.excludes does not list scope.userLocationBackground, which the catalog's does: add it there"}, r.hints)
}
