package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Formats lists the values --error-format accepts.
var Formats = []string{"text", "json", "github-actions"}

// Print writes the sorted findings in format: "text" (one
// file:line:col: message (RULE_ID) per line), "json" (one array of
// objects with file, line, column, rule and message) or "github-actions"
// (workflow commands that GitHub shows as annotations on the diff).
// level is the annotation level for github-actions: "error" or "warning".
func Print(w io.Writer, l List, format, level string) error {
	sorted := l.Sorted()
	switch format {
	case "text":
		for _, d := range sorted {
			if _, err := fmt.Fprintln(w, escapeText(d.String())); err != nil {
				return err
			}
		}
	case "json":
		if sorted == nil {
			sorted = List{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(sorted)
	case "github-actions":
		for _, d := range sorted {
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
				level, escapeProperty(d.File), max(d.Line, 1), max(d.Column, 1), escapeProperty(d.Rule), escapeData(d.Message))
			if err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("unknown error format %q: one of %s", format, strings.Join(Formats, ", "))
	}
	return nil
}

// escapeText keeps a text finding on one line: control characters and
// Unicode line breaks in it (from a regex error quoting the pattern, say)
// are written as Go escapes, so no part of a message can pass for a
// finding of its own.
func escapeText(s string) string {
	if !strings.ContainsFunc(s, needsEscape) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// escapeData and escapeProperty follow the workflow-command escaping of
// GitHub's actions/toolkit (command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
