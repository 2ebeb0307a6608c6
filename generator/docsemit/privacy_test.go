package docsemit_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/docsemit"
	"github.com/scopegen/scopegen/generator/model"
)

// TestPrivacySection: authorize.md has a subsection per host with a gate
// or declarations, a declaration row per such scope, the host's failure
// patterns, and every outcome's errCode; hosts without either are named
// as such; the support matrix has a column per such host.
func TestPrivacySection(t *testing.T) {
	m := resolve(t, "../../manifest.yaml")
	files, err := docsemit.Emit(m)
	require.NoError(t, err)
	page := string(files["docs/authorize.md"])
	_, section, ok := strings.Cut(page, "\n## Privacy and declarations\n")
	require.True(t, ok)
	section, _, _ = strings.Cut(section, "\n## Notes\n")

	outcomes := findTable(t, parseTables(t, []byte(section)), "errCode", "Meaning")
	require.Len(t, outcomes.Rows, len(model.PrivacyOutcomes))
	for i, o := range model.PrivacyOutcomes {
		assert.Equal(t, o.ErrCode(), outcomes.Rows[i][0])
	}

	matrix := parseTables(t, files["docs/support-matrix.md"])
	privacyMatrix := findTable(t, matrix, "declarations", "Alipay")
	var columns []string
	for _, p := range m.Platforms {
		var declared []string
		for _, sup := range p.Scopes {
			if sup.Privacy.Gated || sup.Privacy.InfoType != "" || sup.Privacy.Permission != "" || len(sup.Privacy.RequiredPrivateInfos) > 0 {
				declared = append(declared, sup.Scope.Name)
			}
		}
		heading := "\n### " + p.Title + "\n"
		if p.Privacy == nil && len(declared) == 0 {
			assert.NotContains(t, section, heading, p.ID)
			assert.Contains(t, section, p.Title, "%s is named as a host without a gate", p.ID)
			continue
		}
		columns = append(columns, p.Title)
		require.Contains(t, section, heading, p.ID)
		_, sub, _ := strings.Cut(section, heading)
		sub, _, _ = strings.Cut(sub, "\n### ")
		if len(declared) > 0 {
			rows := findTable(t, parseTables(t, []byte(sub)), "scope", "gate covers authorize")
			require.Len(t, rows.Rows, len(declared), p.ID)
			for i, name := range declared {
				assert.Equal(t, name, rows.Rows[i][0], p.ID)
			}
		}
		if p.Privacy != nil {
			for _, f := range p.Privacy.Failures {
				assert.Contains(t, sub, "| `"+f.Outcome.ErrCode()+"` |", p.ID)
			}
		}
	}
	assert.Equal(t, append([]string{"declarations"}, columns...), privacyMatrix.Header)
	assert.Len(t, privacyMatrix.Rows, len(m.Scopes)+1, "a row per scope and the gate row")
	for _, hc := range m.App.HostConfigs {
		target := "app.json"
		if hc.Module != nil {
			target = model.ModuleFileExample
		}
		assert.Contains(t, section, "scopegen hostconfig -platform "+hc.Platform.ID+" -merge "+target)
	}
}
