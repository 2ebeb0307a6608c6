package outdir

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/output"
)

// found sorts the files under an output folder that files does not hold.
type found struct {
	stale      []string // listed in the previous record and carrying the marker
	unrecorded []string // carrying the marker but not listed: not provably ours
	foreign    []string // everything else, links and special files included
}

// scan walks root (never following links) for files that files does not
// hold and sorts them by whether previous, the last record, lists them.
func scan(root string, files output.Files, previous map[string]bool) (*found, error) {
	out := &found{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if _, ours := files[rel]; ours || rel == lockFile || rel == PendingFile || rel == pendingNew {
			return nil
		}
		if !d.Type().IsRegular() {
			out.foreign = append(out.foreign, rel)
			return nil
		}
		content, err := readHead(p)
		if err != nil {
			return err
		}
		switch {
		case !output.HasMarker(content):
			out.foreign = append(out.foreign, rel)
		case previous[rel]:
			out.stale = append(out.stale, rel)
		default:
			out.unrecorded = append(out.unrecorded, rel)
		}
		return nil
	})
	return out, err
}

func readHead(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, output.MarkerWindow)
	n, err := io.ReadFull(f, buf)
	if n == 0 && err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return buf[:n], nil
}

// removeEmptiedDirs deletes the folders that removing the files removed
// left empty, deepest first, up to but never including root. A folder
// that was empty before, or that still holds anything, stays, and so
// does a symbolic link.
func removeEmptiedDirs(root string, removed []string) error {
	var dirs []string
	seen := map[string]bool{}
	for _, p := range removed {
		for d := path.Dir(p); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	// Deeper folders first: a longer path is never an ancestor of a shorter one.
	slices.SortFunc(dirs, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(b, "/"), strings.Count(a, "/")), strings.Compare(a, b))
	})
	for _, d := range dirs {
		// A link is never followed nor removed, nor a folder reached
		// through one.
		mode, err := lstatNoLinks(root, d)
		if err != nil {
			return err
		}
		if mode == nil || !mode.IsDir() {
			continue
		}
		full := filepath.Join(root, filepath.FromSlash(d))
		entries, err := os.ReadDir(full)
		if err == nil && len(entries) == 0 {
			if err := os.Remove(full); err != nil {
				return err
			}
		}
	}
	return nil
}
