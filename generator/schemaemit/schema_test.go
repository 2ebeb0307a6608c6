package schemaemit_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/schemaemit"
)

// Inexpressible lists what the generator rejects and JSON Schema cannot
// say, by rule and, where a rule is partly expressible, by a phrase of its
// message. docs/manifest.md's editor section repeats this list.
var inexpressible = []struct{ rule, phrase string }{
	{"YAML_SYNTAX", ""},           // anchors, aliases, tags, documents: gone once YAML becomes JSON
	{"DUPLICATE_KEY", ""},         // likewise
	{"UNKNOWN_PLATFORM", ""},      // a reference between entries
	{"UNKNOWN_API", ""},           // likewise
	{"GRANT_NOT_ALLOWED", ""},     // depends on the global of a platform declared elsewhere
	{"API_MULTIPLE_SCOPES", ""},   // uniqueness across entries
	{"NATIVE_NAME_COLLISION", ""}, // likewise
	{"SETTING_KEY_COLLISION", ""}, // likewise
	{"PLATFORM_FIELD_COLLISION", ""},
	{"GO_IDENT_COLLISION", ""}, // names derived by scopegen
	{"TS_IDENT_COLLISION", ""},
	{"DETECT_CYCLE", ""},
	{"INVALID_VALUE", "backtrack for exponential time"},        // nesting inside a regular expression
	{"INVALID_VALUE", "write a literal"},                       // a { or ] a pattern cannot tell from a quantifier or class
	{"INVALID_VALUE", "matches every message, even none"},      // what a regular expression matches, not how it is spelt
	{"INVALID_VALUE", "a range cannot start or end with"},      // a range endpoint inside a class
	{"INVALID_NAME", "which is not an exported Go identifier"}, // a derived Go name
	{"INVALID_VALUE", "alsoDefines repeats the platform's own global"},
	{"INVALID_VALUE", "is not a valid regular expression"},
	// The privacy declarations and the app part refer to other entries.
	{"UNKNOWN_SCOPE", ""},
	{"PURPOSE_REQUIRED", ""},
	{"REQUEST_CONFLICT", ""},
	{"LIMIT_EXCEEDED", "which HarmonyOS limits to"}, // a purpose's limit depends on the requested scope's platforms
	{"INVALID_VALUE", "privacy.gated needs a privacy gate"},
	{"INVALID_VALUE", "cannot exclude itself"},
	{"INVALID_VALUE", "so it cannot conflict there"},
	{"INVALID_VALUE", "is supported on none of the app's platforms"},
	{"DUPLICATE_ENTRY", "privacy.permission"},
	{"INVALID_NPM_METADATA", "is not an SPDX license expression"}, // a grammar with parentheses
}

func expressible(d diag.Diagnostic) bool {
	for _, x := range inexpressible {
		if d.Rule == x.rule && strings.Contains(d.Message, x.phrase) {
			return false
		}
	}
	return true
}

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := schemaemit.Schema(nil)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("manifest.schema.json", doc))
	s, err := c.Compile("manifest.schema.json")
	require.NoError(t, err)
	return s
}

// manifests lists every manifest under testdata, good and bad, the root
// one, and this package's own cases where RE2 and ECMAScript differ
// (testdata/*.yaml, each saying in its first line whether scopegen
// accepts it).
func manifests(t *testing.T) []string {
	t.Helper()
	var paths []string
	for _, root := range []string{"../../testdata", "testdata"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") && !strings.Contains(p, string(filepath.Separator)+"want"+string(filepath.Separator)) {
				paths = append(paths, p)
			}
			return err
		})
		require.NoError(t, err)
	}
	return append(paths, "../../manifest.yaml")
}

// TestSchemaAgreesWithGenerator validates every manifest under testdata
// with a real JSON Schema validator and checks that the schema accepts
// exactly the manifests the generator accepts, except where every problem
// the generator found is one the schema cannot express.
func TestSchemaAgreesWithGenerator(t *testing.T) {
	schema := compile(t)
	checked, bothAccept, bothRefuse, onlyScopegen := 0, 0, 0, 0
	for _, path := range manifests(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		_, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
		require.NoError(t, err)

		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			// Not YAML a JSON validator can see; the generator must agree.
			require.NotEmpty(t, diags, "%s: yaml.v3 refuses it, scopegen accepts it", path)
			continue
		}
		instance, err := toJSONValue(doc)
		if err != nil {
			// A key JSON cannot hold (null, a list): scopegen must refuse it.
			require.NotEmpty(t, diags, "%s: not JSON-shaped, yet scopegen accepts it", path)
			continue
		}
		schemaErr := schema.Validate(instance)
		checked++
		switch {
		case len(diags) == 0:
			bothAccept++
			assert.NoError(t, schemaErr, "%s: scopegen accepts it, the schema refuses it", path)
		case schemaErr != nil:
			bothRefuse++
		default:
			onlyScopegen++
			for _, d := range diags {
				assert.False(t, expressible(d), "%s: the schema accepts it, scopegen refuses it with a rule the schema could express:\n%s", path, d)
			}
		}
	}
	assert.Greater(t, checked, 50)
	t.Logf("%d manifests validated: %d accepted by both, %d refused by both, %d refused by scopegen alone (inexpressible rules)",
		checked, bothAccept, bothRefuse, onlyScopegen)
}

// toJSONValue turns a decoded YAML document into the values the
// validator expects, by way of JSON text.
func toJSONValue(doc any) (any, error) {
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

func TestEmittedSchemaNamesTheManifestsPlatforms(t *testing.T) {
	data, err := os.ReadFile("../../generated/schema/manifest.schema.json")
	require.NoError(t, err)
	var schema struct {
		Defs map[string]struct {
			Enum []string `json:"enum"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(data, &schema))
	assert.Equal(t, []string{"alipay", "baidu", "bytedance", "harmony", "kuaishou", "web", "wechat", "xiaohongshu"}, schema.Defs["platformID"].Enum)
}

// keyTable is the keys one mapping of the manifest accepts and the ones it
// requires, sorted, and whether it refuses other keys.
type keyTable struct {
	keys, required []string
	closed         bool
}

// loaderTables reads the field tables of generator/load ([]field{{"name",
// required, read}, …}) from its source, so the test sees what the loader
// accepts without the loader exporting its internals.
func loaderTables(t *testing.T) []keyTable {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "../load/manifest.go", nil, 0)
	require.NoError(t, err)
	var tables []keyTable
	ast.Inspect(f, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		arr, ok := lit.Type.(*ast.ArrayType)
		if !ok || fmt.Sprint(arr.Elt) != "field" {
			return true
		}
		tb := keyTable{closed: true} // the loader reports unknown keys
		for _, e := range lit.Elts {
			row := e.(*ast.CompositeLit).Elts
			name, err := strconv.Unquote(row[0].(*ast.BasicLit).Value)
			require.NoError(t, err)
			tb.keys = append(tb.keys, name)
			if row[1].(*ast.Ident).Name == "true" {
				tb.required = append(tb.required, name)
			}
		}
		slices.Sort(tb.keys)
		slices.Sort(tb.required)
		tables = append(tables, tb)
		return false
	})
	require.Len(t, tables, 7, "manifest, npm, platform, denial, authorize, scope, support")
	return tables
}

// schemaTables collects every object schema with fixed properties.
func schemaTables(node any, out *[]keyTable) {
	switch n := node.(type) {
	case map[string]any:
		if props, ok := n["properties"].(map[string]any); ok {
			tb := keyTable{keys: slices.Sorted(maps.Keys(props)), closed: n["additionalProperties"] == false}
			if req, ok := n["required"].([]any); ok {
				for _, r := range req {
					tb.required = append(tb.required, r.(string))
				}
			}
			slices.Sort(tb.required)
			*out = append(*out, tb)
		}
		for _, k := range slices.Sorted(maps.Keys(n)) {
			schemaTables(n[k], out)
		}
	case []any:
		for _, v := range n {
			schemaTables(v, out)
		}
	}
}

// TestSchemaHasEveryLoaderKey: each mapping the loader reads is an object
// in the schema with the same keys and the same required ones, which
// refuses any other key as the loader does. A key added to the loader and
// not to the schema fails here even before a manifest uses it.
func TestSchemaHasEveryLoaderKey(t *testing.T) {
	src, err := schemaemit.Schema(nil)
	require.NoError(t, err)
	var doc any
	require.NoError(t, json.Unmarshal(src, &doc))
	var inSchema []keyTable
	schemaTables(doc, &inSchema)
	for _, tb := range loaderTables(t) {
		assert.Contains(t, inSchema, tb, "the schema has a closed object with exactly the loader's keys %v (required %v)", tb.keys, tb.required)
	}
}

// TestOwnCasesSayWhatScopegenDoes: the first line of each case of this
// package says whether scopegen accepts it; the agreement test then holds
// the schema to the same verdict.
func TestOwnCasesSayWhatScopegenDoes(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		_, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
		require.NoError(t, err)
		first, _, _ := strings.Cut(string(data), "\n")
		switch {
		case strings.HasPrefix(first, "# Accepted:"):
			assert.Empty(t, diags, path)
		case strings.HasPrefix(first, "# Refused:"):
			assert.NotEmpty(t, diags, path)
		default:
			t.Errorf("%s: the first line says neither # Accepted: nor # Refused:", path)
		}
	}
}

// TestEveryKeyIsDescribed: each key of each closed object says what it is,
// itself or through the definition it refers to, since that is what an
// editor shows on hover.
func TestEveryKeyIsDescribed(t *testing.T) {
	src, err := schemaemit.Schema(nil)
	require.NoError(t, err)
	var root map[string]any
	require.NoError(t, json.Unmarshal(src, &root))
	defs := root["$defs"].(map[string]any)
	described := func(s map[string]any) bool {
		if _, ok := s["description"]; ok {
			return true
		}
		ref, _ := s["$ref"].(string)
		def, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		_, has := def["description"]
		return ok && has
	}
	objects := []map[string]any{root}
	for _, name := range slices.Sorted(maps.Keys(defs)) {
		objects = append(objects, defs[name].(map[string]any))
	}
	keys := 0
	for len(objects) > 0 {
		obj := objects[0]
		objects = objects[1:]
		props, _ := obj["properties"].(map[string]any)
		if obj["additionalProperties"] != false {
			continue // not a table of keys (a conditional's "then", say)
		}
		for _, k := range slices.Sorted(maps.Keys(props)) {
			p := props[k].(map[string]any)
			keys++
			assert.True(t, described(p), "key %q has no description", k)
			objects = append(objects, p)
		}
	}
	assert.GreaterOrEqual(t, keys, 25)
}
