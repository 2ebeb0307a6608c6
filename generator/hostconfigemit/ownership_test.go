package hostconfigemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMergeModuleOwnsOnlyDerivedNames: scopegen owns the resource names
// it derives from the platform's scopes and the entries naming one for a
// permission those scopes declare, nothing else that starts with
// scopegen_; and it keeps a resource of its own that the rest of
// module.json5 still names, saying so.
func TestMergeModuleOwnsOnlyDerivedNames(t *testing.T) {
	for _, tc := range []struct {
		name             string
		module, strs     string
		keptEntries      []string // substrings of module.json5 that stay
		goneEntries      []string
		keptRes, goneRes []string
		kept             []string
	}{
		{
			name: "the user's scopegen_ names",
			module: `{module: {name: "entry", label: "$string:scopegen_app_label", requestPermissions: [
  {name: "ohos.permission.INTERNET", reason: "$string:scopegen_net_reason"},
  {name: "ohos.permission.MICROPHONE", reason: "$string:scopegen_scope_record"},
]}}`,
			strs:        `{"string": [{"name": "scopegen_app_label", "value": "My App"}, {"name": "scopegen_net_reason", "value": "network"}, {"name": "scopegen_scope_record", "value": "mic"}]}`,
			keptEntries: []string{"ohos.permission.INTERNET", "ohos.permission.MICROPHONE", "$string:scopegen_app_label"},
			keptRes:     []string{"scopegen_app_label", "scopegen_net_reason", "scopegen_scope_record"},
		},
		{
			name: "scopegen's resource still named elsewhere",
			module: `{module: {label: "$string:scopegen_scope_camera", requestPermissions: [
  {name: "ohos.permission.CAMERA", reason: "$string:scopegen_scope_camera"},
]}}`,
			strs:        `{"string": [{"name": "scopegen_scope_camera", "value": "scan"}]}`,
			goneEntries: []string{"ohos.permission.CAMERA"},
			keptRes:     []string{"scopegen_scope_camera"},
			kept:        []string{"scopegen_scope_camera"},
		},
		{
			name: "a permission scopegen never declares, naming scopegen's resource",
			module: `{module: {requestPermissions: [
  {name: "ohos.permission.MICROPHONE", reason: "$string:scopegen_scope_camera"},
  {name: "ohos.permission.CAMERA", reason: "$string:scopegen_scope_camera"},
]}}`,
			strs:        `{"string": [{"name": "scopegen_scope_camera", "value": "scan"}]}`,
			keptEntries: []string{"ohos.permission.MICROPHONE"},
			goneEntries: []string{"ohos.permission.CAMERA"},
			keptRes:     []string{"scopegen_scope_camera"},
			kept:        []string{"scopegen_scope_camera"},
		},
		{
			name:        "scopegen's own, unnamed: removed",
			module:      `{module: {requestPermissions: [{name: "ohos.permission.CAMERA", reason: "$string:scopegen_scope_camera"}]}}`,
			strs:        `{"string": [{"name": "scopegen_scope_camera", "value": "scan"}]}`,
			goneEntries: []string{"ohos.permission.CAMERA"},
			goneRes:     []string{"scopegen_scope_camera"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := MergeModuleFiles([]byte(tc.module), []byte(tc.strs), harmonyConfig(false))
			require.NoError(t, err)
			for _, s := range tc.keptEntries {
				assert.Contains(t, string(m.Module), s)
			}
			for _, s := range tc.goneEntries {
				assert.NotContains(t, string(m.Module), s)
			}
			for _, s := range tc.keptRes {
				assert.Contains(t, string(m.Strings), `"`+s+`"`)
			}
			for _, s := range tc.goneRes {
				assert.NotContains(t, string(m.Strings), `"`+s+`"`)
			}
			assert.Equal(t, tc.kept, m.Kept)
			// Every resource module.json5 names exists in the union and
			// in the final string.json.
			for name := range resourcesNamed(m.Module) {
				if strings.HasPrefix(name, "scopegen_") {
					assert.Contains(t, string(m.Strings), `"`+name+`"`)
					assert.Contains(t, string(m.Union), `"`+name+`"`)
				}
			}
		})
	}
}
