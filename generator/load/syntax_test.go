package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// Each case is a small manifest with one mistake and where it is; the
// parser's own line is often elsewhere (the corpus under testdata/cases/yaml-*
// holds the same on full manifests, with the exact diagnostics).
func TestSyntaxErrorsPointAtTheLine(t *testing.T) {
	tests := []struct {
		name      string
		yaml      string
		line, col int
	}{
		{"deeper than a key with a value", "a:\n  b: 1\n    c: 2\n", 3, 5},
		{"between two levels", "a:\n  b:\n    c: 1\n   d: 2\n", 4, 4},
		{"first entry indented differently from its siblings", "# head\n\na:\n   b: 1\n  c: 2\n  d: 3\n", 4, 4},
		{"a line that left its block, then the block goes on", "a:\n  b:\n    c: 1\n  d: 2\n    e: 3\n", 4, 3},
		{"stray word where a key belongs", "a:\n  b: 1\n  stray\n  c: 2\n", 3, 3},
		{"tab in the indentation", "a:\n\tb: 1\n", 2, 1},
		{"unclosed quote", "a:\n  b: 'open\n  c: 2\n  d: it's\n", 2, 6},
		{"block scalar content is not structure", "a:\n  note: >-\n    text\n      deeper text\n  b: 1\n    c: 2\n", 6, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n yaml.Node
			require.Error(t, yaml.Unmarshal([]byte(tt.yaml), &n), "the case must be invalid YAML")
			_, diags := Load("manifest.yaml", []byte(tt.yaml))
			require.Len(t, diags, 1)
			assert.Equal(t, tt.line, diags[0].Line, diags[0].String())
			assert.Equal(t, tt.col, diags[0].Column, diags[0].String())
		})
	}
}

// Valid YAML never has a bad line: the heuristics accept what the
// parser accepts (on the repository's manifests).
func TestValidManifestsHaveNoBadLine(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/cases/*/manifest.yaml")
	require.NoError(t, err)
	paths = append(paths, "../../manifest.yaml")
	checked := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		var n yaml.Node
		if yaml.Unmarshal(data, &n) != nil || strings.Contains(string(data), "\t") {
			continue
		}
		checked++
		line, _ := firstBadLine(strings.Split(string(data), "\n"))
		assert.Zero(t, line, p)
	}
	assert.Greater(t, checked, 50)
}

// FuzzLocateSyntaxError: for any input the position is on a line of the
// file with a column inside it (or just past its end), and Load never
// panics.
func FuzzLocateSyntaxError(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/cases/yaml-*/manifest.yaml")
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data, 1)
	}
	f.Add([]byte("a:\n  b: 1\n    c: 2\n"), 2)
	f.Fuzz(func(t *testing.T, data []byte, reported int) {
		lines := strings.Split(string(data), "\n")
		if reported < 1 || reported > len(lines) {
			reported = 1
		}
		line, col := locateSyntaxError(data, reported, "did not find expected key")
		require.GreaterOrEqual(t, line, 1)
		require.LessOrEqual(t, line, len(lines))
		require.GreaterOrEqual(t, col, 1)
		require.LessOrEqual(t, col, len(lines[line-1])+1)
		Load("manifest.yaml", data)
	})
}
