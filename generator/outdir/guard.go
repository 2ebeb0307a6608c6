package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/internal/filekind"
)

// CheckOutDir refuses an output folder that is a module root (holds
// go.mod) or that holds one of protected (the manifest, say): a folder
// of real work is no place for generated files. Links are resolved
// first, so that a link to the module root is refused too. Write applies
// it itself; callers may call it early to report a usage error.
func CheckOutDir(out string, protected ...string) error {
	absOut, err := resolve(out)
	if err != nil {
		return err
	}
	for _, p := range protected {
		abs, err := resolve(p)
		if err != nil {
			return err
		}
		if rel, err := filepath.Rel(absOut, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s holds the manifest %s: choose a folder of its own", diag.Quote(out), diag.Quote(p))
		}
	}
	if _, err := os.Stat(filepath.Join(absOut, "go.mod")); err == nil {
		return fmt.Errorf("output folder %s is a module root (it holds go.mod): choose a folder of its own", diag.Quote(out))
	}
	return nil
}

// resolve returns p made absolute with symbolic links resolved, as far
// as p exists (an output folder may not exist yet).
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	existing, rest := abs, ""
	for {
		if real, err := filepath.EvalSymlinks(existing); err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			return abs, nil
		}
		existing, rest = parent, filepath.Join(filepath.Base(existing), rest)
	}
}

// checkTarget refuses a target whose path below root passes through a
// symbolic link (a link could point a write outside the output folder) or
// through anything but a folder, and a target that exists as anything but
// a regular file: a FIFO would block a read, a device never end, and a
// folder cannot be renamed over.
func checkTarget(root, target string) error {
	rel, err := filepath.Rel(root, target)
	if err != nil {
		return err
	}
	parts := strings.Split(rel, string(filepath.Separator))
	cur := root
	for i, part := range parts {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		last := i == len(parts)-1
		switch mode := info.Mode(); {
		case mode&fs.ModeSymlink != 0:
			return fmt.Errorf("refusing to write through symbolic link %s", diag.Quote(cur))
		case !last && !mode.IsDir():
			return fmt.Errorf("refusing to write %s: %s is %s, not a folder; move it away", diag.Quote(target), diag.Quote(cur), filekind.Of(mode))
		case last && !mode.IsRegular():
			return fmt.Errorf("refusing to write %s: it is %s, not a regular file; move it away", diag.Quote(target), filekind.Of(mode))
		}
	}
	return nil
}

// quotePaths returns err with the paths of an *fs.PathError or
// *os.LinkError (what an os call returns) quoted by diag.Quote: below the
// output folder they are names found on disk. Write and Compare pass
// every error through it.
func quotePaths(err error) error {
	switch e := err.(type) {
	case *fs.PathError:
		return fmt.Errorf("%s %s: %w", e.Op, diag.Quote(e.Path), e.Err)
	case *os.LinkError:
		return fmt.Errorf("%s %s %s: %w", e.Op, diag.Quote(e.Old), diag.Quote(e.New), e.Err)
	}
	return err
}
