package generator_test

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/goemit"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/synth"
)

// requireSplicedIsGofmt holds output.Finish's verbatim regions to gofmt:
// every Go file the manifest produces, finished with its regions spliced
// in, equals format.Source over the same file with the marks removed. It reports
// whether the manifest was valid. fixedPoint also requires format.Source
// to leave the result unchanged; gofmt is not always its own fixed point
// (its doc comment reformatting turns two apostrophes into a closing
// quotation mark on a second pass), so the fuzzers, whose text is
// random, leave it out.
func requireSplicedIsGofmt(t *testing.T, name string, manifest []byte, fixedPoint bool) bool {
	t.Helper()
	m, diags := generator.Resolve("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/verbatim/gen"})
	if len(diags) > 0 {
		return false
	}
	raw, err := goemit.Emit(m)
	require.NoError(t, err, name)
	for _, p := range raw.Paths() {
		finished, err := output.Finish(output.Files{p: raw[p]})
		require.NoError(t, err, "%s %s", name, p)
		got := finished[p]
		want, err := format.Source(output.Unmark(raw[p]))
		require.NoError(t, err, "%s %s", name, p)
		if !bytes.Equal(want, got) {
			t.Fatalf("%s %s: spliced regions differ from gofmt at %s", name, p, firstDifference(want, got))
		}
		if !fixedPoint {
			continue
		}
		again, err := format.Source(got)
		require.NoError(t, err)
		if !bytes.Equal(got, again) {
			t.Fatalf("%s %s: spliced output is not gofmt'd at %s", name, p, firstDifference(again, got))
		}
	}
	return true
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

// TestVerbatimRegionsAreGofmt: for every golden case, the root manifest
// scaled by 200 and 2,000 scopes, scope names whose Go keys pass go/printer's
// 40-byte alignment limit, and descriptions gofmt reformats as doc comments
// (lists, headings, link definitions), the spliced Go equals gofmt's.
func TestVerbatimRegionsAreGofmt(t *testing.T) {
	valid := 0
	for _, c := range goldenCases(t) {
		if requireSplicedIsGofmt(t, c.name, c.manifest, true) {
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
	} {
		require.True(t, requireSplicedIsGofmt(t, name, manifest, true), "%s: invalid manifest", name)
	}
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
