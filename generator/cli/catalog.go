package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// selection is what init keeps of the catalog.
type selection struct {
	platforms, scopes []string // empty: all
	npmPackage        string
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
	setNPM(root, sel.npmPackage)
	narrowApp(root, keepPlatform, kept)
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
	str := func(v string, style yaml.Style) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v, Style: style}
	}
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

// narrowApp narrows the catalog's app part (the sample app's requested
// scopes and their purposes) to what was kept: requests for dropped scopes
// go, app.platforms keeps the kept hosts (or goes when it keeps none, which
// means every kept host), and an app left with no request goes entirely, so
// the starter is a pure catalog rather than an app part that asks for nothing.
func narrowApp(root *yaml.Node, keepPlatform func(string) bool, scopes []string) {
	app := mapValue(root, "app")
	if app == nil {
		return
	}
	if requests := mapValue(app, "requests"); requests != nil && requests.Kind == yaml.MappingNode {
		filterPairs(requests, func(name string, _ *yaml.Node) bool { return slices.Contains(scopes, name) })
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
	if requests := mapValue(app, "requests"); requests == nil || len(requests.Content) == 0 {
		filterPairs(root, func(key string, _ *yaml.Node) bool { return key != "app" })
	}
}

// narrowSources keeps the top-level sources that what was kept still
// cites: validate refuses a source no entry cites (UNUSED_SOURCE).
func narrowSources(root *yaml.Node) {
	sources := mapValue(root, "sources")
	if sources == nil || sources.Kind != yaml.MappingNode {
		return
	}
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
			if v != sources {
				visit(v)
			}
		}
	}
	visit(root)
	filterPairs(sources, func(id string, _ *yaml.Node) bool { return cited[id] })
	if len(sources.Content) == 0 {
		filterPairs(root, func(key string, _ *yaml.Node) bool { return key != "sources" })
	}
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
