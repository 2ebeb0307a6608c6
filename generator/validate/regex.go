package validate

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// portableRegex checks a pattern over errMsg (denial.message, a privacy
// failure message) against the portable dialect
// (rules.PortableRegex), so that Go and the JS runtime match the same
// errMsg strings, in linear time in both.
func (c *checker) portableRegex(s load.String, what string) {
	if !s.Set {
		return
	}
	if strings.ContainsAny(s.Value, "\n\r\u2028\u2029/") {
		c.report(s.Pos, diag.InvalidValue, "%s must be one line without '/' (write \\x2f)", what)
		return
	}
	if i := strings.IndexFunc(s.Value, rules.IsBidiControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s.Value[i:])
		c.report(s.Pos, diag.InvalidValue, "%s contains bidirectional control character %U: %s", what, r, bidiHarm)
		return
	}
	goForm, _, p := rules.PortableRegex(s.Value)
	if p != nil {
		if p.Offset == 0 && strings.HasPrefix(p.Msg, "not a valid regular expression: ") {
			c.report(s.Pos, diag.InvalidValue, "%s is %s", what, p.Msg)
			return
		}
		c.report(s.Pos, diag.InvalidValue, "%s is not portable between Go and JavaScript %v", what, p)
		return
	}
	// A pattern that matches "" would call an empty errMsg a match: make
	// every part of it optional and it matches every message, even none.
	if regexp.MustCompile(goForm).MatchString("") {
		c.report(s.Pos, diag.InvalidValue, "%s %q matches every message, even none (it matches the empty string): make it require the text it looks for, such as (denied) for (denied)?", what, s.Value)
	}
}
