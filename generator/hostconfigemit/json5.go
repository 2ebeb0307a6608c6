package hostconfigemit

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// scan5 reads data as one JSON5 value (json5.org: comments, trailing
// commas, unquoted and single-quoted keys, single-quoted strings, JSON5
// numbers), the format of a HarmonyOS module.json5. A JSON file is JSON5,
// so string.json is read the same way, and so is app.json once scan has
// held it to JSON. It is iterative and linear, refuses nesting deeper than
// MaxDepth and a key repeated within an object, each with a position, and
// keeps the children only of the containers on one of paths: a path lists
// the member keys from the top level down, "*" standing for every item of
// an array ({"module", "requestPermissions", "*"} keeps the top level,
// module, its requestPermissions array and each of its items). Everything
// else is checked and skipped.
func scan5(data []byte, paths ...[]string) (*value, error) {
	return scanKeeping(data, "the host reads one of them", paths)
}

// scanKeeping is scan5; repeated names what a host does with a repeated
// key, for the refusal.
func scanKeeping(data []byte, repeated string, paths [][]string) (*value, error) {
	type frame struct {
		v        *value // nil when skipped
		path     []string
		object   bool
		keys     map[string]int
		key      string
		keyStart int
		state    byte // k: key or close, ':' colon, v: value, ',': comma or close
	}
	keep := func(path []string) bool {
		for _, p := range paths {
			if len(path) > len(p) {
				continue
			}
			ok := true
			for i, k := range path {
				if p[i] != "*" && p[i] != k {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
		return len(path) == 0
	}
	var root *value
	var stack []frame
	rootDone := false
	// place is called when a value starts: it checks that one may start
	// here and, for a container (withPath), says the path of the value.
	place := func(i int, withPath bool) ([]string, bool, error) {
		if len(stack) == 0 {
			if rootDone {
				return nil, false, errorAt(data, i, "not valid JSON5: more after the top-level value")
			}
			return nil, true, nil
		}
		f := &stack[len(stack)-1]
		if f.state != 'v' {
			return nil, false, errorAt(data, i, "not valid JSON5: unexpected value (a %s is missing before it)", map[byte]string{'k': "key", ':': "colon", ',': "comma"}[f.state])
		}
		kept := f.v != nil && f.v.c != nil
		if !kept || !withPath {
			return nil, kept, nil // a skipped container's values, and scalars, need no path
		}
		if f.object {
			return append(append([]string(nil), f.path...), f.key), kept, nil
		}
		return append(append([]string(nil), f.path...), "*"), kept, nil
	}
	// attach records v (nil when skipped) as the value just read.
	attach := func(v *value) {
		if len(stack) == 0 {
			root, rootDone = v, true
			return
		}
		f := &stack[len(stack)-1]
		f.state = ','
		if f.v == nil || f.v.c == nil {
			return
		}
		if f.object {
			f.v.c.members = append(f.v.c.members, jmember{key: f.key, keyStart: f.keyStart, value: v})
		} else {
			f.v.c.items = append(f.v.c.items, v)
		}
		f.v.c.commas = append(f.v.c.commas, -1)
	}
	for i := 0; i < len(data); {
		c := data[i]
		if n := space5(data, i); n > 0 {
			i += n
			continue
		}
		switch c {
		case '/':
			end, err := commentEnd(data, i)
			if err != nil {
				return nil, err
			}
			i = end
		case '{', '[':
			path, parentKept, err := place(i, true)
			if err != nil {
				return nil, err
			}
			if len(stack) >= MaxDepth {
				return nil, errorAt(data, i, "nested deeper than %d levels; a configuration file never needs that", MaxDepth)
			}
			var v *value
			if parentKept {
				v = &value{kind: c, start: i}
				if keep(path) {
					v.c = &children{}
				}
			}
			attach(v)
			state := byte('v')
			if c == '{' {
				state = 'k'
			}
			stack = append(stack, frame{v: v, path: path, object: c == '{', state: state})
			i++
		case '}', ']':
			n := len(stack)
			if n == 0 || stack[n-1].object != (c == '}') {
				return nil, errorAt(data, i, "not valid JSON5: unexpected %q", c)
			}
			f := &stack[n-1]
			if f.state == ':' || (f.state == 'v' && f.object) {
				return nil, errorAt(data, i, "not valid JSON5: member %q has no value", f.key)
			}
			if f.v != nil {
				f.v.end = i + 1
			}
			stack = stack[:n-1]
			if len(stack) == 0 {
				rootDone = true
			}
			i++
		case ',':
			n := len(stack)
			if n == 0 || stack[n-1].state != ',' {
				return nil, errorAt(data, i, "not valid JSON5: unexpected comma")
			}
			f := &stack[n-1]
			if f.v != nil && f.v.c != nil {
				f.v.c.commas[len(f.v.c.commas)-1] = i
			}
			f.state = 'v'
			if f.object {
				f.state = 'k'
			}
			i++
		case ':':
			n := len(stack)
			if n == 0 || stack[n-1].state != ':' {
				return nil, errorAt(data, i, "not valid JSON5: unexpected colon")
			}
			stack[n-1].state = 'v'
			i++
		default:
			// A key, or a string or literal value.
			if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].state == 'k' {
				f := &stack[n-1]
				key, end, err := key5(data, i)
				if err != nil {
					return nil, err
				}
				if first, seen := f.keys[key]; seen {
					line, col := position(data, first)
					return nil, errorAt(data, i, "key %q appears twice in one object (first at %d:%d): %s; keep one", key, line, col, repeated)
				}
				if f.keys == nil {
					f.keys = map[string]int{}
				}
				f.keys[key] = i
				f.key, f.keyStart, f.state = key, i, ':'
				i = end
				continue
			}
			_, parentKept, err := place(i, false)
			if err != nil {
				return nil, err
			}
			var end int
			kind := byte('l')
			if c == '"' || c == '\'' {
				kind = '"'
				if _, end, err = string5(data, i); err != nil {
					return nil, err
				}
			} else {
				end = i
				for end < len(data) && literalByte(data[end]) {
					end++
				}
				if !plainInteger(data[i:end]) && !literal5.Match(data[i:end]) {
					if end == i {
						r, _ := utf8.DecodeRune(data[i:])
						return nil, errorAt(data, i, "not valid JSON5: unexpected %q", r)
					}
					return nil, errorAt(data, i, "not valid JSON5: %q is not a value", data[i:end])
				}
			}
			if parentKept {
				attach(&value{kind: kind, start: i, end: end})
			} else {
				attach(nil)
			}
			i = end
		}
	}
	if len(stack) > 0 {
		return nil, errorAt(data, len(data), "not valid JSON5: the file ends inside a%s", map[bool]string{true: "n object", false: "n array"}[stack[len(stack)-1].object])
	}
	if root == nil && !rootDone {
		return nil, errorAt(data, len(data), "not valid JSON5: the file holds no value")
	}
	return root, nil
}

// literal5 is a JSON5 literal: null, a boolean or a number.
var literal5 = regexp.MustCompile(`^(null|true|false|[+-]?(Infinity|NaN|0[xX][0-9A-Fa-f]+|([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?))$`)

// plainInteger reports whether b is [+-]?[0-9]+, which literal5 matches:
// the common literal, decided without the regular expression.
func plainInteger(b []byte) bool {
	if len(b) > 0 && (b[0] == '+' || b[0] == '-') {
		b = b[1:]
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

func literalByte(c byte) bool {
	return c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '$'
}

// space5 is the length of the JSON5 white space at data[i:], 0 if none.
func space5(data []byte, i int) int {
	switch data[i] {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return 1
	}
	if data[i] < utf8.RuneSelf {
		return 0
	}
	r, n := utf8.DecodeRune(data[i:])
	if r == '\uFEFF' || r == '\u2028' || r == '\u2029' || (r != utf8.RuneError && unicode.Is(unicode.Zs, r)) {
		return n
	}
	return 0
}

// lineBreak is the length of the line break at data[i] (the ECMAScript
// LineTerminatorSequence: LF, CR, CRLF as one, U+2028, U+2029), 0 if none.
// It is the one definition of a line end: the scanner (a // comment ends
// at any of them), the editor (lineStart, breakBefore, hasBreak,
// newlineOf) and the positions of messages (position) all ask it or its
// mirror breakBefore.
func lineBreak(data []byte, i int) int {
	switch data[i] {
	case '\r':
		if i+1 < len(data) && data[i+1] == '\n' {
			return 2
		}
		return 1
	case '\n':
		return 1
	case 0xE2:
		if i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// commentEnd is the offset just past the comment starting at i (a //
// comment: at the line terminator ending it).
func commentEnd(data []byte, i int) (int, error) {
	switch {
	case i+1 < len(data) && data[i+1] == '/':
		for j := i + 2; j < len(data); j++ {
			if lineBreak(data, j) > 0 {
				return j, nil
			}
		}
		return len(data), nil
	case i+1 < len(data) && data[i+1] == '*':
		if j := bytes.Index(data[i+2:], []byte("*/")); j >= 0 { // no copy: linear over the file
			return i + 2 + j + 2, nil
		}
		return 0, errorAt(data, i, "not valid JSON5: a /* comment is never closed")
	}
	return 0, errorAt(data, i, "not valid JSON5: unexpected \"/\"")
}

// key5 reads an object key at i: a string or an identifier.
func key5(data []byte, i int) (string, int, error) {
	if data[i] == '"' || data[i] == '\'' {
		return string5(data, i)
	}
	end := i
	for end < len(data) {
		r, n := utf8.DecodeRune(data[end:])
		if r == '$' || r == '_' || unicode.IsLetter(r) || end > i && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r) || r == '\u200C' || r == '\u200D') {
			end += n
			continue
		}
		if r == '\\' {
			return "", 0, errorAt(data, end, "not valid JSON5 here: an escape in an unquoted key; quote the key")
		}
		break
	}
	if end == i {
		r, _ := utf8.DecodeRune(data[i:])
		return "", 0, errorAt(data, i, "not valid JSON5: expected a key, found %q", r)
	}
	return string(data[i:end]), end, nil
}

// string5 decodes the string literal at i, quoted by " or '.
func string5(data []byte, i int) (string, int, error) {
	quote := data[i]
	var b strings.Builder
	for j := i + 1; j < len(data); {
		c := data[j]
		switch {
		case c == quote:
			return b.String(), j + 1, nil
		case c == '\n' || c == '\r':
			return "", 0, errorAt(data, j, "not valid JSON5: a line break inside a string (escape it as \\n)")
		case c != '\\':
			r, n := utf8.DecodeRune(data[j:])
			if r == utf8.RuneError && n == 1 {
				return "", 0, errorAt(data, j, "not valid UTF-8 inside a string")
			}
			b.WriteString(string(data[j : j+n]))
			j += n
			continue
		}
		if j+1 >= len(data) {
			break
		}
		e := data[j+1]
		j += 2
		switch e {
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		case '0':
			if j < len(data) && data[j] >= '0' && data[j] <= '9' {
				return "", 0, errorAt(data, j-2, "not valid JSON5: \\0 followed by a digit")
			}
			b.WriteByte(0)
		case '\n': // a line continuation
		case '\r':
			if j < len(data) && data[j] == '\n' {
				j++
			}
		case 'x', 'u':
			n := 2
			if e == 'u' {
				n = 4
			}
			if j+n > len(data) {
				return "", 0, errorAt(data, j-2, "not valid JSON5: a short \\%c escape", e)
			}
			v, err := strconv.ParseUint(string(data[j:j+n]), 16, 32)
			if err != nil {
				return "", 0, errorAt(data, j-2, "not valid JSON5: a malformed \\%c escape", e)
			}
			j += n
			r := rune(v)
			if utf16.IsSurrogate(r) && j+6 <= len(data) && data[j] == '\\' && data[j+1] == 'u' {
				if lo, err := strconv.ParseUint(string(data[j+2:j+6]), 16, 32); err == nil && utf16.IsSurrogate(rune(lo)) {
					r = utf16.DecodeRune(r, rune(lo))
					j += 6
				}
			}
			b.WriteRune(r)
		default:
			if e >= '1' && e <= '9' {
				return "", 0, errorAt(data, j-2, "not valid JSON5: \\%c is not an escape", e)
			}
			// Any other character stands for itself (\' \" \\ \/ and more).
			r, n := utf8.DecodeRune(data[j-1:])
			if r == utf8.RuneError && n == 1 {
				return "", 0, errorAt(data, j-1, "not valid UTF-8 inside a string")
			}
			if r != '\u2028' && r != '\u2029' { // else a line continuation
				b.WriteString(string(data[j-1 : j-1+n]))
			}
			j += n - 1
		}
	}
	return "", 0, errorAt(data, i, "not valid JSON5: a string is never closed")
}

// keyEnd is the offset just past the key (quoted, or a JSON5 identifier)
// that scan or scan5 read at start.
func keyEnd(data []byte, start int) (end int) {
	if q := data[start]; q == '"' || q == '\'' {
		for j := start + 1; j < len(data); j++ {
			switch data[j] {
			case '\\':
				j++
			case q:
				return j + 1
			}
		}
		return len(data)
	}
	_, end, _ = key5(data, start)
	return end
}
