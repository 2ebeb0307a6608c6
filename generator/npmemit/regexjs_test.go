package npmemit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/model"
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
			_, js, problem := model.PortableRegex(c.pattern)
			require.Nil(t, problem)
			assert.Equal(t, c.want, jsRegex(js))
		})
	}
}

// jsAnyChar must be the model's spelling of ".", or the literal would keep
// the class (correct, only longer).
func TestJSAnyCharIsTheModelsDot(t *testing.T) {
	_, js, problem := model.PortableRegex(".")
	require.Nil(t, problem)
	assert.Equal(t, jsAnyChar, js)
}

// An escape of anything but printable ASCII falls back to RegExp(string).
func TestJSRegexFallback(t *testing.T) {
	assert.Equal(t, `/* @__PURE__ */ RegExp("a\\é", "u")`, jsRegex(`a\é`))
	assert.Equal(t, `/* @__PURE__ */ RegExp("a\\", "u")`, jsRegex(`a\`))
}
