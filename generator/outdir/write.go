// Package outdir writes a finished set of generated files (output.Files)
// to the output folder and compares the folder with it: only files whose
// bytes changed are rewritten, each atomically; the folder's record
// (.scopegen/FILES) says which files scopegen owns, and only those are
// ever removed.
package outdir

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/output"
)

// Report says what Write did.
type Report struct {
	Written   []string  // created or changed
	Unchanged int       // already byte-identical: not rewritten, mtime kept
	Removed   []string  // stale files, and an interrupted run's temporary files
	Warnings  []Warning // files in the folder that scopegen does not own
}

// A Warning is about one file in the output folder: Path, relative to the
// folder, and why it was left alone. Printing quotes Path (diag.Quote): it
// is a name found on disk.
type Warning struct {
	Path, Reason string
}

// Write makes dir hold files plus the record of them (RecordFile). It
// refuses, before writing anything (not even the folder or its lock), a
// dir CheckOutDir refuses (protected are paths dir must not hold, such as
// the manifest), any target that is a link, a folder or a special file,
// and any target that exists without the marker unless the record lists
// it: a file someone else wrote where scopegen would write. It records in
// PendingFile every path it may create before it creates any, writes each
// changed file atomically (a temporary file in the same folder, synced,
// renamed over the old one), leaves identical files untouched, and
// removes stale files: those the previous record or an interrupted run's
// PENDING lists, that carry the marker and that files no longer holds,
// with the folders that removing them left empty (never dir itself, never
// a folder that was empty already, never a link). Temporary files an
// interrupted run's PENDING lists are removed if named as scopegen names
// them and regular files reached without a link; no file is removed for
// its name alone, and nothing through a link.
// Anything else in dir is left alone and reported as a warning. A lock
// file in dir's record folder serialises concurrent runs, whatever their
// $TMPDIR.
func Write(dir string, files output.Files, protected ...string) (rep *Report, err error) {
	defer func() { err = quotePaths(err) }()
	if err := CheckOutDir(dir, protected...); err != nil {
		return nil, err
	}
	files = withRecord(files)
	for _, p := range files.Paths() {
		if err := output.CheckPath(p); err != nil {
			return nil, err
		}
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	// Refuse what can be refused before the folder or the lock exist; the
	// checks run again under the lock, as another run may have written.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		if _, err := preflight(real, files); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
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
	st, err := preflight(abs, files)
	if err != nil {
		return nil, err
	}
	return st.write(files)
}

// state is an output folder as preflight found it.
type state struct {
	root       string
	previous   map[string]bool // the record's paths and an interrupted run's writes: provably ours
	hadRecord  bool
	debris     map[string]bool // an interrupted run's temporary files
	notTemp    []string        // PENDING temp lines not named like a temporary file
	hadPending bool            // an interrupted run's PENDING is there: this run replaces, then removes it
	changed    []string        // paths of files whose bytes differ from what is on disk
}

// preflight checks every target below root and reads the record and any
// PENDING, writing nothing. It refuses a target that is not a regular
// file, and one that exists without the marker and that no record lists.
func preflight(root string, files output.Files) (*state, error) {
	for _, p := range append(files.Paths(), lockFile, PendingFile, pendingNew) {
		if err := checkTarget(root, filepath.Join(root, filepath.FromSlash(p))); err != nil {
			return nil, err
		}
	}
	previous, hadRecord, pend, err := owned(root)
	if err != nil {
		return nil, err
	}
	st := &state{root: root, previous: previous, hadRecord: hadRecord, debris: pend.temps, notTemp: pend.notTemp, hadPending: pend.found}
	var foreign []string
	for _, p := range files.Paths() {
		old, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			st.changed = append(st.changed, p)
		case err != nil:
			return nil, err
		case string(old) == string(files[p]):
		default:
			if !output.HasMarker(old) && !previous[p] && !strings.HasPrefix(p, RecordDir+"/") {
				foreign = append(foreign, p)
			}
			st.changed = append(st.changed, p)
		}
	}
	if len(foreign) > 0 {
		quoted := make([]string, len(foreign))
		for i, p := range foreign {
			quoted[i] = diag.Quote(filepath.Join(root, filepath.FromSlash(p)))
		}
		return nil, fmt.Errorf("refusing to replace %s: no scopegen header, and %s does not list it, so someone else wrote it; nothing was written. Move it out of the output folder (or delete it, if it is an old copy of generated code) and run again",
			strings.Join(quoted, ", "), RecordFile)
	}
	return st, nil
}

// write carries out a Write whose preflight st is.
func (st *state) write(files output.Files) (*Report, error) {
	abs := st.root
	rep := &Report{}
	for _, p := range files.Paths() {
		if !slices.Contains(st.changed, p) && !strings.HasPrefix(p, RecordDir+"/") {
			rep.Unchanged++
		}
	}
	// Choose every temporary file's name and record it, with every path
	// written, before creating any: a killed or failed run leaves nothing
	// the next run does not know. An interrupted run's list is carried
	// over until this run has dealt with it.
	plan := &pending{writes: maps.Clone(st.previous), temps: maps.Clone(st.debris)}
	temps := make(map[string]string, len(st.changed))
	for _, p := range st.changed {
		plan.writes[p] = true
		temps[p] = tempName(p)
		plan.temps[temps[p]] = true
	}
	if len(st.changed) > 0 || st.hadPending {
		if err := os.MkdirAll(filepath.Join(abs, RecordDir), 0o755); err != nil {
			return nil, err
		}
		if err := writePending(abs, plan); err != nil {
			return nil, err
		}
	}
	for _, t := range st.notTemp {
		rep.Warnings = append(rep.Warnings, Warning{t, PendingFile + " lists it as a temporary file, but scopegen never names one so; left in place"})
	}
	for _, t := range slices.Sorted(maps.Keys(st.debris)) {
		target := filepath.Join(abs, filepath.FromSlash(t))
		ok, err := removableFile(abs, t)
		if err != nil {
			return rep, err
		}
		if !ok {
			if _, err := os.Lstat(target); err == nil {
				rep.Warnings = append(rep.Warnings, Warning{t, PendingFile + " lists it as a temporary file, but it is not a regular file reached without a symbolic link; left in place"})
			}
			continue
		}
		if err := os.Remove(target); err != nil {
			return rep, err
		}
		rep.Removed = append(rep.Removed, t)
	}
	changedDirs := map[string]bool{}
	// put writes one changed file through its recorded temporary name.
	put := func(p string) error {
		target := filepath.Join(abs, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return writeVia(filepath.Join(abs, filepath.FromSlash(temps[p])), target, files[p])
	}
	// Each write syncs its file, so they run side by side (a few at a
	// time); the report is filled in path order afterwards.
	errs := make([]error, len(st.changed))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, p := range st.changed {
		if p == RecordFile {
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[i] = put(p)
		})
	}
	wg.Wait()
	recordChanged := false
	for i, p := range st.changed {
		switch {
		case p == RecordFile:
			recordChanged = true
			continue
		case errs[i] != nil:
			return rep, errs[i]
		case !strings.HasPrefix(p, RecordDir+"/"): // the record's own files are bookkeeping
			rep.Written = append(rep.Written, p)
		}
		changedDirs[filepath.Dir(filepath.Join(abs, filepath.FromSlash(p)))] = true
	}
	found, err := scan(abs, files, st.previous)
	if err != nil {
		return rep, err
	}
	for _, p := range found.stale {
		// scan does not descend into links; this check holds even if the
		// folder changed since.
		if ok, err := removableFile(abs, p); err != nil {
			return rep, err
		} else if !ok {
			rep.Warnings = append(rep.Warnings, Warning{p, "not a regular file reached without a symbolic link; left in place"})
			continue
		}
		if err := os.Remove(filepath.Join(abs, filepath.FromSlash(p))); err != nil {
			return rep, err
		}
		rep.Removed = append(rep.Removed, p)
	}
	for _, p := range found.unrecorded {
		reason := "carries the scopegen marker but " + RecordFile + " does not list it; left in place"
		if !st.hadRecord {
			reason = "carries the scopegen marker but there is no " + RecordFile + " yet to show scopegen wrote it; left in place (delete it if stale)"
		}
		rep.Warnings = append(rep.Warnings, Warning{p, reason})
	}
	for _, p := range found.foreign {
		rep.Warnings = append(rep.Warnings, Warning{p, "not generated by scopegen; left in place"})
	}
	if err := removeEmptiedDirs(abs, rep.Removed); err != nil {
		return rep, err
	}
	// The record goes last: a run killed before this point leaves the old
	// record and PENDING, which list every file this run may have orphaned.
	if recordChanged {
		if err := put(RecordFile); err != nil {
			return rep, err
		}
		changedDirs[filepath.Join(abs, RecordDir)] = true
	}
	if err := syncDirs(changedDirs); err != nil {
		return rep, err
	}
	if len(st.changed) > 0 || st.hadPending {
		if err := os.Remove(filepath.Join(abs, filepath.FromSlash(PendingFile))); err != nil {
			return rep, err
		}
		return rep, syncDirs(map[string]bool{filepath.Join(abs, RecordDir): true})
	}
	return rep, nil
}
