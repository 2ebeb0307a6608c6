package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen"
	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
)

// manifestForms are ways a user's manifest may be written that add must
// keep byte for byte.
var manifestForms = []struct {
	name string
	form func([]byte) []byte
}{
	{"comments", withComments},
	{"blocks", withBlockScalars},
	{"yaml-header", func(b []byte) []byte { return append([]byte("%YAML 1.2\n---\n"), b...) }},
	{"bom", func(b []byte) []byte { return append([]byte("\uFEFF"), b...) }},
	{"crlf", func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }},
}

// On init manifests written in every combination of manifestForms, add
// (every missing catalog host and scope) either changes nothing but what
// it inserts — the result minus the inserted lines is the original, the
// only other change being an empty "{}" request that gains a purpose —
// and reads as valid, or refuses and leaves the file byte-identical.
func TestAddInsertsAndNeverRewrites(t *testing.T) {
	var cat yaml.Node
	require.NoError(t, yaml.Unmarshal(scopegen.Catalog, &cat))
	allPlatforms := keys(mapValue(cat.Content[0], "platforms"))
	allScopes := keys(mapValue(cat.Content[0], "scopes"))
	sels := []selection{{platforms: []string{"wechat"}}, {platforms: []string{"web"}}, {platforms: []string{"alipay", "bytedance"}, scopes: []string{"scope.camera", "scope.userLocation"}}}
	for _, sel := range sels {
		sel.npmPackage = "app-authorize"
		base, err := narrowCatalog(scopegen.Catalog, sel)
		require.NoError(t, err)
		var doc yaml.Node
		require.NoError(t, yaml.Unmarshal(base, &doc))
		have := keys(mapValue(doc.Content[0], "platforms"))
		missing := slices.DeleteFunc(slices.Clone(allPlatforms), func(id string) bool { return slices.Contains(have, id) })
		have = keys(mapValue(doc.Content[0], "scopes"))
		missingScopes := slices.DeleteFunc(slices.Clone(allScopes), func(n string) bool { return slices.Contains(have, n) })
		for mask := range 1 << len(manifestForms) {
			var names []string
			orig := base
			for i, f := range manifestForms {
				if mask&(1<<i) != 0 {
					orig = f.form(orig)
					names = append(names, f.name)
				}
			}
			t.Run(strings.Join(sel.platforms, ",")+"/"+strings.Join(names, "+"), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "manifest.yaml")
				require.NoError(t, os.WriteFile(path, orig, 0o644))
				var stdout, stderr bytes.Buffer
				code := Main([]string{"add", "-manifest", path, "-platform", strings.Join(missing, ","), "-scope", strings.Join(missingScopes, ",")}, &stdout, &stderr)
				got, err := os.ReadFile(path)
				require.NoError(t, err)
				if code != ExitOK {
					assert.Equal(t, string(orig), string(got), "a refusal leaves the file as it was")
					assert.Contains(t, stderr.String(), "Add by hand", "a refusal says what to add")
					return
				}
				assertOnlyInserted(t, orig, got)
				// No problem the original lacked, but placeholders to fill in.
				_, before := generator.Resolve("manifest.yaml", orig, generator.Options{})
				_, after := generator.Resolve("manifest.yaml", got, generator.Options{})
				for _, d := range newProblems(before, after) {
					assert.Equal(t, diag.PurposeRequired.ID, d.Rule, d.String())
				}
				var v struct{ Platforms, Scopes map[string]any }
				g, err := parseManifestYAML(got)
				require.NoError(t, err)
				require.NoError(t, g.Decode(&v))
				assert.Len(t, v.Platforms, len(allPlatforms))
				assert.Len(t, v.Scopes, len(allScopes))
			})
		}
	}
}

// A flow mapping with entries where add would insert: refused, the file
// byte-identical, the YAML to add printed.
func TestAddRefusesFlowMappings(t *testing.T) {
	base, err := narrowCatalog(scopegen.Catalog, selection{platforms: []string{"wechat"}, scopes: []string{"scope.userLocation"}, npmPackage: "app-authorize"})
	require.NoError(t, err)
	var doc yaml.Node
	require.NoError(t, yaml.Unmarshal(base, &doc))
	mapValue(mapValue(mapValue(doc.Content[0], "scopes"), "scope.userLocation"), "platforms").Style = yaml.FlowStyle
	flow, err := yaml.Marshal(&doc)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "manifest.yaml")
	require.NoError(t, os.WriteFile(path, flow, 0o644))
	var stdout, stderr bytes.Buffer
	code := Main([]string{"add", "-manifest", path, "-platform", "alipay"}, &stdout, &stderr)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, stderr.String(), "Add by hand:\nunder platforms:\n  alipay:\n")
	assert.Contains(t, stderr.String(), "is a flow mapping ({...}) with entries")
	assert.Contains(t, stderr.String(), "\nunder scopes.scope.userLocation.platforms:\n  alipay:\n    sources: [")
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(flow), string(got))
}

// assertOnlyInserted fails unless got is orig with whole lines inserted
// (and "key: {}" lines that became "key:", a last line that gained its
// line break).
func assertOnlyInserted(t *testing.T, orig, got []byte) {
	t.Helper()
	split := func(b []byte) []string { return strings.SplitAfter(string(b), "\n") }
	want, have := split(orig), split(got)
	var kept strings.Builder
	j := 0
	for _, line := range want {
		emptied := strings.Replace(line, ": {}", ":", 1)
		// A last line without a line break gains one (inserted) before what follows.
		unended := !strings.HasSuffix(line, "\n") && strings.TrimRight(have[min(j, len(have)-1)], "\r\n") == line
		for j < len(have) && have[j] != line && have[j] != emptied && !unended {
			j++
		}
		if !assert.Less(t, j, len(have), "line %q of the original is gone or changed", line) {
			return
		}
		kept.WriteString(line)
		j++
	}
	assert.Equal(t, string(orig), kept.String())
}

// withComments puts a comment line above every key line and after every
// key that opens a block, outside block scalars.
func withComments(b []byte) []byte {
	var out []string
	block := -1 // indentation of the key whose block scalar is being read
	keyLine := regexp.MustCompile(`^( *)[\w.-]+:( |$)`)
	for _, line := range strings.Split(string(b), "\n") {
		ind := len(line) - len(strings.TrimLeft(line, " "))
		if block >= 0 && (strings.TrimSpace(line) == "" || ind > block) {
			out = append(out, line)
			continue
		}
		block = -1
		if m := keyLine.FindStringSubmatch(line); m != nil {
			out = append(out, m[1]+"# the user's note")
			if strings.HasSuffix(line, ":") {
				line += " # opens a block"
			}
		}
		if t := strings.TrimSpace(line); strings.HasSuffix(t, ">-") || strings.HasSuffix(t, "|") || strings.HasSuffix(t, ">") {
			block = ind
		}
		out = append(out, line)
	}
	return []byte(strings.Join(out, "\n"))
}

// withBlockScalars writes each scope's description as a folded scalar
// with a more-indented line, and adds a literal note with trailing spaces.
func withBlockScalars(b []byte) []byte {
	desc := regexp.MustCompile(`(?m)^(    )description: (.*)$`)
	return desc.ReplaceAll(b, []byte("${1}description: >-\n${1}  one\n${1}    indented   \n${1}  two\n${1}note: |\n${1}  kept as is   \n"))
}

// An insertion that would change a value (here, above the blank lines a
// keep-chomping literal owns) is caught by the check that the result
// reads as the intended tree; at the end of a file without a final line
// break, the line break comes first.
func TestPlanTextChecksItsResult(t *testing.T) {
	for _, tc := range []struct {
		name, orig string
		same       bool
	}{
		{"keep chomping", "a:\n  x: |+\n    kept\n\n\nb: 1\n", false},
		{"clip chomping", "a:\n  x: |\n    kept\n\n\nb: 1\n", true},
		{"no final line break", "b: 1\na:\n  x: 1", true},
		{"comment above the next key", "a:\n  x: 1\n  # about z\n  z: 2\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			orig, err := parseManifestYAML([]byte(tc.orig))
			require.NoError(t, err)
			edited, err := parseManifestYAML([]byte(tc.orig))
			require.NoError(t, err)
			a := mapValue(edited.Content[0], "a")
			a.Content = slices.Insert(a.Content, 2, strNode("y", 0), strNode("new", 0))
			edits, _, err := planText([]byte(tc.orig), orig, edited)
			require.NoError(t, err)
			got := applyEdits([]byte(tc.orig), edits)
			assert.Equal(t, tc.same, sameValues(got, edited), string(got))
			if tc.same {
				assertOnlyInserted(t, []byte(tc.orig), got)
			}
		})
	}
}
