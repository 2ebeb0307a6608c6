package generator_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
)

// specPath is the Scope List of the spec this project descends from,
// kept in the repository as test data.
const specPath = "../testdata/spec/authorize-spec.md"

// specHosts maps the spec's host icons (their alt text) to platform ids.
var specHosts = map[string]string{
	"wechatMiniprogram":   "wechat",
	"miniApp":             "alipay",
	"bytedanceMicroApp":   "bytedance",
	"baiduSmartProgram":   "baidu",
	"kuaiShouMiniProgram": "kuaishou",
}

var (
	specRow = regexp.MustCompile(`^\| (scope\.[A-Za-z]+|auth_[a-z]+) \|`)
	specAlt = regexp.MustCompile(`alt="([A-Za-z]+)"`)
)

// TestEverySpecScopeIsInTheManifest reads the spec's Scope List and checks
// that manifest.yaml has every scope with each of its hosts, or a note on
// the scope or the host's entry that says why not.
func TestEverySpecScopeIsInTheManifest(t *testing.T) {
	spec, err := os.ReadFile(specPath)
	require.NoError(t, err)
	data, err := os.ReadFile("../manifest.yaml")
	require.NoError(t, err)
	m, diags := generator.Resolve("manifest.yaml", data, generator.Options{GoImportPath: "example.com/gen"})
	require.Empty(t, diags)

	rows := 0
	for _, line := range strings.Split(string(spec), "\n") {
		match := specRow.FindStringSubmatch(line)
		if match == nil {
			continue
		}
		rows++
		name := match[1]
		var scope = m.Scopes[0]
		found := false
		for _, s := range m.Scopes {
			if s.Name == name {
				scope, found = s, true
			}
		}
		require.True(t, found, "the spec's scope %s is not in manifest.yaml", name)
		for _, alt := range specAlt.FindAllStringSubmatch(line, -1) {
			id, known := specHosts[alt[1]]
			require.True(t, known, "unknown host icon %q in the spec", alt[1])
			supported := false
			title := id
			for _, sup := range scope.Support {
				if sup.Platform.ID == id {
					supported = true
				}
			}
			for _, p := range m.Platforms {
				if p.ID == id {
					title = p.Title
				}
			}
			assert.True(t, supported || strings.Contains(scope.Note, title),
				"the spec lists %s on %s: manifest.yaml must support it there or say why in the scope's note", name, id)
		}
	}
	assert.Equal(t, 10, rows, "the spec's Scope List has ten rows")
}
