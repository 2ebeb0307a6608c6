package docsemit

import (
	"strings"

	"github.com/scopegen/scopegen/generator/model"
)

// sourcesView is the Sources section: each host's sources, and those the
// scope entries cite for what holds across hosts.
type sourcesView struct {
	Hosts  []hostSources
	Scopes []sourceRow
}

type hostSources struct {
	Title string
	Rows  []sourceRow
}

// sourceRow is one source and what it backs.
type sourceRow struct {
	Source *model.Source
	For    []string
}

func newSourcesView(m *model.Model) sourcesView {
	var v sourcesView
	for _, p := range m.Platforms {
		if len(p.Sources) == 0 {
			continue
		}
		h := hostSources{Title: p.Title}
		for _, c := range p.Sources {
			h.Rows = append(h.Rows, sourceRow{Source: c.Source, For: c.For})
		}
		v.Hosts = append(v.Hosts, h)
	}
	index := map[*model.Source]int{}
	for _, s := range m.Scopes {
		for _, src := range s.Sources {
			i, ok := index[src]
			if !ok {
				i = len(v.Scopes)
				index[src] = i
				v.Scopes = append(v.Scopes, sourceRow{Source: src})
			}
			v.Scopes[i].For = append(v.Scopes[i].For, s.Name)
		}
	}
	return v
}

// hrefEscaper makes a source URL safe as a Markdown link destination in a
// table cell. Source URLs are printable ASCII (validate); the characters
// that could end the destination or the cell are percent-encoded, which
// names the same resource, and & is written &amp;, which a Markdown reader
// decodes back to & (a bare & could start an entity such as &#124;).
var hrefEscaper = strings.NewReplacer(
	" ", "%20", `"`, "%22", "<", "%3C", ">", "%3E", "(", "%28", ")", "%29",
	`\`, "%5C", "`", "%60", "|", "%7C", "[", "%5B", "]", "%5D", "&", "&amp;",
)

func href(u string) string { return hrefEscaper.Replace(u) }
