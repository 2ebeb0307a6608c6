package cli_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

// checkoutVersion is the version the test's module proxy serves this
// checkout as: README's published path installs it as it would install a
// release.
const checkoutVersion = "v0.0.0-checkout"

// TestReadmeAdoption runs README's "Use scopegen in your project" in fresh
// modules, once per install path the section shows (each ```sh block that
// starts with go mod init), followed by every other block of the section,
// as printed. A ```sh block's commands must exit 0; a ```console block
// shows each command ($ ...) with its whole output (stdout, then stderr),
// which must match. The commands run with the environment of the test
// and, as README says in one sentence, a local module proxy serving this
// checkout as the published module (GOPROXY, with GOSUMDB off: that
// version is in no checksum database) and npm offline.
func TestReadmeAdoption(t *testing.T) {
	if testing.Short() {
		t.Skip("builds scopegen as a tool in fresh modules")
	}
	for _, tool := range []string{"go", "npm", "sh"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH", tool)
		}
	}
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	installs, steps := adoptionBlocks(t, string(readme))
	require.Len(t, installs, 2, "README shows two install paths: the published module and a checkout")

	checkout, err := filepath.Abs("../..")
	require.NoError(t, err)
	out, err := exec.Command("go", "env", "GOMODCACHE", "GOCACHE").Output()
	require.NoError(t, err)
	caches := strings.Fields(string(out))
	proxy := t.TempDir()
	buildProxy(t, proxy, checkout)
	env := append(os.Environ(),
		// The checkout as the published module, then every dependency from
		// the module cache this checkout was built with: offline.
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(filepath.Join(caches[0], "cache", "download")),
		"GOSUMDB=off",
		"GOMODCACHE="+t.TempDir(), // checkoutVersion's content changes with the checkout: never cache it
		"GOCACHE="+caches[1],
		"GOFLAGS=-modcacherw",
		"GOTOOLCHAIN=local",
		"npm_config_offline=true",
		"npm_config_update_notifier=false",
		"npm_config_cache="+t.TempDir(),
	)
	for i, install := range installs {
		t.Run([]string{"published", "checkout"}[i], func(t *testing.T) {
			root := t.TempDir()
			// README's checkout path names the clone ../scopegen.
			require.NoError(t, os.Symlink(checkout, filepath.Join(root, "scopegen")))
			dir := filepath.Join(root, "app")
			require.NoError(t, os.Mkdir(dir, 0o755))
			// The mini-program's own app.json, with keys scopegen does not own.
			appJSON := "{\n  \"pages\": [\"pages/index/index\"],\n  \"window\": {\"navigationBarTitleText\": \"Demo\"}\n}\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "app.json"), []byte(appJSON), 0o644))
			for _, b := range append([]block{install}, steps...) {
				runBlock(t, dir, env, b)
			}
			merged, err := os.ReadFile(filepath.Join(dir, "app.json"))
			require.NoError(t, err)
			var got, before map[string]any
			require.NoError(t, json.Unmarshal(merged, &got))
			require.NoError(t, json.Unmarshal([]byte(appJSON), &before))
			for key, value := range before {
				assert.Equal(t, value, got[key], "app.json's own key %s is kept", key)
			}
			assert.Equal(t, map[string]any{"scope.userLocation": map[string]any{"desc": "Finds the stores near you"}}, got["permission"])
		})
	}
}

// block is one code block of README: its commands and, for a console
// block, the output shown after each.
type block struct {
	console  bool
	commands []string
	outputs  []string
}

// adoptionBlocks reads the ```sh and ```console blocks of README's "Use
// scopegen in your project": the install paths, then the other steps.
func adoptionBlocks(t *testing.T, readme string) (installs, steps []block) {
	_, section, found := strings.Cut(readme, "\n## Use scopegen in your project\n")
	require.True(t, found, "README has no section \"## Use scopegen in your project\"")
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	var cur *block
	sc := bufio.NewScanner(strings.NewReader(section))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur == nil && (line == "```sh" || line == "```console"):
			cur = &block{console: line == "```console"}
		case cur != nil && line == "```":
			if strings.HasPrefix(cur.commands[0], "go mod init ") {
				installs = append(installs, *cur)
			} else {
				steps = append(steps, *cur)
			}
			cur = nil
		case cur == nil:
		case !cur.console:
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#") {
				cur.commands = append(cur.commands, line)
			}
		case strings.HasPrefix(line, "$ "):
			cur.commands = append(cur.commands, strings.TrimPrefix(line, "$ "))
			cur.outputs = append(cur.outputs, "")
		default:
			require.NotEmpty(t, cur.outputs, "console block output before any command: %q", line)
			cur.outputs[len(cur.outputs)-1] += line + "\n"
		}
	}
	return installs, steps
}

// runBlock runs each command of b with sh in dir (a cd carries over to
// the next command, as in a shell), failing on a non-zero exit and, in a
// console block, on output other than the block shows.
func runBlock(t *testing.T, dir string, env []string, b block) {
	t.Helper()
	script := ""
	for i, c := range b.commands {
		if !b.console {
			script += c + "\n"
			continue
		}
		cmd := exec.Command("sh", "-c", script+c)
		cmd.Dir, cmd.Env = dir, env
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		require.NoError(t, err, "$ %s\n%s%s", c, stdout.String(), stderr.String())
		assert.Equal(t, b.outputs[i], stdout.String()+stderr.String(), "the output of $ %s", c)
		if strings.HasPrefix(c, "cd ") {
			script += c + "\n"
		}
	}
	if !b.console {
		cmd := exec.Command("sh", "-ec", script)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s\n%s", script, out)
	}
}

// buildProxy writes a GOPROXY file tree serving the checkout as
// github.com/scopegen/scopegen@checkoutVersion: the module zip holds what
// the module's own files are (node_modules, hidden folders and nested
// modules left out, as a release would leave them).
func buildProxy(t *testing.T, proxy, checkout string) {
	mod := module.Version{Path: "github.com/scopegen/scopegen", Version: checkoutVersion}
	dir := filepath.Join(proxy, "github.com", "scopegen", "scopegen", "@v")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	var files []zip.File
	err := filepath.WalkDir(checkout, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(checkout, p)
		name := d.Name()
		if d.IsDir() && p != checkout && (name == "node_modules" || strings.HasPrefix(name, ".") || fileExists(filepath.Join(p, "go.mod"))) {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() {
			files = append(files, zipFile{path: filepath.ToSlash(rel), full: p})
		}
		return nil
	})
	require.NoError(t, err)
	f, err := os.Create(filepath.Join(dir, checkoutVersion+".zip"))
	require.NoError(t, err)
	require.NoError(t, zip.Create(f, mod, files))
	require.NoError(t, f.Close())
	goMod, err := os.ReadFile(filepath.Join(checkout, "go.mod"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, checkoutVersion+".mod"), goMod, 0o644))
	info := fmt.Sprintf(`{"Version":%q,"Time":%q}`, checkoutVersion, time.Now().UTC().Format(time.RFC3339))
	require.NoError(t, os.WriteFile(filepath.Join(dir, checkoutVersion+".info"), []byte(info), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "list"), []byte(checkoutVersion+"\n"), 0o644))
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// zipFile is a file of the checkout, for zip.Create.
type zipFile struct{ path, full string }

func (f zipFile) Path() string                 { return f.path }
func (f zipFile) Lstat() (os.FileInfo, error)  { return os.Lstat(f.full) }
func (f zipFile) Open() (io.ReadCloser, error) { return os.Open(f.full) }
