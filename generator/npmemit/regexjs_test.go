package npmemit

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/rules"
)

// The literal jsRegex writes for a manifest pattern, through the model's
// JavaScript form.
func TestJSRegexLiteral(t *testing.T) {
	cases := []struct{ pattern, want string }{
		{`fail.*auth den(y|ied)`, `/fail.*auth den(y|ied)/u`},
		{`a/b`, `/a\/b/u`},
		{`</script>`, `/<\/script>/u`},
		{`[/.]x`, `/[\/.]x/u`},
		{`\.\[x\]`, `/\.\[x\]/u`},
		{`a\.b`, `/a\.b/u`},
		{`授权.拒绝`, `/\u{6388}\u{6743}.\u{62d2}\u{7edd}/u`},
		{`^x$|y+?`, `/^x$|y+?/u`},
	}
	for _, c := range cases {
		t.Run(c.pattern, func(t *testing.T) {
			_, js, problem := rules.PortableRegex(c.pattern)
			require.Nil(t, problem)
			assert.Equal(t, c.want, jsRegex(js))
		})
	}
}

// jsAnyChar must be the model's spelling of ".", or the literal would keep
// the class (correct, only longer).
func TestJSAnyCharIsTheModelsDot(t *testing.T) {
	_, js, problem := rules.PortableRegex(".")
	require.Nil(t, problem)
	assert.Equal(t, jsAnyChar, js)
}

// An escape of anything but printable ASCII falls back to RegExp(string).
func TestJSRegexFallback(t *testing.T) {
	assert.Equal(t, `/* @__PURE__ */ RegExp("a\\é", "u")`, jsRegex(`a\é`))
	assert.Equal(t, `/* @__PURE__ */ RegExp("a\\", "u")`, jsRegex(`a\`))
}

// The literal jsRegex writes matches what RegExp(the model's JavaScript
// form, "u") matches, in Node, on subjects around each rewrite ("." for the
// line-terminator class, "/", characters outside ASCII).
func TestJSRegexLiteralMatchesTheModelsForm(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not found")
	}
	patterns := []string{`fail.*auth den(y|ied)`, `:fail (NotAllowedError|PermissionDeniedError|PERMISSION_DENIED):`,
		`a/b`, `[/.]x`, `^.$`, `^..$`, `授权.拒绝`, `[^a-z]/.`, `x\.y|\(z\)`, `\d+\x2a\x2f`, `😀.`}
	subjects := []string{"", "a", "\n", "\r", "\u2028", "\u2029", "a/b", "/x", ".x", "ab", "😀", "😀a", "😀\n",
		"授权x拒绝", "授权\n拒绝", "x.y", "(z)", "12*/", "authorize:fail auth deny", "fail\rauth denied", "getUserMedia:fail NotAllowedError: no"}
	var b strings.Builder
	b.WriteString("const subjects = " + mustJSON(t, subjects) + ";\nconst out = [];\n")
	for _, pattern := range patterns {
		_, js, problem := rules.PortableRegex(pattern)
		require.Nil(t, problem, pattern)
		fmt.Fprintf(&b, "{ const literal = %s, built = new RegExp(%s, \"u\");\n", jsRegex(js), jsString(js))
		fmt.Fprintf(&b, "  for (const s of subjects) if (literal.test(s) !== built.test(s)) out.push([%s, s]); }\n", jsString(pattern))
	}
	b.WriteString("console.log(JSON.stringify(out));\n")
	cmd := exec.Command(node, "--input-type=module", "-e", b.String())
	got, err := cmd.Output()
	require.NoError(t, err, b.String())
	assert.Equal(t, "[]", strings.TrimSpace(string(got)), "patterns whose literal and RegExp forms disagree [pattern, subject]")
}

func mustJSON(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
