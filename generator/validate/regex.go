package validate

import (
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// denialMessage checks denial.message against the portable dialect
// (model.PortableRegex), so that Go and the JS runtime match the same
// errMsg strings, in linear time in both.
func (c *checker) denialMessage(s load.String) {
	if !s.Set {
		return
	}
	if strings.ContainsAny(s.Value, "\n\r\u2028\u2029/") {
		c.report(s.Pos, diag.InvalidValue, "denial.message must be one line without '/' (write \\x2f)")
		return
	}
	if _, _, p := model.PortableRegex(s.Value); p != nil {
		if p.Offset == 0 && strings.HasPrefix(p.Msg, "not a valid regular expression: ") {
			c.report(s.Pos, diag.InvalidValue, "denial.message is %s", p.Msg)
			return
		}
		c.report(s.Pos, diag.InvalidValue, "denial.message is not portable between Go and JavaScript %v", p)
	}
}
