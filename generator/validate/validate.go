// Package validate checks a loaded manifest against the rules that cross
// entries: names and their shapes, references between scopes and platforms,
// and uniqueness. It reports every problem it finds, never just the first.
package validate

import (
	"regexp"
	"slices"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// Check returns every problem in m.
func Check(m *load.Manifest) diag.List {
	c := &checker{file: m.File}
	// Past a limit nothing else is checked: the work is bounded by the
	// limits, not by the input.
	if len(m.Platforms) > rules.MaxPlatforms || len(m.Scopes) > rules.MaxScopes {
		if len(m.Platforms) > rules.MaxPlatforms {
			c.report(m.Platforms[rules.MaxPlatforms].Pos, diag.LimitExceeded, "a manifest declares at most %d platforms", rules.MaxPlatforms)
		}
		if len(m.Scopes) > rules.MaxScopes {
			c.report(m.Scopes[rules.MaxScopes].Pos, diag.LimitExceeded, "a manifest declares at most %d scopes", rules.MaxScopes)
		}
		return c.diags
	}
	c.version(m.Version)
	if m.NPM.Package.Set {
		c.npmPackage(m.NPM.Package)
	}
	c.npm(&m.NPM)
	platforms := c.platforms(m.Platforms)
	c.scopes(m.Scopes, platforms)
	c.authorize(m)
	c.privacy(m, platforms)
	c.system(m, platforms)
	c.sources(m)
	return c.diags
}

type checker struct {
	file  string
	diags diag.List
}

func (c *checker) report(pos diag.Pos, rule diag.Rule, format string, args ...any) {
	c.diags = append(c.diags, diag.At(c.file, pos, rule, format, args...))
}

func (c *checker) version(v load.Int) {
	switch {
	case !v.Set:
		// load reports the missing key
	case v.Value != 1:
		c.report(v.Pos, diag.UnsupportedVersion, "version %d is not supported: this scopegen reads version 1", v.Value)
	}
}

// pattern checks that a set name matches re; shape describes re for people.
// distinctNames checks each entry of the list at key against re (shape
// says what it should look like) and reports an entry listed twice;
// entries of the wrong shape are not counted.
func (c *checker) distinctNames(list []load.String, re *regexp.Regexp, key, shape string) {
	seen := map[string]bool{}
	for _, s := range list {
		if !c.pattern(s, re, key+" entry", shape) {
			continue
		}
		if seen[s.Value] {
			c.report(s.Pos, diag.DuplicateEntry, "%s lists %q twice", key, s.Value)
		}
		seen[s.Value] = true
	}
}

func (c *checker) pattern(s load.String, re *regexp.Regexp, what, shape string) bool {
	switch {
	case !s.Set:
		return false
	case s.Value == "":
		c.report(s.Pos, diag.InvalidName, "%s is empty", what)
	case len(s.Value) > rules.MaxNameLength:
		c.report(s.Pos, diag.InvalidName, "%s is %d bytes long; the limit is %d", what, len(s.Value), rules.MaxNameLength)
	case !re.MatchString(s.Value):
		c.report(s.Pos, diag.InvalidName, "%s %q is malformed: expected %s", what, s.Value, shape)
	default:
		return true
	}
	return false
}

// title checks a single line of free text.
func (c *checker) title(s load.String, what string) { c.freeText(s, what, rules.Title) }

// text checks free text that may span lines.
func (c *checker) text(s load.String, what string) { c.freeText(s, what, rules.Prose) }

// description checks a scope's description: prose that is not blank.
func (c *checker) description(s load.String, what string) { c.freeText(s, what, rules.Description) }

// bidiHarm says why a bidirectional control is refused wherever a
// manifest string is copied into the output.
const bidiHarm = "copied into generated code, comments and Markdown it can make them display in another order than they are parsed (Trojan Source)"

// freeText reports the first way s breaks t.
func (c *checker) freeText(s load.String, what string, t rules.Text) {
	if !s.Set {
		return
	}
	switch problem, r := t.Check(s.Value); problem {
	case rules.TextBlank:
		c.report(s.Pos, diag.InvalidValue, "%s is empty", what)
	case rules.TextMultiLine:
		c.report(s.Pos, diag.InvalidValue, "%s must be a single line", what)
	case rules.TextTooLong:
		c.report(s.Pos, diag.LimitExceeded, "%s is %d bytes long; the limit is %d", what, len(s.Value), t.MaxLength)
	case rules.TextControl:
		c.report(s.Pos, diag.InvalidValue, "%s contains control character %U", what, r)
	case rules.TextBidi:
		c.report(s.Pos, diag.InvalidValue, "%s contains bidirectional control character %U: %s", what, r, bidiHarm)
	}
}

// global checks a JavaScript identifier the runtime uses bare.
func (c *checker) global(s load.String, what string) bool {
	if !c.pattern(s, rules.GlobalPattern, what, "a JavaScript identifier such as wx") {
		return false
	}
	if slices.Contains(rules.JSReservedWords, s.Value) {
		c.report(s.Pos, diag.InvalidName, "%s %q is a JavaScript reserved word", what, s.Value)
		return false
	}
	return c.notPrototypeName(s, what)
}

func (c *checker) platforms(in []*load.Platform) map[string]*load.Platform {
	byID := make(map[string]*load.Platform, len(in))
	globals := make(map[string]*load.Platform)
	conditions := make(map[string]*load.Platform)
	for _, p := range in {
		byID[p.ID.Value] = p
		if c.pattern(p.ID, rules.PlatformIDPattern, "platform id", "lower-case letters and digits, starting with a letter (Go package name)") {
			c.platformID(p.ID)
		}
		c.title(p.Title, "title")
		if p.GoName.Set {
			c.pattern(p.GoName, rules.GoNamePattern, "goName", "an exported Go identifier such as WeChat")
		}
		if c.global(p.Global, "global") && c.hostGlobal(p.Global, "global") {
			if prev := globals[p.Global.Value]; prev != nil {
				c.report(p.Global.Pos, diag.PlatformFieldCollision, "global %q is already the global of platform %q (line %d)", p.Global.Value, prev.ID.Value, prev.Global.Pos.Line)
			}
			globals[p.Global.Value] = p
		}
		seen := map[string]bool{}
		for _, g := range p.AlsoDefines {
			if !c.global(g, "alsoDefines entry") || !c.hostGlobal(g, "alsoDefines entry") {
				continue
			}
			if g.Value == p.Global.Value {
				c.report(g.Pos, diag.InvalidValue, "alsoDefines repeats the platform's own global %q", g.Value)
			}
			if seen[g.Value] {
				c.report(g.Pos, diag.DuplicateEntry, "alsoDefines lists %q twice", g.Value)
			}
			seen[g.Value] = true
		}
		if c.pattern(p.ExportCondition, rules.ConditionPattern, "exportCondition", "an npm export condition such as wechat-miniprogram") {
			if slices.Contains(rules.ReservedConditions, p.ExportCondition.Value) {
				c.report(p.ExportCondition.Pos, diag.InvalidName, "export condition %q is reserved: the package's exports map uses it, or Node, a common bundler, framework or edge runtime sets it for builds of its own", p.ExportCondition.Value)
			}
			if prev := conditions[p.ExportCondition.Value]; prev != nil {
				c.report(p.ExportCondition.Pos, diag.PlatformFieldCollision, "export condition %q is already used by platform %q (line %d)", p.ExportCondition.Value, prev.ID.Value, prev.ExportCondition.Pos.Line)
			}
			conditions[p.ExportCondition.Value] = p
		}
		if p.Icon.Set && !rules.IconPattern.MatchString(p.Icon.Value) {
			c.report(p.Icon.Pos, diag.InvalidValue, "icon must be an https:// URL without spaces, quotes or control characters")
		}
		c.denial(p.Denial)
		c.text(p.Note, "note")
	}
	return byID
}

func (c *checker) denial(d load.Denial) {
	if !d.Set {
		return
	}
	if d.CodeField.Set {
		c.global(d.CodeField, "denial.codeField")
	}
	if d.CodeField.Set != (len(d.Codes) > 0) {
		c.report(d.Pos, diag.MissingField, "denial needs both codeField and codes, or neither")
	}
	seen := map[int]bool{}
	for _, code := range d.Codes {
		switch {
		case !code.Set:
			// load reported it; an entry that is no integer is no 0
		case code.Value == 0:
			c.report(code.Pos, diag.InvalidValue, "denial.codes cannot hold 0: the generated IsDenial is given 0 for a failure without a code, so every such failure would be a denial")
		case seen[code.Value]:
			c.report(code.Pos, diag.DuplicateEntry, "denial.codes lists %d twice", code.Value)
		default:
			seen[code.Value] = true
		}
	}
	c.portableRegex(d.Message, "denial.message")
	if !d.Message.Set && !d.CodeField.Set && len(d.Codes) == 0 {
		c.report(d.Pos, diag.MissingField, "denial needs message, codes, or both")
	}
}
