// Package synth writes manifests for tests and benchmarks: Sized gives a
// deterministic manifest of n scopes, Random a random valid manifest with
// names at the edges of what validate allows.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// Sized returns a valid manifest of five hosts and n scopes, each guarding
// three APIs and supported on every host with a mix of mechanisms.
func Sized(n int) []byte {
	var b strings.Builder
	b.WriteString("version: 1\nplatforms:\n")
	hosts := []string{"alipay", "baidu", "bytedance", "kuaishou", "wechat"}
	for i, h := range hosts {
		fmt.Fprintf(&b, "  %s:\n    title: Host %d\n    global: g%s\n    exportCondition: %s-cond\n", h, i, h, h)
		if i%2 == 0 {
			b.WriteString("    denial:\n      codeField: errCode\n      codes: [11, 2001]\n")
		} else {
			b.WriteString("    denial:\n      message: 'fail.*auth den(y|ied)'\n")
		}
	}
	b.WriteString("scopes:\n")
	for i := range n {
		fmt.Fprintf(&b, "  scope.synthetic%d:\n    title: Synthetic scope %d\n    description: Scope number %d, for benchmarks.\n", i, i, i)
		fmt.Fprintf(&b, "    apis: [getA%d, getB%d, getC%d]\n    platforms:\n", i, i, i)
		for j, h := range hosts {
			grant := model.Grants[(i+j)%len(model.Grants)]
			fmt.Fprintf(&b, "      %s:\n        native: n.%s.%d\n        settingKey: k.%s.%d\n        grant: %s\n", h, h, i, h, i, grant)
			if grant == model.GrantOnUse {
				fmt.Fprintf(&b, "        probe: getA%d\n", i)
			}
		}
	}
	return []byte(b.String())
}

// text pieces used by Random: every one is legal in free text and
// troublesome somewhere (comments, string literals, Markdown, HTML).
// Right-to-left letters stand for bidirectional text; the bidi controls
// themselves are refused (rules.IsBidiControl).
var hard = []string{
	"*/", "/*", "//", `"`, "'", "`", "${x}", "{{.X}}", `\`, "</script>", "<!--", "-->", "|", "&amp;",
	"\u05d0", "\u0627", "é", "授权", "🙂", "%s", "$1", "#", "*", "_", "[x](y)",
}

// lineBreaks may appear in descriptions and notes, not in titles.
var lineBreaks = []string{"\n", "\u2028", "\u2029", "\r\n"}

// Random returns a random manifest that validate and model accept. Its
// names are unique after every derivation scopegen applies (Go names,
// native names, setting keys, APIs), so the result is valid by
// construction; a test asserts that.
func Random(r *rand.Rand) []byte {
	g := &gen{r: r, used: map[string]bool{}}
	nPlatforms := 1 + r.IntN(6)
	if r.IntN(10) == 0 {
		nPlatforms = 63 // the limit
	}
	nScopes := 1 + r.IntN(12)
	var b strings.Builder
	b.WriteString("version: 1\n")
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "npm:\n  package: %s\n", yq("@r"+g.word(8)+"/pkg-"+g.word(4)))
	}
	b.WriteString("platforms:\n")
	ids := make([]string, nPlatforms)
	globals := make([]string, nPlatforms)
	for i := range nPlatforms {
		ids[i] = "h" + g.unique(func() string { return g.lowerDigits(r.IntN(31)) })
		globals[i] = "g" + strconv.Itoa(i) + g.word(3)
	}
	for i, id := range ids {
		fmt.Fprintf(&b, "  %s:\n    title: %s\n    global: %s\n    exportCondition: c%d-%s\n", id, yq(g.text(false)), globals[i], i, g.lowerDigits(5))
		if i+1 < nPlatforms && r.IntN(3) == 0 {
			// Only later platforms' globals: detection order stays acyclic.
			fmt.Fprintf(&b, "    alsoDefines: [%s]\n", globals[i+1+r.IntN(nPlatforms-i-1)])
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "    icon: https://example.com/%s.svg\n", g.word(6))
		}
		switch r.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "    denial:\n      codeField: errCode\n      codes: [%d, -1, 2147483647]\n", r.IntN(1000))
		case 1:
			b.WriteString("    denial:\n      message: 'fail.*auth den(y|ied)|\\x2a\\x2f'\n")
		}
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "    note: %s\n", yq(g.text(true)))
		}
	}
	b.WriteString("scopes:\n")
	for i := range nScopes {
		name := g.scopeName(i)
		fmt.Fprintf(&b, "  %s:\n    title: %s\n    description: %s\n", name, yq(g.text(false)), yq(g.text(true)))
		var apis []string
		for range r.IntN(4) {
			apis = append(apis, g.unique(func() string { return "api" + g.word(1+r.IntN(6)) + strconv.Itoa(r.IntN(1000)) }))
		}
		if len(apis) > 0 {
			fmt.Fprintf(&b, "    apis: [%s]\n", strings.Join(apis, ", "))
		}
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "    note: %s\n", yq(g.text(true)))
		}
		b.WriteString("    platforms:\n")
		for _, pi := range r.Perm(nPlatforms)[:1+r.IntN(nPlatforms)] {
			grant := model.Grants[r.IntN(len(model.Grants))]
			fmt.Fprintf(&b, "      %s:\n        native: %s\n        grant: %s\n", ids[pi], g.unique(func() string { return "n" + g.word(1+r.IntN(10)) + ".x_" + strconv.Itoa(i) }), grant)
			if r.IntN(4) != 0 {
				fmt.Fprintf(&b, "        settingKey: %s\n", g.unique(func() string { return "k" + g.word(1+r.IntN(10)) + strconv.Itoa(i) }))
			}
			// A probe is one of the scope's methods as this platform names it.
			probe := grant == model.GrantOnUse && len(apis) > 0 && r.IntN(2) == 0
			renamed := len(apis) > 0 && r.IntN(2) == 0
			if probe && renamed {
				fmt.Fprintf(&b, "        probe: native%s\n", apis[0])
			} else if probe {
				fmt.Fprintf(&b, "        probe: %s\n", apis[0])
			}
			if renamed {
				fmt.Fprintf(&b, "        apis: {%s: native%s}\n", apis[0], apis[0])
			}
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, "        note: %s\n", yq(g.text(true)))
			}
		}
	}
	return []byte(b.String())
}

type gen struct {
	r    *rand.Rand
	used map[string]bool
}

// unique draws from f until it gives a string not drawn before.
func (g *gen) unique(f func() string) string {
	for {
		s := f()
		if !g.used[s] {
			g.used[s] = true
			return s
		}
	}
}

// scopeName makes a universal name whose Go name is unique: every name
// carries its index, and Go names of scopes start with S while platform
// Go names start with H.
func (g *gen) scopeName(i int) string {
	switch g.r.IntN(4) {
	case 0: // as long as allowed
		base := "scope.s" + strconv.Itoa(i) + "x"
		return base + strings.Repeat("a", rules.MaxNameLength-len(base))
	case 1:
		return "s" + strconv.Itoa(i) + "_" + g.word(3) + "_" + g.lowerDigits(2)
	case 2:
		return "scope.s" + strconv.Itoa(i) + g.word(1+g.r.IntN(8)) + "." + g.word(2)
	}
	return "scope.s" + strconv.Itoa(i)
}

const letters = "abcdefghijklmnopqrstuvwxyz"

func (g *gen) word(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[g.r.IntN(len(letters))]
	}
	return string(b)
}

func (g *gen) lowerDigits(n int) string {
	const chars = letters + "0123456789"
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[g.r.IntN(len(chars))]
	}
	return string(b)
}

// text makes free text from hard pieces and words; multiline allows line
// breaks. It is never empty or blank.
func (g *gen) text(multiline bool) string {
	var b strings.Builder
	b.WriteString(g.word(1 + g.r.IntN(6)))
	for range g.r.IntN(8) {
		b.WriteByte(' ')
		if multiline && g.r.IntN(6) == 0 {
			b.WriteString(lineBreaks[g.r.IntN(len(lineBreaks))])
		}
		if g.r.IntN(2) == 0 {
			b.WriteString(hard[g.r.IntN(len(hard))])
		} else {
			b.WriteString(g.word(1 + g.r.IntN(8)))
		}
	}
	if g.r.IntN(20) == 0 {
		b.WriteString(strings.Repeat(" long", 400))
	}
	return b.String()
}

// yq quotes s as a YAML double-quoted scalar.
func yq(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\L`, "\u2029", `\P`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}
