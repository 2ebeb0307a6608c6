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
//
// One contract with the JS runtime (templates/npm/runtime.js.tmpl
// authCodeResult): the decoder reads the host's own result and the
// runtime's result (universal names) alike, so that decoding a result and
// decoding what the runtime made of it always agree. Names are universal
// or native; authSuccessScopes is a list (its strings count) or one
// string; authErrorScopes is an object (an array counts by index) whose
// repeated or same-scope keys resolve as JavaScript's do (the last value
// in Object.keys order wins); a code is a string, or a number written as
// JavaScript writes it; any other value is none. Any JSON that is not an
// object is an empty result.
func authCodeFile(m *model.Model, p *model.Platform) *jen.File {
	scopePkg := scopePath(m)
	q := func(name string) *jen.Statement { return jen.Qual(scopePkg, name) }
	f := newFile(platformPath(m, p), p.ID, map[string]string{scopePkg: "scope", "encoding/json": "json"})
	js := func(name string) *jen.Statement { return jen.Qual("encoding/json", name) }
	raw := func() *jen.Statement { return js("RawMessage") }
	fail := func() *jen.Statement { return jen.Return(jen.Lit(""), jen.False()) }

	declDoc(f, fmt.Sprintf("AuthCodeResult is %s's getAuthCode success result in universal scopes.", p.Title)).
		Type().Id("AuthCodeResult").Struct(
		jen.Add(doc("AuthCode is the one-time code the server exchanges (Alipay: alipay.system.oauth.token).")).Id("AuthCode").String(),
		jen.Add(doc("Granted lists the scopes the user granted, from authSuccessScopes.")).Id("Granted").Index().Add(q("Scope")),
		jen.Add(doc("Failed maps each scope that was not granted to its error code, from authErrorScopes.")).Id("Failed").Map(q("Scope")).String(),
		jen.Add(doc("UnknownGranted and UnknownFailed keep scope names the manifest does not map, so nothing is dropped silently.")).Id("UnknownGranted").Index().String(),
		jen.Id("UnknownFailed").Map(jen.String()).String(),
	)

	declDoc(f,
		fmt.Sprintf("ParseAuthCodeResult decodes the JSON of %s's getAuthCode success result, {authCode, authSuccessScopes, authErrorScopes}, as the mini-program posts it: the host's own result, or the result of the npm runtime's authorize (universal names), which decode the same.", p.Title),
		"authSuccessScopes may be one name; error codes may be strings or numbers, both kept as text. Anything else the JavaScript runtime passes on (a non-string name or code, a result that is no object) is read as none; only text that is not JSON is an error.",
	).Func().Id("ParseAuthCodeResult").Params(jen.Id("data").Index().Byte()).Params(jen.Id("AuthCodeResult"), jen.Error()).Block(
		jen.Comment("Checked as text only: JSON.parse takes a number no float64 holds too."),
		jen.If(jen.Err().Op(":=").Add(js("Unmarshal")).Call(jen.Id("data"), jen.New(raw())), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Id("AuthCodeResult").Values(), jen.Qual("fmt", "Errorf").Call(jen.Lit(p.ID+": decoding getAuthCode result: %w"), jen.Err())),
		),
		jen.Comment("A repeated field keeps its last value, as in JSON.parse."),
		jen.Var().Id("fields").Map(jen.String()).Add(raw()),
		jen.If(js("Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("fields")).Op("!=").Nil()).Block(
			jen.Return(jen.Id("AuthCodeResult").Values(), jen.Nil()),
		),
		jen.Var().Id("out").Id("AuthCodeResult"),
		jen.List(jen.Id("out").Dot("AuthCode"), jen.Id("_")).Op("=").Id("codeText").Call(jen.Id("fields").Index(jen.Lit("authCode"))),
		jen.Var().Id("names").Index().Add(raw()),
		jen.If(js("Unmarshal").Call(jen.Id("fields").Index(jen.Lit("authSuccessScopes")), jen.Op("&").Id("names")).Op("!=").Nil()).Block(
			jen.Id("names").Op("=").Index().Add(raw()).Values(jen.Id("fields").Index(jen.Lit("authSuccessScopes"))),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("item")).Op(":=").Range().Id("names")).Block(
			jen.List(jen.Id("name"), jen.Id("ok")).Op(":=").Id("jsonString").Call(jen.Id("item")),
			jen.If(jen.Op("!").Id("ok")).Block(jen.Continue()),
			jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("fromName").Call(jen.Id("name")), jen.Id("ok")).Block(
				jen.Id("out").Dot("Granted").Op("=").Append(jen.Id("out").Dot("Granted"), jen.Id("s")),
			).Else().Block(
				jen.Id("out").Dot("UnknownGranted").Op("=").Append(jen.Id("out").Dot("UnknownGranted"), jen.Id("name")),
			),
		),
		jen.Comment("Each scope takes the last value in key order, whatever it is; only then"),
		jen.Comment("are the values that are no code left out (as the runtime overwrites first)."),
		jen.List(jen.Id("keys"), jen.Id("values")).Op(":=").Id("members").Call(jen.Id("fields").Index(jen.Lit("authErrorScopes"))),
		jen.Id("known").Op(":=").Map(q("Scope")).Add(raw()).Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("key")).Op(":=").Range().Id("keys")).Block(
			jen.If(jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("fromName").Call(jen.Id("key")), jen.Id("ok")).Block(
				jen.Id("known").Index(jen.Id("s")).Op("=").Id("values").Index(jen.Id("key")),
			).Else().If(jen.List(jen.Id("text"), jen.Id("ok")).Op(":=").Id("codeText").Call(jen.Id("values").Index(jen.Id("key"))), jen.Id("ok")).Block(
				jen.If(jen.Id("out").Dot("UnknownFailed").Op("==").Nil()).Block(jen.Id("out").Dot("UnknownFailed").Op("=").Map(jen.String()).String().Values()),
				jen.Id("out").Dot("UnknownFailed").Index(jen.Id("key")).Op("=").Id("text"),
			),
		),
		jen.For(jen.List(jen.Id("s"), jen.Id("value")).Op(":=").Range().Id("known")).Block(
			jen.If(jen.List(jen.Id("text"), jen.Id("ok")).Op(":=").Id("codeText").Call(jen.Id("value")), jen.Id("ok")).Block(
				jen.If(jen.Id("out").Dot("Failed").Op("==").Nil()).Block(jen.Id("out").Dot("Failed").Op("=").Map(q("Scope")).String().Values()),
				jen.Id("out").Dot("Failed").Index(jen.Id("s")).Op("=").Id("text"),
			),
		),
		jen.Return(jen.Id("out"), jen.Nil()),
	)

	declDoc(f, fmt.Sprintf("fromName reads a scope name in a getAuthCode result: a universal name of a scope %s supports, else a native one.", p.Title)).
		Func().Id("fromName").Params(jen.Id("name").String()).Params(q("Scope"), jen.Bool()).Block(
		jen.If(jen.List(jen.Id("s"), jen.Err()).Op(":=").Add(q("Parse")).Call(jen.Id("name")), jen.Err().Op("==").Nil().Op("&&").Id("s").Dot("SupportedOn").Call(q(p.GoName))).Block(
			jen.Return(jen.Id("s"), jen.True()),
		),
		jen.Return(jen.Id("FromNative").Call(jen.Id("name"))),
	)

	declDoc(f, "jsonString is raw as a string; false for any other JSON value.").
		Func().Id("jsonString").Params(jen.Id("raw").Add(raw())).Params(jen.String(), jen.Bool()).Block(
		jen.Var().Id("v").Any(),
		jen.If(js("Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("v")).Op("!=").Nil()).Block(fail()),
		jen.List(jen.Id("s"), jen.Id("ok")).Op(":=").Id("v").Assert(jen.String()),
		jen.Return(jen.Id("s"), jen.Id("ok")),
	)

	declDoc(f, "codeText is a code as text: a string, or a number as JavaScript writes it (a number JavaScript cannot hold is none); false for any other value.").
		Func().Id("codeText").Params(jen.Id("raw").Add(raw())).Params(jen.String(), jen.Bool()).Block(
		jen.Var().Id("v").Any(),
		jen.If(js("Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("v")).Op("!=").Nil()).Block(fail()),
		jen.Switch(jen.Id("v").Op(":=").Id("v").Assert(jen.Type())).Block(
			jen.Case(jen.String()).Block(jen.Return(jen.Id("v"), jen.True())),
			jen.Case(jen.Float64()).Block(jen.Return(jen.Id("jsNumber").Call(jen.Id("v")), jen.True())),
		),
		fail(),
	)

	declDoc(f, "jsNumber writes f as JavaScript's Number#toString does: decimal from 1e-6 up to 1e21, else an exponent without leading zeros; -0 is 0.").
		Func().Id("jsNumber").Params(jen.Id("f").Float64()).String().Block(
		jen.If(jen.Id("f").Op("==").Lit(0)).Block(jen.Return(jen.Lit("0"))),
		jen.If(jen.Id("a").Op(":=").Qual("math", "Abs").Call(jen.Id("f")), jen.Id("a").Op(">=").Lit(1e-6).Op("&&").Id("a").Op("<").Lit(1e21)).Block(
			jen.Return(jen.Qual("strconv", "FormatFloat").Call(jen.Id("f"), jen.LitRune('f'), jen.Lit(-1), jen.Lit(64))),
		),
		jen.List(jen.Id("mantissa"), jen.Id("exp"), jen.Id("_")).Op(":=").Qual("strings", "Cut").Call(jen.Qual("strconv", "FormatFloat").Call(jen.Id("f"), jen.LitRune('e'), jen.Lit(-1), jen.Lit(64)), jen.Lit("e")),
		jen.Return(jen.Id("mantissa").Op("+").Lit("e").Op("+").Id("exp").Index(jen.Op(":").Lit(1)).Op("+").Qual("strings", "TrimLeft").Call(jen.Id("exp").Index(jen.Lit(1).Op(":")), jen.Lit("0"))),
	)

	declDoc(f, "members are an object's keys in the order JSON.parse then Object.keys give them (a repeated key keeps its first place and its last value), or an array's indexes; none for any other value. Object.keys puts index-like keys first; no scope name is one, so their place changes no scope's value.").
		Func().Id("members").Params(jen.Id("raw").Add(raw())).Params(jen.Index().String(), jen.Map(jen.String()).Add(raw())).Block(
		jen.Id("values").Op(":=").Map(jen.String()).Add(raw()).Values(),
		jen.Var().Id("keys").Index().String(),
		jen.Var().Id("list").Index().Add(raw()),
		jen.If(js("Unmarshal").Call(jen.Id("raw"), jen.Op("&").Id("list")).Op("==").Nil()).Block(
			jen.For(jen.List(jen.Id("i"), jen.Id("v")).Op(":=").Range().Id("list")).Block(
				jen.Id("key").Op(":=").Qual("strconv", "Itoa").Call(jen.Id("i")),
				jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("key")),
				jen.Id("values").Index(jen.Id("key")).Op("=").Id("v"),
			),
			jen.Return(jen.Id("keys"), jen.Id("values")),
		),
		jen.Id("dec").Op(":=").Add(js("NewDecoder")).Call(jen.Qual("bytes", "NewReader").Call(jen.Id("raw"))),
		jen.If(jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("dec").Dot("Token").Call(), jen.Err().Op("!=").Nil().Op("||").Id("t").Op("!=").Add(js("Delim")).Call(jen.LitRune('{'))).Block(
			jen.Return(jen.Nil(), jen.Nil()),
		),
		jen.For(jen.Id("dec").Dot("More").Call()).Block(
			jen.List(jen.Id("t"), jen.Err()).Op(":=").Id("dec").Dot("Token").Call(),
			jen.List(jen.Id("key"), jen.Id("ok")).Op(":=").Id("t").Assert(jen.String()),
			jen.Var().Id("v").Add(raw()),
			jen.If(jen.Err().Op("!=").Nil().Op("||").Op("!").Id("ok").Op("||").Id("dec").Dot("Decode").Call(jen.Op("&").Id("v")).Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Nil()),
			),
			jen.If(jen.List(jen.Id("_"), jen.Id("seen")).Op(":=").Id("values").Index(jen.Id("key")), jen.Op("!").Id("seen")).Block(
				jen.Id("keys").Op("=").Append(jen.Id("keys"), jen.Id("key")),
			),
			jen.Id("values").Index(jen.Id("key")).Op("=").Id("v"),
		),
		jen.Return(jen.Id("keys"), jen.Id("values")),
	)
	return f
}
