package cli_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/scopegen/scopegen/generator/cli"
)

const breakingPairs = "../../testdata/breaking"

// TestBreakingExitCodes pins the exit codes scripts rely on; the scripts
// under testdata/script check the output itself.
func TestBreakingExitCodes(t *testing.T) {
	pair := func(rule, file string) string { return filepath.Join(breakingPairs, rule, file) }
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"breaking change", []string{"-manifest", pair("GRANT_NO_CHANGE", "current.yaml"), "-against", pair("GRANT_NO_CHANGE", "previous.yaml")}, cli.ExitBreaking},
		{"excepted rule", []string{"-manifest", pair("GRANT_NO_CHANGE", "current.yaml"), "-against", pair("GRANT_NO_CHANGE", "previous.yaml"), "-except", "GRANT_NO_CHANGE"}, cli.ExitOK},
		{"additions", []string{"-manifest", pair("additions", "current.yaml"), "-against", pair("additions", "previous.yaml")}, cli.ExitOK},
		{"invalid current manifest", []string{"-manifest", "../../testdata/cases/ref-unknown-platform/manifest.yaml", "-against", pair("additions", "previous.yaml")}, cli.ExitManifest},
		{"invalid earlier manifest", []string{"-manifest", pair("additions", "previous.yaml"), "-against", "../../testdata/cases/ref-unknown-platform/manifest.yaml"}, cli.ExitManifest},
		{"no -against", []string{"-manifest", pair("additions", "current.yaml")}, cli.ExitUsage},
		{"unknown rule", []string{"-manifest", pair("additions", "current.yaml"), "-against", pair("additions", "previous.yaml"), "-except", "NOPE"}, cli.ExitUsage},
		{"stray argument", []string{"-against", pair("additions", "previous.yaml"), "extra"}, cli.ExitUsage},
		{"bad format", []string{"-against", pair("additions", "previous.yaml"), "-error-format", "xml"}, cli.ExitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := cli.Main(append([]string{"breaking"}, tt.args...), &stdout, &stderr)
			assert.Equal(t, tt.want, code, "stdout:\n%s\nstderr:\n%s", &stdout, &stderr)
			if tt.want != cli.ExitBreaking {
				assert.Empty(t, stdout.String(), "only findings go to stdout")
			}
		})
	}
}
