package schemaemit_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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
// message. README's editor section repeats this list.
var inexpressible = []struct{ rule, phrase string }{
	{"YAML_SYNTAX", ""},           // anchors, aliases, tags, documents: gone once YAML becomes JSON
	{"DUPLICATE_KEY", ""},         // likewise
	{"UNKNOWN_PLATFORM", ""},      // a reference between entries
	{"UNKNOWN_API", ""},           // likewise
	{"API_MULTIPLE_SCOPES", ""},   // uniqueness across entries
	{"NATIVE_NAME_COLLISION", ""}, // likewise
	{"SETTING_KEY_COLLISION", ""}, // likewise
	{"PLATFORM_FIELD_COLLISION", ""},
	{"GO_IDENT_COLLISION", ""}, // names derived by scopegen
	{"TS_IDENT_COLLISION", ""},
	{"DETECT_CYCLE", ""},
	{"INVALID_NAME", "which is not an exported Go identifier"}, // a derived Go name
	{"INVALID_VALUE", "alsoDefines repeats the platform's own global"},
	{"INVALID_VALUE", "is not a valid regular expression"},
	{"INVALID_VALUE", "is empty"}, // Unicode white space: \S differs between RE2 and ECMAScript
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

// manifests lists every manifest under testdata, good and bad, and the
// root one.
func manifests(t *testing.T) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir("../../testdata", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") && !strings.Contains(p, string(filepath.Separator)+"want"+string(filepath.Separator)) {
			paths = append(paths, p)
		}
		return err
	})
	require.NoError(t, err)
	return append(paths, "../../manifest.yaml")
}

// TestSchemaAgreesWithGenerator validates every manifest under testdata
// with a real JSON Schema validator and checks that the schema accepts
// exactly the manifests the generator accepts, except where every problem
// the generator found is one the schema cannot express.
func TestSchemaAgreesWithGenerator(t *testing.T) {
	schema := compile(t)
	checked := 0
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
			assert.NoError(t, schemaErr, "%s: scopegen accepts it, the schema refuses it", path)
		case schemaErr == nil:
			for _, d := range diags {
				assert.False(t, expressible(d), "%s: the schema accepts it, scopegen refuses it with a rule the schema could express:\n%s", path, d)
			}
		}
	}
	assert.Greater(t, checked, 50)
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
	assert.Equal(t, []string{"alipay", "baidu", "bytedance", "kuaishou", "wechat"}, schema.Defs["platformID"].Enum)
}
