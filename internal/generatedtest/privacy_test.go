package generatedtest

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generated/platform/alipay"
	"github.com/scopegen/scopegen/generated/platform/bytedance"
	"github.com/scopegen/scopegen/generated/platform/harmony"
	"github.com/scopegen/scopegen/generated/platform/wechat"
)

// classifiers are the generated ClassifyPrivacy of every gated host, as
// errCode strings ("" = not a privacy failure).
var classifiers = map[string]func(int, string) string{
	"alipay":    func(c int, m string) string { return alipay.ClassifyPrivacy(c, m).String() },
	"bytedance": func(c int, m string) string { return bytedance.ClassifyPrivacy(c, m).String() },
	"harmony":   func(c int, m string) string { return harmony.ClassifyPrivacy(c, m).String() },
	"wechat":    func(c int, m string) string { return wechat.ClassifyPrivacy(c, m).String() },
}

type classifyCase struct {
	Platform string `json:"platform"`
	Code     int    `json:"code"`
	ErrMsg   string `json:"errMsg"`
	Want     string `json:"want"`
	Why      string `json:"why"`
}

func classifyTable(t *testing.T) []classifyCase {
	t.Helper()
	data, err := os.ReadFile("../../testdata/privacy-classify.json")
	require.NoError(t, err)
	var table struct {
		Cases []classifyCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(data, &table))
	require.NotEmpty(t, table.Cases)
	return table.Cases
}

// TestClassifyPrivacyTable runs the shared table (the JS runtime's test
// reads it too) through the generated Go classifiers.
func TestClassifyPrivacyTable(t *testing.T) {
	for _, c := range classifyTable(t) {
		classify, ok := classifiers[c.Platform]
		require.True(t, ok, "no classifier for %q: only hosts with a privacy gate have rows", c.Platform)
		assert.Equal(t, c.Want, classify(c.Code, c.ErrMsg), "%s (%d, %q): %s", c.Platform, c.Code, c.ErrMsg, c.Why)
	}
}

// TestClassifyPrivacyTableCoversTheManifest: every gated host has a
// classifier here, and every outcome the manifest gives a host is the
// answer of at least one row, as is "" (so the table cannot drift from
// the manifest unnoticed).
func TestClassifyPrivacyTableCoversTheManifest(t *testing.T) {
	m := rootModel(t)
	answered := map[string]map[string]bool{}
	for _, c := range classifyTable(t) {
		if answered[c.Platform] == nil {
			answered[c.Platform] = map[string]bool{}
		}
		answered[c.Platform][c.Want] = true
	}
	for _, p := range m.Platforms {
		if p.Privacy == nil {
			assert.NotContains(t, classifiers, p.ID, "%s has no gate", p.ID)
			assert.NotContains(t, answered, p.ID, "%s has no gate, so no rows", p.ID)
			continue
		}
		assert.Contains(t, classifiers, p.ID)
		assert.True(t, answered[p.ID][""], "%s: no row that is not a privacy failure", p.ID)
		for _, f := range p.Privacy.Failures {
			assert.True(t, answered[p.ID][f.Outcome.ErrCode()], "%s: no row answered %s", p.ID, f.Outcome.ErrCode())
		}
	}
}
