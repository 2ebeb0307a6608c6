// Package vet is the scopegen analyzer: it finds Go code that spells by
// hand what the generated packages already say from the manifest (scope
// names, platform ids, hosts' native names and setting keys) and switches
// over the generated enums that miss values.
//
// scopegen vet runs it over packages loaded with go/packages; Analyzer is
// the same checks as a plain go/analysis analyzer for go vet -vettool and
// golangci-lint. docs/vet.md documents the rules.
package vet

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/scopegen/scopegen/internal/gomod"
)

const doc = `check Go code against the scopegen manifest

Reports strings that duplicate a generated scope or platform constant, Parse
calls of names the manifest does not declare, hand-written native scope names
and setting keys, and switches over scope.Scope or scope.Platform that miss
values and have no default.`

// Analyzer finds the manifest itself: manifest.yaml beside the analyzed
// package's go.mod, with the output folder generated/ below it, unless the
// -manifest and -go-import-path flags say otherwise. In a module without a
// manifest it reports nothing.
var Analyzer = &analysis.Analyzer{
	Name: "scopegen",
	Doc:  doc,
	URL:  "https://github.com/scopegen/scopegen/blob/main/docs/vet.md",
	Run:  runDiscovering,
}

var manifestFlag, importPathFlag string

func init() {
	Analyzer.Flags.StringVar(&manifestFlag, "manifest", "", "the manifest (default: manifest.yaml beside go.mod)")
	Analyzer.Flags.StringVar(&importPathFlag, "go-import-path", "", "import path of the output folder (default: the module path + /generated)")
}

// NewAnalyzer returns the analyzer for names that are already resolved.
func NewAnalyzer(n *Names) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "scopegen",
		Doc:  doc,
		URL:  Analyzer.URL,
		Run:  func(pass *analysis.Pass) (any, error) { return nil, run(pass, n) },
	}
}

func runDiscovering(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 {
		return nil, nil
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	n, err := defaultNames(dir, manifestFlag, importPathFlag)
	if err != nil || n == nil {
		return nil, err
	}
	return nil, run(pass, n)
}

// checker is one package's run.
type checker struct {
	pass     *analysis.Pass
	names    *Names
	scopePkg *types.Package
	scope    types.Type // scope.Scope
	platform types.Type // scope.Platform
	quals    []string   // the names the current file imports the scope package by ("." for a dot import)
	handled  map[*ast.BasicLit]bool
	// direct: the package imports a generated package itself, so its own
	// strings are checked against native names, not only its uses of the types.
	direct bool
}

func run(pass *analysis.Pass, n *Names) error {
	scopePkg := findImport(pass.Pkg, n.ScopePkg)
	if scopePkg == nil {
		return nil // the package does not use the generated code
	}
	c := &checker{pass: pass, names: n, scopePkg: scopePkg, handled: map[*ast.BasicLit]bool{}}
	generated := strings.TrimSuffix(n.ScopePkg, "scope")
	for _, imp := range pass.Pkg.Imports() {
		c.direct = c.direct || imp == scopePkg || strings.HasPrefix(imp.Path(), generated+"platform/")
	}
	if obj, ok := scopePkg.Scope().Lookup("Scope").(*types.TypeName); ok {
		c.scope = obj.Type()
	}
	if obj, ok := scopePkg.Scope().Lookup("Platform").(*types.TypeName); ok {
		c.platform = obj.Type()
	}
	root := ""
	if len(pass.Files) > 0 {
		root, _, _ = gomod.Find(filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name()))
	}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) || inTestdata(root, pass.Fset.File(f.Pos()).Name()) {
			continue
		}
		c.quals = qualifiers(f, n.ScopePkg, scopePkg.Name())
		ast.Inspect(f, c.visit)
	}
	return nil
}

// findImport finds path among pkg's imports, direct or not: a value of
// type scope.Scope can reach a package that never imports scope.
func findImport(pkg *types.Package, path string) *types.Package {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) *types.Package
	walk = func(p *types.Package) *types.Package {
		for _, imp := range p.Imports() {
			if imp.Path() == path {
				return imp
			}
			if !seen[imp] {
				seen[imp] = true
				if found := walk(imp); found != nil {
					return found
				}
			}
		}
		return nil
	}
	return walk(pkg)
}

// inTestdata says whether file is in a testdata folder of the module at
// root, which the go command ignores too.
func inTestdata(root, file string) bool {
	rel, err := filepath.Rel(root, file)
	if root == "" || err != nil {
		rel = file
	}
	return slices.Contains(strings.Split(filepath.ToSlash(rel), "/"), "testdata")
}

// qualifiers are the names file imports the package at path by: its
// name for a plain import, the alias, or "." for a dot import; "_" is no
// name.
func qualifiers(f *ast.File, path, name string) []string {
	var names []string
	for _, imp := range f.Imports {
		if strings.Trim(imp.Path.Value, "\"`") != path {
			continue
		}
		switch {
		case imp.Name == nil:
			names = append(names, name)
		case imp.Name.Name != "_":
			names = append(names, imp.Name.Name)
		}
	}
	return names
}

func (c *checker) visit(node ast.Node) bool {
	switch node := node.(type) {
	case *ast.ImportSpec:
		return false
	case *ast.Field:
		if node.Tag != nil {
			c.handled[node.Tag] = true
		}
	case *ast.BinaryExpr:
		c.comparison(node)
	case *ast.CallExpr:
		c.parseCall(node)
	case *ast.IndexExpr:
		c.mapKey(node.X, node.Index)
	case *ast.CompositeLit:
		for _, elt := range node.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				c.mapKey(node, kv.Key)
			}
		}
	case *ast.SwitchStmt:
		c.stringSwitch(node)
		c.enumSwitch(node)
	case *ast.BasicLit:
		c.nativeLiteral(node)
	}
	return true
}
