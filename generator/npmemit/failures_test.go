package npmemit

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/docsemit"
	"github.com/scopegen/scopegen/generator/model"
)

// The codes every entry can reject with are exactly model.Failures: a
// failure("X", …) the flow throws, and a privacy errCode it classifies.
func TestEntriesThrowExactlyTheModelsFailures(t *testing.T) {
	files, err := Emit(resolve(t, "../../manifest.yaml"))
	require.NoError(t, err)
	thrown := regexp.MustCompile(`failure\("([A-Z_]+)"|errCode: "([A-Z_]+)"|return "(PRIVACY_[A-Z_]+)"|\? "(SYSTEM_[A-Z_]+)"`)
	seen := map[string]bool{}
	for name, data := range files {
		if !strings.HasPrefix(name, "npm/dist/") {
			continue
		}
		for _, m := range thrown.FindAllStringSubmatch(string(data), -1) {
			seen[m[1]+m[2]+m[3]+m[4]] = true
		}
	}
	var want, got []string
	for _, f := range model.Failures {
		want = append(want, f.Code)
	}
	for c := range seen {
		got = append(got, c)
	}
	assert.ElementsMatch(t, want, got)
}

// docs/js-api.md's errCode table and README's list name exactly the
// codes of model.Failures.
func TestHandWrittenDocsListTheModelsFailures(t *testing.T) {
	var want []string
	for _, f := range model.Failures {
		want = append(want, f.Code)
	}
	api, err := os.ReadFile("../../docs/js-api.md")
	require.NoError(t, err)
	table := string(api)
	start := strings.Index(table, "| `errCode` | when |")
	require.GreaterOrEqual(t, start, 0, "docs/js-api.md has the errCode table")
	table = table[start:]
	table = table[:strings.Index(table, "\n\n")]
	var rows []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([A-Z_]+)` \\|").FindAllStringSubmatch(table, -1) {
		rows = append(rows, m[1])
	}
	assert.ElementsMatch(t, want, rows, "docs/js-api.md")

	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	list := string(readme)
	start = strings.Index(list, "A rejection is an `Error` whose `errCode` is")
	require.GreaterOrEqual(t, start, 0, "README lists the errCodes")
	list = list[start : start+strings.Index(list[start:], "\n\n")]
	var named []string
	for _, m := range regexp.MustCompile("`([A-Z][A-Z_]+)`").FindAllStringSubmatch(list, -1) {
		named = append(named, m[1])
	}
	assert.ElementsMatch(t, want, named, "README.md")

	// docs/privacy.md's table of the privacy failures: the model's words.
	privacy, err := os.ReadFile("../../docs/privacy.md")
	require.NoError(t, err)
	rows = regexp.MustCompile("(?m)^\\| `PRIVACY_[A-Z_]+` \\|.*$").FindAllString(string(privacy), -1)
	var wantRows []string
	for _, f := range model.Failures {
		if f.Layer == model.LayerPrivacy {
			wantRows = append(wantRows, "| `"+f.Code+"` | "+f.Meaning+" | "+f.Remedy+" |")
		}
	}
	assert.Equal(t, wantRows, rows, "docs/privacy.md")
}

// CONTRIBUTING's "Add a failure code" recipe: a row in model.Failures and
// the step of the flow (templates/npm/runtime.js.tmpl) that throws it. The
// code then reaches the typings, the npm README, the generated docs and
// both kinds of entry, with nothing else changed.
func TestAddingAFailureCodeByTheRecipe(t *testing.T) {
	const code = "RECIPE_REFUSED"
	saved := model.Failures
	t.Cleanup(func() { model.Failures = saved })
	model.Failures = append(slices.Clone(saved), model.Failure{Code: code, Layer: model.LayerChecks, Meaning: "The recipe's own failure."})

	// The flow throws it before it joins the scope's flow.
	src, err := os.ReadFile("../../templates/npm/runtime.js.tmpl")
	require.NoError(t, err)
	anchor := "  // The flow, in the spec's order; every caller of the scope joins it.\n"
	require.Contains(t, string(src), anchor)
	flow := strings.Replace(string(src), anchor, `  if (scope === "scope.recipe") throw failure("`+code+`", scope, {{.Platform}});`+"\n"+anchor, 1)
	clone, err := tmpl.Clone()
	require.NoError(t, err)
	_, err = clone.New("runtime.js.tmpl").Parse(flow)
	require.NoError(t, err)
	savedTmpl := tmpl
	t.Cleanup(func() { tmpl = savedTmpl })
	tmpl = clone

	m := resolve(t, "../../manifest.yaml")
	files, err := Emit(m)
	require.NoError(t, err)
	docs, err := docsemit.Emit(m)
	require.NoError(t, err)
	for name, data := range files {
		if strings.HasPrefix(name, "npm/dist/") && (strings.HasSuffix(name, "/index.mjs") || strings.HasSuffix(name, "/wechat.js")) {
			assert.Contains(t, string(data), `throw failure("`+code+`"`, name)
		}
	}
	assert.Contains(t, string(files["npm/types/shared.d.ts"]), `| "`+code+`"`)
	assert.Contains(t, string(files["npm/README.md"]), "| `"+code+"` | The recipe's own failure. |")
	assert.True(t, strings.Contains(string(docs["docs/authorize.md"]), "| `"+code+"` | The recipe's own failure. |"), "docs/authorize.md lists it")
}
