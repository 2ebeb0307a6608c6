package goemit

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
)

// privacyFile emits platform/<id>/privacy.go for a host with a privacy
// gate: the PrivacyFailure type and ClassifyPrivacy, IsDenial's sibling,
// deciding in the order model.PrivacyGate.Failures documents (the JS
// runtime follows the same order).
func privacyFile(m *model.Model, p *model.Platform) *jen.File {
	f := newFile(platformPath(m, p), p.ID, map[string]string{"regexp": "regexp", scopePath(m): "scope"})
	g := p.Privacy

	declDoc(f, fmt.Sprintf("PrivacyFailure is how %s's privacy-agreement gate refused a call, as ClassifyPrivacy reads a fail callback. String is the runtime's errCode.", p.Title)).
		Type().Id("PrivacyFailure").Int()
	consts := []jen.Code{
		jen.Add(doc("PrivacyNone: not a privacy failure (the denial test decides next).")).Id("PrivacyNone").Id("PrivacyFailure").Op("=").Iota(),
	}
	names := []jen.Code{jen.Lit("")}
	for _, o := range model.PrivacyOutcomes {
		consts = append(consts, jen.Add(doc(outcomeDoc(o))).Id(o.GoName()))
		names = append(names, jen.Lit(o.ErrCode()))
	}
	f.Const().Defs(consts...)
	f.Var().Id("privacyErrCodes").Op("=").Index(jen.Lit(len(names))).String().Values(lines(names)...)
	declDoc(f, "String returns the runtime's errCode (PRIVACY_NOT_AGREED, …), or \"\" for PrivacyNone and invalid values.").
		Func().Params(jen.Id("f").Id("PrivacyFailure")).Id("String").Params().String().Block(
		jen.If(jen.Id("f").Op(">=").Lit(0).Op("&&").Int().Call(jen.Id("f")).Op("<").Len(jen.Id("privacyErrCodes"))).Block(
			jen.Return(jen.Id("privacyErrCodes").Index(jen.Id("f"))),
		),
		jen.Return(jen.Lit("")),
	)

	var body []jen.Code
	for _, fail := range g.Failures {
		if fail.Message == "" {
			continue
		}
		name := "privacy" + strings.TrimPrefix(fail.Outcome.GoName(), "Privacy") + "Message"
		f.Var().Id(name).Op("=").Qual("regexp", "MustCompile").Call(jen.Lit(fail.MessageGo))
		body = append(body, jen.If(jen.Id(name).Dot("MatchString").Call(jen.Id("errMsg"))).Block(jen.Return(jen.Id(fail.Outcome.GoName()))))
	}
	var cases []jen.Code
	for _, fail := range g.Failures {
		if len(fail.Codes) == 0 {
			continue
		}
		codes := make([]jen.Code, len(fail.Codes))
		for i, c := range fail.Codes {
			codes[i] = jen.Lit(c)
		}
		cases = append(cases, jen.Case(codes...).Block(jen.Return(jen.Id(fail.Outcome.GoName()))))
	}
	if len(cases) > 0 {
		if p.Denial.Message != "" {
			body = append(body, jen.If(jen.Id("denialMessage").Dot("MatchString").Call(jen.Id("errMsg"))).Block(jen.Return(jen.Id("PrivacyNone"))))
		}
		body = append(body, jen.Switch(jen.Id("code")).Block(cases...))
	}
	body = append(body, jen.Return(jen.Id("PrivacyNone")))
	if slices.ContainsFunc(g.Failures, func(f *model.PrivacyFailure) bool { return f.Message != "" }) || len(cases) > 0 && p.Denial.Message != "" {
		// The patterns read what the JS runtime's message() reads.
		body = append([]jen.Code{jen.Id("errMsg").Op("=").Qual(scopePath(m), "ScannedMessage").Call(jen.Id("errMsg"))}, body...)
	}
	params := jen.Id("code").Int()
	if len(cases) == 0 {
		params = jen.Id("_").Int()
	}
	declDoc(f,
		fmt.Sprintf("ClassifyPrivacy reports whether a failed %s call was refused by the privacy-agreement gate, and how, the way the JavaScript runtime decides it before its denial test: code is the fail object's %s field (0 when it has none) and errMsg its message.", p.Title, cmp.Or(g.CodeField, "numeric code")),
		"A message pattern is tried first, for every outcome; then a message that reads as a denial is no privacy failure; only then are codes looked at, because a host's codes can be overloaded (the manifest's notes say which are left out and why).",
		privacySummary(p),
	).Func().Id("ClassifyPrivacy").Params(params, jen.Id("errMsg").String()).Id("PrivacyFailure").Block(body...)
	return f
}

func outcomeDoc(o model.PrivacyOutcome) string {
	switch o {
	case model.PrivacyNotAgreed:
		return "PrivacyNotAgreed: the user has not agreed to the privacy guide, or refused it. Show it (requirePrivacy) and call again."
	case model.PrivacyNotDeclared:
		return "PrivacyNotDeclared: the privacy guide in the host's console, or app.json's requiredPrivateInfos, does not declare the API. Declare it; nothing at run time helps."
	case model.PrivacyBanned:
		return "PrivacyBanned: the host has banned the app's privacy use or the app has no privacy guide. Settle it in the host's console."
	}
	return string(o)
}

func privacySummary(p *model.Platform) string {
	var parts []string
	for _, fail := range p.Privacy.Failures {
		var how []string
		if fail.Message != "" {
			how = append(how, "errMsg matches "+fail.Message)
		}
		if len(fail.Codes) > 0 {
			codes := make([]string, len(fail.Codes))
			for i, c := range fail.Codes {
				codes[i] = fmt.Sprint(c)
			}
			how = append(how, p.Privacy.CodeField+" is one of "+strings.Join(codes, ", "))
		}
		parts = append(parts, fail.Outcome.ErrCode()+": "+strings.Join(how, ", or "))
	}
	if len(parts) == 0 {
		return fmt.Sprintf("The manifest records no privacy failure text for %s, so every call is PrivacyNone.", p.Title)
	}
	return strings.Join(parts, "; ") + "."
}
