package validate_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/module"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/generator/validate"
)

// TestWindowsReservedNamesAreXModsList: every id PlatformIDPattern admits
// up to four characters (longer ids are never reserved) is in
// rules.WindowsReservedNames exactly when module.CheckFilePath refuses it
// as a file name.
func TestWindowsReservedNamesAreXModsList(t *testing.T) {
	const first, rest = "abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz0123456789"
	var refused []string
	var walk func(id string)
	walk = func(id string) {
		if module.CheckFilePath("platform/"+id+"/"+id+".go") != nil {
			refused = append(refused, id)
		}
		if len(id) < 4 {
			for _, c := range rest {
				walk(id + string(c))
			}
		}
	}
	for _, c := range first {
		walk(string(c))
	}
	slices.Sort(refused)
	require.Equal(t, rules.WindowsReservedNames, refused)
	for _, id := range []string{"con" + strings.Repeat("x", 29), "lpt10", "aux0"} {
		require.NoError(t, module.CheckFilePath("platform/"+id+"/"+id+".go"), "a longer id x/mod refuses: the walk must go deeper")
	}
}

// TestPlatformIDsMakeModulePaths holds class 2 of docs/robustness.md: every
// platform id the id pattern admits but a Go module zip refuses as a file
// name (the names Windows reserves) is an INVALID_NAME at the id, and the
// ids around them are not.
func TestPlatformIDsMakeModulePaths(t *testing.T) {
	var refused []string
	for _, base := range []string{"con", "prn", "aux", "nul"} {
		refused = append(refused, base)
	}
	for _, base := range []string{"com", "lpt"} {
		for d := 1; d <= 9; d++ {
			refused = append(refused, fmt.Sprint(base, d))
		}
	}
	accepted := []string{"cons", "console", "com0", "com10", "lpt0", "auxx", "nulls", "wechat"}
	for _, id := range append(refused, accepted...) {
		t.Run(id, func(t *testing.T) {
			raw, diags := load.Load("manifest.yaml", []byte(`version: 1
platforms:
  `+id+`: {title: Host, global: wx, exportCondition: host, denial: {message: deny}}
scopes:
  s: {title: S, description: S., apis: [getLocation], platforms: {`+id+`: {native: l, grant: authorize}}}
`))
			require.Empty(t, diags)
			got := validate.Check(raw)
			wantRefused := slices.Contains(refused, id)
			require.Equal(t, wantRefused, module.CheckFilePath("platform/"+id+"/"+id+".go") != nil, "x/mod disagrees")
			require.Equal(t, wantRefused, len(got) > 0, "%v", got)
			if wantRefused {
				require.Len(t, got, 1, "%v", got)
				assert.Equal(t, "INVALID_NAME", got[0].Rule)
				assert.Equal(t, [2]int{3, 3}, [2]int{got[0].Line, got[0].Column}, got[0].String())
			}
		})
	}
}
