// Package doclinks checks the repository's Markdown: every relative link
// and #anchor resolves, and README links every page under docs/. Its test
// runs the check over README.md, CONTRIBUTING.md and docs/*.md.
package doclinks

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Page is one parsed Markdown file: its heading anchors and its links.
type Page struct {
	Anchors []string
	Links   []Link
}

// Link is a link destination and the line it appears on.
type Link struct {
	Dest string
	Line int
}

var markdown = goldmark.New(goldmark.WithExtensions(extension.GFM))

// Parse reads the headings and links of a Markdown source.
func Parse(src []byte) Page {
	var p Page
	seen := map[string]int{}
	doc := markdown.Parser().Parse(text.NewReader(src))
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			a := Anchor(plainText(n, src))
			if k := seen[a]; k > 0 {
				p.Anchors = append(p.Anchors, fmt.Sprintf("%s-%d", a, k))
			} else {
				p.Anchors = append(p.Anchors, a)
			}
			seen[a]++
		case *ast.Link:
			p.Links = append(p.Links, Link{Dest: string(n.Destination), Line: lineOf(n, src)})
		case *ast.Image:
			p.Links = append(p.Links, Link{Dest: string(n.Destination), Line: lineOf(n, src)})
		}
		return ast.WalkContinue, nil
	})
	return p
}

// plainText is the text of a heading as a reader sees it: code spans keep
// their content, emphasis and links their words.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// lineOf is the 1-based line of a link's first text, or else of the
// first line of its enclosing block.
func lineOf(n ast.Node, src []byte) int {
	start := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			start = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	for c := n; start < 0 && c != nil; c = c.Parent() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			start = c.Lines().At(0).Start
		}
	}
	if start < 0 {
		return 0
	}
	return 1 + strings.Count(string(src[:start]), "\n")
}

// Anchor is the id GitHub gives a heading: lower case, punctuation other
// than '-' and '_' dropped, spaces turned into '-'.
func Anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

var scheme = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// Check reads the given Markdown files (paths relative to root) and
// returns one line per broken relative link or anchor, as
// "file:line: message", in file order.
func Check(root string, files []string) ([]string, error) {
	pages := map[string]Page{}
	load := func(rel string) (Page, error) {
		if p, ok := pages[rel]; ok {
			return p, nil
		}
		src, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			return Page{}, err
		}
		pages[rel] = Parse(src)
		return pages[rel], nil
	}
	var problems []string
	for _, file := range files {
		page, err := load(file)
		if err != nil {
			return nil, err
		}
		for _, l := range page.Links {
			if scheme.MatchString(l.Dest) {
				continue // absolute URLs are not checked
			}
			target, fragment, _ := strings.Cut(l.Dest, "#")
			rel := file
			if target != "" {
				rel = filepath.ToSlash(filepath.Join(filepath.Dir(file), target))
				if rel == ".." || strings.HasPrefix(rel, "../") || filepath.IsAbs(target) {
					problems = append(problems, fmt.Sprintf("%s:%d: link %q leaves the repository", file, l.Line, l.Dest))
					continue
				}
				if _, err := os.Stat(filepath.Join(root, rel)); err != nil {
					problems = append(problems, fmt.Sprintf("%s:%d: link %q: no file %s", file, l.Line, l.Dest, rel))
					continue
				}
			}
			if fragment == "" {
				continue
			}
			if !strings.HasSuffix(rel, ".md") {
				problems = append(problems, fmt.Sprintf("%s:%d: link %q: an anchor into a file that is not Markdown", file, l.Line, l.Dest))
				continue
			}
			tp, err := load(rel)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(tp.Anchors, fragment) {
				problems = append(problems, fmt.Sprintf("%s:%d: link %q: %s has no heading #%s", file, l.Line, l.Dest, rel, fragment))
			}
		}
	}
	return problems, nil
}

// Unlinked lists the pages that the Markdown file from (relative to root)
// does not link to, by their path relative to root.
func Unlinked(root, from string, pagesRel []string) ([]string, error) {
	src, err := os.ReadFile(filepath.Join(root, from))
	if err != nil {
		return nil, err
	}
	linked := map[string]bool{}
	for _, l := range Parse(src).Links {
		target, _, _ := strings.Cut(l.Dest, "#")
		if target != "" && !scheme.MatchString(target) {
			linked[filepath.ToSlash(filepath.Join(filepath.Dir(from), target))] = true
		}
	}
	var missing []string
	for _, p := range pagesRel {
		if !linked[p] {
			missing = append(missing, p)
		}
	}
	return missing, nil
}
