package vet

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/scopegen/scopegen/generator/diag"
)

// enumKind is what a generated enum's names are: scopes or platforms.
type enumKind struct {
	word  string            // "scope" or "platform", as the runtime error says
	parse string            // "Parse" or "ParsePlatform"
	names map[string]string // name → Go constant
	order []string          // names as the runtime suggests them
}

func (c *checker) kinds() (scope, platform enumKind) {
	return enumKind{"scope", "Parse", c.names.Scopes, c.names.ScopeOrder},
		enumKind{"platform", "ParsePlatform", c.names.Platforms, c.names.PlatformOrder}
}

// kindOf says whether t is scope.Scope or scope.Platform.
func (c *checker) kindOf(t types.Type) (enumKind, bool) {
	scope, platform := c.kinds()
	switch {
	case t == nil:
	case c.scope != nil && types.Identical(t, c.scope):
		return scope, true
	case c.platform != nil && types.Identical(t, c.platform):
		return platform, true
	}
	return enumKind{}, false
}

// unknown is the message the generated Parse would return for name.
func (k enumKind) unknown(name string) string {
	return fmt.Sprintf("unknown %s %q%s", k.word, name, diag.DidYouMean(name, k.order))
}

// stringLit returns e as a string literal and its value.
func (c *checker) stringLit(e ast.Expr) (*ast.BasicLit, string, bool) {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil, "", false
	}
	tv, ok := c.pass.TypesInfo.Types[lit]
	if !ok || tv.Value == nil {
		return nil, "", false
	}
	return lit, constant.StringVal(tv.Value), true
}

// stringer returns x and its kind when e is x.String() for a generated enum x.
func (c *checker) stringer(e ast.Expr) (ast.Expr, enumKind, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, enumKind{}, false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "String" {
		return nil, enumKind{}, false
	}
	k, ok := c.kindOf(c.pass.TypesInfo.TypeOf(sel.X))
	return sel.X, k, ok
}

func (c *checker) report(node ast.Node, rule diag.Rule, fix *analysis.SuggestedFix, format string, args ...any) {
	d := analysis.Diagnostic{Pos: node.Pos(), End: node.End(), Category: rule.ID, Message: fmt.Sprintf(format, args...)}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.pass.Report(d)
}

// constant is how the current file writes the Go constant goName at
// position at: through a name that, at that position, resolves to the
// scope package (a local variable, parameter or other declaration may
// shadow the import's name), or bare where a dot import makes goName
// itself resolve to the constant. "" when no name does: the finding is
// reported without a fix.
func (c *checker) constant(at token.Pos, goName string) string {
	want := c.scopePkg.Scope().Lookup(goName)
	inner := c.pass.Pkg.Scope().Innermost(at)
	if want == nil || inner == nil {
		return ""
	}
	for _, q := range c.quals {
		if q == "." {
			if _, obj := inner.LookupParent(goName, at); obj == want {
				return goName
			}
			continue
		}
		if _, obj := inner.LookupParent(q, at); obj != nil {
			if pkg, ok := obj.(*types.PkgName); ok && pkg.Imported() == c.scopePkg {
				return q + "." + goName
			}
		}
	}
	return ""
}

func replace(msg string, node ast.Node, text string) *analysis.SuggestedFix {
	return &analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{Pos: node.Pos(), End: node.End(), NewText: []byte(text)}}}
}

// comparison: s.String() == "scope.camera" is s == scope.Camera.
func (c *checker) comparison(e *ast.BinaryExpr) {
	if e.Op != token.EQL && e.Op != token.NEQ {
		return
	}
	recv, k, ok := c.stringer(e.X)
	lit, name, isLit := c.stringLit(e.Y)
	if !ok || !isLit {
		recv, k, ok = c.stringer(e.Y)
		lit, name, isLit = c.stringLit(e.X)
	}
	if !ok || !isLit {
		return
	}
	c.handled[lit] = true
	goName, known := k.names[name]
	if !known {
		c.report(lit, UnknownName, nil, "%s.String() is never %q: %s", types.ExprString(recv), name, k.unknown(name))
		return
	}
	var fix *analysis.SuggestedFix
	if cst := c.constant(e.Pos(), goName); cst != "" {
		fix = replace("compare with "+cst, e, fmt.Sprintf("%s %s %s", types.ExprString(recv), e.Op, cst))
	}
	c.report(lit, NameLiteral, fix, "%q is the %s %s: compare %s with it", name, k.word, c.qualified(goName), types.ExprString(recv))
}

// qualified names a constant of the scope package in a message.
func (c *checker) qualified(goName string) string {
	return c.scopePkg.Name() + "." + goName
}

// parseCall: Parse of a constant is either a constant or an error.
func (c *checker) parseCall(call *ast.CallExpr) {
	if len(call.Args) != 1 {
		return
	}
	var id *ast.Ident
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = fun
	case *ast.SelectorExpr:
		id = fun.Sel
	default:
		return
	}
	fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
	if !ok || fn.Pkg() != c.scopePkg {
		return
	}
	scope, platform := c.kinds()
	k := map[string]enumKind{"Parse": scope, "ParsePlatform": platform}[fn.Name()]
	if k.names == nil {
		return
	}
	tv := c.pass.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	if lit, _, ok := c.stringLit(call.Args[0]); ok {
		c.handled[lit] = true
	}
	name := constant.StringVal(tv.Value)
	if goName, known := k.names[name]; known {
		c.report(call.Args[0], NameLiteral, nil, "%s(%q) is always %s: use the constant", fn.Name(), name, c.qualified(goName))
		return
	}
	c.report(call.Args[0], UnknownName, nil, "%s(%q) always fails: %s", fn.Name(), name, k.unknown(name))
}

// mapKey: a scope name as the key of a string-keyed map is written
// scope.Camera.String().
func (c *checker) mapKey(mapExpr, key ast.Expr) {
	t := c.pass.TypesInfo.TypeOf(mapExpr)
	if t == nil {
		return
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return
	}
	if b, ok := m.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return
	}
	lit, name, ok := c.stringLit(key)
	if !ok {
		return
	}
	goName, known := c.names.Scopes[name]
	if !known {
		return
	}
	c.handled[lit] = true
	var fix *analysis.SuggestedFix
	if cst := c.constant(lit.Pos(), goName); cst != "" {
		fix = replace("use "+cst+".String()", lit, cst+".String()")
	}
	c.report(lit, NameLiteral, fix, "%q is the scope %s: use %s.String() as the key", name, c.qualified(goName), c.qualified(goName))
}

// stringSwitch: switch s.String() { case "scope.camera": } is switch s { case scope.Camera: }.
func (c *checker) stringSwitch(s *ast.SwitchStmt) {
	recv, k, ok := c.stringer(s.Tag)
	if !ok {
		return
	}
	edits := []analysis.TextEdit{{Pos: s.Tag.Pos(), End: s.Tag.End(), NewText: []byte(types.ExprString(recv))}}
	fixable, names := true, 0
	for _, stmt := range s.Body.List {
		for _, e := range stmt.(*ast.CaseClause).List {
			lit, name, isLit := c.stringLit(e)
			if !isLit {
				fixable = false
				continue
			}
			c.handled[lit] = true
			goName, known := k.names[name]
			if !known {
				fixable = false
				c.report(lit, UnknownName, nil, "%s.String() is never %q: %s", types.ExprString(recv), name, k.unknown(name))
				continue
			}
			names++
			cst := c.constant(lit.Pos(), goName)
			fixable = fixable && cst != ""
			edits = append(edits, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(cst)})
		}
	}
	if names == 0 {
		return
	}
	var fix *analysis.SuggestedFix
	if fixable {
		fix = &analysis.SuggestedFix{Message: "switch over " + types.ExprString(recv), TextEdits: edits}
	}
	c.report(s.Tag, NameLiteral, fix, "switch over %s compares %s names as strings: switch over %s and case on the constants", types.ExprString(s.Tag), k.word, types.ExprString(recv))
}

// enumSwitch: a switch over a generated enum names every value or has a default.
func (c *checker) enumSwitch(s *ast.SwitchStmt) {
	if s.Tag == nil {
		return
	}
	t := c.pass.TypesInfo.TypeOf(s.Tag)
	if _, ok := c.kindOf(t); !ok {
		return
	}
	covered := map[string]bool{}
	for _, stmt := range s.Body.List {
		clause := stmt.(*ast.CaseClause)
		if clause.List == nil {
			return // default
		}
		for _, e := range clause.List {
			if tv := c.pass.TypesInfo.Types[e]; tv.Value != nil {
				covered[tv.Value.ExactString()] = true
			}
		}
	}
	var missing []string
	for _, obj := range enumConstants(c.scopePkg, t) {
		if !covered[obj.Val().ExactString()] {
			missing = append(missing, obj.Name())
		}
	}
	if len(missing) == 0 {
		return
	}
	typeName := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	c.report(s.Tag, SwitchMissing, nil, "switch over %s misses %s and has no default", typeName, listNames(missing))
}

// enumConstants are pkg's exported constants of type t, by value.
func enumConstants(pkg *types.Package, t types.Type) []*types.Const {
	var out []*types.Const
	for _, name := range pkg.Scope().Names() {
		if obj, ok := pkg.Scope().Lookup(name).(*types.Const); ok && obj.Exported() && types.Identical(obj.Type(), t) {
			out = append(out, obj)
		}
	}
	slices.SortStableFunc(out, func(a, b *types.Const) int {
		if constant.Compare(a.Val(), token.LSS, b.Val()) {
			return -1
		}
		if constant.Compare(a.Val(), token.GTR, b.Val()) {
			return 1
		}
		return 0
	})
	return out
}

// listNames shows up to five names and how many more there are.
func listNames(names []string) string {
	const shown = 5
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}

// nativeLiteral: a host's own spelling comes from its platform package.
func (c *checker) nativeLiteral(lit *ast.BasicLit) {
	if c.handled[lit] || !c.direct {
		return
	}
	_, value, ok := c.stringLit(lit)
	if !ok {
		return
	}
	uses := c.names.Natives[value]
	if len(uses) == 0 {
		return
	}
	where := describeUses(uses, c.names.platformTitles, c.qualified)
	fn := "Native"
	if uses[0].Setting {
		fn = "SettingKey"
	}
	c.report(lit, NativeLiteral, nil, "%q is %s: use %s.%s(%s)", value, where, uses[0].Platform, fn, c.qualified(uses[0].Scope))
}

// describeUses says, per scope, which role a string plays on which hosts:
// "the native name and setting key of scope.Camera on ByteDance, WeChat".
func describeUses(uses []NativeUse, titles map[string]string, qualified func(string) string) string {
	type role struct {
		native, setting bool
		hosts           []string
	}
	roles := map[string]*role{}
	var order []string
	for _, u := range uses {
		r := roles[u.Scope]
		if r == nil {
			r = &role{}
			roles[u.Scope] = r
			order = append(order, u.Scope)
		}
		r.native = r.native || !u.Setting
		r.setting = r.setting || u.Setting
		if !slices.Contains(r.hosts, titles[u.Platform]) {
			r.hosts = append(r.hosts, titles[u.Platform])
		}
	}
	var parts []string
	for _, s := range order {
		r := roles[s]
		what := map[[2]bool]string{{true, false}: "native name", {false, true}: "setting key", {true, true}: "native name and setting key"}[[2]bool{r.native, r.setting}]
		parts = append(parts, fmt.Sprintf("the %s of %s on %s", what, qualified(s), strings.Join(r.hosts, ", ")))
	}
	return strings.Join(parts, "; ")
}
