package npmemit

import (
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// packageView is what package.json.tmpl and README.md.tmpl read: the
// package view plus the manifest's npm metadata, the hosts with one
// example scope each, and the runtime's error codes (model.ErrorCodes,
// then the privacy ones, as the docs list them).
type packageView struct {
	*view
	Meta   model.NPMMeta
	Hosts  []hostExample
	Errors []model.ErrorCode
}

// hostExample is one host in the README: how to import its entry and a
// scope it supports to show authorize with.
type hostExample struct {
	ID, Title, Condition, Scope string
}

func newPackageView(m *model.Model, v *view) packageView {
	pv := packageView{view: v, Meta: m.NPM, Errors: runtimeErrors()}
	for _, p := range m.Platforms {
		h := hostExample{ID: p.ID, Title: p.Title, Condition: p.ExportCondition}
		if len(p.Scopes) > 0 {
			h.Scope = p.Scopes[0].Scope.Name
		}
		pv.Hosts = append(pv.Hosts, h)
	}
	return pv
}

// privacyMeanings: what each privacy errCode means (docs/privacy.md).
var privacyMeanings = map[model.PrivacyOutcome]string{
	model.PrivacyNotAgreed:   "The user has not agreed to the privacy guide, or refused it. Show it (requirePrivacy(), or authorize's privacy: \"require\") and call again.",
	model.PrivacyNotDeclared: "The console's privacy guide, or app.json's requiredPrivateInfos, does not declare what was called. Declare it and publish again.",
	model.PrivacyBanned:      "The host has banned the app's privacy use, or the app has no privacy guide. Settle it in the host's console.",
}

// runtimeErrors: model.ErrorCodes, then one row per model.PrivacyOutcomes.
func runtimeErrors() []model.ErrorCode {
	codes := slices.Clone(model.ErrorCodes)
	for _, o := range model.PrivacyOutcomes {
		codes = append(codes, model.ErrorCode{Code: o.ErrCode(), Meaning: privacyMeanings[o]})
	}
	return codes
}

// renderPackage writes package.json and the package's README.md.
func renderPackage(m *model.Model, v *view, render func(out, name string, data any) error) error {
	pv := newPackageView(m, v)
	if err := render("package.json", "package.json.tmpl", pv); err != nil {
		return err
	}
	return render("README.md", "README.md.tmpl", pv)
}

// mdText makes free text (titles, the description) plain text in
// Markdown: HTML escaped, inline punctuation backslash-escaped, line
// breaks as spaces (as docsemit does for its paragraphs).
var mdText = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "~", `\~`, "#", `\#`, "!", `\!`, "$", `\$`,
	"\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ",
).Replace
