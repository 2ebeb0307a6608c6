package outdir

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"

	"github.com/gofrs/flock"

	"github.com/scopegen/scopegen/generator/diag"
)

// WriteFileAtomic replaces the file target with data the way Write
// replaces generated files: through a synced temporary file in the same
// folder, renamed over target, so that a reader or a killed process sees
// the old bytes or the new ones, never a mixture. The file gets mode 0644
// (less the umask). For callers that update one file outside the output
// folder (scopegen hostconfig -merge).
func WriteFileAtomic(target string, data []byte) error {
	return writeAtomic(target, data)
}

// tempPrefix starts the name of every temporary file Write creates, so a
// person can tell what it is; Write removes only the ones a PENDING lists.
const tempPrefix = ".scopegen-tmp-"

// tempName is a fresh temporary file name beside the slash path p.
func tempName(p string) string {
	dir, base := path.Split(p)
	return dir + tempPrefix + base + "-" + strconv.FormatUint(rand.Uint64(), 36)
}

// writeAtomic replaces target with data so that a reader, or a process
// killed at any instant, sees the old bytes or the new ones, never a
// mixture: through writeVia and a fresh temporary name beside target.
func writeAtomic(target string, data []byte) error {
	dir, base := filepath.Split(target)
	return writeVia(filepath.Join(dir, tempName(base)), target, data)
}

// writeFault, set only by tests, fails the write of a target as a full
// disk would: the temporary file exists, the data does not go in.
var writeFault func(target string) error

// writeVia writes data to the new file temp (created with the final
// permissions, so the umask applies; it must not exist), syncs it and
// renames it over target. On failure temp is removed.
func writeVia(temp, target string, data []byte) (err error) {
	f, err := os.OpenFile(temp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(temp)
		}
	}()
	if writeFault != nil {
		if err = writeFault(target); err != nil {
			return err
		}
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(temp, target)
}

// syncDirs makes the renames into each folder durable, so that a crash
// of the machine, not only of scopegen, keeps old-or-new.
func syncDirs(dirs map[string]bool) error {
	for d := range dirs { // order does not matter: each sync is independent
		f, err := os.Open(d)
		if err != nil {
			return err
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// lock takes an exclusive lock for the output folder abs. The lock file
// lives in the folder's record folder, so every run writing there meets
// it, whatever its $TMPDIR; the record folder's .gitignore keeps it out
// of version control.
func lock(abs string) (func(), error) {
	lockPath := filepath.Join(abs, filepath.FromSlash(lockFile))
	if err := checkTarget(abs, lockPath); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(lockPath), 0o755); err != nil {
		return nil, err
	}
	l := flock.New(lockPath)
	if err := l.Lock(); err != nil {
		return nil, fmt.Errorf("locking %s: %w", diag.Quote(abs), err)
	}
	return func() { _ = l.Unlock() }, nil
}
