package goemit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
)

// platformFile emits scope/platform.go: the Platform enum.
func platformFile(m *model.Model) *jen.File {
	f := newFile(scopePath(m), "scope", nil)
	declDoc(f, "Platform is a mini-program host. The zero value is invalid.").Type().Id("Platform").Uint8()
	defs := make([]jen.Code, 0, len(m.Platforms))
	for _, p := range m.Platforms {
		defs = append(defs, jen.Add(doc(
			fmt.Sprintf("%s is %q: %s, global %s, npm export condition %s.", p.GoName, p.ID, p.Title, p.Global, p.ExportCondition),
			p.Note,
		)).Id(p.GoName).Id("Platform").Op("=").Lit(p.Index))
	}
	f.Comment("// The platforms, in id order.")
	f.Const().Defs(defs...)
	f.Line()
	f.Comment("// platformCount is one more than the number of platforms: index 0 is the invalid Platform.")
	f.Const().Id("platformCount").Op("=").Lit(len(m.Platforms) + 1)

	ids := []jen.Code{jen.Lit("")}
	titles := []jen.Code{jen.Lit("")}
	globals := []jen.Code{jen.Lit("")}
	all := make([]jen.Code, 0, len(m.Platforms))
	e := &enumInfo{
		Type: "Platform", Recv: "p", Kind: "platform", Parser: "ParsePlatform", Table: "platformIDs",
		Doc: "ParsePlatform returns the platform whose id is id, such as \"wechat\". An unknown id is an *UnknownNameError that suggests the closest known one.",
	}
	for _, p := range m.Platforms {
		ids = append(ids, jen.Lit(p.ID))
		titles = append(titles, jen.Lit(p.Title))
		globals = append(globals, jen.Lit(p.Global))
		all = append(all, jen.Id(p.GoName))
		e.Names = append(e.Names, p.ID)
		e.GoNames = append(e.GoNames, p.GoName)
	}
	f.Var().Defs(
		jen.Id("platformIDs").Op("=").Index(jen.Id("platformCount")).String().Values(lines(ids)...),
		jen.Id("platformTitles").Op("=").Index(jen.Id("platformCount")).String().Values(lines(titles)...),
		jen.Id("platformGlobals").Op("=").Index(jen.Id("platformCount")).String().Values(lines(globals)...),
	)

	recv := jen.Id("p").Id("Platform")
	declDoc(f, "IsValid reports whether p is one of the manifest's platforms.").
		Func().Params(recv).Id("IsValid").Params().Bool().Block(
		jen.Return(jen.Id("p").Op(">").Lit(0).Op("&&").Int().Call(jen.Id("p")).Op("<").Id("platformCount")),
	)
	declDoc(f, "String returns the platform id, such as \"wechat\". An invalid Platform prints as Platform(N).").
		Func().Params(recv).Id("String").Params().String().Block(
		jen.If(jen.Id("p").Dot("IsValid").Call()).Block(jen.Return(jen.Id("platformIDs").Index(jen.Id("p")))),
		jen.Return(jen.Lit("Platform(").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("p"))).Op("+").Lit(")")),
	)
	for _, getter := range []struct{ name, table, what string }{
		{"Title", "platformTitles", "display name"},
		{"Global", "platformGlobals", "JavaScript global (wx, my, …)"},
	} {
		declDoc(f, fmt.Sprintf("%s returns the platform's %s; \"\" for an invalid Platform.", getter.name, getter.what)).
			Func().Params(recv).Id(getter.name).Params().String().Block(
			jen.If(jen.Id("p").Dot("IsValid").Call()).Block(jen.Return(jen.Id(getter.table).Index(jen.Id("p")))),
			jen.Return(jen.Lit("")),
		)
	}
	declDoc(f, "Scopes returns the scopes the platform supports, in name order.").
		Func().Params(recv).Id("Scopes").Params().Index().Id("Scope").Block(
		jen.Var().Id("out").Index().Id("Scope"),
		jen.For(jen.Id("s").Op(":=").Id("Scope").Call(jen.Lit(1)), jen.Int().Call(jen.Id("s")).Op("<").Id("scopeCount"), jen.Id("s").Op("++")).Block(
			jen.If(jen.Id("s").Dot("SupportedOn").Call(jen.Id("p"))).Block(jen.Id("out").Op("=").Append(jen.Id("out"), jen.Id("s"))),
		),
		jen.Return(jen.Id("out")),
	)
	textMethods(f, e)
	parseFunc(f, e)
	declDoc(f, "AllPlatforms returns every platform in id order. The slice is new on each call.").
		Func().Id("AllPlatforms").Params().Index().Id("Platform").Block(
		jen.Return(jen.Index().Id("Platform").Values(lines(all)...)),
	)
	return f
}

// grantFile emits scope/grant.go: the Grant enum, one constant per entry
// of model.GrantTable.
func grantFile(m *model.Model) *jen.File {
	f := newFile(scopePath(m), "scope", nil)
	declDoc(f, "Grant is how a platform grants a scope.").Type().Id("Grant").Uint8()
	defs := []jen.Code{jen.Add(doc("GrantUnsupported: the platform does not support the scope.")).Id("GrantUnsupported").Id("Grant").Op("=").Lit(0)}
	names := []jen.Code{jen.Lit("unsupported")}
	for i, info := range model.GrantTable {
		defs = append(defs, jen.Add(doc(info.Grant.GoName()+": "+info.Doc)).Id(info.Grant.GoName()).Id("Grant").Op("=").Lit(i+1))
		names = append(names, jen.Lit(string(info.Grant)))
	}
	f.Const().Defs(defs...)
	f.Var().Id("grantNames").Op("=").Index(jen.Op("...")).String().Values(lines(names)...)
	declDoc(f, "String returns the mechanism's name in the manifest, such as \"authorize\".").
		Func().Params(jen.Id("g").Id("Grant")).Id("String").Params().String().Block(
		jen.If(jen.Int().Call(jen.Id("g")).Op("<").Len(jen.Id("grantNames"))).Block(jen.Return(jen.Id("grantNames").Index(jen.Id("g")))),
		jen.Return(jen.Lit("Grant(").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("g"))).Op("+").Lit(")")),
	)
	return f
}
