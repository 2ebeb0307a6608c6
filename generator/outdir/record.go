package outdir

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/output"
)

// The record of what scopegen last wrote lives in the output folder, in
// its own folder, like OpenAPI Generator's .openapi-generator/FILES. Only
// files the record lists are ever removed as stale: the marker alone
// proves nothing (a golden file or a copy carries it too).
const (
	RecordDir  = ".scopegen"
	RecordFile = RecordDir + "/FILES"
	// PendingFile lists, before a run writes anything, every path it may
	// create: the files it will write and the temporary files it will
	// write them through. A run removes it when it has finished; one left
	// behind is a run that was killed or failed, and the next run treats
	// what it lists as its own.
	PendingFile = RecordDir + "/PENDING"
	// pendingNew is where PENDING is written before it is renamed.
	pendingNew = PendingFile + ".new"
	// recordIgnore keeps the lock and PENDING out of version control.
	recordIgnore = RecordDir + "/.gitignore"
	lockFile     = RecordDir + "/lock"
)

// maxRecordBytes bounds how much of a record is read: a record of 100,000
// generated paths is far below it.
const maxRecordBytes = 16 << 20

// withRecord returns files plus the record listing them (itself included),
// so that the record is written, compared and checked like any other file.
func withRecord(files output.Files) output.Files {
	out := make(output.Files, len(files)+2)
	for p, c := range files {
		out[p] = c
	}
	out[recordIgnore] = []byte("# " + output.Marker + "\nlock\nPENDING\nPENDING.new\n")
	out[RecordFile] = nil
	var b bytes.Buffer
	b.WriteString("# " + output.Marker + "\n# Files scopegen wrote here; it removes only these when they are no longer produced.\n")
	for _, p := range out.Paths() {
		b.WriteString(p + "\n")
	}
	out[RecordFile] = b.Bytes()
	return out
}

// readRecord returns the paths the record in root lists, and whether a
// record exists. A path that is not clean and relative is an error: the
// record is input like any other.
func readRecord(root string) (map[string]bool, bool, error) {
	f, err := os.Open(filepath.Join(root, filepath.FromSlash(RecordFile)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, false, err
	} else if !info.Mode().IsRegular() {
		return nil, false, fmt.Errorf("%s is not a regular file: remove it", diag.Quote(filepath.Join(root, RecordFile)))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxRecordBytes+1))
	if err != nil {
		return nil, false, err
	}
	if len(data) > maxRecordBytes || !output.HasMarker(data) {
		return nil, false, fmt.Errorf("%s is not a scopegen record: remove it", diag.Quote(filepath.Join(root, RecordFile)))
	}
	paths := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxRecordBytes)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := output.CheckPath(line); err != nil {
			return nil, false, fmt.Errorf("%s: %w", diag.Quote(filepath.Join(root, RecordFile)), err)
		}
		paths[line] = true
	}
	return paths, true, sc.Err()
}

// pending is what a PENDING file lists: paths a run was about to write
// and the temporary files it would write them through. notTemp are the
// temp lines naming a path without a temporary file's name (isTempName):
// no run of scopegen writes those, so they are never taken for debris.
type pending struct {
	writes, temps map[string]bool
	notTemp       []string
	found         bool // a PENDING was there
}

// Line prefixes of PENDING.
const (
	pendingWrite = "write "
	pendingTemp  = "temp "
)

// readPending returns what root's PENDING lists, empty when there is
// none. A last line without its newline was cut short by the kill and is
// ignored; any other line that is not a clean relative path is an error.
// A temp line whose path is not named like a temporary file is set aside
// in notTemp.
// PENDING is replaced by a rename, so a reader sees a whole one.
func readPending(root string) (*pending, error) {
	out := &pending{writes: map[string]bool{}, temps: map[string]bool{}}
	name := filepath.Join(root, filepath.FromSlash(PendingFile))
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return out, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, err
	} else if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file: remove it", diag.Quote(name))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxRecordBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxRecordBytes || !output.HasMarker(data) {
		return nil, fmt.Errorf("%s is not a scopegen record: remove it", diag.Quote(name))
	}
	out.found = true
	lines := strings.Split(string(data), "\n")
	for _, line := range lines[:len(lines)-1] { // the last is "" or cut short
		var set map[string]bool
		p, ok := strings.CutPrefix(line, pendingWrite)
		if ok {
			set = out.writes
		} else if p, ok = strings.CutPrefix(line, pendingTemp); ok {
			set = out.temps
		} else {
			continue // the header
		}
		if err := output.CheckPath(p); err != nil {
			return nil, fmt.Errorf("%s: %w", diag.Quote(name), err)
		}
		if strings.HasPrefix(line, pendingTemp) && !isTempName(p) {
			out.notTemp = append(out.notTemp, p)
			continue
		}
		set[p] = true
	}
	return out, nil
}

// writePending records in root's PENDING what a run may create, synced
// before the run creates any of it. It goes through pendingNew, renamed
// over PENDING, so that a run reading PENDING before it takes the lock
// never sees one half written; pendingNew itself is only ever written
// under the lock, and a killed run's is overwritten by the next.
func writePending(root string, p *pending) error {
	var b bytes.Buffer
	b.WriteString("# " + output.Marker + "\n# What a scopegen run in progress may write; a run that finishes removes this file.\n")
	for _, w := range slices.Sorted(maps.Keys(p.writes)) {
		b.WriteString(pendingWrite + w + "\n")
	}
	for _, t := range slices.Sorted(maps.Keys(p.temps)) {
		b.WriteString(pendingTemp + t + "\n")
	}
	next := filepath.Join(root, filepath.FromSlash(pendingNew))
	f, err := os.OpenFile(next, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(b.Bytes()); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(next, filepath.Join(root, filepath.FromSlash(PendingFile))); err != nil {
		return err
	}
	return syncDirs(map[string]bool{filepath.Join(root, RecordDir): true})
}

// owned is what scopegen may have written in root: the paths its record
// lists and those a PENDING says an unfinished run may have written.
// hadRecord reports whether a record was there; pend is the PENDING read.
func owned(root string) (paths map[string]bool, hadRecord bool, pend *pending, err error) {
	paths, hadRecord, err = readRecord(root)
	if err != nil {
		return nil, false, nil, err
	}
	if pend, err = readPending(root); err != nil {
		return nil, false, nil, err
	}
	if paths == nil {
		paths = map[string]bool{}
	}
	for p := range pend.writes {
		paths[p] = true
	}
	return paths, hadRecord, pend, nil
}
