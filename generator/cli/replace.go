package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// The one way scopegen replaces a file the user owns: hostconfig -merge
// (app.json) and add (the manifest) both write through it.

// replaceKeepingOwner replaces target (a regular file, links already
// followed) with data atomically: a temporary
// file beside it, created no wider than target's mode, given target's
// owner, group and mode before anything is written to it, then renamed
// over target. When the owner or group cannot be kept (not root, the file
// someone else's), nothing is replaced.
func replaceKeepingOwner(target string, data []byte) (err error) {
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	perm := info.Mode().Perm()
	var tmp *os.File
	for range 10 {
		name := filepath.Join(filepath.Dir(target), fmt.Sprintf(".%s.scopegen-%d.tmp", filepath.Base(target), rand.Uint64()))
		tmp, err = os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if uid, gid, ok := owner(info); ok {
		if err := tmp.Chown(uid, gid); err != nil {
			return fmt.Errorf("the new file could not keep the owner and group of the original: %w", err)
		}
	}
	if err := tmp.Chmod(perm); err != nil { // exactly perm: the umask narrowed it, chown may clear bits
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	if dir, err := os.Open(filepath.Dir(target)); err == nil { // make the rename durable
		_ = dir.Sync()
		_ = dir.Close()
	}
	return nil
}
