// Package gomod finds the Go module a folder belongs to, for every
// scopegen command that derives an import path or a module root from it.
package gomod

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
)

// ErrNotFound is returned by Find when no folder at or above dir holds a
// go.mod.
var ErrNotFound = errors.New("no go.mod")

// Find returns the folder holding the go.mod nearest at or above dir (dir
// is made absolute first, so root is absolute) and the module path that
// go.mod declares. A go.mod without a module line, or one that cannot be
// read, is an error, never an empty module path.
func Find(dir string) (root, modulePath string, err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		path := filepath.Join(d, "go.mod")
		data, err := os.ReadFile(path)
		switch {
		case err == nil:
			mod := modfile.ModulePath(data)
			if mod == "" {
				return "", "", fmt.Errorf("%s has no module line", path)
			}
			return d, mod, nil
		case !errors.Is(err, fs.ErrNotExist):
			return "", "", err
		}
		if filepath.Dir(d) == d {
			return "", "", fmt.Errorf("%w at or above %s", ErrNotFound, dir)
		}
	}
}
