package rules

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The portable regular-expression dialect of denial.message: constructs
// that mean the same in Go's RE2 and in ECMAScript with the "u" flag (the
// runtime compiles the JS form with it, so astral characters are one
// character in both). Everything else is refused with the offset where it
// starts and what to write instead:
//
//   - literal characters (no control characters), escaped punctuation
//     \^ \$ \. \| \? \* \+ \( \) \[ \] \{ \} \\ and \- ;
//   - \d \D \w \W (ASCII in both), \t \n \r \f \v, \xHH;
//   - . (emitted as an explicit class: any character but \n, \r, U+2028
//     and U+2029, which is what JavaScript's . means and Go's is not);
//   - classes [a-z0-9_] and [^...] of the above, not empty, no POSIX
//     [:digit:], no unescaped [ or leading ];
//   - groups (...) and (?:...), alternation |, anchors ^ $;
//   - quantifiers * + ? {n} {n,} {n,m}, lazy or not, but never a
//     repeated group that itself repeats or alternates, such as (a+)+ or
//     (a|ab)*: JavaScript backtracks on those for exponential time.

// anyChar is what the portable "." means, spelled out for each engine.
const (
	anyCharGo = `[^\n\r\x{2028}\x{2029}]`
	anyCharJS = `[^\n\r\u2028\u2029]`
)

// RegexProblem is a pattern outside the portable dialect.
type RegexProblem struct {
	Offset int    // byte offset in the pattern where the construct starts
	Text   string // the construct
	Msg    string // what is wrong and what to write instead
}

func (p *RegexProblem) Error() string {
	return fmt.Sprintf("at offset %d, %q: %s", p.Offset, p.Text, p.Msg)
}

// PortableRegex checks src against the portable dialect and returns its
// Go (RE2) and ECMAScript ("u" flag) forms.
func PortableRegex(src string) (goForm, jsForm string, problem *RegexProblem) {
	re, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
		return "", "", &RegexProblem{Offset: 0, Text: src, Msg: "not a valid regular expression: " + msg}
	}
	s := &regexScanner{src: src}
	if p := s.scan(); p != nil {
		return "", "", p
	}
	if nestedRepeat(re, false) { // the tokenizer's check, confirmed on the parse tree
		return "", "", &RegexProblem{Offset: 0, Text: src, Msg: nestedMsg}
	}
	return s.goOut.String(), s.jsOut.String(), nil
}

const nestedMsg = "a repeated group that itself repeats or alternates makes JavaScript backtrack for exponential time: write it without the inner repeat, such as a+ for (a+)+"

// nestedRepeat reports whether re has a repeat (max > 1) over a repeat or
// an alternation.
func nestedRepeat(re *syntax.Regexp, inRepeat bool) bool {
	switch re.Op {
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if inRepeat {
			return true
		}
		inRepeat = re.Op != syntax.OpQuest && !(re.Op == syntax.OpRepeat && re.Max == 1)
	case syntax.OpAlternate:
		if inRepeat {
			return true
		}
	}
	for _, sub := range re.Sub {
		if nestedRepeat(sub, inRepeat) {
			return true
		}
	}
	return false
}

type groupFrame struct {
	start            int
	repeats, alterns bool
}

type regexScanner struct {
	src          string
	i            int
	goOut, jsOut strings.Builder
	stack        []groupFrame
	top          groupFrame  // the pattern itself
	last         *groupFrame // the group just closed, when a quantifier may follow it
}

func (s *regexScanner) emit(goPart, jsPart string) {
	s.goOut.WriteString(goPart)
	s.jsOut.WriteString(jsPart)
}

func (s *regexScanner) frame() *groupFrame {
	if len(s.stack) == 0 {
		return &s.top
	}
	return &s.stack[len(s.stack)-1]
}

func (s *regexScanner) problem(start, end int, format string, args ...any) *RegexProblem {
	return &RegexProblem{Offset: start, Text: s.src[start:end], Msg: fmt.Sprintf(format, args...)}
}

func (s *regexScanner) scan() *RegexProblem {
	for s.i < len(s.src) {
		start := s.i
		r, size := utf8.DecodeRuneInString(s.src[s.i:])
		s.i += size
		closed := s.last
		s.last = nil
		switch r {
		case '\\':
			e, p := s.escape(start, false)
			if p != nil {
				return p
			}
			s.emit(e[0], e[1])
		case '[':
			if p := s.class(start); p != nil {
				return p
			}
		case '(':
			if strings.HasPrefix(s.src[s.i:], "?") {
				if !strings.HasPrefix(s.src[s.i:], "?:") {
					return s.problem(start, min(start+3, len(s.src)), "flags, named groups and lookarounds are not portable: use (...) or (?:...)")
				}
				s.i++
				s.emit("(?:", "(?:")
				s.i++
			} else {
				s.emit("(", "(")
			}
			s.stack = append(s.stack, groupFrame{start: start})
		case ')':
			g := s.stack[len(s.stack)-1] // syntax.Parse has checked the nesting
			s.stack = s.stack[:len(s.stack)-1]
			outer := s.frame()
			outer.repeats = outer.repeats || g.repeats
			outer.alterns = outer.alterns || g.alterns
			s.last = &g
			s.emit(")", ")")
		case '|':
			s.frame().alterns = true
			s.emit("|", "|")
		case '*', '+', '?', '{':
			if p := s.quantifier(start, r, closed); p != nil {
				return p
			}
		case '}', ']':
			return s.problem(start, s.i, "write a literal %c as \\%c", r, r)
		case '.':
			s.emit(anyCharGo, anyCharJS)
		case '^', '$':
			s.emit(string(r), string(r))
		default:
			if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
				return s.problem(start, s.i, "control and line-break characters are not allowed: write \\xHH, \\t, \\n or \\r")
			}
			s.emit(string(r), string(r))
		}
	}
	return nil
}

// quantifier reads the quantifier starting with r and checks what it
// repeats: closed is the group it follows, if any.
func (s *regexScanner) quantifier(start int, r rune, closed *groupFrame) *RegexProblem {
	repeats := r != '?'
	if r == '{' {
		end := strings.IndexByte(s.src[s.i:], '}')
		body := ""
		if end >= 0 {
			body = s.src[s.i : s.i+end]
		}
		lo, hi, ok := strings.Cut(body, ",")
		if end < 0 || !digits(lo) || (ok && hi != "" && !digits(hi)) {
			return s.problem(start, s.i, "write a literal { as \\{ (a { that does not start {n}, {n,} or {n,m} means different things)")
		}
		s.i += end + 1
		repeats = ok || lo != "1"
		if ok && hi != "" {
			repeats = hi != "1" && hi != "0"
		}
	}
	if strings.HasPrefix(s.src[s.i:], "?") {
		s.i++
	}
	if closed != nil && repeats && (closed.repeats || closed.alterns) {
		return s.problem(closed.start, s.i, "%s", nestedMsg)
	}
	s.frame().repeats = true
	q := s.src[start:s.i]
	s.emit(q, q)
	return nil
}

func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// escape reads the escape at start (a backslash) and returns its Go and
// JS forms.
func (s *regexScanner) escape(start int, inClass bool) ([2]string, *RegexProblem) {
	if s.i >= len(s.src) {
		return [2]string{}, s.problem(start, s.i, "a pattern cannot end with a lone backslash")
	}
	r, size := utf8.DecodeRuneInString(s.src[s.i:])
	s.i += size
	text := s.src[start:s.i]
	switch {
	case r == '-' && !inClass:
		return [2]string{`\-`, `-`}, nil // JavaScript's "u" flag allows \- only in a class
	case strings.ContainsRune(`^$.|?*+()[]{}\-`, r):
		return [2]string{text, text}, nil
	case strings.ContainsRune("dDwWtnrfv", r):
		return [2]string{text, text}, nil
	case r == 'x':
		if len(s.src) >= s.i+2 && isHex(s.src[s.i]) && isHex(s.src[s.i+1]) {
			s.i += 2
			return [2]string{s.src[start:s.i], s.src[start:s.i]}, nil
		}
		return [2]string{}, s.problem(start, min(s.i+1, len(s.src)), "write \\xHH with exactly two hex digits (\\x{...} is Go only); write other characters literally")
	case r == 's' || r == 'S':
		return [2]string{}, s.problem(start, s.i, "\\%c means ASCII white space in Go and Unicode white space in JavaScript: write the characters, such as [ \\t]", r)
	case r == 'b' || r == 'B':
		return [2]string{}, s.problem(start, s.i, "word boundaries are not portable: write the neighbouring characters, such as (^|[^A-Za-z0-9_])")
	case r >= '0' && r <= '9':
		return [2]string{}, s.problem(start, s.i, "back-references and octal escapes are not portable: write \\xHH")
	case r == 'p' || r == 'P':
		return [2]string{}, s.problem(start, s.i, "Unicode property classes are not portable: write the characters or ranges")
	default:
		return [2]string{}, s.problem(start, s.i, "\\%c is not a portable escape: escape only punctuation, or use \\d \\w \\t \\n \\r \\xHH", r)
	}
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// classRangeEscape is the problem with a class escape as a range's start
// (Go's parser refuses one as a range's end).
const classRangeEscape = "a range cannot start or end with \\d, \\D, \\w or \\W (JavaScript with the u flag refuses the whole pattern): put the - last, such as [\\d-], or write it as \\-"

// class reads a bracketed class starting at start.
func (s *regexScanner) class(start int) *RegexProblem {
	open := "["
	if strings.HasPrefix(s.src[s.i:], "^") {
		s.i++
		open = "[^"
	}
	if strings.HasPrefix(s.src[s.i:], "]") {
		return s.problem(start, s.i+1, "a class starting with ] is empty in JavaScript and holds ] in Go: write \\] for the character")
	}
	s.emit(open, open)
	escapeAt := -1 // where the member just read starts, when it is \d \D \w or \W
	for s.i < len(s.src) {
		at := s.i
		r, size := utf8.DecodeRuneInString(s.src[s.i:])
		s.i += size
		wasEscape := escapeAt
		escapeAt = -1
		switch {
		case r == ']':
			s.emit("]", "]")
			return nil
		case r == '[':
			if strings.HasPrefix(s.src[s.i:], ":") {
				return s.problem(at, min(at+9, len(s.src)), "POSIX classes such as [:digit:] are Go only: write the range, such as 0-9")
			}
			return s.problem(at, s.i, "write a literal [ inside a class as \\[")
		case r == '\\':
			e, p := s.escape(at, true)
			if p != nil {
				return p
			}
			if e := s.src[at:s.i]; e == `\d` || e == `\D` || e == `\w` || e == `\W` {
				escapeAt = at
			}
			s.emit(e[0], e[1])
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return s.problem(at, s.i, "control and line-break characters are not allowed: write \\xHH, \\t, \\n or \\r")
		case r == '-' && wasEscape >= 0 && !strings.HasPrefix(s.src[s.i:], "]"):
			return s.problem(wasEscape, s.i, classRangeEscape)
		default:
			s.emit(string(r), string(r))
		}
	}
	return s.problem(start, len(s.src), "the class is not closed")
}
