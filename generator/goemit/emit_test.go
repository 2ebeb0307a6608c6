package goemit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/goemit"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

// emitFinished emits a testdata manifest and formats it as the pipeline does.
func emitFinished(t *testing.T, manifest string) (*model.Model, output.Files) {
	t.Helper()
	m := resolve(t, readFile(manifest)(t), "example.com/x/gen")
	files, err := goemit.Emit(m)
	require.NoError(t, err)
	files, err = output.Finish(files)
	require.NoError(t, err)
	return m, files
}

func TestEmitPaths(t *testing.T) {
	_, files := emitFinished(t, "testdata/small.yaml")
	assert.Equal(t, []string{
		"platform/ali/ali.go",
		"platform/ali/authcode.go", // ali is the only host with authCode scopes
		"platform/bare/bare.go",
		"platform/wx/wx.go",
		"scope/errors.go",
		"scope/grant.go",
		"scope/platform.go",
		"scope/scope.go",
	}, files.Paths())
}

func TestEmitIsDeterministic(t *testing.T) {
	// Files render concurrently; the bytes must not depend on scheduling,
	// nor on which resolution of the same manifest they come from.
	_, first := emitFinished(t, "testdata/adversarial.yaml")
	for range 5 {
		_, again := emitFinished(t, "testdata/adversarial.yaml")
		require.Equal(t, first, again)
	}
}

// parseAll parses every emitted file, keyed by path.
func parseAll(t *testing.T, files output.Files) map[string]*ast.File {
	t.Helper()
	out := map[string]*ast.File{}
	for _, p := range files.Paths() {
		f, err := parser.ParseFile(token.NewFileSet(), p, files[p], parser.ParseComments)
		require.NoError(t, err, p)
		out[p] = f
	}
	return out
}

func TestPackageClausesAndMarker(t *testing.T) {
	_, files := emitFinished(t, "testdata/small.yaml")
	for p, f := range parseAll(t, files) {
		want := "scope"
		if dir, ok := strings.CutPrefix(p, "platform/"); ok {
			want = dir[:strings.IndexByte(dir, '/')]
		}
		assert.Equal(t, want, f.Name.Name, p)
		assert.True(t, strings.HasPrefix(string(files[p]), "// "+output.Marker+"\n"), p)
	}
}

// TestEveryExportedNameHasDoc walks every exported declaration, methods
// included, and requires a doc comment (a grouped const may take the
// group's).
func TestEveryExportedNameHasDoc(t *testing.T) {
	for _, manifest := range []string{"testdata/small.yaml", "testdata/adversarial.yaml", "../../manifest.yaml"} {
		_, files := emitFinished(t, manifest)
		for p, f := range parseAll(t, files) {
			if f.Doc != nil {
				assert.Contains(t, f.Doc.Text(), "Package "+f.Name.Name+" ", p)
			}
			for _, decl := range f.Decls {
				switch d := decl.(type) {
				case *ast.FuncDecl:
					if d.Name.IsExported() {
						assert.NotNil(t, d.Doc, "%s: func %s has no doc", p, d.Name.Name)
					}
				case *ast.GenDecl:
					for _, spec := range d.Specs {
						for _, name := range specNames(spec) {
							if name.IsExported() {
								assert.True(t, d.Doc != nil || specDoc(spec) != nil, "%s: %s has no doc", p, name.Name)
							}
						}
					}
				}
			}
		}
		assert.NotNil(t, parseAll(t, files)["scope/scope.go"].Doc, "package scope has a package comment")
	}
}

func specNames(spec ast.Spec) []*ast.Ident {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return []*ast.Ident{s.Name}
	case *ast.ValueSpec:
		return s.Names
	}
	return nil
}

func specDoc(spec ast.Spec) *ast.CommentGroup {
	switch s := spec.(type) {
	case *ast.TypeSpec:
		return s.Doc
	case *ast.ValueSpec:
		return s.Doc
	}
	return nil
}

// TestReservedGoNamesMatchScopePackage keeps model.ReservedGoNames plus
// one constant per grant table entry, which validation uses to refuse a
// colliding scope or platform goName, equal to what package scope
// declares besides those names.
func TestReservedGoNamesMatchScopePackage(t *testing.T) {
	m, files := emitFinished(t, "testdata/small.yaml")
	fromManifest := map[string]bool{}
	for _, s := range m.Scopes {
		fromManifest[s.GoName] = true
	}
	for _, p := range m.Platforms {
		fromManifest[p.GoName] = true
	}
	var declared []string
	for p, f := range parseAll(t, files) {
		if !strings.HasPrefix(p, "scope/") {
			continue
		}
		for name, obj := range f.Scope.Objects {
			if ast.IsExported(name) && !fromManifest[name] && obj.Kind != ast.Bad {
				declared = append(declared, name)
			}
		}
	}
	slices.Sort(declared)
	reserved := slices.Clone(model.ReservedGoNames)
	for _, info := range model.GrantTable {
		reserved = append(reserved, info.Grant.GoName())
	}
	slices.Sort(reserved)
	assert.Equal(t, reserved, declared)
}

// TestManifestTextReachesGodoc: titles, descriptions and notes of scopes,
// supports and platforms all land in comments, word for word.
func TestManifestTextReachesGodoc(t *testing.T) {
	m, files := emitFinished(t, "testdata/adversarial.yaml")
	comments := func(path string) string {
		f, err := parser.ParseFile(token.NewFileSet(), path, files[path], parser.ParseComments)
		require.NoError(t, err)
		var b strings.Builder
		for _, c := range f.Comments {
			b.WriteString(c.Text())
		}
		return strings.Join(strings.Fields(b.String()), " ")
	}
	words := func(s string) string {
		return strings.Join(strings.Fields(strings.NewReplacer("\u2028", " ", "\u2029", " ").Replace(s)), " ")
	}
	scopeDocs := comments("scope/scope.go")
	for _, s := range m.Scopes {
		for _, text := range []string{s.Title, s.Description, s.Note} {
			assert.Contains(t, scopeDocs, words(text))
		}
		for _, sup := range s.Support {
			assert.Contains(t, scopeDocs, words(sup.Note))
		}
	}
	for _, p := range m.Platforms {
		pkgDocs := comments("platform/" + p.ID + "/" + p.ID + ".go")
		assert.Contains(t, pkgDocs, words(p.Note))
		assert.Contains(t, pkgDocs, p.Denial.Message)
		assert.Contains(t, comments("scope/platform.go"), words(p.Title))
	}
}

// TestNoTextEscapesComments: no manifest text may become code, a
// directive or a string outside a literal; every comment line the
// emitter writes starts with "// " or is a bare "//".
func TestNoTextEscapesComments(t *testing.T) {
	_, files := emitFinished(t, "testdata/adversarial.yaml")
	for _, p := range files.Paths() {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, files[p], parser.ParseComments)
		require.NoError(t, err, p)
		for _, group := range f.Comments {
			for _, c := range group.List {
				assert.False(t, strings.HasPrefix(c.Text, "/*"), "%s: block comment %q", p, c.Text)
				assert.True(t, c.Text == "//" || strings.HasPrefix(c.Text, "// "), "%s:%s: %q", p, fset.Position(c.Pos()), c.Text)
			}
		}
		for _, line := range strings.Split(string(files[p]), "\n") {
			assert.False(t, strings.HasPrefix(line, "//go:") || strings.HasPrefix(line, "//line ") || strings.HasPrefix(line, "// +build"), "%s: directive %q", p, line)
		}
	}
}

func TestDenialShapes(t *testing.T) {
	_, files := emitFinished(t, "testdata/small.yaml")
	tests := []struct {
		platform     string
		codes, regex bool
	}{
		{"ali", true, true},
		{"wx", false, true},
		{"bare", false, false},
	}
	for _, tt := range tests {
		src := string(files["platform/"+tt.platform+"/"+tt.platform+".go"])
		assert.Equal(t, tt.codes, strings.Contains(src, "switch code {"), tt.platform)
		// The regexp is compiled once, in a package variable, never per call.
		assert.Equal(t, tt.regex, strings.Contains(src, "var denialMessage = regexp.MustCompile("), tt.platform)
		assert.Equal(t, tt.regex, strings.Contains(src, `"regexp"`), tt.platform)
	}
}

func TestScopeIntegerType(t *testing.T) {
	_, files := emitFinished(t, "testdata/small.yaml")
	assert.Contains(t, string(files["scope/scope.go"]), "type Scope uint16\n")
	assert.Contains(t, string(files["scope/platform.go"]), "type Platform uint8\n")
}

// TestTopLevelDocsStartAtColumnOne: in the source Emit hands to
// output.Finish, every top-level doc comment (the package's included)
// starts at column 1 and its declaration at column 1 of the next line.
// That is when go/printer reformats a doc comment with go/doc/comment
// (intersperseComments), so Finish's one format pass reformats every
// comment a second gofmt would; a declaration at column 2 left that to
// the user's gofmt.
func TestTopLevelDocsStartAtColumnOne(t *testing.T) {
	checked := 0
	for _, manifest := range []string{"testdata/small.yaml", "testdata/adversarial.yaml"} {
		files, err := goemit.Emit(resolve(t, readFile(manifest)(t), "example.com/x/gen"))
		require.NoError(t, err)
		for _, p := range files.Paths() {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, p, files[p], parser.ParseComments)
			require.NoError(t, err, p)
			assertAbuts := func(doc *ast.CommentGroup, next token.Pos, what string) {
				if doc == nil {
					return
				}
				start, end, decl := fset.Position(doc.Pos()), fset.Position(doc.End()), fset.Position(next)
				assert.Equal(t, 1, start.Column, "%s %s: doc comment at %s", manifest, what, start)
				assert.Equal(t, [2]int{end.Line + 1, 1}, [2]int{decl.Line, decl.Column},
					"%s %s: declaration does not start the line after its doc comment (line, column)", manifest, what)
				checked++
			}
			assertAbuts(f.Doc, f.Package, p+" package clause")
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					assertAbuts(d.Doc, d.Pos(), p+" func "+d.Name.Name)
				case *ast.GenDecl:
					assertAbuts(d.Doc, d.Pos(), p+" "+d.Tok.String()+" declaration")
				}
			}
		}
	}
	assert.Greater(t, checked, 50)
}
