package cli

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/validate"
)

// selection is what init keeps of the catalog.
type selection struct {
	platforms, scopes []string // empty: all
	npmPackage        string
	purposes          map[string]string // requested scope → purpose the user wrote
}

// headComment replaces the catalog's own head comment, which speaks of
// scopegen's repository. The modeline names the schema the first generate
// writes.
const headComment = `# yaml-language-server: $schema=generated/schema/manifest.schema.json
# Mini-program authorization scopes for this project, started by scopegen init
# from scopegen's catalog. Each entry's sources list names the pages (under the
# top-level sources) its facts were read on.
# Edit it, then run: go generate ./...`

// narrowCatalog edits the catalog's YAML tree, so that every comment and
// note of what is kept survives: it keeps the selected platforms (and
// their support entries under each scope), then the selected scopes that
// a kept platform supports, and names the npm package.
func narrowCatalog(catalog []byte, sel selection) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(catalog, &doc); err != nil {
		return nil, fmt.Errorf("the built-in catalog does not parse: %v", err)
	}
	root := doc.Content[0]
	platforms, scopes := mapValue(root, "platforms"), mapValue(root, "scopes")
	if platforms == nil || scopes == nil {
		return nil, fmt.Errorf("the built-in catalog has no platforms or scopes")
	}
	if err := checkNames("platform", "platforms", sel.platforms, keys(platforms)); err != nil {
		return nil, err
	}
	if err := checkNames("scope", "scopes", sel.scopes, keys(scopes)); err != nil {
		return nil, err
	}
	purposed := slices.Sorted(maps.Keys(sel.purposes))
	if err := checkNames("scope", "purpose", purposed, keys(scopes)); err != nil {
		return nil, err
	}
	keepPlatform := func(id string) bool { return len(sel.platforms) == 0 || slices.Contains(sel.platforms, id) }
	filterPairs(platforms, func(id string, _ *yaml.Node) bool { return keepPlatform(id) })
	filterPairs(scopes, func(name string, scope *yaml.Node) bool {
		if len(sel.scopes) > 0 && !slices.Contains(sel.scopes, name) {
			return false
		}
		support := mapValue(scope, "platforms")
		if support == nil {
			return false
		}
		filterPairs(support, func(id string, _ *yaml.Node) bool { return keepPlatform(id) })
		return len(support.Content) > 0
	})
	kept := keys(scopes)
	for _, name := range sel.scopes {
		if !slices.Contains(kept, name) {
			return nil, fmt.Errorf("scope %q is supported by none of -platforms %s", name, strings.Join(sel.platforms, ","))
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("no scope of the catalog is supported by -platforms %s", strings.Join(sel.platforms, ","))
	}
	for _, name := range purposed {
		if !slices.Contains(kept, name) {
			return nil, fmt.Errorf("-purpose names scope %q, which the starter does not keep (see -scopes and -platforms)", name)
		}
	}
	pruneExcludes(scopes, func(string, string) bool { return true })
	setNPM(root, sel.npmPackage)
	if err := narrowApp(root, scopes, keepPlatform, sel.purposes); err != nil {
		return nil, err
	}
	narrowSources(root)
	doc.HeadComment, root.HeadComment = headComment, ""
	if len(root.Content) > 0 {
		root.Content[0].HeadComment = "" // the catalog's own head comment
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return tidy(buf.Bytes()), nil
}

// setNPM makes the npm section the project's own: its package name and a
// first version; the catalog's other metadata (scopegen's own) is dropped.
func setNPM(root *yaml.Node, name string) {
	str := strNode
	npm := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		str("package", 0), str(name, yaml.DoubleQuotedStyle),
		str("version", 0), str("0.1.0", yaml.DoubleQuotedStyle),
	}}
	npm.Content[2].HeadComment = "# Also: license, description, repository, homepage, keywords, private."
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "npm" {
			root.Content[i+1] = npm
			return
		}
	}
	root.Content = append(root.Content[:2:2], append([]*yaml.Node{str("npm", 0), npm}, root.Content[2:]...)...)
}

// narrowApp makes the catalog's app part (the sample app's requested
// scopes) the user's: requests for dropped scopes go, every scope given a
// -purpose is requested, and each request's purpose is the user's text or
// a placeholder (validate.PurposePlaceholder), never the catalog's: the
// host shows it to the app's users. app.platforms keeps the kept hosts (or
// goes when it keeps none, which means every kept host), and an app left
// with no request goes entirely, so the starter is a pure catalog rather
// than an app part that asks for nothing.
func narrowApp(root, scopes *yaml.Node, keepPlatform func(string) bool, purposes map[string]string) error {
	app := mapValue(root, "app")
	if app == nil {
		if len(purposes) == 0 {
			return nil
		}
		return fmt.Errorf("the built-in catalog has no app part to hold -purpose")
	}
	requests := mapValue(app, "requests")
	if requests == nil || requests.Kind != yaml.MappingNode {
		return fmt.Errorf("the built-in catalog's app.requests is not a mapping")
	}
	kept := keys(scopes)
	filterPairs(requests, func(name string, _ *yaml.Node) bool { return slices.Contains(kept, name) })
	for _, name := range kept { // in the catalog's order
		if purposes[name] != "" && mapValue(requests, name) == nil {
			requests.Content = append(requests.Content, strNode(name, 0), &yaml.Node{Kind: yaml.MappingNode})
		}
	}
	for i := 0; i+1 < len(requests.Content); i += 2 {
		name, req := requests.Content[i].Value, requests.Content[i+1]
		if req.Kind != yaml.MappingNode {
			*req = yaml.Node{Kind: yaml.MappingNode}
		}
		text := purposes[name]
		if text == "" && !showsPurpose(mapValue(scopes, name)) {
			// No kept host shows a purpose for it: the request needs none.
			filterPairs(req, func(key string, _ *yaml.Node) bool { return key != "purpose" })
			continue
		}
		if text == "" {
			text = placeholder(mapValue(scopes, name), name)
		}
		req.Style = 0 // block style: the purpose on a line of its own
		setValue(req, "purpose", strNode(text, yaml.DoubleQuotedStyle))
	}
	filterPairs(app, func(key string, v *yaml.Node) bool {
		switch key {
		case "platforms":
			if v.Kind == yaml.SequenceNode {
				v.Content = slices.DeleteFunc(v.Content, func(id *yaml.Node) bool { return !keepPlatform(id.Value) })
				return len(v.Content) > 0
			}
		case "requests":
			return len(v.Content) > 0
		}
		return true
	})
	if len(requests.Content) == 0 {
		filterPairs(root, func(key string, _ *yaml.Node) bool { return key != "app" })
	}
	return nil
}

// placeholder is the purpose written for a request the user has not
// given one: marked so that validate refuses it (PURPOSE_REQUIRED).
func placeholder(scope *yaml.Node, name string) string {
	title := name
	if t := mapValue(scope, "title"); t != nil {
		title = t.Value
	}
	return fmt.Sprintf("%s why the app uses %s (the host shows this to the user)", validate.PurposePlaceholder, title)
}

// showsPurpose reports whether a host entry of scope declares an app.json
// permission, whose desc is the request's purpose, or HarmonyOS
// module.json5 requestPermissions, whose reason is.
func showsPurpose(scope *yaml.Node) bool {
	support := mapValue(scope, "platforms")
	for i := 1; support != nil && i < len(support.Content); i += 2 {
		privacy := mapValue(support.Content[i], "privacy")
		if mapValue(privacy, "permission") != nil || mapValue(privacy, "requestPermissions") != nil {
			return true
		}
	}
	return false
}

func strNode(v string, style yaml.Style) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: style}
}

// setValue sets key in mapping m to value, replacing the value (and
// keeping the key's comments) when the key is there.
func setValue(m *yaml.Node, key string, value *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = value
			return
		}
	}
	m.Content = append(m.Content, strNode(key, 0), value)
}

// narrowSources keeps the top-level sources that what was kept still
// cites: validate refuses a source no entry cites (UNUSED_SOURCE).
func narrowSources(root *yaml.Node) {
	sources := mapValue(root, "sources")
	if sources == nil || sources.Kind != yaml.MappingNode {
		return
	}
	cited := citedSources(root)
	filterPairs(sources, func(id string, _ *yaml.Node) bool { return cited[id] })
	if len(sources.Content) == 0 {
		filterPairs(root, func(key string, _ *yaml.Node) bool { return key != "sources" })
	}
}

// citedSources is the set of source ids the entries under root cite (every
// "sources" list below the top level).
func citedSources(root *yaml.Node) map[string]bool {
	top := mapValue(root, "sources")
	cited := map[string]bool{}
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "sources" && v.Kind == yaml.SequenceNode {
				for _, id := range v.Content {
					cited[id.Value] = true
				}
				continue
			}
			if v != top {
				visit(v)
			}
		}
	}
	visit(root)
	return cited
}

func checkNames(kind, flagName string, got, known []string) error {
	for _, name := range got {
		if !slices.Contains(known, name) {
			return unknownName(kind, flagName, name, known)
		}
	}
	return nil
}

// mapValue is the value under key in mapping m, or nil.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func keys(m *yaml.Node) []string {
	var out []string
	for i := 0; i+1 < len(m.Content); i += 2 {
		out = append(out, m.Content[i].Value)
	}
	return out
}

// filterPairs keeps the key/value pairs of mapping m for which keep is true.
func filterPairs(m *yaml.Node, keep func(key string, value *yaml.Node) bool) {
	var out []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		if keep(m.Content[i].Value, m.Content[i+1]) {
			out = append(out, m.Content[i], m.Content[i+1])
		}
	}
	m.Content = out
}
