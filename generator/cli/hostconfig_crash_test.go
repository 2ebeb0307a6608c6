package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// crashFiles reads the manifest, module.json5 and string.json of the
// hostconfig_harmony script: the merge adds entries and drops scopegen's
// stale calendar entry and resource.
func crashFiles(t *testing.T) map[string]string {
	data, err := os.ReadFile(filepath.Join("testdata", "script", "hostconfig_harmony.txtar"))
	require.NoError(t, err)
	files := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if strings.HasPrefix(line, "-- ") && strings.HasSuffix(line, " --\n") {
			name = strings.TrimSuffix(strings.TrimPrefix(line, "-- "), " --\n")
			continue
		}
		if name != "" {
			files[name] += line
		}
	}
	return map[string]string{
		"manifest.yaml":                                     files["manifest.yaml"],
		"entry/src/main/module.json5":                       files["entry/src/main/module.json5"],
		"entry/src/main/resources/base/element/string.json": files["entry/src/main/resources/base/element/string.json"],
	}
}

// writeTree writes files (slash paths to contents) below dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	for name, text := range files {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
}

var stringRef = regexp.MustCompile(`\$string:([A-Za-z0-9_.]+)`)

// TestMergeModuleCrashOrder fails the Nth file replacement of a -merge
// that drops a resource: whichever write fails, every resource
// module.json5 names is in string.json, and the message says truly which
// file was written.
func TestMergeModuleCrashOrder(t *testing.T) {
	files := crashFiles(t)
	for n, want := range map[int]string{
		1: "string.json and entry/src/main/module.json5 left unchanged: injected failure",
		2: "module.json5 left unchanged: injected failure; entry/src/main/resources/base/element/string.json holds the new resources beside every old one",
		3: "module.json5 is merged, but entry/src/main/resources/base/element/string.json still holds scopegen resources nothing names (harmless): injected failure",
	} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, files)
			calls := 0
			replaceFile = func(target string, data []byte) error {
				calls++
				if calls == n {
					return errors.New("injected failure")
				}
				return replaceKeepingOwner(target, data)
			}
			t.Cleanup(func() { replaceFile = replaceKeepingOwner })
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := Main([]string{"hostconfig", "-platform", "harmony", "-merge", "entry/src/main/module.json5"}, &stdout, &stderr)
			assert.Equal(t, ExitInternal, code, "failing write %d: %s", n, stderr.String())
			assert.Contains(t, stderr.String(), want, "failing write %d", n)
			mod, err := os.ReadFile("entry/src/main/module.json5")
			require.NoError(t, err)
			strs, err := os.ReadFile("entry/src/main/resources/base/element/string.json")
			require.NoError(t, err)
			for _, m := range stringRef.FindAllSubmatch(mod, -1) {
				assert.Contains(t, string(strs), `"`+string(m[1])+`"`, "failing write %d: module.json5 names %s", n, m[1])
			}
		})
	}
}

// TestMergeRenameErrorsAreQuoted: a failed rename names the temporary file
// beside the target as well as the target (an *os.LinkError); a folder
// name holding a line break reaches the message quoted in both, whichever
// write fails, so it cannot forge a line (a GitHub Actions command).
func TestMergeRenameErrorsAreQuoted(t *testing.T) {
	files := crashFiles(t)
	const forged = "\n::error::forged"
	for n := 1; n <= 3; n++ {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "x"+forged)
			writeTree(t, dir, files)
			calls := 0
			replaceFile = func(target string, data []byte) error {
				calls++
				if calls == n {
					tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+".scopegen-1.tmp")
					return &os.LinkError{Op: "rename", Old: tmp, New: target, Err: errors.New("operation not permitted")}
				}
				return replaceKeepingOwner(target, data)
			}
			t.Cleanup(func() { replaceFile = replaceKeepingOwner })
			var stdout, stderr bytes.Buffer
			code := Main([]string{"hostconfig", "-manifest", filepath.Join(dir, "manifest.yaml"), "-platform", "harmony", "-merge", filepath.Join(dir, "entry/src/main/module.json5")}, &stdout, &stderr)
			assert.Equal(t, ExitInternal, code, stderr.String())
			assert.Contains(t, stderr.String(), "operation not permitted")
			for _, line := range strings.Split(stderr.String(), "\n") {
				assert.False(t, strings.HasPrefix(line, "::"), "a forged line: %q", line)
			}
		})
	}
}
