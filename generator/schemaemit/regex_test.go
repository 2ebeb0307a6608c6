package schemaemit_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/schemaemit"
)

// jsMatcher runs every pattern against every sample in Node, the way a
// JavaScript JSON Schema validator compiles a pattern (RegExp with the u
// flag), and returns matches[pattern][sample].
const jsMatcher = `
let input = "";
process.stdin.on("data", (d) => (input += d)).on("end", () => {
  const { patterns, samples } = JSON.parse(input);
  process.stdout.write(JSON.stringify(patterns.map((p) => {
    const re = new RegExp(p, "u");
    return samples.map((s) => re.test(s));
  })));
});`

// schemaPatterns is every "pattern" of the schema.
func schemaPatterns(node any, out *[]string) {
	switch n := node.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(func(yield func(string) bool) {
			for k := range n {
				if !yield(k) {
					return
				}
			}
		}) {
			if p, ok := n[k].(string); ok && k == "pattern" {
				*out = append(*out, p)
			} else {
				schemaPatterns(n[k], out)
			}
		}
	case []any:
		for _, v := range n {
			schemaPatterns(v, out)
		}
	}
}

// yamlStrings collects every key and scalar of a decoded YAML document.
func yamlStrings(node *yaml.Node, out *[]string) {
	if node.Kind == yaml.ScalarNode {
		*out = append(*out, node.Value)
	}
	for _, c := range node.Content {
		yamlStrings(c, out)
	}
}

// TestPatternsMatchAlikeInGoAndJavaScript: scopegen checks names with Go's
// RE2, editors with ECMAScript. Every pattern of the schema must give the
// same verdict in both on every string of the testdata manifests and on
// strings chosen for where the two dialects differ (white space above all:
// \s is ASCII in RE2 and Unicode in ECMAScript, so the schema spells its
// classes out).
func TestPatternsMatchAlikeInGoAndJavaScript(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	src, err := schemaemit.Schema(nil)
	require.NoError(t, err)
	var doc any
	require.NoError(t, json.Unmarshal(src, &doc))
	var patterns []string
	schemaPatterns(doc, &patterns)
	require.GreaterOrEqual(t, len(patterns), 10)

	samples := []string{
		"", " ", "\t", "x", "a b", "\u00a0", "\u3000x", "x\u2028y", "x\u2029", "\ufeffx", "\x85", "\v", "\x00", "\u1680", "x\u205fy", "\u200b", "\u180e",
		"\x7f", "\u009f", "\u00e9", "日本", "😀", "$x", "a.b", "a..b", "a-b", "A1", "_", "@a/b", "@A/b",
		"https://a.b/c", "https://a b", "http://a", "https://a\"b", "(?i)x", `\Ax`, `\p{L}`, "[[:alpha:]]", "a/b",
		"deny|denied", "x\ny", "x\r", "scope.userLocation", "auth_base", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	}
	for _, path := range manifests(t) {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		var root yaml.Node
		if yaml.Unmarshal(data, &root) == nil {
			yamlStrings(&root, &samples)
		}
	}
	slices.Sort(samples)
	samples = slices.Compact(samples)

	in, err := json.Marshal(map[string]any{"patterns": patterns, "samples": samples})
	require.NoError(t, err)
	cmd := exec.Command(node, "-e", jsMatcher)
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	require.NoError(t, err)
	var js [][]bool
	require.NoError(t, json.Unmarshal(out, &js))
	require.Len(t, js, len(patterns))

	compared := 0
	for i, p := range patterns {
		re := regexp.MustCompile(p)
		assert.NotRegexp(t, `\\[sSwWdDbB]`, p, "a class that means one thing in RE2 and another in ECMAScript")
		for j, s := range samples {
			compared++
			assert.Equal(t, re.MatchString(s), js[i][j], "pattern %q on %q: Go and JavaScript disagree", p, s)
		}
	}
	t.Logf("%d patterns × %d strings: %d verdicts compared", len(patterns), len(samples), compared)
}
