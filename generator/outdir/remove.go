package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// isTempName reports whether the slash path t has the shape tempName
// gives: a base of tempPrefix, a non-empty name, "-" and a base-36
// number. A PENDING line naming anything else is not one of scopegen's
// temporary files, whatever the PENDING says.
func isTempName(t string) bool {
	rest, ok := strings.CutPrefix(path.Base(t), tempPrefix)
	if !ok {
		return false
	}
	i := strings.LastIndexByte(rest, '-')
	if i < 1 || i == len(rest)-1 || len(rest)-i-1 > 13 { // 13 base-36 digits hold a uint64
		return false
	}
	for _, c := range rest[i+1:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'z') {
			return false
		}
	}
	return true
}

// removableFile reports whether the slash path rel below root is a
// regular file reached through folders only: no component, from root
// down, is a symbolic link (os.Lstat on the whole path would follow a
// link in the middle, out of the folder). Only such a file may be
// removed. A path that does not exist is not removable, and not an error.
func removableFile(root, rel string) (bool, error) {
	mode, err := lstatNoLinks(root, rel)
	if err != nil || mode == nil {
		return false, err
	}
	return mode.IsRegular(), nil
}

// lstatNoLinks returns the mode of the slash path rel below root, Lstat'd
// component by component; nil when it does not exist, when a component is
// a link, or when a component above the last is not a folder.
func lstatNoLinks(root, rel string) (*fs.FileMode, error) {
	cur := root
	parts := strings.Split(rel, "/")
	for i, part := range parts {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		mode := info.Mode()
		if mode&fs.ModeSymlink != 0 || (i < len(parts)-1 && !mode.IsDir()) {
			return nil, nil
		}
		if i == len(parts)-1 {
			return &mode, nil
		}
	}
	return nil, nil
}
