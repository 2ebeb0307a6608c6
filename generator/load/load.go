package load

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/rules"
)

// Load parses data, the contents of file, into a Manifest. Problems are
// returned all together. When the file cannot be read as YAML at all the
// Manifest is nil; otherwise it holds everything that could be read, so
// that validate can add its findings to these, and it must not be used to
// generate while any problem is reported.
func Load(file string, data []byte) (*Manifest, diag.List) {
	w := &walker{file: file}
	m := &Manifest{File: file}
	if len(data) > rules.MaxBytes {
		w.diags = append(w.diags, diag.At(file, diag.Pos{}, diag.LimitExceeded, "manifest is %d bytes; the limit is %d", len(data), rules.MaxBytes))
		return nil, w.diags
	}
	data, bad := prepare(file, data)
	if bad != nil {
		return nil, append(w.diags, *bad)
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			w.diags = append(w.diags, diag.At(file, diag.Pos{}, diag.MissingField, "manifest is empty: it needs at least version, platforms and scopes"))
		} else {
			w.diags = append(w.diags, syntaxError(file, data, err))
		}
		return nil, w.diags
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		w.report(&extra, diag.YAMLSyntax, "manifest holds more than one YAML document")
	} else if !errors.Is(err, io.EOF) {
		w.diags = append(w.diags, syntaxError(file, data, err))
	}
	if !w.plainData(&doc) {
		return nil, w.diags
	}
	if len(doc.Content) == 0 {
		w.diags = append(w.diags, diag.At(file, diag.Pos{}, diag.MissingField, "manifest is empty: it needs at least version, platforms and scopes"))
		return nil, w.diags
	}
	w.manifest(doc.Content[0], m)
	return m, w.diags
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 parse error into a positioned finding.
// yaml.v3 gives a line but no column, and for indentation mistakes often
// the enclosing mapping's line: locateSyntaxError (syntax.go) finds the
// line that is wrong and its column.
func syntaxError(file string, data []byte, err error) diag.Diagnostic {
	msg := err.Error()
	line, col := 0, 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
		line, col = locateSyntaxError(data, line, msg)
		if lines := bytes.Split(data, []byte("\n")); line >= 1 && line <= len(lines) && bytes.HasPrefix(lines[line-1], []byte("\t")) {
			msg += " (YAML cannot indent with tabs: use spaces)"
		}
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	return diag.At(file, diag.Pos{Line: line, Column: col}, diag.YAMLSyntax, "%s", msg)
}

// plainData rejects anchors, aliases, merge keys and custom tags: the
// manifest is a table of facts, and aliases are how YAML bombs are built.
// It also bounds the node count.
func (w *walker) plainData(root *yaml.Node) bool {
	ok, count := true, 0
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		count++
		if count > rules.MaxNodes {
			return
		}
		switch {
		case n.Kind == yaml.AliasNode:
			w.report(n, diag.YAMLSyntax, "aliases (*%s) are not supported: write the value out", n.Value)
			ok = false
			return
		case n.Anchor != "":
			w.report(n, diag.YAMLSyntax, "anchors (&%s) are not supported: write the value out", n.Anchor)
			ok = false
		case n.Tag != "" && n.Style&yaml.TaggedStyle != 0 && !standardTags[n.ShortTag()]:
			w.report(n, diag.YAMLSyntax, "custom tag %s is not supported", n.Tag)
			ok = false
		case n.Style&yaml.TaggedStyle != 0 && !tagFits(n):
			w.report(n, diag.YAMLSyntax, "tag %s cannot be on %s: remove the tag", n.ShortTag(), map[yaml.Kind]string{yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a scalar", yaml.DocumentNode: "a document"}[n.Kind])
			ok = false
		}
		for _, c := range n.Content {
			visit(c)
		}
	}
	visit(root)
	if count > rules.MaxNodes {
		w.diags = append(w.diags, diag.At(w.file, diag.Pos{}, diag.LimitExceeded, "manifest has more than %d YAML nodes", rules.MaxNodes))
		return false
	}
	return ok
}

var standardTags = map[string]bool{"!!str": true, "!!int": true, "!!bool": true, "!!null": true, "!!float": true, "!!map": true, "!!seq": true}
