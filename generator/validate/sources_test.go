package validate_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestSources checks the sources key and the lists citing it, one rule
// at a time; testdata/cases/sources-invalid holds the exact messages.
func TestSources(t *testing.T) {
	const src = `{url: "https://example.com/a", tag: official, read: 2026-12-06}`
	for _, tc := range []struct {
		name, cite, sources string
		wantRules           []string // nil when valid
	}{
		{"cited and declared", "[a]", "{a: " + src + "}", nil},
		{"a quoted date", "[a]", `{a: {url: "https://example.com/a", tag: mirror, read: "2026-12-06"}}`, nil},
		{"an unknown id (and so a source nothing cites)", "[b]", "{a: " + src + "}", []string{"UNKNOWN_SOURCE", "UNUSED_SOURCE"}},
		{"no sources key at all", "[a]", "", []string{"UNKNOWN_SOURCE"}},
		{"a source no entry cites", "[a]", "{a: " + src + ", c: " + `{url: "https://example.com/c", tag: official, read: 2026-12-06}` + "}", []string{"UNUSED_SOURCE"}},
		{"an id cited twice", "[a, a]", "{a: " + src + "}", []string{"DUPLICATE_ENTRY"}},
		{"an empty list (and so a source nothing cites)", "[]", "{a: " + src + "}", []string{"MISSING_FIELD", "UNUSED_SOURCE"}},
		{"a tag outside the set", "[a]", `{a: {url: "https://example.com/a", tag: blog, read: 2026-12-06}}`, []string{"INVALID_VALUE"}},
		{"a day that does not exist", "[a]", `{a: {url: "https://example.com/a", tag: official, read: 2026-02-30}}`, []string{"INVALID_VALUE"}},
		{"a URL without a scheme", "[a]", `{a: {url: example.com/a, tag: official, read: 2026-12-06}}`, []string{"INVALID_VALUE"}},
		{"a URL with a space", "[a]", `{a: {url: "https://example.com/a b", tag: official, read: 2026-12-06}}`, []string{"INVALID_VALUE"}},
		{"an upper-case id", "[A]", "{A: " + src + "}", []string{"INVALID_NAME"}},
		{"two ids for one URL", "[a, b]", "{a: " + src + ", b: " + src + "}", []string{"DUPLICATE_ENTRY"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			manifest := `version: 1
platforms:
  host: {title: Host, global: my, exportCondition: host, denial: {message: deny, sources: ` + tc.cite + `}}
scopes:
  s: {title: S, description: S., platforms: {host: {native: s, grant: authorize}}}
`
			if tc.sources != "" {
				manifest += "sources: " + tc.sources + "\n"
			}
			raw, diags := load.Load("manifest.yaml", []byte(manifest))
			require.Empty(t, diags)
			got := validate.Check(raw)
			var rules []string
			for _, d := range got {
				rules = append(rules, d.Rule)
			}
			assert.Equal(t, tc.wantRules, rules, "%v", got)
		})
	}
}

// TestCatalogFactsHaveSources: the root manifest, which init writes from,
// cites a source for every native name and getSetting key (each support
// entry), every denial code and pattern, every privacy gate, failure and
// declaration, so a user can open the page each fact was read on.
func TestCatalogFactsHaveSources(t *testing.T) {
	data, err := os.ReadFile("../../manifest.yaml")
	require.NoError(t, err)
	m, diags := load.Load("manifest.yaml", data)
	require.Empty(t, diags)
	require.Empty(t, validate.Check(m))
	for _, missing := range unsourced(m) {
		t.Errorf("manifest.yaml: %s cites no source", missing)
	}
}

// unsourced lists the entries of m holding a fact that cite no source.
func unsourced(m *load.Manifest) []string {
	var out []string
	none := func(r load.Refs) bool { return len(r.IDs) == 0 }
	for _, p := range m.Platforms {
		id := p.ID.Value
		if p.Denial.Set && none(p.Denial.Sources) {
			out = append(out, fmt.Sprintf("line %d: the denial of %s (codes, message)", p.Denial.Pos.Line, id))
		}
		if p.Privacy.Set && none(p.Privacy.Sources) {
			out = append(out, fmt.Sprintf("line %d: the privacy gate of %s", p.Privacy.Pos.Line, id))
		}
		for _, f := range p.Privacy.Failures {
			if none(f.Sources) {
				out = append(out, fmt.Sprintf("line %d: privacy failure %s of %s (message, codes)", f.Pos.Line, f.Outcome.Value, id))
			}
		}
	}
	for _, s := range m.Scopes {
		for _, sup := range s.Platforms {
			if none(sup.Sources) {
				out = append(out, fmt.Sprintf("line %d: %s on %s (native %q, settingKey %q)", sup.Pos.Line, s.Name.Value, sup.Platform.Value, sup.Native.Value, sup.SettingKey.Value))
			}
			if sup.Privacy.Set && none(sup.Privacy.Sources) {
				out = append(out, fmt.Sprintf("line %d: the privacy declaration of %s on %s", sup.Privacy.Pos.Line, s.Name.Value, sup.Platform.Value))
			}
		}
	}
	return out
}

// TestUnsourcedFindsEveryKind: the catalog test above fails for each kind
// of fact left without a source, not only for some.
func TestUnsourcedFindsEveryKind(t *testing.T) {
	raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  host:
    title: Host
    global: my
    exportCondition: host
    denial: {codeField: error, codes: [1]}
    privacy:
      apis: [getPrivacySetting]
      failures: {notAgreed: {message: not agreed}}
scopes:
  s: {title: S, description: S., platforms: {host: {native: s, settingKey: s, grant: authorize, privacy: {infoType: x}}}}
`))
	require.Empty(t, diags)
	got := unsourced(raw)
	require.Len(t, got, 5, "%q", got)
	for i, want := range []string{"denial", "privacy gate", "privacy failure notAgreed", `native "s"`, "privacy declaration"} {
		assert.Contains(t, got[i], want)
	}
}
