package outdir

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"github.com/scopegen/scopegen/generator/output"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// The record of what scopegen last wrote lives in the output folder, in
// its own folder, like OpenAPI Generator's .openapi-generator/FILES. Only
// files the record lists are ever removed as stale: the marker alone
// proves nothing (a golden file or a copy carries it too).
const (
	RecordDir  = ".scopegen"
	RecordFile = RecordDir + "/FILES"
	// recordIgnore keeps the lock file out of version control.
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
	out[recordIgnore] = []byte("# " + output.Marker + "\nlock\n")
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
		return nil, false, fmt.Errorf("%s is not a regular file: remove it", filepath.Join(root, RecordFile))
	}
	data, err := io.ReadAll(io.LimitReader(f, maxRecordBytes+1))
	if err != nil {
		return nil, false, err
	}
	if len(data) > maxRecordBytes || !output.HasMarker(data) {
		return nil, false, fmt.Errorf("%s is not a scopegen record: remove it", filepath.Join(root, RecordFile))
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
			return nil, false, fmt.Errorf("%s: %w", filepath.Join(root, RecordFile), err)
		}
		paths[line] = true
	}
	return paths, true, sc.Err()
}
