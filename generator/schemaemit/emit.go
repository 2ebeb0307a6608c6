// Package schemaemit writes schema/manifest.schema.json, a JSON Schema
// (draft 2020-12) of the manifest, from templates/schema. Editors that
// speak the yaml-language-server modeline at the top of manifest.yaml use
// it to complete keys and flag mistakes as you type.
//
// The schema says everything about the manifest's shape that JSON Schema
// can; the rules it cannot express (references between entries, generated
// name collisions) are listed in Inexpressible and checked by scopegen.
package schemaemit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf16"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/generator/validate"
	"github.com/scopegen/scopegen/templates"
)

// Path is where the schema is written below the output folder.
const Path = "schema/manifest.schema.json"

var tmpl = template.Must(template.New("schema").Funcs(template.FuncMap{"json": toJSON}).
	ParseFS(templates.FS, "schema/manifest.schema.json.tmpl"))

// Emit renders the schema for m: platform keys under a scope are limited
// to the platforms m declares, so an editor flags a misspelt host.
func Emit(m *model.Model) (output.Files, error) {
	ids := make([]string, len(m.Platforms))
	for i, p := range m.Platforms {
		ids[i] = p.ID
	}
	src, err := Schema(ids)
	if err != nil {
		return nil, err
	}
	return output.Files{Path: src}, nil
}

// Schema renders the schema. With no platform ids it accepts any
// well-formed id: that is the form tests validate arbitrary manifests
// against.
func Schema(platformIDs []string) ([]byte, error) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "manifest.schema.json.tmpl", newView(platformIDs)); err != nil {
		return nil, err
	}
	// Re-indent through encoding/json: the result is canonical and any
	// template mistake is caught here rather than in an editor.
	var out bytes.Buffer
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return asciiOnly(out.Bytes()), nil
}

// asciiOnly writes every non-ASCII character (and DEL) as a \u escape.
// In JSON they can only stand inside strings, so the meaning is kept, and
// the file shows no invisible characters (the patterns hold a BOM and C1
// controls).
func asciiOnly(src []byte) []byte {
	var b strings.Builder
	for _, r := range string(src) {
		switch {
		case r < 0x7f:
			b.WriteRune(r)
		case r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(&b, "\\u%04x\\u%04x", r1, r2)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return []byte(b.String())
}

type view struct {
	DefaultNPMPackage, DefaultNPMVersion      string
	MaxPlatforms, MaxScopes, MaxName, MaxText int
	MaxNPMPackage                             int
	Grants, PlatformIDs, ReservedIDs          []string
	ReservedConditions, JSReservedWords       []string
	PrivacyAPIs, PrivacyOutcomes              []string
	Patterns                                  patterns
}

type patterns struct {
	NPMPackage, NPMReserved, PlatformID, ScopeName, APIName, Native, Global, GoName, Condition string
	Semver, WebURL, Repository, Keyword                                                        string
	Title, Text, NotBlank, Icon, Unportable                                                    string
}

// notText is every character validate refuses in free text: C0 and C1
// controls other than tab and line breaks, and the byte-order mark. The
// characters are written literally so the pattern reads the same in Go's
// RE2 and in ECMAScript.
const notText = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\u009f\ufeff"

// notLine is notText and the line breaks: what a one-line text refuses.
const notLine = "\r\n\u2028\u2029" + notText

// whiteSpace is, as a character class body, the white space of
// strings.TrimSpace (unicode.White_Space), which validate uses to call a
// text blank. Neither \s nor \S is used: RE2's is ASCII only and
// ECMAScript's is Unicode, so the two would disagree.
var whiteSpace = func() string {
	var b strings.Builder
	for _, r := range unicode.White_Space.R16 {
		b.WriteString(classRange(rune(r.Lo), rune(r.Hi), rune(r.Stride)))
	}
	for _, r := range unicode.White_Space.R32 {
		b.WriteString(classRange(rune(r.Lo), rune(r.Hi), rune(r.Stride)))
	}
	return b.String()
}()

func classRange(lo, hi, stride rune) string {
	if stride != 1 {
		var b strings.Builder
		for r := lo; r <= hi; r += stride {
			b.WriteRune(r)
		}
		return b.String()
	}
	if lo == hi {
		return string(lo)
	}
	return string(lo) + "-" + string(hi)
}

func newView(platformIDs []string) view {
	grants := make([]string, len(model.Grants))
	for i, g := range model.Grants {
		grants[i] = string(g)
	}
	reserved := slices.Concat(model.ReservedPlatformIDs, model.ReservedGoPackageNames, model.WindowsReservedNames)
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		if token.IsKeyword(tok.String()) {
			reserved = append(reserved, tok.String())
		}
	}
	slices.Sort(reserved)
	return view{
		DefaultNPMPackage:  model.DefaultNPMPackage,
		DefaultNPMVersion:  model.DefaultNPMVersion,
		MaxPlatforms:       validate.MaxPlatforms,
		MaxScopes:          validate.MaxScopes,
		MaxName:            model.MaxNameLength,
		MaxText:            model.MaxTextLength,
		Grants:             grants,
		PlatformIDs:        platformIDs,
		ReservedIDs:        slices.Compact(reserved),
		ReservedConditions: model.ReservedConditions,
		MaxNPMPackage:      model.MaxNPMPackageLength,
		JSReservedWords:    slices.Sorted(slices.Values(slices.Concat(model.JSReservedWords, model.ObjectPrototypeNames))),
		PrivacyAPIs:        model.PrivacyAPIs,
		PrivacyOutcomes:    privacyOutcomes(),
		Patterns: patterns{
			NPMPackage:  model.NPMPackagePattern.String(),
			NPMReserved: "(^|/)(" + strings.Join(quoteAll(model.ReservedNPMNames), "|") + ")$",
			Semver:      model.SemverPattern.String(),
			WebURL:      model.WebURLPattern.String(),
			Repository:  model.RepositoryPattern.String(),
			Keyword:     model.KeywordPattern.String(),
			PlatformID:  model.PlatformIDPattern.String(),
			ScopeName:   model.ScopeNamePattern.String(),
			APIName:     model.APINamePattern.String(),
			Native:      model.NativePattern.String(),
			Global:      model.GlobalPattern.String(),
			GoName:      model.GoNamePattern.String(),
			Condition:   model.ConditionPattern.String(),
			Title:       "^[^" + notLine + "]*[^" + whiteSpace + notLine + "][^" + notLine + "]*$",
			Text:        "^[^" + notText + "]*$",
			NotBlank:    "[^" + whiteSpace + "]",
			// validate's icon pattern, its RE2 \s spelt out.
			Icon:       model.IconPattern.String(),
			Unportable: model.UnportablePattern.String() + "|[/\r\n\u2028\u2029]",
		},
	}
}

func privacyOutcomes() []string {
	out := make([]string, len(model.PrivacyOutcomes))
	for i, o := range model.PrivacyOutcomes {
		out[i] = string(o)
	}
	return out
}

func toJSON(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = regexp.QuoteMeta(n)
	}
	return out
}
