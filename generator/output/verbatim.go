package output

import (
	"bytes"
	"fmt"
	"strings"
)

// A verbatim region is a run of whole lines of Go source that an emitter
// wrote already in gofmt's form, as Verbatim marks them. Finish formats
// the file with each region replaced by a one-line placeholder and
// splices the region back, indented like the placeholder: the tables that
// grow with the manifest never go through go/format, whose printer
// measures every list element once more than it prints it. The result
// equals go/format over the unmarked file (the tests hold Finish to it).
// A region Finish cannot prove canonical (see region.canonical) is formatted
// with the rest of the file.

// RegionKind says what a region holds, and so what gofmt would do to it.
type RegionKind byte

const (
	// Elements are composite literal elements without keys, each line
	// ending in a comma, several on a line separated by ", ". gofmt
	// leaves such lines as they are.
	Elements RegionKind = 'e'
	// KeyedElements are "key: value," composite literal elements, one a
	// line, written with one space after the colon. Finish aligns the
	// values as gofmt does.
	KeyedElements RegionKind = 'k'
	// DocumentedSpecs are the specs of a const or var group, each one line
	// under its own "// " doc comment. Finish reformats each comment as
	// gofmt does with a doc comment (go/doc/comment).
	DocumentedSpecs RegionKind = 'd'
	// Statements are simple statements of a block, one a line.
	Statements RegionKind = 's'
)

// regionMark opens and closes a region. Valid Go source never contains
// NUL (strconv.Quote escapes it), so no emitted text can fake one.
const regionMark = 0

// Verbatim marks text, lines joined by newlines, as a region of kind. A
// region is whole lines: the emitter puts it where a line starts (after a
// newline) and ends a line after it (a newline follows), so text holds no
// final newline.
func Verbatim(kind RegionKind, text string) string {
	return string([]byte{regionMark, byte(kind)}) + text + string([]byte{regionMark})
}

// Unmark removes the region marks, leaving the source the regions were
// written as: what go/format would be given without them. Marks
// alternate, opening (followed by the kind) and closing.
func Unmark(src []byte) []byte {
	if bytes.IndexByte(src, regionMark) < 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	opening := true
	for {
		i := bytes.IndexByte(src, regionMark)
		if i < 0 {
			return append(out, src...)
		}
		out = append(out, src[:i]...)
		src = src[i+1:]
		if opening && len(src) > 0 {
			src = src[1:]
		}
		opening = !opening
	}
}

// region is one verbatim region of a file: src[start:end] is its text,
// marks and kind included; body is its lines, each without its newline.
type region struct {
	kind       RegionKind
	start, end int
	body       []string
}

// findRegions returns the regions of src in order.
func findRegions(src []byte) ([]region, error) {
	var regions []region
	for at := 0; ; {
		i := bytes.IndexByte(src[at:], regionMark)
		if i < 0 {
			return regions, nil
		}
		start := at + i
		j := bytes.IndexByte(src[start+1:], regionMark)
		if j < 0 {
			return nil, fmt.Errorf("verbatim region at byte %d is not closed", start)
		}
		end := start + 1 + j + 1
		if start > 0 && src[start-1] != '\n' || end-start < 3 {
			return nil, fmt.Errorf("verbatim region at byte %d does not start a line", start)
		}
		if end < len(src) && src[end] != '\n' {
			return nil, fmt.Errorf("verbatim region at byte %d does not end a line", start)
		}
		regions = append(regions, region{
			kind: RegionKind(src[start+1]), start: start, end: end,
			body: strings.Split(string(src[start+2:end-1]), "\n"),
		})
		at = end
	}
}
