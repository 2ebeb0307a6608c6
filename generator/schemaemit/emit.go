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
	"maps"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"unicode/utf16"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/generator/rules"
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
	DefaultNPMPackage, DefaultNPMVersion string
	MaxPlatforms, MaxScopes, MaxName     int
	// Title and Prose are the free-text rules validate applies, rendered
	// by the template (maxLength and pattern).
	Title, Prose                        rules.Text
	MaxNPMPackage                       int
	Grants, PlatformIDs, ReservedIDs    []string
	ReservedConditions, JSReservedWords []string
	HostGlobalReserved                  []string
	PrivacyAPIs, PrivacyOutcomes        []string
	SourceTags                          []string
	UsedSceneWhen                       []string
	Patterns                            patterns
}

type patterns struct {
	NPMPackage, NPMReserved, PlatformID, ScopeName, APIName, Native, Global, GoName, Condition string
	Semver, WebURL, Repository, Keyword                                                        string
	NotBlank, Icon, Unportable                                                                 string
	SourceID, Date                                                                             string
	OHOSPermission, Ability                                                                    string
}

func newView(platformIDs []string) view {
	grants := make([]string, len(model.Grants))
	for i, g := range model.Grants {
		grants[i] = string(g)
	}
	reserved := slices.Concat(rules.ReservedPlatformIDs, rules.ReservedGoPackageNames, rules.WindowsReservedNames,
		slices.Collect(maps.Keys(rules.GoToolingDirs)))
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		if token.IsKeyword(tok.String()) {
			reserved = append(reserved, tok.String())
		}
	}
	slices.Sort(reserved)
	return view{
		DefaultNPMPackage:  model.DefaultNPMPackage,
		DefaultNPMVersion:  model.DefaultNPMVersion,
		MaxPlatforms:       rules.MaxPlatforms,
		MaxScopes:          rules.MaxScopes,
		MaxName:            rules.MaxNameLength,
		Title:              rules.Title,
		Prose:              rules.Prose,
		Grants:             grants,
		PlatformIDs:        platformIDs,
		ReservedIDs:        slices.Compact(reserved),
		ReservedConditions: slices.Sorted(slices.Values(rules.ReservedConditions)),
		MaxNPMPackage:      rules.MaxNPMPackageLength,
		JSReservedWords:    slices.Sorted(slices.Values(slices.Concat(rules.JSReservedWords, rules.ObjectPrototypeNames))),
		HostGlobalReserved: slices.Sorted(slices.Values(slices.Concat(rules.ECMAScriptGlobals, rules.CommonJSWrapperNames, rules.RuntimeBindings))),
		PrivacyAPIs:        model.PrivacyAPIs,
		PrivacyOutcomes:    privacyOutcomes(),
		SourceTags:         rules.SourceTags,
		UsedSceneWhen:      rules.UsedSceneWhen,
		Patterns: patterns{
			NPMPackage:     rules.NPMPackagePattern.String(),
			NPMReserved:    "(^|/)(" + strings.Join(quoteAll(rules.ReservedNPMNames), "|") + ")$",
			Semver:         rules.SemverPattern.String(),
			WebURL:         rules.WebURLPattern.String(),
			Repository:     rules.RepositoryPattern.String(),
			Keyword:        rules.KeywordPattern.String(),
			PlatformID:     rules.PlatformIDPattern.String(),
			ScopeName:      rules.ScopeNamePattern.String(),
			OHOSPermission: rules.OHOSPermissionPattern.String(),
			Ability:        rules.AbilityNamePattern.String(),
			APIName:        rules.APINamePattern.String(),
			Native:         rules.NativePattern.String(),
			Global:         rules.GlobalPattern.String(),
			GoName:         rules.GoNamePattern.String(),
			Condition:      rules.ConditionPattern.String(),
			NotBlank:       rules.NotBlankPattern,
			Icon:           rules.IconPattern.String(),
			Unportable:     rules.UnportablePattern.String() + "|[/\r\n\u2028\u2029" + rules.BidiControlClass + "]",
			SourceID:       rules.SourceIDPattern.String(),
			Date:           rules.DatePattern.String(),
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
