package hostconfigemit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMergeModuleKeepsResourcesNamedWithEscapes: a resource of scopegen's
// that module.json5 still names outside scopegen's entries is kept,
// however the reference is written: JSON5 escapes and line continuations
// are decoded before the name is read; a comment naming it counts too.
func TestMergeModuleKeepsResourcesNamedWithEscapes(t *testing.T) {
	const strs = `{"string": [{"name": "scopegen_scope_camera", "value": "c"}, {"name": "keep", "value": "k"}]}`
	tests := []struct {
		name, ref string // ref: the text after "description: " in module
		kept      bool
	}{
		{"plain", `'$string:scopegen_scope_camera'`, true},
		{"\\u005f", `'$string:scopegen\u005fscope_camera'`, true},
		{"\\x5f", `"$string:scopegen\x5fscope\x5Fcamera"`, true},
		{"an escaped $", `'\u0024string:scopegen_scope_camera'`, true},
		{"an escaped colon and letters", `'$string\u003a\u0073copegen_scope_camera'`, true},
		{"a line continuation (LF)", "'$string:scopegen_\\\nscope_camera'", true},
		{"a line continuation (CRLF)", "'$string:scopegen_scope\\\r\n_camera'", true},
		{"a line continuation (U+2028)", "'$string:scopegen\\\u2028_scope_camera'", true},
		{"surrounded by other text", `'see \u0024string:scopegen_scope_camera, please'`, true},
		{"in a comment", "'x' // $string:scopegen_scope_camera\n", true},
		{"in a block comment", "'x' /* $string:scopegen_scope_camera */", true},
		{"a key", `{'$string:scopegen\u005fscope_camera': 1}`, true},
		{"another name", `'$string:scopegen\u005fscope_camera2'`, false},
		{"no reference", `'scopegen_scope_camera'`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mod := "{module: {description: " + tt.ref + "\n}}"
			m, err := MergeModuleFiles([]byte(mod), []byte(strs), harmonyConfig(false))
			require.NoError(t, err)
			if tt.kept {
				assert.Equal(t, []string{"scopegen_scope_camera"}, m.Kept)
				assert.Contains(t, string(m.Strings), `"scopegen_scope_camera"`)
			} else {
				assert.Empty(t, m.Kept)
				assert.NotContains(t, string(m.Strings), `"scopegen_scope_camera"`)
			}
			assert.Contains(t, string(m.Strings), `"keep"`)
		})
	}
}
