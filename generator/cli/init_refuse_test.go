package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
	"github.com/scopegen/scopegen/generator/rules"
)

// TestInitRefusesWhatGenerateWould: a -purpose or -npm-package that the
// manifest's rules refuse makes init refuse (exit 2, nothing written),
// naming the problem; what init does write, generate accepts once the
// placeholders are filled in.
func TestInitRefusesWhatGenerateWould(t *testing.T) {
	long := strings.Repeat("x", rules.Title.MaxLength+1)
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"LF", []string{"-purpose", "scope.userLocation=a\nb"}, "-purpose: the purpose of scope.userLocation must be a single line"},
		{"CR", []string{"-purpose", "scope.userLocation=a\rb"}, "must be a single line"},
		{"U+2028", []string{"-purpose", "scope.userLocation=a\u2028b"}, "must be a single line"},
		{"control", []string{"-purpose", "scope.userLocation=a\x01b"}, "contains control character U+0001"},
		{"C1 control", []string{"-purpose", "scope.userLocation=a\u0085b"}, "contains control character U+0085"},
		{"too long", []string{"-purpose", "scope.userLocation=" + long}, "the limit is"},
		{"npm name", []string{"-npm-package", "Bad Name"}, "(INVALID_NAME)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/app\n\ngo 1.26\n"), 0o644))
			args := append([]string{"init", "-manifest", filepath.Join(dir, "manifest.yaml"), "-platforms", "wechat", "-scopes", "scope.userLocation"}, tc.args...)
			var stdout, stderr bytes.Buffer
			code := cli.Main(args, &stdout, &stderr)
			assert.Equal(t, cli.ExitUsage, code, stderr.String())
			assert.Contains(t, stderr.String(), tc.want)
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Len(t, entries, 1, "only go.mod: nothing written")
		})
	}
}
