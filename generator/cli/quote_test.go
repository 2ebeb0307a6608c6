package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/output"
)

// forgingNames are file names that try to forge a line of CI output: a
// GitHub Actions workflow command after each kind of line break, terminal
// escapes, a bidi override.
var forgingNames = []string{
	"x\n::error file=a.go,line=1::forged",
	"x\r\n::error::forged",
	"x\r::error::forged",
	"x\u2028::error::forged",
	"x\u0085::error::forged",
	"::error::forged",
	"\x1b[2K::error::forged",
	"x\u202e::error::forged",
}

// TestNamesFromDiskAreQuoted holds class 3 of docs/robustness.md: a file
// name found in the output folder reaches generate's warnings and check's
// lists only through diag.Quote, so under every -error-format no line of
// output starts a workflow command and the raw name never appears. The
// names sit where each message comes from: a foreign file (warning), a
// marker file the record does not list (warning), an unowned .go or npm
// file (check). A stale file's name is never hostile: the record refuses
// any path module.CheckFilePath refuses.
func TestNamesFromDiskAreQuoted(t *testing.T) {
	for _, format := range diag.Formats {
		for i, name := range forgingNames {
			t.Run(fmt.Sprintf("%s/%d", format, i), func(t *testing.T) {
				dir := t.TempDir()
				out := filepath.Join(dir, "gen")
				args := []string{"-manifest", minimalManifest, "-out", out, "-go-import-path", "example.com/q/gen", "-error-format", format}
				code, _, stderr := run(t, append([]string{"generate"}, args...)...)
				require.Zero(t, code, stderr)
				marked := "// " + output.Marker + "\n\npackage x\n"
				planted := map[string]string{
					name + ".txt":              "mine", // foreign: a warning from generate
					"copies/" + name + ".go":   marked, // unrecorded: a warning; a .go file: unowned in check
					"platform/wechat/" + name:  marked, // unrecorded marker file
					"npm/dist/" + name + ".js": "mine", // unowned in check
				}
				for p, content := range planted {
					require.NoError(t, os.MkdirAll(filepath.Join(out, filepath.Dir(p)), 0o755))
					require.NoError(t, os.WriteFile(filepath.Join(out, p), []byte(content), 0o644))
				}
				code, stdout, stderr := run(t, append([]string{"check"}, args...)...)
				assert.Equal(t, 4, code, stderr)
				requireNoForgery(t, name, stdout+stderr)
				for p := range planted {
					if strings.HasSuffix(p, ".go") || strings.HasPrefix(p, "npm/") {
						assert.Contains(t, stdout, "unowned: "+diag.Quote(filepath.ToSlash(filepath.Join(out, p))))
					}
				}

				code, stdout, stderr = run(t, append([]string{"generate"}, args...)...)
				require.Zero(t, code, stderr)
				requireNoForgery(t, name, stdout+stderr)
				assert.Contains(t, stderr, "warning: "+diag.Quote(filepath.ToSlash(filepath.Join(out, name+".txt"))))
			})
		}
	}
}

func requireNoForgery(t *testing.T, name, output string) {
	t.Helper()
	if strings.ContainsAny(name, "\n\r\x1b\u2028\u0085\u202e") {
		assert.NotContains(t, output, name, "the raw name was printed")
	}
	for _, line := range strings.Split(output, "\n") {
		require.False(t, strings.HasPrefix(line, "::"), "forged workflow command: %q", line)
		require.NotContains(t, line, "\r")
		require.NotContains(t, line, "\u2028")
		require.NotContains(t, line, "\x1b")
	}
}
