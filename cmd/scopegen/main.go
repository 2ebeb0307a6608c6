// Command scopegen turns manifest.yaml, a declarative table of mini-program
// authorization scopes, into everything a cross-platform authorize needs:
// typed Go packages, an npm package (typings and a runtime per host),
// Markdown docs and a JSON Schema of the manifest.
//
// Usage:
//
//	scopegen [generate] [-manifest manifest.yaml] [-out generated] [-go-import-path PATH] [-error-format text|json|github-actions]
//	scopegen check      [-manifest manifest.yaml] [-out generated] [-go-import-path PATH] [-error-format text|json|github-actions]
//	scopegen breaking   -against REF [-manifest manifest.yaml] [-except RULE,...] [-error-format FORMAT]
//	scopegen hostconfig -platform ID [-merge FILE] [-manifest manifest.yaml] [-error-format FORMAT]
//	scopegen vet        [-fix] [-manifest manifest.yaml] [-out generated] [-go-import-path PATH] [-error-format FORMAT] [packages]
//	scopegen init       [-platforms ID,...] [-scopes NAME,...] [-purpose SCOPE=TEXT]... [-manifest manifest.yaml] [-npm-package NAME]
//	scopegen add        [-platform ID,...] [-scope NAME,...] [-manifest manifest.yaml] [-error-format FORMAT]
//	scopegen version
//	scopegen help       [COMMAND]
//
// generate (the default) writes the output folder: only files whose bytes
// changed are rewritten, each atomically, and a file no longer produced is
// removed only when the folder's record (.scopegen/FILES) lists it as
// written by scopegen; a file without scopegen's header where a file goes
// is refused. check writes nothing and exits 4 with a unified diff when the
// folder is stale, or holds a Go or npm package file scopegen did not write.
//
// A manifest problem is printed as manifest.yaml:LINE:COL: message (RULE_ID)
// and nothing is written.
//
// init writes a starter manifest.yaml from the catalog built into the
// binary (scopegen's own manifest), and a doc.go with the go:generate line
// when the module has none; it never overwrites a file.
//
// vet reports hand-written Go strings that duplicate a name the generated
// packages declare. hostconfig prints (or with -merge merges into an
// app.json) the app.json keys scopegen owns for one host; for HarmonyOS the
// module.json5 requestPermissions and the string.json resources they name.
//
// Exit codes: 0 ok, 1 I/O or internal error, 2 usage, 3 invalid manifest,
// 4 stale output (check), 5 breaking changes found (breaking), 6 findings
// (vet). go tool
// scopegen passes them on; go run exits 1 for any failure.
//
// In a module, run it through go generate:
//
//	//go:generate go tool scopegen generate
package main

import (
	"os"

	"github.com/scopegen/scopegen/generator/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
