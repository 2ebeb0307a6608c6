package hostconfigemit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxDepth is the deepest nesting of objects and arrays Merge accepts. An
// app.json nests a few levels (tabBar.list[i]); the limit keeps every step
// linear and every stack short whatever the input.
const MaxDepth = 100

// PosError is a refusal at a place in app.json: Line and Column are
// 1-based, Column counts characters.
type PosError struct {
	Line, Column int
	Msg          string
	// File is ModuleFile or StringsFile for a MergeModule refusal, ""
	// for app.json.
	File string
}

func (e *PosError) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg) }

// errorAt is a PosError at byte offset off of data.
func errorAt(data []byte, off int, format string, args ...any) *PosError {
	line, col := position(data, off)
	return &PosError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

func position(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for i := 0; i < off; {
		if n := lineBreak(data, i); n > 0 {
			line++
			i += n
			start = min(i, off)
			continue
		}
		i++
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

// value is one JSON value of the document by its bytes: a merge edits
// spans of the original and copies every other byte as it was.
type value struct {
	kind       byte // '{', '[', '"' or 'l' (a number, true, false or null)
	start, end int  // data[start:end] is the value as written
	// c holds the members or items of an object or array a merge reads
	// (see scan); nil for any other value.
	c *children
}

type children struct {
	members []jmember
	items   []*value
	// commas[i] is the offset of the comma after element i, else -1
	// (JSON5 allows one after the last element); scan5 only.
	commas []int
}

type jmember struct {
	key      string // decoded
	keyStart int
	value    *value
}

func (v *value) members() []jmember {
	if v.c == nil {
		return nil
	}
	return v.c.members
}

func (v *value) items() []*value {
	if v.c == nil {
		return nil
	}
	return v.c.items
}

func (v *value) get(key string) *jmember {
	ms := v.members()
	for i := range ms {
		if ms[i].key == key {
			return &ms[i]
		}
	}
	return nil
}

// describe names a value's type in messages.
func (v *value) describe(data []byte) string {
	switch v.kind {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	}
	switch string(data[v.start:v.end]) {
	case "null":
		return "null"
	case "true", "false":
		return "a boolean"
	}
	return "a number"
}

// scan reads data as one JSON value. It refuses, with a position, nesting
// deeper than MaxDepth, anything encoding/json would not accept, and a key
// repeated within an object (hosts read the last one; a merge editing the
// first would be silently ignored); the JSON then is read by scan5.
//
// Only what a merge reads is kept: the top-level members, the members of
// the top-level permission object and of its entries named in entries,
// and the items of the top-level requiredPrivateInfos array. Everything
// else is checked and skipped, so a large app.json costs memory only where
// scopegen edits.
func scan(data []byte, entries map[string]bool) (*value, error) {
	if err := checkDepth(data); err != nil {
		return nil, err
	}
	if !json.Valid(data) {
		var raw json.RawMessage
		err := json.Unmarshal(data, &raw)
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, errorAt(data, int(syn.Offset)-1, "not valid JSON: %v", syn)
		}
		return nil, errorAt(data, len(data), "not valid JSON: %v", err)
	}
	paths := [][]string{{PermissionKey}, {RequiredPrivateInfosKey}}
	for key := range entries {
		paths = append(paths, []string{PermissionKey, key})
	}
	return scanKeeping(data, "hosts read the last one", paths)
}

// checkDepth refuses nesting deeper than MaxDepth at the bracket that
// passes it, before anything recurses or allocates per level.
func checkDepth(data []byte) error {
	depth, inString := 0, false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			if depth > MaxDepth {
				return errorAt(data, i, "nested deeper than %d levels; an app.json never needs that", MaxDepth)
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// decodeString is the text of the string literal data[start:end], which
// scan has validated.
func decodeString(data []byte, start, end int) string {
	lit := data[start:end]
	if bytes.IndexByte(lit, '\\') < 0 && utf8.Valid(lit) {
		return string(lit[1 : len(lit)-1]) // nothing to decode
	}
	var s string
	_ = json.Unmarshal(lit, &s)
	return s
}

// breakBefore is the length of the line break (lineBreak) that ends just
// before offset i, 0 if none: what lineBreak reads forwards, read
// backwards.
func breakBefore(data []byte, i int) int {
	if i <= 0 || i > len(data) {
		return 0
	}
	switch data[i-1] {
	case '\n':
		if i >= 2 && data[i-2] == '\r' {
			return 2
		}
		return 1
	case '\r':
		return 1
	case 0xA8, 0xA9:
		if i >= 3 && data[i-3] == 0xE2 && data[i-2] == 0x80 {
			return 3
		}
	}
	return 0
}

// lineStart is the offset where the line holding offset off starts.
func lineStart(data []byte, off int) int {
	for i := off; i > 0; i-- {
		if breakBefore(data, i) > 0 {
			return i
		}
	}
	return 0
}

// hasBreak reports whether b holds a line break.
func hasBreak(b []byte) bool {
	for i := range b {
		if lineBreak(b, i) > 0 {
			return true
		}
	}
	return false
}

// newlineOf is the file's own line break, the first one outside strings
// (a string may hold a raw U+2028, or a line continuation) as lineBreak
// reads it; "\n" when there is none. New lines an edit writes use it.
func newlineOf(data []byte) string {
	for i := 0; i < len(data); {
		switch c := data[i]; {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(data) && data[j] != c && data[j] != '\n' && data[j] != '\r' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
		case c == '/' && i+1 < len(data) && (data[i+1] == '/' || data[i+1] == '*'):
			end, err := commentEnd(data, i)
			if err != nil {
				end = len(data)
			}
			for j := i; j < end; j++ { // a /* comment's own lines count
				if n := lineBreak(data, j); n > 0 {
					return string(data[j : j+n])
				}
			}
			i = end
		default:
			if n := lineBreak(data, i); n > 0 {
				return string(data[i : i+n])
			}
			i++
		}
	}
	return "\n"
}
