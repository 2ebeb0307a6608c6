package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/cli"
)

// TestReadmeAddingAScope runs README's "Adding a scope" on manifests init
// writes (the README's own, and one per host): its add command, then its
// YAML merged key by key as a reader would edit it; generate and check
// then succeed. The prose names exactly the hosts the YAML marks "# new".
func TestReadmeAddingAScope(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, section, found := strings.Cut(string(readme), "\n## Adding a scope\n")
	require.True(t, found)
	prose, rest, found := strings.Cut(section, "```yaml\n")
	require.True(t, found, "the section has a yaml block")
	snippet, _, found := strings.Cut(rest, "```")
	require.True(t, found)
	_, commands, found := strings.Cut(prose, "```sh\n")
	require.True(t, found, "the section shows the add command")
	commands, _, _ = strings.Cut(commands, "```")
	prose = strings.Replace(prose, commands, "", 1)

	root, err := os.ReadFile("../../manifest.yaml")
	require.NoError(t, err)
	var before, example struct {
		Scopes map[string]struct{ Platforms map[string]any }
	}
	require.NoError(t, yaml.Unmarshal(root, &before))
	require.NoError(t, yaml.Unmarshal([]byte(snippet), &example))

	// The prose names the hosts the example adds, and no other.
	var hosts struct {
		Platforms map[string]struct{ Title string }
	}
	require.NoError(t, yaml.Unmarshal(root, &hosts))
	added := regexp.MustCompile(`(?m)^\s+(\w+):\s+# new$`).FindAllStringSubmatch(snippet, -1)
	require.NotEmpty(t, added, "the example marks what it adds with # new")
	isAdded := map[string]bool{}
	for _, m := range added {
		isAdded[m[1]] = true
		for name, sc := range example.Scopes {
			if _, inExample := sc.Platforms[m[1]]; inExample {
				assert.NotContains(t, before.Scopes[name].Platforms, m[1], "%s on %s is marked new but the manifest has it", name, m[1])
			}
		}
	}
	for id, p := range hosts.Platforms {
		mentioned := regexp.MustCompile(`\b` + regexp.QuoteMeta(p.Title) + `\b`).MatchString(strings.Join(strings.Fields(prose), " "))
		if isAdded[id] {
			assert.True(t, mentioned, "the prose does not name %s, which the example adds", p.Title)
		} else if mentioned && !strings.Contains(prose, p.Title+" already") {
			t.Errorf("the prose names %s, which the example does not add", p.Title)
		}
	}

	inits := [][]string{{"-platforms", "wechat,alipay", "-scopes", "scope.userLocation,scope.camera"}}
	for id := range hosts.Platforms {
		inits = append(inits, []string{"-platforms", id})
	}
	for _, args := range inits {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.26\n"), 0o644))
			path := filepath.Join(dir, "manifest.yaml")
			var stdout, stderr bytes.Buffer
			require.Equal(t, cli.ExitOK, cli.Main(append([]string{"init", "-manifest", path}, args...), &stdout, &stderr), stderr.String())
			for _, line := range strings.Split(strings.TrimSpace(commands), "\n") {
				cmd, ok := strings.CutPrefix(line, "go tool scopegen ")
				require.True(t, ok, "README's command runs scopegen: %s", line)
				stderr.Reset()
				require.Equal(t, cli.ExitOK, cli.Main(append(strings.Fields(cmd), "-manifest", path), &stdout, &stderr), "%s\n%s", line, stderr.String())
			}
			data, err := os.ReadFile(path)
			require.NoError(t, err)
			// The user writes the purposes init and add left to them.
			data = regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAll(data, []byte(`"Written by the user"`))
			var manifest, edit yaml.Node
			require.NoError(t, yaml.Unmarshal(data, &manifest))
			require.NoError(t, yaml.Unmarshal([]byte(snippet), &edit))
			assert.NotZero(t, merge(manifest.Content[0], edit.Content[0]), "the example changes the manifest")
			var buf bytes.Buffer
			enc := yaml.NewEncoder(&buf)
			enc.SetIndent(2)
			require.NoError(t, enc.Encode(&manifest))
			require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
			gen := []string{"-manifest", path, "-out", filepath.Join(dir, "generated"), "-go-import-path", "example.com/app/generated"}
			stderr.Reset()
			require.Equal(t, cli.ExitOK, cli.Main(append([]string{"generate"}, gen...), &stdout, &stderr), stderr.String())
			stderr.Reset()
			assert.Equal(t, cli.ExitOK, cli.Main(append([]string{"check"}, gen...), &stdout, &stderr), stderr.String())
		})
	}
}

// merge writes every key of the edit into the mapping m, recursing into
// mappings both have, and returns how many values it added or replaced.
func merge(m, edit *yaml.Node) int {
	changed := 0
	for i := 0; i+1 < len(edit.Content); i += 2 {
		key, value := edit.Content[i], edit.Content[i+1]
		j := 0
		for ; j+1 < len(m.Content) && m.Content[j].Value != key.Value; j += 2 {
		}
		switch {
		case j+1 >= len(m.Content):
			m.Content = append(m.Content, key, value)
			changed++
		case m.Content[j+1].Kind == yaml.MappingNode && value.Kind == yaml.MappingNode:
			changed += merge(m.Content[j+1], value)
		case m.Content[j+1].Value != value.Value || value.Kind != yaml.ScalarNode:
			m.Content[j+1] = value
			changed++
		}
	}
	return changed
}
