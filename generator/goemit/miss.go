package goemit

import (
	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
)

// quotedPrefix is how many bytes of an unknown name an error message
// quotes: a service echoing a 50 MB query parameter must not build a 50 MB
// message.
const quotedPrefix = 64

// suggestSlack is how many bytes longer than the longest known name an
// input may be and still get a suggestion (a typo that adds characters).
const suggestSlack = 2

// longestName is the byte length of the longest scope name or platform id.
func longestName(m *model.Model) int {
	n := 0
	for _, s := range m.Scopes {
		n = max(n, len(s.Name))
	}
	for _, p := range m.Platforms {
		n = max(n, len(p.ID))
	}
	return n
}

// missHelpers emits what the miss path of Parse and ParsePlatform uses:
// quoteName, which quotes a bounded prefix, and suggest with a banded
// edit distance. An input longer than every known name (plus
// suggestSlack) gets no suggestion and costs a length compare, so a miss
// costs about what a hit costs however long the input.
func missHelpers(f *jen.File, m *model.Model) {
	f.Comment("// longestName is the byte length of the longest known name; a longer input gets no suggestion.")
	f.Const().Id("longestName").Op("=").Lit(longestName(m))
	f.Line()
	declDoc(f, "quoteName quotes name for a message, cut to its first bytes when long.").
		Func().Id("quoteName").Params(jen.Id("name").String()).String().Block(
		jen.If(jen.Len(jen.Id("name")).Op("<=").Lit(quotedPrefix)).Block(jen.Return(jen.Qual("strconv", "Quote").Call(jen.Id("name")))),
		jen.Id("cut").Op(":=").Lit(quotedPrefix),
		jen.For(jen.Id("cut").Op(">").Lit(0).Op("&&").Op("!").Qual("unicode/utf8", "RuneStart").Call(jen.Id("name").Index(jen.Id("cut")))).Block(jen.Id("cut").Op("--")),
		jen.Return(jen.Qual("fmt", "Sprintf").Call(jen.Lit("%q… (%d bytes)"), jen.Id("name").Index(jen.Empty(), jen.Id("cut")), jen.Len(jen.Id("name")))),
	)
	declDoc(f, "suggest returns the known name closest to name by edit distance, when it is close enough to be a typo.").
		Func().Id("suggest").Params(jen.Id("name").String(), jen.Id("known").Index().String()).String().Block(
		jen.If(jen.Len(jen.Id("name")).Op(">").Id("longestName").Op("+").Lit(suggestSlack)).Block(jen.Return(jen.Lit(""))),
		jen.Id("limit").Op(":=").Max(jen.Lit(2), jen.Qual("unicode/utf8", "RuneCountInString").Call(jen.Id("name")).Op("/").Lit(3)),
		jen.List(jen.Id("best"), jen.Id("bestDist")).Op(":=").List(jen.Lit(""), jen.Id("limit").Op("+").Lit(1)),
		jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Id("known")).Block(
			jen.If(jen.Id("d").Op(":=").Id("distance").Call(jen.Id("name"), jen.Id("k"), jen.Id("bestDist").Op("-").Lit(1)), jen.Id("d").Op("<").Id("bestDist")).Block(
				jen.List(jen.Id("best"), jen.Id("bestDist")).Op("=").List(jen.Id("k"), jen.Id("d")),
			),
		),
		jen.Return(jen.Id("best")),
	)
	declDoc(f, "distance is the Levenshtein distance between a and b, or limit+1 once it must exceed limit.").
		Func().Id("distance").Params(jen.List(jen.Id("a"), jen.Id("b")).String(), jen.Id("limit").Int()).Int().Block(
		jen.List(jen.Id("ra"), jen.Id("rb")).Op(":=").List(jen.Index().Rune().Call(jen.Id("a")), jen.Index().Rune().Call(jen.Id("b"))),
		jen.If(jen.Id("d").Op(":=").Len(jen.Id("ra")).Op("-").Len(jen.Id("rb")), jen.Id("d").Op(">").Id("limit").Op("||").Op("-").Id("d").Op(">").Id("limit")).Block(jen.Return(jen.Id("limit").Op("+").Lit(1))),
		jen.Id("prev").Op(":=").Make(jen.Index().Int(), jen.Len(jen.Id("rb")).Op("+").Lit(1)),
		jen.Id("cur").Op(":=").Make(jen.Index().Int(), jen.Len(jen.Id("rb")).Op("+").Lit(1)),
		jen.For(jen.Id("j").Op(":=").Range().Id("prev")).Block(jen.Id("prev").Index(jen.Id("j")).Op("=").Id("j")),
		jen.For(jen.Id("i").Op(":=").Lit(1), jen.Id("i").Op("<=").Len(jen.Id("ra")), jen.Id("i").Op("++")).Block(
			jen.Id("cur").Index(jen.Lit(0)).Op("=").Id("i"),
			jen.Id("rowMin").Op(":=").Id("i"),
			jen.For(jen.Id("j").Op(":=").Lit(1), jen.Id("j").Op("<=").Len(jen.Id("rb")), jen.Id("j").Op("++")).Block(
				jen.Id("cost").Op(":=").Lit(1),
				jen.If(jen.Id("ra").Index(jen.Id("i").Op("-").Lit(1)).Op("==").Id("rb").Index(jen.Id("j").Op("-").Lit(1))).Block(jen.Id("cost").Op("=").Lit(0)),
				jen.Id("cur").Index(jen.Id("j")).Op("=").Min(
					jen.Id("prev").Index(jen.Id("j")).Op("+").Lit(1),
					jen.Id("cur").Index(jen.Id("j").Op("-").Lit(1)).Op("+").Lit(1),
					jen.Id("prev").Index(jen.Id("j").Op("-").Lit(1)).Op("+").Id("cost"),
				),
				jen.Id("rowMin").Op("=").Min(jen.Id("rowMin"), jen.Id("cur").Index(jen.Id("j"))),
			),
			jen.If(jen.Id("rowMin").Op(">").Id("limit")).Block(jen.Return(jen.Id("limit").Op("+").Lit(1))),
			jen.List(jen.Id("prev"), jen.Id("cur")).Op("=").List(jen.Id("cur"), jen.Id("prev")),
		),
		jen.Return(jen.Id("prev").Index(jen.Len(jen.Id("rb")))),
	)
}
