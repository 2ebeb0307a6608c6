package hostconfigemit

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/rules"
)

// TestMergeResultLimit: a merge whose result would be over rules.MaxBytes
// (the most the next merge reads) is refused before anything is
// returned; one whose result is exactly at the limit is not. The inputs
// are padded, by a foreign string the merge copies, to just under the
// limit; the growth is measured on the small file.
func TestMergeResultLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("files of 32 MiB")
	}
	type result struct {
		size int
		err  error
	}
	tests := []struct {
		name  string
		file  string // the PosError's File
		merge func(pad string) result
	}{
		{"app.json", "", func(pad string) result {
			out, _, err := Merge([]byte(`{"x": "`+pad+`"}`), wechatConfig(true))
			return result{len(out), err}
		}},
		{"module.json5", ModuleFile, func(pad string) result {
			m, err := MergeModuleFiles([]byte("{module: {name: 'e'}, x: '"+pad+"'}"), []byte(`{"string": []}`), harmonyConfig(true))
			if err != nil {
				return result{0, err}
			}
			return result{len(m.Module), nil}
		}},
		{"string.json", StringsFile, func(pad string) result {
			m, err := MergeModuleFiles([]byte("{module: {name: 'e'}}"), []byte(`{"string": [], "x": "`+pad+`"}`), harmonyConfig(true))
			if err != nil {
				return result{0, err}
			}
			return result{max(len(m.Strings), len(m.Union)), nil}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			small := tt.merge("")
			require.NoError(t, small.err)
			require.Positive(t, small.size)
			at := strings.Repeat("a", rules.MaxBytes-small.size) // the result is MaxBytes exactly
			r := tt.merge(at)
			require.NoError(t, r.err)
			assert.Equal(t, rules.MaxBytes, r.size)

			r = tt.merge(at + "a") // the input is under the limit, the result one byte over
			var pe *PosError
			require.ErrorAs(t, r.err, &pe)
			assert.Equal(t, tt.file, pe.File)
			assert.Contains(t, pe.Msg, "1 over the limit")
		})
	}
}
