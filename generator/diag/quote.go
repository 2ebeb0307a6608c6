package diag

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is the one way a name or text from disk or from the manifest (a
// file name, a path, a pattern) reaches a terminal or a CI log. A name of
// printable characters with no quote or backslash, whose only white space
// is ASCII spaces between other characters, not starting with ':', is
// printed as it is; any other is printed as a Go string literal
// (strconv.Quote), in which line breaks, control characters,
// bidirectional controls and bytes that are not UTF-8 are escapes. A quoted name is one line that cannot
// start a GitHub Actions workflow command, end the line it is on, or
// reorder the text around it, whatever -error-format says.
func Quote(s string) string {
	// A leading ':' is quoted too, so that a name alone on a line cannot
	// start a workflow command ("::error::").
	if s != "" && s[0] != ':' && s[0] != ' ' && s[len(s)-1] != ' ' && !strings.ContainsFunc(s, needsQuote) && utf8.ValidString(s) {
		return s
	}
	return strconv.Quote(s)
}

func needsQuote(r rune) bool {
	return !unicode.IsGraphic(r) || unicode.IsSpace(r) && r != ' ' || r == utf8.RuneError || strings.ContainsRune("\"'`\\", r)
}
