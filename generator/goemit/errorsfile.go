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
	f.Add(doc("UnknownNameError is returned by Parse and ParsePlatform for a name the manifest does not declare.")).
		Type().Id("UnknownNameError").Struct(
		jen.Id("Kind").String().Comment("// \"scope\" or \"platform\""),
		jen.Id("Name").String().Comment("// the name given"),
		jen.Id("Suggestion").String().Comment("// the closest known name, or \"\""),
	)
	f.Line()
	f.Add(doc("Error says which name is unknown and, when one is close, which known name was probably meant.")).
		Func().Params(jen.Id("e").Op("*").Id("UnknownNameError")).Id("Error").Params().String().Block(
		jen.Id("msg").Op(":=").Qual("fmt", "Sprintf").Call(jen.Lit("scope: unknown %s %q"), jen.Id("e").Dot("Kind"), jen.Id("e").Dot("Name")),
		jen.If(jen.Id("e").Dot("Suggestion").Op("!=").Lit("")).Block(
			jen.Id("msg").Op("+=").Qual("fmt", "Sprintf").Call(jen.Lit(" (did you mean %q?)"), jen.Id("e").Dot("Suggestion")),
		),
		jen.Return(jen.Id("msg")),
	)

	f.Add(doc("suggest returns the known name closest to name by edit distance, when it is close enough to be a typo.")).
		Func().Id("suggest").Params(jen.Id("name").String(), jen.Id("known").Index().String()).String().Block(
		jen.List(jen.Id("best"), jen.Id("bestDist")).Op(":=").List(jen.Lit(""), jen.Max(jen.Lit(2), jen.Len(jen.Index().Rune().Call(jen.Id("name"))).Op("/").Lit(3)).Op("+").Lit(1)),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("known")).Block(
			jen.If(jen.Id("d").Op(":=").Id("distance").Call(jen.Id("name"), jen.Id("k")), jen.Id("d").Op("<").Id("bestDist")).Block(
				jen.List(jen.Id("best"), jen.Id("bestDist")).Op("=").List(jen.Id("k"), jen.Id("d")),
			),
		),
		jen.Return(jen.Id("best")),
	)

	f.Add(doc("distance is the Levenshtein distance between a and b.")).
		Func().Id("distance").Params(jen.List(jen.Id("a"), jen.Id("b")).String()).Int().Block(
		jen.List(jen.Id("ra"), jen.Id("rb")).Op(":=").List(jen.Index().Rune().Call(jen.Id("a")), jen.Index().Rune().Call(jen.Id("b"))),
		jen.Id("prev").Op(":=").Make(jen.Index().Int(), jen.Len(jen.Id("rb")).Op("+").Lit(1)),
		jen.Id("cur").Op(":=").Make(jen.Index().Int(), jen.Len(jen.Id("rb")).Op("+").Lit(1)),
		jen.For(jen.Id("j").Op(":=").Range().Id("prev")).Block(jen.Id("prev").Index(jen.Id("j")).Op("=").Id("j")),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<=").Len(jen.Id("ra")), jen.Id("i").Op("++")).Block(
			jen.Id("cur").Index(jen.Lit(0)).Op("=").Id("i"),
			jen.For(jen.Id("j").Op(":=").Lit(1), jen.Id("j").Op("<=").Len(jen.Id("rb")), jen.Id("j").Op("++")).Block(
				jen.Id("cost").Op(":=").Lit(1),
				jen.If(jen.Id("ra").Index(jen.Id("i").Op("-").Lit(1)).Op("==").Id("rb").Index(jen.Id("j").Op("-").Lit(1))).Block(jen.Id("cost").Op("=").Lit(0)),
				jen.Id("cur").Index(jen.Id("j")).Op("=").Min(
					jen.Id("prev").Index(jen.Id("j")).Op("+").Lit(1),
					jen.Id("cur").Index(jen.Id("j").Op("-").Lit(1)).Op("+").Lit(1),
					jen.Id("prev").Index(jen.Id("j").Op("-").Lit(1)).Op("+").Id("cost"),
				),
			),
			jen.List(jen.Id("prev"), jen.Id("cur")).Op("=").List(jen.Id("cur"), jen.Id("prev")),
		),
		jen.Return(jen.Id("prev").Index(jen.Len(jen.Id("rb")))),
	)
	return f
}
