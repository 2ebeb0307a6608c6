package generator_test

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// requireGeneratesGofmt generates manifest and requires every Go file to
// be a gofmt fixed point (requireGofmtFixedPoint). It reports whether the
// manifest was valid.
func requireGeneratesGofmt(t *testing.T, name string, manifest []byte) bool {
	t.Helper()
	files, diags, err := generator.Generate("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/gofmt/gen"})
	require.NoError(t, err, name)
	if len(diags) > 0 {
		return false
	}
	requireGofmtFixedPoint(t, name, files)
	return true
}

// requireGofmtFixedPoint fails unless format.Source leaves every .go file
// of files as it is: what gofmt -l, gofumpt's gofmt pass or golangci-lint's
// gofmt check would report. go/printer reformats a top-level doc comment
// with go/doc/comment, so a comment it did not reformat when the file was
// generated shows up here.
func requireGofmtFixedPoint(t *testing.T, name string, files output.Files) {
	t.Helper()
	for _, p := range files.Paths() {
		if !strings.HasSuffix(p, ".go") {
			continue
		}
		again, err := format.Source(files[p])
		require.NoError(t, err, "%s %s", name, p)
		if !bytes.Equal(files[p], again) {
			t.Fatalf("%s %s: gofmt rewrites the generated file at %s", name, p, firstDifference(again, files[p]))
		}
	}
}

// firstDifference shows the first line where got differs from want.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range min(len(w), len(g)) {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("the end: want %d lines, got %d", len(w), len(g))
}

// TestGeneratedGoIsGofmtFixedPoint: for every golden case, the root
// manifest scaled by 200 and 2,000 scopes, scope names whose Go keys pass
// go/printer's 40-byte alignment limit, descriptions gofmt reformats as doc
// comments (lists, headings, link definitions) and directive lines in a
// free-text field, gofmt leaves the generated Go unchanged.
func TestGeneratedGoIsGofmtFixedPoint(t *testing.T) {
	valid := 0
	for _, c := range goldenCases(t) {
		if requireGeneratesGofmt(t, c.name, c.manifest) {
			valid++
		}
	}
	require.Positive(t, valid)
	root, err := os.ReadFile("../manifest.yaml")
	require.NoError(t, err)
	for name, manifest := range map[string][]byte{
		"root":            root,
		"scaled-200":      synth.Scaled(root, 200),
		"scaled-2000":     synth.Scaled(root, 2000),
		"long-keys":       longScopeNames(t, root),
		"doc-syntax":      docSyntaxDescription(t, root),
		"long-keys-scale": synth.Scaled(longScopeNames(t, root), 50),
		"directives":      directiveDescription(t, root),
	} {
		require.True(t, requireGeneratesGofmt(t, name, manifest), "%s: invalid manifest", name)
	}
}

// TestCommittedGoIsGofmtFixedPoint: gofmt -l is clean over the Go files
// as committed, in every golden case's want/ and in generated/, the files
// users' linters see.
func TestCommittedGoIsGofmtFixedPoint(t *testing.T) {
	files := output.Files{}
	for _, root := range []string{casesDir, "../generated"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			content, err := os.ReadFile(p)
			files[filepath.ToSlash(p)] = content
			return err
		})
		require.NoError(t, err)
	}
	require.Contains(t, files, casesDir+"/doc-comment-syntax/want/platform/wechat/wechat.go")
	require.Contains(t, files, "../generated/scope/scope.go")
	requireGofmtFixedPoint(t, "committed", files)
}

// longScopeNames renames the camera and user-info scopes so that their Go
// names, and scope.<GoName> keys, are longer than 40 bytes.
func longScopeNames(t *testing.T, root []byte) []byte {
	t.Helper()
	out := regexp.MustCompile(`(?m)^(\s+)scope\.camera:`).ReplaceAll(root, []byte("${1}scope.cameraForScanningCodesTakingPicturesAndRecordingVideos:"))
	out = regexp.MustCompile(`(?m)^(\s+)scope\.userInfo:`).ReplaceAll(out, []byte("${1}scope.userInfoWithTheNicknameAndTheAvatarOfTheAccount:"))
	require.NotEqual(t, string(root), string(out))
	return out
}

// docSyntaxDescription gives the camera scope a description whose lines
// go/doc/comment reads as a list, a heading, a numbered list and a link
// definition, which gofmt rewrites in a doc comment.
func docSyntaxDescription(t *testing.T, root []byte) []byte {
	t.Helper()
	const description = "    description: |-\n" +
		"      The camera, for:\n" +
		"      - scanning codes\n" +
		"      * taking pictures\n" +
		"\n" +
		"      # Recording\n" +
		"\n" +
		"      1. videos\n" +
		"      2) streams, see [Camera] and [the docs]\n" +
		"\n" +
		"      [the docs]: https://example.com/camera\n"
	out := strings.Replace(string(root), "    description: The camera.\n", description, 1)
	require.NotEqual(t, string(root), out)
	return []byte(out)
}

// directiveDescription gives the camera scope a description of lines Go
// tooling reads as directives when they start a comment line, and runs of
// the quote pairs gofmt's doc-comment printer rewrites.
func directiveDescription(t *testing.T, root []byte) []byte {
	t.Helper()
	const description = "    description: |-\n" +
		"      +build ignore\n" +
		"      #cgo LDFLAGS: -lm\n" +
		"      go:generate rm -rf /\n" +
		"      //go:build never\n" +
		"      line a.go:1\n" +
		"      export F\n" +
		"      ``quoted'' ```` ''''\n"
	out := strings.Replace(string(root), "    description: The camera.\n", description, 1)
	require.NotEqual(t, string(root), out)
	return []byte(out)
}
