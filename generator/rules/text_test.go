package rules_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/scopegen/scopegen/generator/rules"
)

// TestTextRules: Check gives each problem where validate reports it, and
// Pattern (what the schema carries) accepts exactly the texts Check
// accepts, on texts chosen at the edges of each rule.
func TestTextRules(t *testing.T) {
	long := strings.Repeat("a", rules.MaxTextLength+1)
	cases := []struct {
		text                      string
		title, prose, description rules.TextProblem
	}{
		{"Location", rules.TextOK, rules.TextOK, rules.TextOK},
		{"", rules.TextBlank, rules.TextOK, rules.TextBlank},
		{" \t\u3000\u00a0", rules.TextBlank, rules.TextOK, rules.TextBlank},
		{"two\nlines", rules.TextMultiLine, rules.TextOK, rules.TextOK},
		{"a\u2028b", rules.TextMultiLine, rules.TextOK, rules.TextOK},
		{"a\rb", rules.TextMultiLine, rules.TextOK, rules.TextOK},
		{"tab\there", rules.TextOK, rules.TextOK, rules.TextOK},
		{"bell\a", rules.TextControl, rules.TextControl, rules.TextControl},
		{"del\x7f", rules.TextControl, rules.TextControl, rules.TextControl},
		{"c1\u0085", rules.TextControl, rules.TextControl, rules.TextControl},
		{"vt\v", rules.TextControl, rules.TextControl, rules.TextControl},
		{"astral 𝄞 and Hebrew \u05d0", rules.TextOK, rules.TextOK, rules.TextOK},
		{"mark \u200e", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"RTL mark \u200f", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"Arabic mark \u061c", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"embed \u202a", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"override \u202e", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"isolate \u2066", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"pop isolate \u2069", rules.TextBidi, rules.TextBidi, rules.TextBidi},
		{"next to them \u2029x", rules.TextMultiLine, rules.TextOK, rules.TextOK},
		{"not bidi \u2065 \u206a \u202f \u200d \u061b", rules.TextOK, rules.TextOK, rules.TextOK},
		{long, rules.TextTooLong, rules.TextTooLong, rules.TextTooLong},
	}
	kinds := []struct {
		name string
		rule rules.Text
		want func(i int) rules.TextProblem
	}{
		{"title", rules.Title, func(i int) rules.TextProblem { return cases[i].title }},
		{"prose", rules.Prose, func(i int) rules.TextProblem { return cases[i].prose }},
		{"description", rules.Description, func(i int) rules.TextProblem { return cases[i].description }},
	}
	for _, k := range kinds {
		re := regexp.MustCompile(k.rule.Pattern())
		for i, c := range cases {
			got, _ := k.rule.Check(c.text)
			assert.Equal(t, k.want(i), got, "%s %q", k.name, c.text)
			if got == rules.TextTooLong {
				continue // the schema bounds length with maxLength, not the pattern
			}
			assert.Equal(t, got == rules.TextOK, re.MatchString(c.text), "%s: Pattern and Check disagree on %q", k.name, c.text)
		}
	}
}

// TestPatternRefusesWhatLoadRefuses: the schema has no load stage, so
// the pattern also refuses NUL and the byte-order mark, which Check
// leaves to load.
func TestPatternRefusesWhatLoadRefuses(t *testing.T) {
	for _, rule := range []rules.Text{rules.Title, rules.Prose} {
		re := regexp.MustCompile(rule.Pattern())
		assert.False(t, re.MatchString("a\x00b"))
		assert.False(t, re.MatchString("a\ufeffb"))
	}
}
