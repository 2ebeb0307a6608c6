package load

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
)

// The manifest is read with YAML 1.2 core-schema semantics where yaml.v3
// keeps YAML 1.1 ones.

var bom = []byte("\uFEFF")

// yamlDirective is a %YAML directive yaml.v3 refuses for 1.2 although it
// reads the document as well as any.
// Lines end in \n or \r\n, as everywhere in the manifest.
var yamlDirective = regexp.MustCompile(`(?m)\A((?:#[^\r\n]*\r?\n|[ \t]*\r?\n)*)%(YAML[ \t]+1\.[12][ \t]*(?:#[^\r\n]*)?\r?\n)`)

// prepare returns data ready for yaml.v3: a %YAML 1.1 or 1.2 directive
// becomes a comment of the same length (positions do not move). A second
// byte-order mark after the first is reported: it would be read as part
// of the first key.
func prepare(file string, data []byte) ([]byte, *diag.Diagnostic) {
	rest := bytes.TrimPrefix(data, bom)
	if bytes.HasPrefix(rest, bom) {
		d := diag.At(file, diag.Pos{Line: 1, Column: 1}, diag.InvalidEncoding, "manifest starts with two byte-order marks (U+FEFF): save it as UTF-8 with at most one")
		return nil, &d
	}
	// The directive is looked for after the byte-order mark, which the
	// pattern's \A would otherwise stop at.
	if loc := yamlDirective.FindSubmatchIndex(rest); loc != nil {
		data = bytes.Clone(data)
		data[len(data)-len(rest)+loc[3]] = '#' // the '%' right after the leading comments
	}
	return data, nil
}

// yaml12Int matches the integers of the YAML 1.2 core schema: decimal
// (a leading zero does not make it octal), 0o octal and 0x hexadecimal.
var yaml12Int = regexp.MustCompile(`^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$`)

// parseInt reads a plain scalar as a YAML 1.2 integer: "017" is 17 (YAML
// 1.1 read it as octal 15, and yaml.v3 still does), "09" is 9 (yaml.v3
// calls it a float). ok is false for anything else.
func parseInt(n *yaml.Node) (v int64, isInt bool, err error) {
	if n.Kind != yaml.ScalarNode || n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return 0, false, nil
	}
	if tag := n.ShortTag(); tag != "!!int" && tag != "!!float" {
		return 0, false, nil
	}
	s := n.Value
	if !yaml12Int.MatchString(s) {
		return 0, false, nil
	}
	switch {
	case strings.HasPrefix(s, "0o"):
		v, err = strconv.ParseInt(s[2:], 8, 32)
	case strings.HasPrefix(s, "0x"):
		v, err = strconv.ParseInt(s[2:], 16, 32)
	default:
		v, err = strconv.ParseInt(s, 10, 32)
	}
	return v, true, err
}

// tagFits reports whether an explicit tag suits the node it is on: !!map
// only on a mapping, !!seq only on a list, scalar tags only on scalars.
func tagFits(n *yaml.Node) bool {
	switch n.ShortTag() {
	case "!!map":
		return n.Kind == yaml.MappingNode
	case "!!seq":
		return n.Kind == yaml.SequenceNode
	default:
		return n.Kind == yaml.ScalarNode
	}
}
