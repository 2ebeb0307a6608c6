package doclinks_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/internal/testsupport/doclinks"
)

// TestREADMEIsAFrontDoor: README stays short enough to read (400 lines at
// most) and its Contents line links every section, in order.
func TestREADMEIsAFrontDoor(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repo, "README.md"))
	require.NoError(t, err)
	text := string(data)
	assert.LessOrEqual(t, strings.Count(text, "\n"), 400, "README.md is over 400 lines: move detail into docs/")

	var sections []string
	for _, line := range strings.Split(text, "\n") {
		if title, ok := strings.CutPrefix(line, "## "); ok {
			sections = append(sections, "#"+doclinks.Anchor(title))
		}
	}
	start := strings.Index(text, "Contents: ")
	require.GreaterOrEqual(t, start, 0, "README.md has no Contents line")
	contents := text[start:]
	contents = contents[:strings.Index(contents, "\n\n")]
	var listed []string
	for _, m := range regexp.MustCompile(`\]\((#[^)]+)\)`).FindAllStringSubmatch(contents, -1) {
		listed = append(listed, m[1])
	}
	assert.Equal(t, sections, listed, "README's Contents line lists every ## section, in order")
}

// TestNothingRefersOutsideTheRepository: no tracked file names a path
// outside the checkout (the folder beside it that a developer's machine
// may have, or an absolute path of one machine), so a clone runs and reads
// the same anywhere.
func TestNothingRefersOutsideTheRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not on PATH")
	}
	cmd := exec.Command("git", "ls-files", "-z")
	cmd.Dir = repo
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	outside := regexp.MustCompile(`\.\./shared/|/work/(shared|main)\b`)
	self := filepath.ToSlash(filepath.Join("internal", "testsupport", "doclinks", "readme_test.go"))
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if name == self || strings.HasPrefix(name, "node_modules/") || strings.Contains(name, "/node_modules/") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(repo, name))
		if err != nil {
			continue // deleted in the work tree
		}
		for i, line := range strings.Split(string(data), "\n") {
			if outside.MatchString(line) {
				t.Errorf("%s:%d refers outside the repository: %s", name, i+1, strings.TrimSpace(line))
			}
		}
	}
}
