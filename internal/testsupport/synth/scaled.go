package synth

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	scopeKeyLine = regexp.MustCompile(`^(\s+)["']?(scope\.[A-Za-z]+|auth_[a-z_]+)["']?:(\s|$)`)
	token        = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_.]*`)
)

// Scaled returns manifest with its last scope-keyed entry cloned n times
// right after it (scripts/genscale.sh times generation on it): in each clone,
// every word found nowhere else in the file (the scope's name, APIs,
// native names, setting keys, words of its text) gets the suffix X<k>, so
// the clones are new scopes with unique names.
func Scaled(manifest []byte, n int) []byte {
	text := string(manifest)
	lines := strings.Split(text, "\n")
	last := -1
	for i, l := range lines {
		if scopeKeyLine.MatchString(l) {
			last = i
		}
	}
	if last < 0 {
		return manifest
	}
	indent := len(lines[last]) - len(strings.TrimLeft(lines[last], " \t"))
	end := last + 1
	for end < len(lines) && (strings.TrimSpace(lines[end]) == "" || len(lines[end])-len(strings.TrimLeft(lines[end], " \t")) > indent) {
		end++
	}
	block := strings.Join(lines[last:end], "\n")
	everywhere := map[string]int{}
	for _, t := range token.FindAllString(text, -1) {
		everywhere[t]++
	}
	inside := map[string]int{}
	for _, t := range token.FindAllString(block, -1) {
		inside[t]++
	}
	out := append([]string{}, lines[:end]...)
	for k := range n {
		suffix := fmt.Sprintf("X%d", k)
		out = append(out, token.ReplaceAllStringFunc(block, func(t string) string {
			if len(t) > 2 && inside[t] == everywhere[t] {
				return t + suffix
			}
			return t
		}))
	}
	return []byte(strings.Join(append(out, lines[end:]...), "\n"))
}
