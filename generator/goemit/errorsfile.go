package goemit

import (
	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
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
	return f
}
