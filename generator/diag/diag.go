// Package diag holds the positioned findings every stage of scopegen
// reports: a manifest problem, a breaking change, a stale output file.
//
// A finding prints as
//
//	manifest.yaml:12:5: unknown platform "wechta" (did you mean "wechat"?) (UNKNOWN_PLATFORM)
//
// and a List is always sorted by file, line, column, rule and message, with
// exact duplicates removed, so output is stable from run to run.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Pos is a 1-based position in a file. A zero Line means "the whole file".
type Pos struct {
	Line, Column int
}

// Diagnostic is one finding.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
}

// At builds a Diagnostic for rule at pos in file.
func At(file string, pos Pos, rule Rule, format string, args ...any) Diagnostic {
	return Diagnostic{
		File:    file,
		Line:    pos.Line,
		Column:  pos.Column,
		Rule:    rule.ID,
		Message: fmt.Sprintf(format, args...),
	}
}

// String renders the finding as file:line:col: message (RULE_ID).
// A missing position is shown as 1, as buf does, so editors can still jump.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", d.File, max(d.Line, 1), max(d.Column, 1), d.Message, d.Rule)
}

// List is a set of findings.
type List []Diagnostic

// Sorted returns the findings ordered by file, line, column, rule and
// message, with exact duplicates removed. The receiver is not changed.
func (l List) Sorted() List {
	out := slices.Clone(l)
	slices.SortFunc(out, compare)
	return slices.Compact(out)
}

func compare(a, b Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Column, b.Column),
		cmp.Compare(a.Rule, b.Rule),
		cmp.Compare(a.Message, b.Message),
	)
}

// Error joins the sorted findings, one per line, so a List can travel as an error.
func (l List) Error() string {
	var b strings.Builder
	for i, d := range l.Sorted() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
