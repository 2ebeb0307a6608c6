package cli

import (
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// wrapWidth is where init wraps the notes yaml.v3 writes on one line.
const wrapWidth = 88

// tidy makes yaml.v3's encoding read like the catalog again: folded notes
// wrapped (yaml.v3 writes each on one line) and a blank line between
// top-level sections and between the entries under them (yaml.v3 keeps
// none). It returns the input unchanged if the result would not decode to
// exactly the same values.
func tidy(encoded []byte) []byte {
	lines := strings.Split(strings.TrimSuffix(string(encoded), "\n"), "\n")
	var out []string
	foldIndent := -1 // indentation of the folded scalar being read, or -1
	for i, line := range lines {
		ind := indentOf(line)
		if foldIndent >= 0 && (strings.TrimSpace(line) == "" || ind < foldIndent) {
			foldIndent = -1
		}
		if foldIndent >= 0 {
			out = append(out, wrapLine(line, ind)...)
			continue
		}
		if i > 0 && lines[i-1] != "" && startsEntry(line, ind, lines[i-1]) {
			out = append(out, "")
		}
		out = append(out, line)
		if t := strings.TrimSpace(line); strings.HasSuffix(t, ": >-") || strings.HasSuffix(t, ": >") {
			foldIndent = ind + 1
		}
	}
	tidied := []byte(strings.Join(out, "\n") + "\n")
	var before, after any
	if yaml.Unmarshal(encoded, &before) != nil || yaml.Unmarshal(tidied, &after) != nil || !reflect.DeepEqual(before, after) {
		return encoded
	}
	return tidied
}

// startsEntry reports whether line begins a top-level key (or its head
// comment) after another one, or a second-level entry after a deeper line.
func startsEntry(line string, ind int, prev string) bool {
	prevInd := indentOf(prev)
	prevComment := strings.HasPrefix(strings.TrimSpace(prev), "#")
	switch ind {
	case 0:
		return !prevComment
	case 2:
		return prevInd > 2 && !strings.HasPrefix(strings.TrimSpace(line), "- ")
	}
	return false
}

// wrapLine splits a folded scalar's line at single spaces so that no
// piece passes wrapWidth; folding joins them back with one space.
func wrapLine(line string, ind int) []string {
	prefix, words := line[:ind], strings.Split(line[ind:], " ")
	for _, w := range words {
		if w == "" { // a double space: a break there would not fold back
			return []string{line}
		}
	}
	var out []string
	cur := prefix + words[0]
	for _, w := range words[1:] {
		if len(cur)+1+len(w) > wrapWidth {
			out = append(out, cur)
			cur = prefix + w
			continue
		}
		cur += " " + w
	}
	return append(out, cur)
}

func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}
