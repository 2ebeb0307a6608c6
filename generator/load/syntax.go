package load

import (
	"strings"
)

// locateSyntaxError finds the line a YAML syntax error is really on.
// yaml.v3 often reports an indentation mistake at the mapping that holds
// it, or at a comment before it, hundreds of lines up. When the reported
// line is such a line, this scans for the first line at or after it whose
// indentation breaks its block: a tab, a line deeper than a key that
// already has a value, a line between two block levels, or a stray word
// where a key belongs. For the parser's block-structure messages any such
// line at or after the reported one is taken; for others, only when the
// reported line is vague. It returns the 1-based line and column, or the
// reported line and column 1 when it finds nothing better.
func locateSyntaxError(data []byte, reported int, msg string) (line, col int) {
	lines := strings.Split(string(data), "\n")
	if reported < 1 || reported > len(lines) {
		return reported, 1
	}
	found, foundCol := firstBadLine(lines)
	// yaml.v3 may name the line after a mistake, never one further on.
	if found == 0 || found < reported-1 || found == reported-1 && !structural(msg) {
		return reported, 1
	}
	if found <= reported || vague(lines[reported-1]) || structural(msg) {
		return found, foundCol
	}
	return reported, 1
}

// structural reports whether yaml.v3's message is one it gives for a
// broken block structure, whose line it often gets wrong.
func structural(msg string) bool {
	for _, m := range []string{"did not find expected key", "mapping values are not allowed", "could not find expected ':'", "did not find expected '-' indicator", "block sequence entries are not allowed"} {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// vague reports whether a reported line cannot itself hold the mistake
// the parser means: blank, a comment, or a key that opens a block.
func vague(line string) bool {
	t := strings.TrimSpace(stripComment(line))
	return t == "" || strings.HasSuffix(t, ":")
}

// firstBadLine walks the block structure by indentation and returns the
// first line that breaks it, with the column of the offending character.
func firstBadLine(lines []string) (int, int) {
	var stack []int     // indentation of the open blocks, innermost last
	opens := true       // the previous content line opens a block
	prevIndent := -1    // indentation of the previous content line
	scalarIndent := -1  // inside a block scalar (| or >) of a line at this indentation
	flowDepth := 0      // inside [ ] or { } spanning lines
	plainValue := false // the previous content line ends in a plain scalar value
	var starts []int    // the first line of each open block
	prevLine, dedentLine, dedentFrom := 0, -1, -1
	for i, raw := range lines {
		n := i + 1
		body := strings.TrimRight(raw, " \r")
		if scalarIndent >= 0 {
			if strings.TrimSpace(body) == "" || indentOf(body) > scalarIndent {
				continue
			}
			scalarIndent = -1
		}
		if tab := strings.IndexByte(leading(raw), '\t'); tab >= 0 {
			return n, tab + 1
		}
		text := strings.TrimSpace(stripComment(body))
		if text == "" || text == "---" {
			continue
		}
		ind := indentOf(body)
		if flowDepth > 0 {
			flowDepth += flowBalance(text)
			continue
		}
		opened := opens && (ind > prevIndent || ind == prevIndent && strings.HasPrefix(text, "-"))
		if opened {
			stack = append(stack, ind) // the block the previous key opened
			starts = append(starts, n)
		} else {
			// Otherwise the line continues an open block: it must sit at
			// the indentation of one of them.
			if ind > top(stack) {
				if plainValue && !strings.Contains(text, ": ") && !strings.HasSuffix(text, ":") && !strings.HasPrefix(text, "- ") {
					continue // a plain scalar continued on the next line
				}
				if dedentLine == prevLine && ind == dedentFrom {
					return prevLine, prevIndent + 1 // the line before left its block by mistake
				}
				return n, ind + 1
			}
			from, fromStart := top(stack), 0
			for len(stack) > 1 && ind < top(stack) {
				from, fromStart = top(stack), starts[len(starts)-1]
				stack, starts = stack[:len(stack)-1], starts[:len(starts)-1]
			}
			if ind != top(stack) {
				if nextSiblingIndent(lines, i+1, ind) == ind {
					// Its siblings follow at its indentation: the block
					// it left is the one indented wrongly, from its start.
					return fromStart, from + 1
				}
				return n, ind + 1
			}
			if from != ind {
				dedentLine, dedentFrom = n, from
			}
		}
		if !isEntry(text) {
			return n, ind + 1 // a stray word where a key or list item belongs
		}
		prevIndent, prevLine = ind, n
		value := entryValue(text)
		if value != "" && (value[0] == '"' || value[0] == '\'') && !closesQuote(value) {
			// A quoted value left open: legal across lines, but when the
			// parser is lost this is the likeliest reason.
			return n, strings.LastIndex(body, value) + 1
		}
		opens = value == ""
		plainValue = value != "" && !strings.ContainsAny(value[:1], `"'[{|>`)
		switch {
		case isBlockScalarHeader(value):
			scalarIndent, opens, plainValue = ind, false, false
		case flowBalance(value) > 0:
			flowDepth, opens, plainValue = flowBalance(value), false, false
		}
	}
	return 0, 0
}

// closesQuote reports whether a value starting with a quote ends it on
// the same line (a doubled single quote, or a backslash before a double
// quote, escapes it).
func closesQuote(v string) bool {
	q := v[0]
	for i := 1; i < len(v); i++ {
		switch {
		case q == '"' && v[i] == '\\':
			i++
		case v[i] == q && q == '\'' && i+1 < len(v) && v[i+1] == '\'':
			i++
		case v[i] == q:
			return true
		}
	}
	return false
}

// nextSiblingIndent is the indentation of the first content line from
// index i on that is not deeper than ind, or -1.
func nextSiblingIndent(lines []string, i, ind int) int {
	for ; i < len(lines); i++ {
		t := strings.TrimSpace(stripComment(lines[i]))
		if t == "" {
			continue
		}
		if in := indentOf(lines[i]); in <= ind {
			return in
		}
	}
	return -1
}

// isEntry reports whether text is "key:", "key: value", "- item" or "-".
func isEntry(text string) bool {
	if text == "-" || strings.HasPrefix(text, "- ") {
		return true
	}
	if text[0] == '"' || text[0] == '\'' { // a quoted key
		return strings.Contains(text[1:], string(text[0])+":")
	}
	return strings.HasSuffix(text, ":") || strings.Contains(text, ": ")
}

// entryValue is what follows the key's colon (or the list dash), trimmed;
// for "- key: value" it is the inner entry's value.
func entryValue(text string) string {
	if text == "-" {
		return ""
	}
	if rest, ok := strings.CutPrefix(text, "- "); ok {
		if !isEntry(strings.TrimSpace(rest)) || !strings.Contains(rest, ":") {
			return strings.TrimSpace(rest)
		}
		text = strings.TrimSpace(rest)
	}
	if strings.HasSuffix(text, ":") {
		return ""
	}
	_, v, _ := strings.Cut(text, ": ")
	return strings.TrimSpace(v)
}

func isBlockScalarHeader(v string) bool {
	return v != "" && (v[0] == '|' || v[0] == '>') && strings.Trim(v[1:], "+-0123456789") == ""
}

// flowBalance counts [ and { minus ] and }, outside quotes.
func flowBalance(s string) int {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		}
	}
	return depth
}

// stripComment drops a # comment that starts the line or follows a space,
// outside quotes.
func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t'):
			return s[:i]
		}
	}
	return s
}

func leading(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " "))
}

func top(stack []int) int {
	if len(stack) == 0 {
		return 0
	}
	return stack[len(stack)-1]
}
