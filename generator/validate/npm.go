package validate

import (
	"strings"
	"unicode/utf8"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// npm checks the package metadata as npm checks it when packing and
// publishing: a semver version, an SPDX license expression (or UNLICENSED,
// or SEE LICENSE IN <file>), URLs for repository and homepage, one-line
// description and keywords. The package name is checked with the names.
func (c *checker) npm(n *load.NPM) {
	if n.Version.Set && !rules.SemverPattern.MatchString(n.Version.Value) {
		hint := ""
		if strings.HasPrefix(n.Version.Value, "v") && rules.SemverPattern.MatchString(n.Version.Value[1:]) {
			hint = " (without the v: " + n.Version.Value[1:] + ")"
		}
		c.report(n.Version.Pos, diag.NPMMetadata, "npm.version %q is not a semantic version such as 1.2.3%s", n.Version.Value, hint)
	}
	if n.License.Set {
		if !rules.KeywordPattern.MatchString(n.License.Value) {
			c.report(n.License.Pos, diag.NPMMetadata, "npm.license %q holds a line break, a control character or a bidirectional control, or starts or ends with a space", n.License.Value)
		} else if problem := licenseProblem(n.License.Value); problem != "" {
			c.report(n.License.Pos, diag.NPMMetadata, "npm.license %q %s", n.License.Value, problem)
		}
	}
	c.title(n.Description, "npm.description")
	if n.Repository.Set && !rules.RepositoryPattern.MatchString(n.Repository.Value) {
		c.report(n.Repository.Pos, diag.NPMMetadata, "npm.repository %q is neither a URL (https://, git+https://, git+ssh://) nor a shorthand such as github:owner/repo", n.Repository.Value)
	}
	if n.Homepage.Set && !rules.WebURLPattern.MatchString(n.Homepage.Value) {
		c.report(n.Homepage.Pos, diag.NPMMetadata, "npm.homepage %q is not an http or https URL", n.Homepage.Value)
	}
	seen := map[string]bool{}
	for _, k := range n.Keywords {
		switch {
		case !k.Set:
		case strings.ContainsFunc(k.Value, rules.IsBidiControl):
			r, _ := utf8.DecodeRuneInString(k.Value[strings.IndexFunc(k.Value, rules.IsBidiControl):])
			c.report(k.Pos, diag.NPMMetadata, "npm.keywords entry contains bidirectional control character %U: %s", r, bidiHarm)
		case !rules.KeywordPattern.MatchString(k.Value):
			c.report(k.Pos, diag.NPMMetadata, "npm.keywords entry %q must be one line without white space at either end", k.Value)
		case seen[k.Value]:
			c.report(k.Pos, diag.DuplicateEntry, "npm.keywords lists %q twice", k.Value)
		default:
			seen[k.Value] = true
		}
	}
}

// licenseProblem says what is wrong with an npm license field, or "". An
// SPDX expression is identifiers (optionally with +, or LicenseRef-…)
// joined by AND, OR and WITH, with parentheses; identifiers are not
// checked against the SPDX list, which scopegen does not carry.
func licenseProblem(s string) string {
	if s == "UNLICENSED" || strings.HasPrefix(s, "SEE LICENSE IN ") && strings.TrimSpace(s[len("SEE LICENSE IN "):]) != "" {
		return ""
	}
	p := &spdxParser{tokens: spdxTokens(s)}
	if len(p.tokens) == 0 || !p.expression() || p.pos != len(p.tokens) {
		return "is not an SPDX license expression (such as MIT or (MIT OR Apache-2.0)), UNLICENSED or SEE LICENSE IN <file>"
	}
	return ""
}

func spdxTokens(s string) []string {
	s = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s)
	return strings.Fields(s)
}

type spdxParser struct {
	tokens []string
	pos    int
}

func (p *spdxParser) peek() string {
	if p.pos < len(p.tokens) {
		return p.tokens[p.pos]
	}
	return ""
}

// expression = term { (AND | OR) term }
func (p *spdxParser) expression() bool {
	if !p.term() {
		return false
	}
	for p.peek() == "AND" || p.peek() == "OR" {
		p.pos++
		if !p.term() {
			return false
		}
	}
	return true
}

// term = "(" expression ")" | id [ WITH id ]
func (p *spdxParser) term() bool {
	if p.peek() == "(" {
		p.pos++
		if !p.expression() || p.peek() != ")" {
			return false
		}
		p.pos++
		return true
	}
	if !p.id() {
		return false
	}
	if p.peek() == "WITH" {
		p.pos++
		return p.id()
	}
	return true
}

func (p *spdxParser) id() bool {
	t := p.peek()
	if t == "" || t == "AND" || t == "OR" || t == "WITH" || t == "(" || t == ")" || !spdxID(strings.TrimSuffix(t, "+")) {
		return false
	}
	p.pos++
	return true
}

func spdxID(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return false
		}
	}
	return true
}
