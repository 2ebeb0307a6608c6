package model_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRulesNeedingResolutionLiveInChecks: the manifest rules go into
// validate, except those that need what Build derives (Go and TypeScript
// names, the detection order); CONTRIBUTING.md says they live in
// checks.go, and this holds it: no other file of the package reports a
// diagnostic (builder.report, the one way Build reports, is defined in
// build.go and called only from checks.go).
func TestRulesNeedingResolutionLiveInChecks(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	reports := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && fn.Name.Name == "report" && name == "build.go" {
				return false // the definition itself calls diag.At
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, _ := sel.X.(*ast.Ident)
			if sel.Sel.Name == "report" || (pkg != nil && pkg.Name == "diag" && (sel.Sel.Name == "At" || sel.Sel.Name == "Diagnostic")) {
				if name == "checks.go" {
					reports++
				} else {
					t.Errorf("%s reports a diagnostic (%s): a manifest rule goes into validate, or into checks.go if it needs resolved data", name, sel.Sel.Name)
				}
			}
			return true
		})
	}
	assert.Positive(t, reports, "checks.go reports the rules that need resolved data")
}
