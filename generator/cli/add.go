package cli

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen"
	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
)

// add brings hosts and scopes from the built-in catalog into the user's
// manifest. A host brings its entries under the scopes the manifest
// already has; a scope brings its entries for the hosts the manifest has.
// The additions are decided on a parse of the manifest, then inserted
// into its bytes as text (add_text.go): every other byte stays, or add
// refuses. The result must validate, or nothing is written.
func (e *env) add(args []string) int {
	var c common
	var platforms, scopes string
	fs := flag.NewFlagSet("scopegen add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.manifest, "manifest", "manifest.yaml", "the manifest to edit")
	fs.StringVar(&platforms, "platform", "", "comma-separated platform ids to bring from the catalog, with their entries under the manifest's scopes")
	fs.StringVar(&scopes, "scope", "", "comma-separated scope names to bring from the catalog, with their entries for the manifest's platforms")
	fs.StringVar(&c.errorFormat, "error-format", "text", "how to print manifest problems: "+strings.Join(diag.Formats, ", "))
	if code := e.parse(fs, args, &c); code >= 0 {
		return code
	}
	fail := func(code int, format string, args ...any) int {
		fmt.Fprintf(e.stderr, "scopegen add: "+format+"\n", args...)
		return code
	}
	if platforms == "" && scopes == "" {
		return fail(ExitUsage, "name what to add: -platform ID and/or -scope NAME, such as -scope scope.bluetooth")
	}
	data, code := e.readManifest("scopegen add", &c)
	if code != ExitOK {
		return code
	}
	name := filepath.ToSlash(c.manifest)
	// Problems the manifest has already (init's placeholders, say) are the
	// user's to fix in their time; add refuses only to bring new ones.
	_, before := generator.Resolve(name, data, generator.Options{})
	var cat yaml.Node
	orig, err := parseManifestYAML(data)
	if err != nil {
		if errors.Is(err, errNotOneMapping) {
			return fail(ExitUsage, "%s: %v; nothing written", diag.Quote(name), err)
		}
		fmt.Fprintf(e.stderr, "scopegen add: %s does not parse as YAML; fix it first:\n", diag.Quote(name))
		return e.printManifestProblems(before, c.errorFormat)
	}
	doc, _ := parseManifestYAML(data) // the copy addFromCatalog edits
	if err := yaml.Unmarshal(scopegen.Catalog, &cat); err != nil {
		return fail(ExitInternal, "the built-in catalog does not parse: %v", err)
	}
	report, err := addFromCatalog(doc.Content[0], cat.Content[0], splitList(platforms), splitList(scopes))
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	if len(report.added) == 0 {
		fmt.Fprintf(e.stderr, "scopegen add: %s already has %s; nothing written\n", diag.Quote(name), strings.Join(report.present, ", "))
		return ExitOK
	}
	edits, hand, err := planText(data, orig, doc)
	var edited []byte
	if err == nil {
		edited = applyEdits(data, edits)
		if !sameValues(edited, doc) {
			err = fmt.Errorf("%w: the inserted text would not read as the entries added", errNotInsertable)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen add: %s %v, and add never rewrites it; nothing written. Add by hand:\n", diag.Quote(name), err)
		for i, h := range hand {
			if i == 0 || hand[i-1].path != h.path {
				fmt.Fprintf(e.stderr, "under %s:\n", orRoot(h.path))
			}
			for _, line := range strings.SplitAfter(strings.TrimSuffix(h.yaml, "\n"), "\n") {
				if line = strings.TrimRight(line, "\r\n"); line != "" {
					line = "  " + line
				}
				fmt.Fprintln(e.stderr, line)
			}
		}
		return ExitUsage
	}
	_, after := generator.Resolve(name, edited, generator.Options{})
	// A placeholder add wrote is a to-do for the user, named below.
	after = slices.DeleteFunc(after, func(d diag.Diagnostic) bool { return strings.Contains(d.Message, "is a placeholder") })
	if diags := newProblems(before, after); len(diags) > 0 {
		fmt.Fprintf(e.stderr, "scopegen add: with %s added, %s would be invalid, so it is left unchanged:\n", strings.Join(report.added, ", "), diag.Quote(name))
		return e.printManifestProblems(diags, c.errorFormat)
	}
	target, err := filepath.EvalSymlinks(c.manifest) // edit the file, keep a link a link
	if err != nil {
		return fail(ExitInternal, "%s", e.quotedErr(err, c.manifest, name))
	}
	if err := replaceKeepingOwner(target, edited); err != nil {
		return fail(ExitInternal, "%s left unchanged: %s", diag.Quote(name), e.quotedErr(err, target, name))
	}
	fmt.Fprintf(e.stderr, "scopegen add: added %s to %s; next: %sgo generate ./...\n", strings.Join(report.added, ", "), diag.Quote(name), fillIn(name, edited))
	for _, h := range report.hints {
		fmt.Fprintf(e.stderr, "scopegen add: %s\n", h)
	}
	if listed := mapValue(mapValue(doc.Content[0], "app"), "platforms"); listed != nil {
		for _, id := range report.newPlatforms {
			if !slices.ContainsFunc(listed.Content, func(n *yaml.Node) bool { return n.Value == id }) {
				fmt.Fprintf(e.stderr, "scopegen add: app.platforms does not list %s: add it there if the app ships to it\n", id)
			}
		}
	}
	return ExitOK
}

// addReport says what addFromCatalog added and what was there already.
type addReport struct{ added, present, newPlatforms, hints []string }

// addFromCatalog adds the catalog's platforms ids and scopes names to the
// manifest root m (platforms first, so that a scope added in the same run
// brings their entries too).
func addFromCatalog(m, cat *yaml.Node, ids, names []string) (addReport, error) {
	var r addReport
	catPlatforms, catScopes := mapValue(cat, "platforms"), mapValue(cat, "scopes")
	if err := checkNames("platform", "platform", ids, keys(catPlatforms)); err != nil {
		return r, err
	}
	if err := checkNames("scope", "scope", names, keys(catScopes)); err != nil {
		return r, err
	}
	platforms, scopes := mapValue(m, "platforms"), mapValue(m, "scopes")
	if platforms == nil || scopes == nil {
		return r, fmt.Errorf("the manifest has no platforms or scopes mapping to add to")
	}
	for _, id := range ids {
		if mapValue(platforms, id) != nil {
			r.present = append(r.present, "platform "+id)
			continue
		}
		insertPair(platforms, catPlatforms, id)
		entries := 0
		for i := 0; i+1 < len(scopes.Content); i += 2 {
			support := mapValue(scopes.Content[i+1], "platforms")
			from := mapValue(mapValue(catScopes, scopes.Content[i].Value), "platforms")
			if support != nil && mapValue(from, id) != nil && mapValue(support, id) == nil {
				insertPair(support, from, id)
				entries++
			}
		}
		r.newPlatforms = append(r.newPlatforms, id)
		r.added = append(r.added, fmt.Sprintf("platform %s (with its entries under %d of your scopes)", id, entries))
	}
	have := keys(platforms)
	var newScopes []string
	defer func() {
		placeholdPurposes(m, scopes)
		addCitedSources(m, mapValue(cat, "sources"))
	}()
	for _, name := range names {
		if mapValue(scopes, name) != nil {
			r.present = append(r.present, "scope "+name)
			continue
		}
		scope := mapValue(catScopes, name)
		support := mapValue(scope, "platforms")
		catalogHosts := keys(support)
		filterPairs(support, func(id string, _ *yaml.Node) bool { return slices.Contains(have, id) })
		if len(support.Content) == 0 {
			return r, fmt.Errorf("scope %q is supported by none of the manifest's platforms (%s); the catalog has it on %s: add one with -platform",
				name, strings.Join(have, ", "), strings.Join(catalogHosts, ", "))
		}
		insertPair(scopes, catScopes, name)
		r.added = append(r.added, "scope "+name)
		newScopes = append(newScopes, name)
	}
	// The entries this run added: its platforms' and its scopes'.
	added := func(scope, id string) bool {
		return slices.Contains(r.newPlatforms, id) || slices.Contains(newScopes, scope)
	}
	r.hints = excludesToAdd(scopes, catScopes, newScopes, func(scope, id string) bool { return !added(scope, id) })
	pruneExcludes(scopes, added)
	return r, nil
}

// addCitedSources brings from the catalog's sources every one the manifest
// now cites and does not declare, so that an added entry keeps its
// provenance (and validate finds no UNKNOWN_SOURCE). A manifest without a
// sources mapping gets one, last.
func addCitedSources(m, catSources *yaml.Node) {
	if catSources == nil {
		return
	}
	sources := mapValue(m, "sources")
	for _, id := range keys(catSources) {
		if !citedSources(m)[id] || (sources != nil && mapValue(sources, id) != nil) {
			continue
		}
		if sources == nil {
			sources = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			m.Content = append(m.Content, strNode("sources", 0), sources)
		}
		insertPair(sources, catSources, id)
	}
}

// insertPair copies key and its value (with their comments) from the
// catalog mapping from into mapping m, where from's order puts it: before
// the first key of m that follows key there, else last.
func insertPair(m, from *yaml.Node, key string) {
	order := keys(from)
	i := slices.Index(order, key)
	after := order[i+1:]
	at := len(m.Content)
	for j := 0; j+1 < len(m.Content); j += 2 {
		if slices.Contains(after, m.Content[j].Value) {
			at = j
			break
		}
	}
	m.Content = slices.Insert(m.Content, at, from.Content[2*i], from.Content[2*i+1])
}

// newProblems are the diagnostics of after that before lacks, compared
// without positions (an edit moves lines).
func newProblems(before, after diag.List) diag.List {
	seen := map[[2]string]int{}
	for _, d := range before {
		seen[[2]string{d.Rule, d.Message}]++
	}
	var out diag.List
	for _, d := range after {
		k := [2]string{d.Rule, d.Message}
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		out = append(out, d)
	}
	return out
}

// placeholdPurposes gives each app request that has no purpose, and whose
// scope now has a host showing one, init's placeholder: the request
// needed no purpose before the edit, and the user must write one now.
func placeholdPurposes(m, scopes *yaml.Node) {
	requests := mapValue(mapValue(m, "app"), "requests")
	for i := 0; requests != nil && i+1 < len(requests.Content); i += 2 {
		name, req := requests.Content[i].Value, requests.Content[i+1]
		if mapValue(req, "purpose") != nil || !showsPurpose(mapValue(scopes, name)) {
			continue
		}
		if req.Kind != yaml.MappingNode {
			*req = yaml.Node{Kind: yaml.MappingNode}
		}
		req.Style = 0
		setValue(req, "purpose", strNode(placeholder(mapValue(scopes, name), name), yaml.DoubleQuotedStyle))
	}
}
