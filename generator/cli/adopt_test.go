package cli_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAdoptionScript runs testdata/adopt/*.txtar: the README's adoption
// path in a fresh module, with the real go command (go get -tool, go
// generate, go vet, go build) and npm. It needs go and npm on PATH and
// the module cache this checkout was built with; it works offline.
func TestAdoptionScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds scopegen as a tool in a fresh module")
	}
	for _, tool := range []string{"go", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH", tool)
		}
	}
	checkout, err := filepath.Abs("../..")
	require.NoError(t, err)
	goEnv := func(key string) string {
		out, err := exec.Command("go", "env", key).Output()
		require.NoError(t, err)
		return strings.TrimSpace(string(out))
	}
	modCache, buildCache := goEnv("GOMODCACHE"), goEnv("GOCACHE")
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/adopt",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("CHECKOUT", checkout)
			env.Setenv("GOMODCACHE", modCache)
			env.Setenv("GOCACHE", buildCache)
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOFLAGS", "-mod=mod")
			env.Setenv("GOTOOLCHAIN", "local")
			// npm: no user config, a private cache, a registry nothing listens on.
			env.Setenv("npm_config_userconfig", filepath.Join(env.WorkDir, ".npmrc"))
			env.Setenv("npm_config_cache", filepath.Join(env.WorkDir, ".npm-cache"))
			env.Setenv("npm_config_registry", "http://127.0.0.1:9/")
			env.Setenv("npm_config_offline", "true")
			env.Setenv("npm_config_update_notifier", "false")
			return nil
		},
	})
}

// TestReadmeAdoptionCommands: the shell commands in README's "Use
// scopegen in your project" are, in order, the ones the adoption script
// runs between its readme markers (less the lines marked test only).
func TestReadmeAdoptionCommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	script, err := os.ReadFile("testdata/adopt/fresh_module.txtar")
	require.NoError(t, err)
	inReadme := readmeCommands(t, string(readme))
	require.NotEmpty(t, inReadme)
	assert.Equal(t, scriptCommands(string(script)), inReadme)
}

// readmeCommands lists the lines of the ```sh blocks of the section.
func readmeCommands(t *testing.T, readme string) []string {
	_, section, found := strings.Cut(readme, "\n## Use scopegen in your project\n")
	require.True(t, found, "README has no section \"## Use scopegen in your project\"")
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	var out []string
	inBlock := false
	sc := bufio.NewScanner(strings.NewReader(section))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "```sh":
			inBlock = true
		case line == "```":
			inBlock = false
		case inBlock && strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "#"):
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

// scriptCommands lists the script's commands between the markers, as a
// shell spells them: exec dropped, test-only lines left out.
func scriptCommands(script string) []string {
	var out []string
	in, skip := false, false
	for _, line := range strings.Split(script, "\n") {
		switch {
		case line == "# readme: begin":
			in = true
		case line == "# readme: end":
			in = false
		case !in || line == "":
		case line == "# test only":
			skip = true
		case strings.HasPrefix(line, "#"):
		case skip:
			skip = false
		default:
			out = append(out, strings.TrimPrefix(line, "exec "))
		}
	}
	return out
}
