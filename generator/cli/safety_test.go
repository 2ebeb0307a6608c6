package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/cli"
	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
)

const minimalManifest = casesDir + "/minimal/manifest.yaml"

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errs bytes.Buffer
	code = cli.Main(args, &out, &errs)
	return code, out.String(), errs.String()
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(to), 0o755))
	require.NoError(t, os.WriteFile(to, data, 0o644))
}

// TestOutputFolderRefused: an output folder that is the module root or
// holds the manifest could lose real work to stale-file removal, so
// generate and check refuse it (exit 2) before touching anything.
func TestOutputFolderRefused(t *testing.T) {
	tests := []struct {
		name          string
		manifest, out string // relative to a fresh folder holding mod/go.mod and mod/manifest.yaml
		links         map[string]string
		refused       bool
	}{
		{name: "module root", manifest: "elsewhere/manifest.yaml", out: "mod", refused: true},
		{name: "folder of the manifest", manifest: "mod/manifest.yaml", out: "mod", refused: true},
		{name: "ancestor of the manifest", manifest: "mod/manifest.yaml", out: ".", refused: true},
		{name: "link to the module root", manifest: "elsewhere/manifest.yaml", out: "link", links: map[string]string{"link": "mod"}, refused: true},
		{name: "link to the manifest's folder", manifest: "app/manifest.yaml", out: "link", links: map[string]string{"link": "app"}, refused: true},
		{name: "manifest named like a parent path", manifest: "mod/gen/..manifest.yaml", out: "mod/gen", refused: true},
		{name: "sibling folder", manifest: "mod/generated2/manifest.yaml", out: "mod/generated"},
		{name: "subfolder", manifest: "mod/manifest.yaml", out: "mod/generated"},
	}
	minimal := filepath.Join(casesDirAbs(t), "minimal", "manifest.yaml")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			t.Chdir(root)
			require.NoError(t, os.MkdirAll("mod", 0o755))
			require.NoError(t, os.WriteFile("mod/go.mod", []byte("module example.com/app\n"), 0o644))
			copyFile(t, minimal, tt.manifest)
			if tt.out == "mod/gen" {
				require.NoError(t, os.MkdirAll("mod/gen", 0o755))
			}
			for link, target := range tt.links {
				require.NoError(t, os.Symlink(filepath.Join(root, target), link))
			}
			// treeState reads links as files: record the root's entries
			// and the tree of each real folder in it.
			state := func() map[string]any {
				entries, err := os.ReadDir(root)
				require.NoError(t, err)
				out := map[string]any{}
				for _, e := range entries {
					out[e.Name()] = e.Type().String()
					if e.IsDir() {
						out[e.Name()] = treeState(t, filepath.Join(root, e.Name()))
					}
				}
				return out
			}
			before := state()
			for _, cmd := range []string{"check", "generate"} {
				code, stdout, stderr := run(t, cmd, "-manifest", tt.manifest, "-out", tt.out, "-go-import-path", "example.com/app/gen")
				if tt.refused {
					assert.Equal(t, cli.ExitUsage, code, stderr)
					assert.Regexp(t, `(holds the manifest|is a module root).*choose a folder of its own`, stderr)
					assert.Empty(t, stdout)
					assert.Equal(t, before, state(), "a refused run touched files")
				} else if cmd == "generate" {
					assert.Equal(t, cli.ExitOK, code, stderr)
				}
			}
		})
	}
}

// casesDirAbs is the golden cases folder as an absolute path, for tests
// that change directory.
func casesDirAbs(t *testing.T) string {
	abs, err := filepath.Abs(casesDir)
	require.NoError(t, err)
	return abs
}

// TestErrorFormats: generate and check print manifest findings as text,
// as one JSON array with exactly file, line, column, rule and message, or
// as GitHub workflow annotations.
func TestErrorFormats(t *testing.T) {
	manifest := filepath.Join(casesDir, "ref-unknown-platform", "manifest.yaml")
	out := filepath.Join(t.TempDir(), "generated")
	for _, cmd := range []string{"generate", "check"} {
		t.Run(cmd, func(t *testing.T) {
			base := []string{cmd, "-manifest", manifest, "-out", out, "-go-import-path", "example.com/gen"}

			code, stdout, text := run(t, append(base, "-error-format=text")...)
			assert.Equal(t, cli.ExitManifest, code)
			assert.Empty(t, stdout)
			lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
			require.NotEmpty(t, lines)
			for _, l := range lines {
				assert.Regexp(t, `^`+regexp.QuoteMeta(manifest)+`:\d+:\d+: .+ \([A-Z_]+\)$`, l)
			}

			code, stdout, js := run(t, append(base, "-error-format=json")...)
			assert.Equal(t, cli.ExitManifest, code)
			assert.Empty(t, stdout)
			var findings []map[string]any
			require.NoError(t, json.Unmarshal([]byte(js), &findings), js)
			require.Len(t, findings, len(lines), "one JSON object per text line")
			for _, f := range findings {
				assert.ElementsMatch(t, []string{"file", "line", "column", "rule", "message"}, keys(f))
				assert.Equal(t, manifest, f["file"])
				assert.Positive(t, f["line"])
			}

			code, stdout, gha := run(t, append(base, "-error-format=github-actions")...)
			assert.Equal(t, cli.ExitManifest, code)
			assert.Empty(t, stdout)
			ghaLines := strings.Split(strings.TrimSuffix(gha, "\n"), "\n")
			require.Len(t, ghaLines, len(lines))
			for i, l := range ghaLines {
				f := findings[i]
				assert.Equal(t, "::error file="+manifest+",line="+num(f["line"])+",col="+num(f["column"])+",title="+f["rule"].(string)+"::"+f["message"].(string), l)
			}
		})
	}
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func num(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestGenerateWarnsAboutForeignFiles: files scopegen did not write are
// left in place with a warning, and the run still succeeds.
func TestGenerateWarnsAboutForeignFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "generated")
	require.NoError(t, os.MkdirAll(filepath.Join(out, "docs"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "docs", "notes.md"), []byte("my notes"), 0o644))
	code, _, stderr := run(t, "generate", "-manifest", minimalManifest, "-out", out, "-go-import-path", "example.com/gen")
	assert.Equal(t, cli.ExitOK, code, stderr)
	assert.Contains(t, stderr, "scopegen: warning: "+filepath.ToSlash(filepath.Join(out, "docs", "notes.md"))+": not generated by scopegen; left in place\n")
	data, err := os.ReadFile(filepath.Join(out, "docs", "notes.md"))
	require.NoError(t, err)
	assert.Equal(t, "my notes", string(data))
}

// TestCheckReportsDrift: check writes nothing, exits 4, and tells what
// differs (a unified diff, missing: and stale: lines) and how to fix it.
func TestCheckReportsDrift(t *testing.T) {
	out := filepath.Join(t.TempDir(), "generated code") // the fixing command quotes it
	args := []string{"-manifest", minimalManifest, "-out", out, "-go-import-path", "example.com/gen"}
	code, _, stderr := run(t, append([]string{"generate"}, args...)...)
	require.Equal(t, cli.ExitOK, code, stderr)
	code, stdout, stderr := run(t, append([]string{"check"}, args...)...)
	require.Equal(t, cli.ExitOK, code, "a fresh generation is clean: %s%s", stdout, stderr)

	var changed, missing string
	generated := generatedFiles(t, out)
	// A stale file is one the record lists that is no longer produced.
	stale := filepath.Join(out, "old", "removed.go")
	require.NoError(t, os.MkdirAll(filepath.Dir(stale), 0o755))
	require.NoError(t, os.WriteFile(stale, []byte("// "+output.Marker+"\npackage old\n"), 0o644))
	record, err := os.OpenFile(filepath.Join(out, outdir.RecordFile), os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = record.WriteString("old/removed.go\n")
	require.NoError(t, err)
	require.NoError(t, record.Close())
	require.NoError(t, os.WriteFile(filepath.Join(out, "mine.txt"), []byte("mine"), 0o644))
	if len(generated) >= 2 {
		changed, missing = generated[0], generated[1]
		require.NoError(t, os.WriteFile(filepath.Join(out, changed), []byte("// "+output.Marker+"\nhand-edited\n"), 0o644))
		require.NoError(t, os.Remove(filepath.Join(out, missing)))
	}
	before := treeState(t, out)

	code, stdout, stderr = run(t, append([]string{"check", "-error-format=json"}, args...)...)
	assert.Equal(t, cli.ExitDrift, code)
	assert.Equal(t, before, treeState(t, out), "check wrote to the output folder")
	slash := filepath.ToSlash(out)
	assert.NotContains(t, stderr, "-error-format", "how problems print does not change what is generated")
	assert.Contains(t, stdout, "stale: "+slash+"/old/removed.go\n")
	assert.NotContains(t, stdout, "mine.txt", "a foreign file is not stale")
	assert.Contains(t, stderr, "is out of date")
	assert.Contains(t, stderr, "; run: go generate ./... (or scopegen generate -go-import-path example.com/gen -manifest "+minimalManifest+" -out '"+out+"')\n")
	require.NotEmpty(t, changed, "the diff and missing: lines need a changed file")
	// Paths in the diff are spelt as in the missing: and stale: lines.
	assert.Contains(t, stdout, "--- "+slash+"/"+changed+"\t(on disk)\n+++ "+slash+"/"+changed+"\t(generated)\n")
	assert.Contains(t, stdout, "-hand-edited\n")
	assert.Contains(t, stdout, "missing: "+slash+"/"+missing+"\n")

	code, _, stderr = run(t, append([]string{"generate"}, args...)...)
	require.Equal(t, cli.ExitOK, code, stderr)
	code, _, _ = run(t, append([]string{"check"}, args...)...)
	assert.Equal(t, cli.ExitOK, code, "generate fixes what check reported")
}

// generatedFiles lists the files under dir that carry the marker, the
// record folder left out.
func generatedFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	for rel, state := range treeState(t, dir) {
		if state != "dir" && !strings.HasPrefix(filepath.ToSlash(rel), outdir.RecordDir+"/") && output.HasMarker([]byte(state[strings.IndexByte(state, 0)+1:])) {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	slices.Sort(out)
	return out
}
