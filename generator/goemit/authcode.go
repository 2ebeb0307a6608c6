package goemit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
)

// hasAuthCode reports whether any scope uses p's getAuthCode.
func hasAuthCode(p *model.Platform) bool {
	for _, sup := range p.Scopes {
		if sup.Grant == model.GrantAuthCode {
			return true
		}
	}
	return false
}

// authCodeFile emits platform/<id>/authcode.go: a decoder of the
// getAuthCode success result a mini-program posts to its server, in
// universal scopes, so the server never handles native names.
func authCodeFile(m *model.Model, p *model.Platform) *jen.File {
	scopePkg := scopePath(m)
	q := func(name string) *jen.Statement { return jen.Qual(scopePkg, name) }
	f := newFile(platformPath(m, p), p.ID, map[string]string{scopePkg: "scope", "encoding/json": "json"})

	declDoc(f, fmt.Sprintf("AuthCodeResult is %s's getAuthCode success result in universal scopes.", p.Title)).
		Type().Id("AuthCodeResult").Struct(
		jen.Add(doc("AuthCode is the one-time code the server exchanges (Alipay: alipay.system.oauth.token).")).Id("AuthCode").String(),
		jen.Add(doc("Granted lists the scopes the user granted, from authSuccessScopes.")).Id("Granted").Index().Add(q("Scope")),
		jen.Add(doc("Failed maps each scope that was not granted to its error code, from authErrorScopes.")).Id("Failed").Map(q("Scope")).String(),
		jen.Add(doc("UnknownGranted and UnknownFailed keep native scope names the manifest does not map, so nothing is dropped silently.")).Id("UnknownGranted").Index().String(),
		jen.Id("UnknownFailed").Map(jen.String()).String(),
	)

	declDoc(f,
		fmt.Sprintf("ParseAuthCodeResult decodes the JSON of %s's getAuthCode success result, {authCode, authSuccessScopes, authErrorScopes}, as the mini-program posts it.", p.Title),
		"Error codes in authErrorScopes may be strings or numbers; both are kept as text.",
	).Func().Id("ParseAuthCodeResult").Params(jen.Id("data").Index().Byte()).Params(jen.Id("AuthCodeResult"), jen.Error()).Block(
		jen.Var().Id("raw").Struct(
			jen.Id("AuthCode").String().Tag(map[string]string{"json": "authCode"}),
			jen.Id("AuthSuccessScopes").Index().String().Tag(map[string]string{"json": "authSuccessScopes"}),
			jen.Id("AuthErrorScopes").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(map[string]string{"json": "authErrorScopes"}),
		),
		jen.If(jen.Err().Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("raw")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("AuthCodeResult").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit(p.ID+": decoding getAuthCode result: %w"), jen.Err())),
		),
		jen.Id("out").Op(":=").Id("AuthCodeResult").Values(jen.Dict{jen.Id("AuthCode"): jen.Id("raw").Dot("AuthCode")}),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("raw").Dot("AuthSuccessScopes")).Block(
			jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("FromNative").Call(jen.Id("name")), jen.Id("ok")).Block(
				jen.Id("out").Dot("Granted").Op("=").Append(jen.Id("out").Dot("Granted"), jen.Id("s")),
			).Else().Block(
				jen.Id("out").Dot("UnknownGranted").Op("=").Append(jen.Id("out").Dot("UnknownGranted"), jen.Id("name")),
			),
		),
		jen.For(jen.List(jen.Id("name"), jen.Id("code")).Op(":=").Range().Id("raw").Dot("AuthErrorScopes")).Block(
			jen.Id("text").Op(":=").String().Call(jen.Id("code")),
			jen.Var().Id("str").String(),
			jen.If(jen.Qual("encoding/json", "Unmarshal").Call(jen.Id("code"), jen.Op("&").Id("str")).Op("==").Nil()).Block(jen.Id("text").Op("=").Id("str")),
			jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("FromNative").Call(jen.Id("name")), jen.Id("ok")).Block(
				jen.If(jen.Id("out").Dot("Failed").Op("==").Nil()).Block(jen.Id("out").Dot("Failed").Op("=").Map(q("Scope")).String().Values()),
				jen.Id("out").Dot("Failed").Index(jen.Id("s")).Op("=").Id("text"),
			).Else().Block(
				jen.If(jen.Id("out").Dot("UnknownFailed").Op("==").Nil()).Block(jen.Id("out").Dot("UnknownFailed").Op("=").Map(jen.String()).String().Values()),
				jen.Id("out").Dot("UnknownFailed").Index(jen.Id("name")).Op("=").Id("text"),
			),
		),
		jen.Return(jen.Id("out"), jen.Nil()),
	)
	return f
}
