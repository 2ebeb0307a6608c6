package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestSourcesCitedPerHost: a host's Sources are the sources its own
// entries and its support entries cite, each once, by id, with what it
// backs in manifest order; a scope's Sources are only its own.
func TestSourcesCitedPerHost(t *testing.T) {
	raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  b:
    sources: [doc]
    title: B
    global: bb
    exportCondition: b
    denial: {message: deny, sources: [codes, doc]}
    privacy:
      apis: [getPrivacySetting]
      sources: [doc]
      failures: {notAgreed: {message: no, sources: [blog]}}
  a: {title: A, global: aa, exportCondition: a, denial: {message: deny, sources: [codes]}}
scopes:
  s:
    sources: [blog]
    title: S
    description: S.
    platforms:
      b: {native: s, grant: authorize, sources: [doc], privacy: {infoType: x, sources: [blog]}}
      a: {native: s, grant: authorize, sources: [codes]}
sources:
  doc: {url: "https://example.com/doc", tag: official, read: "2026-12-01"}
  codes: {url: "https://example.com/codes", tag: mirror, read: "2026-12-02"}
  blog: {url: "https://example.com/blog", tag: third-party, read: "2026-12-03"}
`))
	require.Empty(t, diags)
	require.Empty(t, validate.Check(raw))
	m, diags := model.Build(raw, "example.com/gen")
	require.Empty(t, diags)

	var ids []string
	for _, s := range m.Sources {
		ids = append(ids, s.ID)
	}
	assert.Equal(t, []string{"blog", "codes", "doc"}, ids)
	assert.Equal(t, model.Source{ID: "codes", URL: "https://example.com/codes", Tag: "mirror", Read: "2026-12-02"}, *m.Sources[1])

	cited := func(p *model.Platform) map[string][]string {
		out := map[string][]string{}
		for _, c := range p.Sources {
			out[c.Source.ID] = c.For
		}
		return out
	}
	assert.Equal(t, map[string][]string{
		"blog":  {"privacy notAgreed", "s privacy declaration"},
		"codes": {"denial"},
		"doc":   {"the host", "denial", "privacy gate", "s"},
	}, cited(platformByID(t, m, "b")))
	assert.Equal(t, map[string][]string{"codes": {"denial", "s"}}, cited(platformByID(t, m, "a")))
	require.Len(t, m.Scopes, 1)
	require.Len(t, m.Scopes[0].Sources, 1)
	assert.Equal(t, "blog", m.Scopes[0].Sources[0].ID)
}

// TestEveryRootHostCitesSources: every host of the catalog shows sources.
func TestEveryRootHostCitesSources(t *testing.T) {
	for _, p := range buildRoot(t).Platforms {
		assert.NotEmpty(t, p.Sources, p.ID)
	}
}
