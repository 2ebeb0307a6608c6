package generator_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator"
)

// recipeYAML returns the yaml block of CONTRIBUTING.md's section heading.
func recipeYAML(t *testing.T, heading string) []byte {
	t.Helper()
	doc, err := os.ReadFile("../CONTRIBUTING.md")
	require.NoError(t, err)
	_, section, found := strings.Cut(string(doc), "\n"+heading+"\n")
	require.True(t, found, "CONTRIBUTING.md has %q", heading)
	section, _, _ = strings.Cut(section, "\n#")
	_, block, found := strings.Cut(section, "```yaml\n")
	require.True(t, found, "%q has a yaml block", heading)
	block, _, found = strings.Cut(block, "```")
	require.True(t, found)
	return []byte(block)
}

// mergeYAML adds edit's keys to the mapping m, recursing into mappings
// both have; a scalar or sequence in edit replaces m's.
func mergeYAML(m, edit *yaml.Node) {
	for i := 0; i+1 < len(edit.Content); i += 2 {
		key, value := edit.Content[i], edit.Content[i+1]
		j := 0
		for j+1 < len(m.Content) && m.Content[j].Value != key.Value {
			j += 2
		}
		switch {
		case j+1 >= len(m.Content):
			m.Content = append(m.Content, key, value)
		case m.Content[j+1].Kind == yaml.MappingNode && value.Kind == yaml.MappingNode:
			mergeYAML(m.Content[j+1], value)
		default:
			m.Content[j+1] = value
		}
	}
}

// TestRecipeAddAHost applies CONTRIBUTING.md's "Add a host" example to a
// copy of manifest.yaml and checks that the new host reaches every
// output: its Go package and the scope package's enum, its npm entries,
// typings and export condition, the universal entry's detection, the docs'
// matrix and the schema's platform ids. The recipe changes the manifest
// only, so nothing but the manifest changes here.
func TestRecipeAddAHost(t *testing.T) {
	block := recipeYAML(t, "### Add a host")
	var edit struct {
		Platforms map[string]struct {
			Title, Global   string
			ExportCondition string `yaml:"exportCondition"`
		}
		Scopes map[string]struct{ Platforms map[string]any }
	}
	require.NoError(t, yaml.Unmarshal(block, &edit))
	require.Len(t, edit.Platforms, 1, "the example adds one host")
	var id string
	for id = range edit.Platforms {
	}
	host := edit.Platforms[id]

	root, err := os.ReadFile("../manifest.yaml")
	require.NoError(t, err)
	var manifest, change yaml.Node
	require.NoError(t, yaml.Unmarshal(root, &manifest))
	require.NoError(t, yaml.Unmarshal(block, &change))
	mergeYAML(manifest.Content[0], change.Content[0])
	data, err := yaml.Marshal(&manifest)
	require.NoError(t, err)

	before, diags, err := generator.Generate("manifest.yaml", root, generator.Options{GoImportPath: "example.com/gen"})
	require.NoError(t, err)
	require.Empty(t, diags)
	files, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.NoError(t, err)
	require.Empty(t, diags, "the recipe's manifest is valid")

	for _, path := range []string{
		"platform/" + id + "/" + id + ".go",
		"npm/dist/" + id + ".js", "npm/dist/" + id + ".mjs",
		"npm/types/" + id + ".d.ts", "npm/types/" + id + ".d.mts",
	} {
		_, had := before[path]
		assert.False(t, had, "%s is new", path)
		assert.Contains(t, files, path)
	}
	assert.Contains(t, string(files["platform/"+id+"/"+id+".go"]), "package "+id)
	assert.Contains(t, string(files["scope/platform.go"]), host.Title)
	assert.Contains(t, string(files["npm/types/shared.d.ts"]), `"`+id+`"`)
	assert.Contains(t, string(files["npm/dist/index.js"]), host.Global)

	var pkg struct {
		Exports map[string]json.RawMessage `json:"exports"`
	}
	require.NoError(t, json.Unmarshal(files["npm/package.json"], &pkg))
	require.Contains(t, pkg.Exports, "./"+id)
	assert.Contains(t, string(pkg.Exports["."]), `"`+host.ExportCondition+`"`)

	for scope := range edit.Scopes {
		matrix := string(files["docs/support-matrix.md"])
		assert.Contains(t, matrix, host.Title)
		row := lineWith(matrix, "`"+scope+"`")
		assert.NotEqual(t, lineWith(string(before["docs/support-matrix.md"]), "`"+scope+"`"), row, "the matrix row of %s changes", scope)
	}

	var schema struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(files["schema/manifest.schema.json"], &schema))
	assert.Contains(t, schema.Defs["platformID"].Enum, id)
}

// lineWith is the first line of text containing s, or "".
func lineWith(text, s string) string {
	for line := range strings.Lines(text) {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
