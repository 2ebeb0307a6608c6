package outdir_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
)

// TestAHostilePendingRemovesNothingOfYours: a PENDING is input, and one
// written by someone else lists what it likes. Whatever a temp or write
// line names (a file behind a link in the folder, the link itself, a
// user's file without a temporary file's name, a folder), generate removes
// nothing outside the folder, no link, no file of the user's, and check
// calls none of them stale. The last row is the control: a real leftover
// temporary file is removed, so the family is not passing for nothing.
func TestAHostilePendingRemovesNothingOfYours(t *testing.T) {
	files := output.Files{"a.go": gen("a"), "sub/b.go": gen("b")}
	tests := []struct {
		line    string
		removed bool
	}{
		{"temp lnk/important.txt", false},
		{"temp lnk/.scopegen-tmp-a.go-1x2y", false},
		{"temp lnk/deep/.scopegen-tmp-b.go-3z", false},
		{"temp sub/lnk/.scopegen-tmp-b.go-3z", false},
		{"temp lnk", false},
		{"temp .scopegen-tmp-link.go-9", false},
		{"temp notes.md", false},
		{"temp sub/notes.md", false},
		{"temp .scopegen-tmp-", false},
		{"temp .scopegen-tmp-x-ABC", false},
		{"temp .scopegen-tmp-x-", false},
		{"temp .scopegen-tmp-dir.go-7", false},
		{"write lnk/marked.go", false},
		{"write sub/lnk/marked.go", false},
		{"temp .scopegen-tmp-a.go-1x2y", true},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			outside := t.TempDir()
			put(t, outside, "important.txt", "precious")
			put(t, outside, ".scopegen-tmp-a.go-1x2y", "precious too")
			put(t, outside, "deep/.scopegen-tmp-b.go-3z", "precious three")
			put(t, outside, "marked.go", string(gen("not yours")))
			dir := t.TempDir()
			write(t, dir, files)
			require.NoError(t, os.Symlink(outside, filepath.Join(dir, "lnk")))
			require.NoError(t, os.Symlink(outside, filepath.Join(dir, "sub", "lnk")))
			require.NoError(t, os.Symlink(filepath.Join(outside, "important.txt"), filepath.Join(dir, ".scopegen-tmp-link.go-9")))
			require.NoError(t, os.MkdirAll(filepath.Join(dir, ".scopegen-tmp-dir.go-7"), 0o755))
			put(t, dir, "notes.md", "mine")
			put(t, dir, "sub/notes.md", "mine too")
			put(t, dir, ".scopegen-tmp-a.go-1x2y", "half a file")
			put(t, dir, outdir.PendingFile, "# "+output.Marker+"\n"+tt.line+"\n")
			outsideBefore := fullTree(t, outside)
			before := tree(t, dir)
			target := strings.SplitN(tt.line, " ", 2)[1]

			drift, err := outdir.Compare(dir, files)
			require.NoError(t, err)
			assert.Equal(t, tt.removed, len(drift.Stale) > 0, "stale: %v", drift.Stale)

			rep := write(t, dir, files)
			assert.Equal(t, outsideBefore, fullTree(t, outside), "a file outside the folder changed")
			after := tree(t, dir)
			if tt.removed {
				assert.Equal(t, []string{target}, rep.Removed)
				delete(before, target)
			} else {
				assert.Empty(t, rep.Removed)
			}
			assert.Equal(t, before, after, "the folder changed beyond the one leftover")
			for _, w := range rep.Warnings {
				assert.NotContains(t, w.Reason, "\n")
			}
		})
	}
}

// TestCheckOwnsWhatGoBuilds: go build compiles every file of a package's
// folder whose extension it knows (.s and .syso always; C, C++, Objective-C
// and Fortran under cgo), follows a link to a folder of Go, and a go.mod or
// go.work anywhere in the output splits it off the module. Each of these
// is unowned; a note outside a Go package's folder is not.
func TestCheckOwnsWhatGoBuilds(t *testing.T) {
	files := output.Files{"scope/scope.go": gen("s"), "docs/a.md": gen("d"), "npm/package.json": []byte(`{"//": "` + output.Marker + `"}`)}
	elsewhere := t.TempDir()
	put(t, elsewhere, "x.go", "package sub\n")
	tests := []struct {
		path, link string // link: make path a symbolic link to it
		unowned    bool
	}{
		{path: "scope/evil.s", unowned: true},
		{path: "scope/evil_amd64.syso", unowned: true},
		{path: "scope/x.c", unowned: true},
		{path: "scope/x.h", unowned: true},
		{path: "scope/x.S", unowned: true},
		{path: "scope/x.cc", unowned: true},
		{path: "scope/x.cpp", unowned: true},
		{path: "scope/x.m", unowned: true},
		{path: "scope/x.f", unowned: true},
		{path: "scope/README", unowned: true},
		{path: "scope/go.mod", unowned: true},
		{path: "docs/go.mod", unowned: true},
		{path: "docs/deep/go.work", unowned: true},
		{path: "go.work", unowned: true},
		{path: "scope/sub", link: elsewhere, unowned: true},
		{path: "scope/x.s", link: filepath.Join(elsewhere, "x.go"), unowned: true},
		{path: "docs/lnk", link: elsewhere, unowned: true},
		{path: "lnk.md", link: "/dev/null", unowned: true},
		{path: "docs/notes.md"},
		{path: "docs/x.s"},
		{path: "scope/sub/notes.txt"},
		{path: "NOTES.txt"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/link=%v", tt.path, tt.link != ""), func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, files)
			if tt.link != "" {
				require.NoError(t, os.Symlink(tt.link, filepath.Join(dir, tt.path)))
			} else {
				put(t, dir, tt.path, "mine")
			}
			drift, err := outdir.Compare(dir, files)
			require.NoError(t, err)
			if tt.unowned {
				assert.Equal(t, []string{tt.path}, drift.Unowned)
				assert.False(t, drift.Clean())
			} else {
				assert.True(t, drift.Clean(), "%+v", drift)
			}
		})
	}
}
