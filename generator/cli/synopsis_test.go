package cli_test

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
)

// TestSynopsis: README's CLI block and cmd/scopegen's package doc are
// cli.Synopsis() exactly, and each command's synopsis names exactly the
// flags the command defines (as 'help <command>' lists them).
func TestSynopsis(t *testing.T) {
	want := cli.Synopsis()

	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(readme), "\n## CLI\n")
	require.True(t, ok, "README has a CLI section")
	_, block, ok := strings.Cut(section, "```\n")
	require.True(t, ok, "README's CLI section opens with a code block")
	block, _, _ = strings.Cut(block, "```")
	assert.Equal(t, want, block, "README's CLI block")

	mainGo, err := os.ReadFile("../../cmd/scopegen/main.go")
	require.NoError(t, err)
	var doc []string
	for _, line := range strings.Split(string(mainGo), "\n") {
		if rest, ok := strings.CutPrefix(line, "//\tscopegen "); ok {
			doc = append(doc, "scopegen "+rest)
		}
	}
	assert.Equal(t, want, strings.Join(doc, "\n")+"\n", "cmd/scopegen's package doc")

	flagInSynopsis := regexp.MustCompile(`(?:^|[\s\[])-([a-z][a-z-]*)`)
	flagInHelp := regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)\b`)
	for _, line := range strings.Split(strings.TrimSpace(want), "\n") {
		fields := strings.Fields(line)
		name := strings.Trim(fields[1], "[]")
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			require.Equal(t, cli.ExitOK, cli.Main([]string{"help", name}, &stdout, &stderr), stderr.String())
			var defined, named []string
			for _, m := range flagInHelp.FindAllStringSubmatch(stdout.String(), -1) {
				defined = append(defined, m[1])
			}
			for _, m := range flagInSynopsis.FindAllStringSubmatch(strings.Join(fields[2:], " "), -1) {
				named = append(named, m[1])
			}
			slices.Sort(defined)
			slices.Sort(named)
			assert.Equal(t, defined, slices.Compact(named), "the synopsis of %s names every flag it has, and only those", name)
		})
	}
}

// TestExitCodesDocumented: README's exit-code table and docs/adoption.md's
// exit-code list name every code scopegen returns.
func TestExitCodesDocumented(t *testing.T) {
	codes := []int{cli.ExitOK, cli.ExitInternal, cli.ExitUsage, cli.ExitManifest, cli.ExitDrift, cli.ExitBreaking, cli.ExitFindings}
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	adoption, err := os.ReadFile("../../docs/adoption.md")
	require.NoError(t, err)
	_, list, ok := strings.Cut(string(adoption), "\n## Exit codes\n")
	require.True(t, ok, "docs/adoption.md has an Exit codes section")
	list, _, _ = strings.Cut(list, "\n## ")
	list = strings.Join(strings.Fields(list), " ")
	for _, code := range codes {
		assert.Regexp(t, regexp.MustCompile(`(?m)^\| `+strconv.Itoa(code)+` \| `), string(readme), "README's exit-code table lists %d", code)
		assert.Regexp(t, regexp.MustCompile(`(: |, )`+strconv.Itoa(code)+` [a-zA-Z]`), list, "docs/adoption.md's exit codes list %d", code)
	}
}
