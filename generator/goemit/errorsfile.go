package goemit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// errorsFile emits scope/errors.go: UnknownNameError and the did-you-mean
// search that Parse and ParsePlatform share. It only runs on the error
// path, so it favours clarity over speed.
func errorsFile(m *model.Model) *jen.File {
	f := newFile(scopePath(m), "scope", nil)
	declDoc(f, "UnknownNameError is returned by Parse and ParsePlatform for a name the manifest does not declare.").
		Type().Id("UnknownNameError").Struct(
		jen.Id("Kind").String().Comment("// \"scope\" or \"platform\""),
		jen.Id("Name").String().Comment("// the name given"),
		jen.Id("Suggestion").String().Comment("// the closest known name, or \"\""),
	)
	f.Line()
	declDoc(f, "Error says which name is unknown and, when one is close, which known name was probably meant.").
		Func().Params(jen.Id("e").Op("*").Id("UnknownNameError")).Id("Error").Params().String().Block(
		jen.Id("msg").Op(":=").Qual("fmt", "Sprintf").Call(jen.Lit("scope: unknown %s %s"), jen.Id("e").Dot("Kind"), jen.Id("quoteName").Call(jen.Id("e").Dot("Name"))),
		jen.If(jen.Id("e").Dot("Suggestion").Op("!=").Lit("")).Block(
			jen.Id("msg").Op("+=").Qual("fmt", "Sprintf").Call(jen.Lit(" (did you mean %q?)"), jen.Id("e").Dot("Suggestion")),
		),
		jen.Return(jen.Id("msg")),
	)

	missHelpers(f, m)
	scannedMessage(f)
	return f
}

// scannedMessage emits MaxMessageScan (rules.MaxMessageScan) and
// ScannedMessage, the prefix of a host's message that every platform
// package's IsDenial and ClassifyPrivacy match, as the JS runtime's
// message() does (core.js.tmpl renders the same constant).
func scannedMessage(f *jen.File) {
	f.Line()
	declDoc(f, fmt.Sprintf("MaxMessageScan is how much of a host's error message IsDenial and ClassifyPrivacy read, in UTF-16 code units (JavaScript's string length), as the JavaScript runtime does: a megabyte message costs the patterns no more than one of %d code units.", rules.MaxMessageScan)).
		Const().Id("MaxMessageScan").Op("=").Lit(rules.MaxMessageScan)
	f.Line()
	declDoc(f, "ScannedMessage returns the part of errMsg the denial and privacy patterns are matched against: its first MaxMessageScan UTF-16 code units, without cutting a character (one the bound would cut, a surrogate pair in JavaScript, is left out whole).").
		Func().Id("ScannedMessage").Params(jen.Id("errMsg").String()).String().Block(
		jen.Id("units").Op(":=").Lit(0),
		jen.For(jen.List(jen.Id("i"), jen.Id("r")).Op(":=").Range().Id("errMsg")).Block(
			jen.Id("units").Op("++"),
			jen.If(jen.Id("r").Op(">").LitRune(0xFFFF)).Block(jen.Id("units").Op("++")),
			jen.If(jen.Id("units").Op(">").Id("MaxMessageScan")).Block(jen.Return(jen.Id("errMsg").Index(jen.Empty(), jen.Id("i")))),
		),
		jen.Return(jen.Id("errMsg")),
	)
}
