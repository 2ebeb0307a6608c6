package cli

import (
	"flag"
	"fmt"
	"runtime/debug"
)

// modulePath is scopegen's module; its version is what version prints.
const modulePath = "github.com/scopegen/scopegen"

// version prints scopegen's module version from the build info: a tag
// such as v1.2.0 when installed from the module proxy, "(devel)" when
// built from a checkout (the main module, or a dependency replaced by a
// directory, as in `go get -tool` with a replace).
func (e *env) version(args []string) int {
	fs := flag.NewFlagSet("scopegen version", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	var c common
	c.errorFormat = "text"
	if code := e.parse(fs, args, &c); code >= 0 {
		return code
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		fmt.Fprintln(e.stderr, "scopegen version: no build info in this binary")
		return ExitInternal
	}
	fmt.Fprintf(e.stdout, "scopegen %s\n", moduleVersion(info))
	return ExitOK
}

// moduleVersion finds scopegen's module in info, as the main module or a
// dependency, and returns its version.
func moduleVersion(info *debug.BuildInfo) string {
	mod := &info.Main
	if mod.Path != modulePath {
		mod = nil
		for _, dep := range info.Deps {
			if dep.Path == modulePath {
				mod = dep
			}
		}
	}
	switch {
	case mod == nil:
		return "(devel)" // a test binary or an unusual build: no module to name
	case mod.Replace != nil && mod.Replace.Version == "":
		return "(devel)" // replaced by a directory: a checkout
	case mod.Replace != nil:
		return mod.Replace.Version
	case mod.Version == "":
		return "(devel)"
	}
	return mod.Version
}
