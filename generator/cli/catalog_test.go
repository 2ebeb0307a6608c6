package cli

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen"
	"github.com/scopegen/scopegen/generator"
)

// The catalog init starts from is the root manifest itself, embedded, not
// a copy that could drift from it.
func TestCatalogIsRootManifest(t *testing.T) {
	root, err := os.ReadFile("../../manifest.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(root), string(scopegen.Catalog))
}

// Every narrowing init accepts yields a manifest that generates with no
// diagnostic, keeps what was asked for, and keeps the notes and comments
// of what it keeps.
func TestNarrowCatalog(t *testing.T) {
	tests := []struct {
		name                 string
		sel                  selection
		wantPlatforms        []string
		wantScopes           []string // nil: not checked
		wantText, absentText []string
	}{
		{name: "everything", sel: selection{}, wantPlatforms: []string{"alipay", "baidu", "bytedance", "harmony", "kuaishou", "web", "wechat", "xiaohongshu"},
			wantText: []string{"# getAuthCode: 11 user cancelled", "sources: [ap-getauthcode, ap-open-docs, ap-typings]", "ap-getauthcode:\n    url: https://opendocs.alipay.com/"}},
		{name: "the README's example", sel: selection{platforms: []string{"wechat", "alipay"}, scopes: []string{"scope.userLocation", "scope.camera"}},
			wantPlatforms: []string{"alipay", "wechat"}, wantScopes: []string{"scope.userLocation", "scope.camera"},
			wantText:   []string{"# No documented errno", "my.getLocation prompts on first use", "# One entry per universal scope"},
			absentText: []string{"swan", "Douyin only", "scope.werun", "tt-auth-setting", "bd-swan-docs"}},
		{name: "alipay alone keeps its auth_ scopes", sel: selection{platforms: []string{"alipay"}},
			wantPlatforms: []string{"alipay"}, wantText: []string{"auth_base:", "auth_zhima:", "ap-getauthcode-old-copy:"}, absentText: []string{"scope.hostId", "wx-typings"}},
		{name: "web alone", sel: selection{platforms: []string{"web"}}, wantPlatforms: []string{"web"}, absentText: []string{"wx"}},
		{name: "scopes only", sel: selection{scopes: []string{"scope.bluetooth"}},
			wantScopes: []string{"scope.bluetooth"}},
		{name: "an excludes keeps only the scopes kept", sel: selection{platforms: []string{"wechat"}, scopes: []string{"scope.userFuzzyLocation"}},
			wantScopes: []string{"scope.userFuzzyLocation"}, wantText: []string{"requiredPrivateInfos: [getFuzzyLocation]"}, absentText: []string{"excludes:"}},
		{name: "an excludes keeps the scopes kept", sel: selection{platforms: []string{"wechat"}, scopes: []string{"scope.userFuzzyLocation", "scope.userLocation"}},
			wantText: []string{"excludes: [scope.userLocation]\n"}},
	}
	for _, id := range []string{"baidu", "bytedance", "harmony", "kuaishou", "wechat", "xiaohongshu"} {
		tests = append(tests, struct {
			name                 string
			sel                  selection
			wantPlatforms        []string
			wantScopes           []string
			wantText, absentText []string
		}{name: id + " alone", sel: selection{platforms: []string{id}}, wantPlatforms: []string{id}})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.sel.npmPackage = "my-app-authorize"
			out, err := narrowCatalog(scopegen.Catalog, tt.sel)
			require.NoError(t, err)
			text := string(out)
			assert.True(t, strings.HasPrefix(text, "# yaml-language-server: $schema=generated/schema/manifest.schema.json\n"), "modeline first")
			assert.Contains(t, text, `package: "my-app-authorize"`)
			assert.NotContains(t, text, "# scopegen manifest: the single source of truth", "the catalog's own head comment is replaced")
			for _, s := range tt.wantText {
				assert.Contains(t, text, s)
			}
			for _, s := range tt.absentText {
				assert.NotContains(t, text, s)
			}
			var got struct {
				Platforms map[string]any
				Scopes    yaml.Node
			}
			require.NoError(t, yaml.Unmarshal(out, &got))
			if tt.wantPlatforms != nil {
				assert.ElementsMatch(t, tt.wantPlatforms, keys(mapOf(got.Platforms)))
			}
			if tt.wantScopes != nil {
				assert.Equal(t, tt.wantScopes, keys(&got.Scopes))
			}
			// The catalog's sample purposes never reach the user's app; each
			// request holds a placeholder, refused until the user writes one.
			assert.NotContains(t, text, "用于")
			opts := generator.Options{GoImportPath: "example.com/app/generated"}
			_, diags, _ := generator.Generate("manifest.yaml", out, opts)
			placeholders := placeholderLines(out)
			require.Len(t, diags, len(placeholders), text)
			for i, d := range diags {
				assert.Equal(t, "PURPOSE_REQUIRED", d.Rule)
				assert.Equal(t, placeholders[i], d.Line)
			}
			filled := regexp.MustCompile(`"TODO: [^"]*"`).ReplaceAll(out, []byte(`"Written by the user"`))
			_, diags, err = generator.Generate("manifest.yaml", filled, opts)
			assert.Empty(t, diags, string(filled))
			assert.NoError(t, err)
		})
	}
}

func mapOf(m map[string]any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode}
	for k := range m {
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &yaml.Node{Kind: yaml.ScalarNode})
	}
	return n
}

func TestNarrowCatalogRefuses(t *testing.T) {
	tests := []struct {
		name string
		sel  selection
		want string
	}{
		{"misspelt platform", selection{platforms: []string{"wechat", "alipy"}}, `unknown platform "alipy" in -platforms (did you mean "alipay"?)`},
		{"misspelt scope", selection{scopes: []string{"scope.userLocaton"}}, `unknown scope "scope.userLocaton" in -scopes (did you mean "scope.userLocation"?)`},
		{"scope no kept platform supports", selection{platforms: []string{"web"}, scopes: []string{"auth_base"}}, `scope "auth_base" is supported by none of -platforms web`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := narrowCatalog(scopegen.Catalog, tt.sel)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
		})
	}
}

// tidy's wrapping and blank lines never change a value: it falls back to
// its input when they would.
func TestTidyKeepsValues(t *testing.T) {
	long := strings.TrimSpace(strings.Repeat("word ", 40))
	in := "a:\n  note: >-\n    " + long + "\n  double: >-\n    two  spaces " + long + "\nb: 1\n"
	out := tidy([]byte(in))
	var before, after any
	require.NoError(t, yaml.Unmarshal([]byte(in), &before))
	require.NoError(t, yaml.Unmarshal(out, &after))
	assert.Equal(t, before, after)
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.Contains(line, "two  spaces") {
			assert.LessOrEqual(t, len(line), wrapWidth, line)
		}
	}
	assert.Contains(t, string(out), "\n\nb: 1\n")
}
