package outdir

import (
	"errors"
	"github.com/scopegen/scopegen/generator/output"
	"io/fs"
	"os"
	"path/filepath"
)

// Drift is how a folder differs from what the manifest produces.
type Drift struct {
	Changed []string // on disk with other bytes
	Missing []string // not on disk
	Stale   []string // on disk with the marker, no longer produced
	// Expected is what was compared against: the files given plus their
	// record (.scopegen/FILES and .scopegen/.gitignore), so a diff of a
	// Changed or Missing path shows its generated side.
	Expected output.Files
}

// Clean reports whether the folder is exactly what was generated.
func (d *Drift) Clean() bool {
	return len(d.Changed) == 0 && len(d.Missing) == 0 && len(d.Stale) == 0
}

// Compare reports how dir differs from files and their record without
// writing anything. A missing dir means every file is missing. A target
// that is a link, a folder or a special file is an error, found before
// anything is read (a FIFO would block the read).
func Compare(dir string, files output.Files) (*Drift, error) {
	files = withRecord(files)
	d := &Drift{Expected: files}
	for _, p := range files.Paths() {
		if err := checkTarget(dir, filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return nil, err
		}
	}
	for _, p := range files.Paths() {
		old, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			d.Missing = append(d.Missing, p)
		case err != nil:
			return nil, err
		case string(old) == string(files[p]):
			continue
		default:
			d.Changed = append(d.Changed, p)
		}
	}
	real, err := filepath.EvalSymlinks(dir) // a walk does not descend into a link
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return nil, err
	}
	previous, _, err := readRecord(real)
	if err != nil {
		return nil, err
	}
	found, err := scan(real, files, previous)
	if err != nil {
		return nil, err
	}
	d.Stale = found.stale
	return d, nil
}
