package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/output"
)

// Drift is how a folder differs from what the manifest produces.
type Drift struct {
	Changed []string // on disk with other bytes
	Missing []string // not on disk
	// Stale are files scopegen wrote that are no longer produced: with the
	// marker and listed in the record or an interrupted run's PENDING, and
	// the temporary files that PENDING lists that generate would remove.
	Stale []string
	// Unowned are files scopegen did not write where they would be
	// compiled or published with what it did: any file in a folder of a
	// generated Go package or below the npm package's folder, and
	// anywhere any .go file, go.mod, go.work or symbolic link.
	Unowned []string
	// Expected is what was compared against: the files given plus their
	// record (.scopegen/FILES and .scopegen/.gitignore), so a diff of a
	// Changed or Missing path shows its generated side.
	Expected output.Files
}

// Clean reports whether the folder is exactly what was generated.
func (d *Drift) Clean() bool {
	return len(d.Changed) == 0 && len(d.Missing) == 0 && len(d.Stale) == 0 && len(d.Unowned) == 0
}

// Compare reports how dir differs from files and their record without
// writing anything. A missing dir means every file is missing. A target
// that is a link, a folder or a special file is an error, found before
// anything is read (a FIFO would block the read).
func Compare(dir string, files output.Files) (_ *Drift, err error) {
	defer func() { err = quotePaths(err) }()
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
	previous, _, pend, err := owned(real)
	if err != nil {
		return nil, err
	}
	found, err := scan(real, files, previous)
	if err != nil {
		return nil, err
	}
	d.Stale = found.stale
	packages := npmPackageDirs(files)
	goDirs := goPackageDirs(files)
	for _, p := range append(found.unrecorded, found.foreign...) {
		temp := false
		if pend.temps[p] { // what generate would remove: a regular file, no link
			if temp, err = removableFile(real, p); err != nil {
				return nil, err
			}
		}
		switch {
		case temp:
			d.Stale = append(d.Stale, p)
		case goDirs[path.Dir(p)] || inAny(p, packages) || buildsWithGo(p):
			d.Unowned = append(d.Unowned, p)
		default:
			// A link anywhere: go build follows one to a folder of code
			// (gen/scope/sub -> elsewhere), a publish copies what it
			// points at.
			if info, err := os.Lstat(filepath.Join(real, filepath.FromSlash(p))); err == nil && info.Mode()&fs.ModeSymlink != 0 {
				d.Unowned = append(d.Unowned, p)
			}
		}
	}
	slices.Sort(d.Stale)
	slices.Sort(d.Unowned)
	return d, nil
}

// goPackageDirs are the folders of the .go files among files. Go builds
// every file in such a folder it knows an extension of (.s and .syso
// always, .c, .h, .S, .cc, .m, .f and more under cgo), so any file there
// scopegen did not write is compiled with its package.
func goPackageDirs(files output.Files) map[string]bool {
	dirs := map[string]bool{}
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".go") {
			dirs[path.Dir(p)] = true
		}
	}
	return dirs
}

// buildsWithGo reports whether the slash path p, anywhere in the output,
// is a file Go builds or that changes what it builds: Go source, and a
// go.mod or go.work, which split a package off the module holding the
// folder or redirect it.
func buildsWithGo(p string) bool {
	base := path.Base(p)
	return strings.HasSuffix(base, ".go") || base == "go.mod" || base == "go.work"
}

// npmPackageDirs are the folders of the package.json files among files:
// everything below one is published with the package.
func npmPackageDirs(files output.Files) []string {
	var dirs []string
	for _, p := range files.Paths() {
		if path.Base(p) == "package.json" {
			dirs = append(dirs, path.Dir(p))
		}
	}
	return dirs
}

// inAny reports whether the slash path p lies below one of dirs.
func inAny(p string, dirs []string) bool {
	for _, d := range dirs {
		if d == "." || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}
