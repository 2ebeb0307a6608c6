package validate

import (
	"go/token"
	"slices"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// platformID checks a platform id against the Go package-name policy in
// model; the id's shape has been checked already.
func (c *checker) platformID(id load.String) {
	switch {
	case token.IsKeyword(id.Value) || slices.Contains(rules.ReservedPlatformIDs, id.Value):
		c.report(id.Pos, diag.InvalidName, "platform id %q is reserved", id.Value)
	case slices.Contains(rules.ReservedGoPackageNames, id.Value):
		c.report(id.Pos, diag.InvalidName, "platform id %q cannot name a Go package that can be imported and used (%q is %s): choose another id", id.Value, id.Value, goPackageProblem(id.Value))
	case rules.GoToolingDirs[id.Value] != "":
		c.report(id.Pos, diag.InvalidName, "platform id %q names the Go package folder generated/platform/%s, which the go command treats specially (%s): choose another id", id.Value, id.Value, rules.GoToolingDirs[id.Value])
	case slices.Contains(rules.WindowsReservedNames, id.Value):
		c.report(id.Pos, diag.InvalidName, "platform id %q cannot name a file of a Go module (a name Windows reserves): choose another id", id.Value)
	}
}

func goPackageProblem(name string) string {
	switch name {
	case "main":
		return "a command, which nothing can import"
	case "init":
		return "a function name Go reserves"
	}
	return "predeclared in Go"
}

// notPrototypeName refuses a global every JavaScript object has.
func (c *checker) notPrototypeName(s load.String, what string) bool {
	if slices.Contains(rules.ObjectPrototypeNames, s.Value) {
		c.report(s.Pos, diag.InvalidName, "%s %q is a property every JavaScript object inherits from Object.prototype (every host would seem to define it): choose another name", what, s.Value)
		return false
	}
	return true
}

// hostGlobal refuses, for a global the runtime reads to detect a host, a
// name every JavaScript environment defines or the runtime binds itself.
func (c *checker) hostGlobal(s load.String, what string) bool {
	switch {
	case slices.Contains(rules.ECMAScriptGlobals, s.Value):
		c.report(s.Pos, diag.InvalidName, "%s %q is a global every JavaScript environment defines (every host would seem to be this one): choose the name only this host defines", what, s.Value)
	case slices.Contains(rules.CommonJSWrapperNames, s.Value):
		c.report(s.Pos, diag.InvalidName, "%s %q is a variable of the CommonJS module wrapper: the runtime's .js entries would read their own, not the host's: choose another name", what, s.Value)
	case slices.Contains(rules.RuntimeBindings, s.Value):
		c.report(s.Pos, diag.InvalidName, "%s %q is a name the generated runtime declares itself: it would read its own binding, not the host's: choose another name", what, s.Value)
	default:
		return true
	}
	return false
}

// npmPackage checks npm's own rules for the package name.
func (c *checker) npmPackage(s load.String) {
	if !c.pattern(s, rules.NPMPackagePattern, "npm.package", "an npm package name such as @scope/name") {
		return
	}
	name := s.Value[strings.LastIndexByte(s.Value, '/')+1:]
	switch {
	case len(s.Value) > rules.MaxNPMPackageLength:
		c.report(s.Pos, diag.InvalidName, "npm.package is %d bytes long; npm allows %d", len(s.Value), rules.MaxNPMPackageLength)
	case slices.Contains(rules.ReservedNPMNames, name):
		c.report(s.Pos, diag.InvalidName, "npm.package %q is a name npm refuses", s.Value)
	}
}
