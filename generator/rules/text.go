package rules

import (
	"fmt"
	"strings"
	"unicode"
)

// Text is the rule for one kind of free text (titles, descriptions,
// notes). validate applies it with Check; the JSON Schema renders it
// with Pattern and MaxLength, so the two cannot drift apart.
type Text struct {
	// Line: the text is one line (no CR, LF, U+2028 or U+2029).
	Line bool
	// NotBlank: the text holds something besides white space
	// (unicode.White_Space, what strings.TrimSpace trims).
	NotBlank bool
	// MaxLength bounds the text in bytes.
	MaxLength int
}

// The kinds of free text a manifest holds.
var (
	// Title is a one-line text shown as a heading or a label: a title, a
	// purpose, an info type, npm.description.
	Title = Text{Line: true, NotBlank: true, MaxLength: MaxTextLength}
	// Prose is text that may span lines: a note.
	Prose = Text{MaxLength: MaxTextLength}
	// Description is a scope's description: prose that is not blank. The
	// schema renders it as Prose plus NotBlankPattern.
	Description = Text{NotBlank: true, MaxLength: MaxTextLength}
)

// TextProblem is why a text breaks its rule.
type TextProblem int

const (
	TextOK TextProblem = iota
	TextBlank
	TextMultiLine
	TextTooLong
	TextControl
	TextBidi
)

// LineBreaks are the characters that end a line in one of the output
// languages (JavaScript counts U+2028 and U+2029).
const LineBreaks = "\r\n\u2028\u2029"

// controls are the characters no free text may hold: the C0 and C1
// controls other than tab, LF and CR. As ranges so that Check and
// Pattern read one list.
var controls = []struct{ lo, hi rune }{{0x00, 0x08}, {0x0b, 0x0c}, {0x0e, 0x1f}, {0x7f, 0x9f}}

// bidiControls are the Unicode bidirectional formatting characters
// (UAX #9: embeddings and overrides U+202A–U+202E, isolates
// U+2066–U+2069, the marks U+200E, U+200F and U+061C). Copied into a Go
// comment or Markdown they can make text display in an order other than
// the one compilers and readers parse ("Trojan Source", CVE-2021-42574),
// so no free text may hold one.
var bidiControls = []struct{ lo, hi rune }{{0x061c, 0x061c}, {0x200e, 0x200f}, {0x202a, 0x202e}, {0x2066, 0x2069}}

// IsBidiControl reports whether r is a bidirectional formatting character
// free text may not hold.
func IsBidiControl(r rune) bool {
	for _, c := range bidiControls {
		if c.lo <= r && r <= c.hi {
			return true
		}
	}
	return false
}

// BidiControlClass is bidiControls as the body of a character class,
// characters written literally (the schema's patterns carry it).
var BidiControlClass = func() string {
	var b strings.Builder
	for _, c := range bidiControls {
		b.WriteString(classRange(c.lo, c.hi, 1))
	}
	return b.String()
}()

// encodingForbidden are characters load refuses in every string before
// any text rule runs (diag.InvalidEncoding): NUL and the byte-order mark.
// Pattern refuses them too, since the schema has no load stage.
const encodingForbidden = "\x00\ufeff"

// IsControl reports whether r is a control character free text may not
// hold.
func IsControl(r rune) bool {
	for _, c := range controls {
		if c.lo <= r && r <= c.hi {
			return true
		}
	}
	return false
}

// Check returns the first problem of s under t, in the order validate
// reports them, and for TextControl and TextBidi the offending character.
func (t Text) Check(s string) (TextProblem, rune) {
	if t.NotBlank && strings.TrimSpace(s) == "" {
		return TextBlank, 0
	}
	if t.Line && strings.ContainsAny(s, LineBreaks) {
		return TextMultiLine, 0
	}
	if len(s) > t.MaxLength {
		return TextTooLong, 0
	}
	for _, r := range s {
		// NUL is an encoding error, reported by load.
		if r != 0 && IsControl(r) {
			return TextControl, r
		}
		if IsBidiControl(r) {
			return TextBidi, r
		}
	}
	return TextOK, 0
}

// Pattern is the rule as a regular expression that means the same in
// Go's RE2 and in ECMAScript with the "u" flag (the JSON Schema's
// dialect): characters written literally, no \s or \S (RE2's is ASCII
// only, ECMAScript's Unicode). The length is MaxLength's job.
func (t Text) Pattern() string {
	var not strings.Builder
	if t.Line {
		not.WriteString(LineBreaks)
	}
	for _, c := range controls {
		if c.hi == c.lo+1 {
			not.WriteString(string(c.lo) + string(c.hi))
		} else {
			not.WriteString(classRange(c.lo, c.hi, 1))
		}
	}
	not.WriteString(BidiControlClass)
	not.WriteString(encodingForbidden[1:]) // NUL is in the first range
	if t.NotBlank {
		n := not.String()
		return fmt.Sprintf("^[^%s]*[^%s%s][^%s]*$", n, whiteSpace, n, n)
	}
	return "^[^" + not.String() + "]*$"
}

// whiteSpace is unicode.White_Space as a character class body.
var whiteSpace = func() string {
	var b strings.Builder
	for _, r := range unicode.White_Space.R16 {
		b.WriteString(classRange(rune(r.Lo), rune(r.Hi), rune(r.Stride)))
	}
	for _, r := range unicode.White_Space.R32 {
		b.WriteString(classRange(rune(r.Lo), rune(r.Hi), rune(r.Stride)))
	}
	return b.String()
}()

// NotBlankPattern matches a text holding something besides white space.
var NotBlankPattern = "[^" + whiteSpace + "]"

func classRange(lo, hi, stride rune) string {
	if stride != 1 {
		var b strings.Builder
		for r := lo; r <= hi; r += stride {
			b.WriteRune(r)
		}
		return b.String()
	}
	if lo == hi {
		return string(lo)
	}
	return string(lo) + "-" + string(hi)
}
