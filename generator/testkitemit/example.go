package testkitemit

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// A failure text the simulated hosts put in errMsg: the manifest gives a
// pattern (denial.message, privacy.failures.<outcome>.message), not a text,
// so the kit writes one string the pattern matches. errText returns it as
// the template composes it: after "<method>:" unless the pattern is
// anchored at the start (then the text is the whole errMsg).
type errText struct {
	Text    string `json:"text"`
	WithAPI bool   `json:"withApi"`
}

// textFor builds a text the pattern (its Go form, goForm) matches; with no
// pattern, "fail" (a host's bare failure). The result is checked against
// the pattern with method as the method name, so the kit never writes a
// text its host's runtime would not recognise.
func textFor(goForm, method string) (errText, error) {
	if goForm == "" {
		return errText{Text: "fail", WithAPI: true}, nil
	}
	re, err := syntax.Parse(goForm, syntax.Perl)
	if err != nil {
		return errText{}, err
	}
	anchored := startsAnchored(re)
	s := example(re)
	t := errText{Text: s, WithAPI: !anchored}
	if !anchored && strings.HasPrefix(s, ":") {
		t.Text = s[1:] // the pattern spells the "<method>:" separator itself
	}
	if !anchored && !strings.HasPrefix(t.Text, "fail") {
		t.Text = "fail " + t.Text // every host's failure text starts "<method>:fail"
	}
	full := t.Text
	if t.WithAPI {
		full = method + ":" + t.Text
	}
	if !regexp.MustCompile(goForm).MatchString(full) {
		return errText{}, fmt.Errorf("testkitemit: no example text for pattern %q (tried %q)", goForm, full)
	}
	return t, nil
}

func startsAnchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpBeginLine:
		return true
	case syntax.OpConcat, syntax.OpCapture:
		return len(re.Sub) > 0 && startsAnchored(re.Sub[0])
	}
	return false
}

// example is a short string re matches: literals as written, the first
// alternative, one repetition of a star (so "fail.*auth" reads
// "fail auth"), the minimum of any other repeat, and a space, else the
// lowest character, for a class.
func example(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpLiteral:
		return string(re.Rune)
	case syntax.OpCharClass:
		return string(classChar(re.Rune))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return " "
	case syntax.OpCapture:
		return example(re.Sub[0])
	case syntax.OpConcat:
		var b strings.Builder
		for _, sub := range re.Sub {
			b.WriteString(example(sub))
		}
		return b.String()
	case syntax.OpAlternate:
		return example(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return example(re.Sub[0])
	case syntax.OpRepeat:
		return strings.Repeat(example(re.Sub[0]), re.Min)
	}
	return "" // OpQuest, anchors, boundaries, empty match
}

// classChar picks a class's space when it has one (".*" spelt as a class
// by PortableRegex), else its lowest printable character.
func classChar(ranges []rune) rune {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= ' ' && ' ' <= ranges[i+1] {
			return ' '
		}
	}
	lows := []rune{}
	for i := 0; i+1 < len(ranges); i += 2 {
		lo := max(ranges[i], '!')
		if lo <= ranges[i+1] && utf8.ValidRune(lo) {
			lows = append(lows, lo)
		}
	}
	if len(lows) == 0 {
		return ranges[0]
	}
	return slices.Min(lows)
}
