package npmemit

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// jsAnyChar is how the model's JavaScript form spells the portable "."
// (rules.PortableRegex): every character but the four line terminators,
// which is exactly what "." means to JavaScript, so the literal writes ".".
const jsAnyChar = `[^\n\r\u2028\u2029]`

// jsRegex renders a pattern in the model's JavaScript form (portable
// dialect) as a regular-expression literal with the "u" flag: "/" escaped,
// every character outside printable ASCII written as \u{…}, and jsAnyChar
// written as ".". A pattern with an escape of anything but printable ASCII
// (which the dialect never produces) is written as RegExp(string, "u").
func jsRegex(pattern string) string {
	var b strings.Builder
	b.WriteByte('/')
	inClass := false
	for i := 0; i < len(pattern); {
		r, size := utf8.DecodeRuneInString(pattern[i:])
		switch {
		case r == '\\':
			next, n := utf8.DecodeRuneInString(pattern[i+1:])
			if n == 0 || next < 0x20 || next > 0x7e {
				return fmt.Sprintf("/* @__PURE__ */ RegExp(%s, \"u\")", jsString(pattern))
			}
			b.WriteString(pattern[i : i+1+n])
			i += 1 + n
			continue
		case !inClass && strings.HasPrefix(pattern[i:], jsAnyChar):
			b.WriteByte('.')
			i += len(jsAnyChar)
			continue
		case r == '[' && !inClass:
			inClass = true
			b.WriteByte('[')
		case r == ']' && inClass:
			inClass = false
			b.WriteByte(']')
		case r == '/':
			b.WriteString(`\/`)
		case r < 0x20 || r > 0x7e:
			fmt.Fprintf(&b, `\u{%x}`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	b.WriteString("/u")
	return b.String()
}
