// Package mdtable reads the tables of a Markdown document the way a
// GFM viewer shows them, for tests of the generated docs.
package mdtable

import (
	"html"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Table is a parsed table: its header cells and each row's cells, as the
// text a reader sees.
type Table struct {
	Header []string
	Rows   [][]string
}

// Parse renders md with goldmark's GFM extension and returns every table.
func Parse(md []byte) ([]Table, error) {
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(md))
	var tables []Table
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		tbl, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var tb Table
		for row := tbl.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, cellText(c, md))
			}
			if _, isHeader := row.(*east.TableHeader); isHeader {
				tb.Header = cells
			} else {
				tb.Rows = append(tb.Rows, cells)
			}
		}
		tables = append(tables, tb)
		return ast.WalkSkipChildren, nil
	})
	return tables, err
}

// Find returns the first table whose first two header cells are first and
// second.
func Find(tables []Table, first, second string) (Table, bool) {
	for _, tb := range tables {
		if len(tb.Header) > 1 && tb.Header[0] == first && tb.Header[1] == second {
			return tb, true
		}
	}
	return Table{}, false
}

// cellText is what a cell says: text and code spans with escapes
// resolved, <br> as a line break, entities decoded, trimmed as GFM trims.
func cellText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(util.UnescapePunctuations(c.Segment.Value(src)))
		case *ast.String:
			b.Write(c.Value)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				if seg := c.Segments.At(i); string(seg.Value(src)) == "<br>" {
					b.WriteString("\n")
				} else {
					b.WriteString("<html>")
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(html.UnescapeString(b.String()))
}
