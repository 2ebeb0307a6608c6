// Package outdir writes a finished set of generated files (output.Files)
// to the output folder and compares the folder with it: only files whose
// bytes changed are rewritten, each atomically; the folder's record
// (.scopegen/FILES) says which files scopegen owns, and only those are
// ever removed.
package outdir

import (
	"cmp"
	"errors"
	"fmt"
	"github.com/scopegen/scopegen/generator/output"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofrs/flock"
)

// Report says what Write did.
type Report struct {
	Written   []string // created or changed
	Unchanged int      // already byte-identical: not rewritten, mtime kept
	Removed   []string // stale files: listed in the last record, no longer produced
	Warnings  []string // files in the folder that scopegen does not own
}

// Write makes dir hold files plus the record of them (RecordFile). It
// refuses, before writing anything, a dir CheckOutDir refuses (protected
// are paths dir must not hold, such as the manifest) and any target that
// is a link, a folder or a special file. It writes each changed file
// atomically (a temporary file in the same folder, synced, renamed over
// the old one), leaves identical files untouched, and removes stale files:
// those the previous record lists, that carry the marker and that files
// no longer holds, with the folders that removing them left empty (never
// dir itself, never a folder that was empty already). Temporary files an
// interrupted run left behind are removed too. With no previous record
// (the first run, or the first since scopegen kept one) nothing is
// removed: marker files not produced are reported instead. Anything else
// in dir is left alone and reported as a warning. A lock file in dir's
// record folder serialises concurrent runs, whatever their $TMPDIR.
func Write(dir string, files output.Files, protected ...string) (*Report, error) {
	if err := CheckOutDir(dir, protected...); err != nil {
		return nil, err
	}
	files = withRecord(files)
	paths := files.Paths()
	for _, p := range paths {
		if err := output.CheckPath(p); err != nil {
			return nil, err
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, err
	}
	// Work in the real folder: a walk does not descend into a root that is
	// a link, and runs reaching the folder through different links must
	// take the same lock.
	if abs, err = filepath.EvalSymlinks(abs); err != nil {
		return nil, err
	}
	unlock, err := lock(abs)
	if err != nil {
		return nil, err
	}
	defer unlock()

	for _, p := range paths {
		if err := checkTarget(abs, filepath.Join(abs, filepath.FromSlash(p))); err != nil {
			return nil, err
		}
	}
	previous, hadRecord, err := readRecord(abs)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	changedDirs := map[string]bool{}
	// put writes one file unless its bytes are already there; it reports
	// whether it wrote. It touches nothing shared, so files go in parallel.
	put := func(p string) (bool, error) {
		target := filepath.Join(abs, filepath.FromSlash(p))
		old, err := os.ReadFile(target)
		if err == nil && string(old) == string(files[p]) {
			return false, nil
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return false, err
		}
		return true, writeAtomic(target, files[p])
	}
	// note adds a put's outcome to the report; the record's own files are
	// bookkeeping, not counted.
	note := func(p string, wrote bool) {
		if wrote {
			changedDirs[filepath.Dir(filepath.Join(abs, filepath.FromSlash(p)))] = true
		}
		switch {
		case strings.HasPrefix(p, RecordDir+"/"):
		case wrote:
			rep.Written = append(rep.Written, p)
		default:
			rep.Unchanged++
		}
	}
	// Each write syncs its file, so they run side by side (a few at a
	// time); the report is filled in path order afterwards.
	wrote, errs := make([]bool, len(paths)), make([]error, len(paths))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, p := range paths {
		if p == RecordFile {
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			wrote[i], errs[i] = put(p)
		})
	}
	wg.Wait()
	for i, p := range paths {
		if p == RecordFile {
			continue
		}
		if errs[i] != nil {
			return rep, errs[i]
		}
		note(p, wrote[i])
	}
	found, err := scan(abs, files, previous)
	if err != nil {
		return rep, err
	}
	for _, p := range found.stale {
		if err := os.Remove(filepath.Join(abs, filepath.FromSlash(p))); err != nil {
			return rep, err
		}
		rep.Removed = append(rep.Removed, p)
	}
	for _, p := range found.unrecorded {
		if hadRecord {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: carries the scopegen marker but %s does not list it; left in place", p, RecordFile))
		} else {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: carries the scopegen marker but there is no %s yet to show scopegen wrote it; left in place (delete it if stale)", p, RecordFile))
		}
	}
	for _, p := range found.foreign {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: not generated by scopegen; left in place", p))
	}
	if err := removeEmptiedDirs(abs, rep.Removed); err != nil {
		return rep, err
	}
	// The record goes last: a run killed before this point leaves the old
	// record, which still lists every file this run may have orphaned.
	recorded, err := put(RecordFile)
	if err != nil {
		return rep, err
	}
	note(RecordFile, recorded)
	return rep, syncDirs(changedDirs)
}

// tempPrefix starts the name of every temporary file Write creates. A
// file so named that survives (the process was killed between create and
// rename) is debris of ours, whatever its contents, and the next run
// removes it.
const tempPrefix = ".scopegen-tmp-"

// writeAtomic replaces target with data so that a reader, or a process
// killed at any instant, sees the old bytes or the new ones, never a
// mixture: the data goes to a temporary file in the same folder (created
// with the final permissions, so the umask applies), is synced, and is
// renamed over target.
func writeAtomic(target string, data []byte) (err error) {
	dir, base := filepath.Split(target)
	var f *os.File
	for range 100 {
		f, err = os.OpenFile(filepath.Join(dir, tempPrefix+base+"-"+strconv.FormatUint(rand.Uint64(), 36)), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), target)
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
		return nil, fmt.Errorf("locking %s: %w", abs, err)
	}
	return func() { _ = l.Unlock() }, nil
}

// found sorts the files under an output folder that files does not hold.
type found struct {
	stale      []string // listed in the previous record and carrying the marker, or our temporary files
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
		if _, ours := files[rel]; ours || rel == lockFile {
			return nil
		}
		if !d.Type().IsRegular() {
			out.foreign = append(out.foreign, rel)
			return nil
		}
		if strings.HasPrefix(d.Name(), tempPrefix) {
			out.stale = append(out.stale, rel) // an interrupted run's temporary file
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
// that was empty before, or that still holds anything, stays.
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
