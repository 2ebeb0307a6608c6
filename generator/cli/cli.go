// Package cli implements the scopegen command line. cmd/scopegen only
// calls Main; tests run Main in-process through testscript.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aymanbagabas/go-udiff"
	"golang.org/x/mod/module"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/outdir"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/internal/gomod"
)

// Exit codes. Scripts may rely on them; README documents them.
const (
	ExitOK       = 0
	ExitInternal = 1 // I/O failure or a scopegen bug
	ExitUsage    = 2 // bad command line
	ExitManifest = 3 // the manifest is invalid
	ExitDrift    = 4 // check: the output folder is not what the manifest produces
	ExitBreaking = 5 // breaking: the manifest breaks consumers of the previous one
	ExitFindings = 6 // vet: the Go code has findings
)

// command is one subcommand: its name, its synopsis (the arguments after
// the name), the line help prints for it, and what runs it. A new command
// joins by adding one entry to commands. README's CLI block and the
// command's package doc repeat Synopsis(); TestSynopsis holds them equal,
// and each synopsis to the command's flags.
type command struct {
	name, synopsis, summary string
	run                     func(e *env, args []string) int
}

// commands are listed by help in this order; the first is the default.
// (Set in init: help reads the table, so a plain initializer would be a cycle.)
var commands []command

func init() {
	const generateFlags = "[-manifest manifest.yaml] [-out generated] [-go-import-path PATH] [-error-format text|json|github-actions]"
	commands = []command{
		{"generate", generateFlags, "write the output folder from the manifest (the default)", func(e *env, args []string) int { return e.generate(args, true) }},
		{"check", generateFlags, "write nothing; exit 4 and show a diff when the output folder is stale", func(e *env, args []string) int { return e.generate(args, false) }},
		{"breaking", "-against REF [-manifest manifest.yaml] [-except RULE,...] [-error-format FORMAT]", "report changes that break consumers of an earlier manifest", (*env).breaking},
		{"hostconfig", "-platform ID [-merge FILE] [-manifest manifest.yaml] [-error-format FORMAT]", "print a host's app.json fragment (HarmonyOS: module.json5), or merge it into that file (-merge)", (*env).hostconfig},
		{"vet", "[-fix] [-manifest manifest.yaml] [-out generated] [-go-import-path PATH] [-error-format FORMAT] [packages]", "check Go code against the manifest's names; exit 6 on findings", (*env).vet},
		{"init", "[-platforms ID,...] [-scopes NAME,...] [-purpose SCOPE=TEXT]... [-manifest manifest.yaml] [-npm-package NAME]", "write a starter manifest.yaml (and doc.go) from the built-in catalog", (*env).init},
		{"add", "[-platform ID,...] [-scope NAME,...] [-manifest manifest.yaml] [-error-format FORMAT]", "bring a host or a scope from the built-in catalog into the manifest", (*env).add},
		{"version", "", "print scopegen's module version", (*env).version},
		{"help", "[COMMAND]", "list the commands; 'help <command>' shows that command's flags", (*env).help},
	}
}

func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// env is what a command reads and writes; tests swap the writers.
type env struct {
	stdout, stderr io.Writer
}

// Main runs scopegen with args (without the program name) and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	name := commands[0].name
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	} else if len(args) > 0 && isHelpFlag(args[0]) {
		name, args = "help", nil
	}
	if c, ok := lookup(name); ok {
		return c.run(e, args)
	}
	fmt.Fprintf(stderr, "scopegen: unknown command %q%s\n%s", name, diag.DidYouMean(name, commandNames()), usage())
	return ExitUsage
}

func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// common holds the flags generate and check share.
type common struct {
	manifest, out, goImportPath, errorFormat string
}

func (e *env) flags(name string, c *common) *flag.FlagSet {
	fs := flag.NewFlagSet("scopegen "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.manifest, "manifest", "manifest.yaml", "the manifest to read")
	fs.StringVar(&c.out, "out", "generated", "the output folder")
	fs.StringVar(&c.goImportPath, "go-import-path", "", "import path of the output folder (default: derived from the nearest go.mod)")
	fs.StringVar(&c.errorFormat, "error-format", "text", "how to print manifest problems: "+strings.Join(diag.Formats, ", "))
	return fs
}

func (e *env) parse(fs *flag.FlagSet, args []string, c *common) int {
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return ExitUsage
	}
	for _, f := range diag.Formats {
		if f == c.errorFormat {
			return -1
		}
	}
	fmt.Fprintf(e.stderr, "%s: unknown -error-format %q: one of %s\n", fs.Name(), c.errorFormat, strings.Join(diag.Formats, ", "))
	return ExitUsage
}

// generate implements generate (write) and check (!write): the same
// pipeline, differing only in what is done with the files.
func (e *env) generate(args []string, write bool) int {
	var c common
	name := map[bool]string{true: "generate", false: "check"}[write]
	fs := e.flags(name, &c)
	if code := e.parse(fs, args, &c); code >= 0 {
		return code
	}
	files, code := e.produce(&c)
	if files == nil {
		return code
	}
	if !write {
		return e.check(&c, files, fixCommand(fs))
	}
	rep, err := outdir.Write(c.out, files, c.manifest)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return ExitInternal
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(e.stderr, "scopegen: warning: %s: %s\n", userPath(c.out, w.Path), w.Reason)
	}
	if len(rep.Written)+len(rep.Removed) > 0 {
		fmt.Fprintf(e.stderr, "scopegen: %d written, %d unchanged, %d removed\n", len(rep.Written), rep.Unchanged, len(rep.Removed))
	}
	return ExitOK
}

// readManifest reads c.manifest with load.ReadFile's limits, as every
// command that reads it does. A manifest over the size limit is a
// LIMIT_EXCEEDED diagnostic (exit 3), one that is not a regular file a
// usage error (exit 2), anything else exit 1; the problem is printed after
// prefix and the exit code is returned.
func (e *env) readManifest(prefix string, c *common) ([]byte, int) {
	data, err := load.ReadFile(c.manifest)
	switch {
	case errors.Is(err, load.ErrTooLarge):
		diags := diag.List{diag.At(filepath.ToSlash(c.manifest), diag.Pos{}, diag.LimitExceeded, "%v", err)}
		return nil, e.printManifestProblems(diags, c.errorFormat)
	case errors.Is(err, load.ErrNotRegular):
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, e.quotedErr(err, c.manifest, c.manifest))
		return nil, ExitUsage
	case err != nil:
		fmt.Fprintf(e.stderr, "%s: %s\n", prefix, e.quotedErr(err, c.manifest, c.manifest))
		return nil, ExitInternal
	}
	return data, ExitOK
}

// manifestIsFolder says what to give instead when -manifest names a
// folder (the output folder is a common slip), or returns "". Checked
// before the output folder, whose own refusal would read as a riddle.
func manifestIsFolder(c *common) string {
	info, err := os.Stat(c.manifest)
	if err != nil || !info.IsDir() {
		return ""
	}
	msg := fmt.Sprintf("-manifest %s is a folder: give the path of the manifest file", filepath.ToSlash(c.manifest))
	if out, err := os.Stat(c.out); err == nil && os.SameFile(info, out) {
		msg += fmt.Sprintf(" (%s is the output folder, -out)", filepath.ToSlash(c.out))
	}
	if inside := filepath.Join(c.manifest, "manifest.yaml"); exists(inside) {
		msg += fmt.Sprintf(", such as %s", filepath.ToSlash(inside))
	}
	return msg
}

// produce reads the manifest and runs the pipeline. It returns nil files
// and an exit code when there is nothing to write.
func (e *env) produce(c *common) (output.Files, int) {
	if msg := manifestIsFolder(c); msg != "" {
		fmt.Fprintf(e.stderr, "scopegen: %s\n", msg)
		return nil, ExitUsage
	}
	if err := outdir.CheckOutDir(c.out, c.manifest); err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return nil, ExitUsage
	}
	data, code := e.readManifest("scopegen", c)
	if code != ExitOK {
		return nil, code
	}
	importPath := c.goImportPath
	if importPath == "" {
		var err error
		if importPath, err = deriveImportPath(c.out); err != nil {
			fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
			return nil, ExitUsage
		}
	}
	if err := checkImportPath(importPath, c.goImportPath == ""); err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return nil, ExitUsage
	}
	files, diags, err := generator.Generate(filepath.ToSlash(c.manifest), data, generator.Options{GoImportPath: importPath})
	if len(diags) > 0 {
		if err := diag.Print(e.stderr, diags, c.errorFormat, "error"); err != nil {
			return nil, ExitInternal
		}
		return nil, ExitManifest
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen: internal error: %v\n", err)
		return nil, ExitInternal
	}
	return files, ExitOK
}

func (e *env) check(c *common, files output.Files, fix string) int {
	drift, err := outdir.Compare(c.out, files)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return ExitInternal
	}
	if drift.Clean() {
		return ExitOK
	}
	// Every path printed is as the user names it (below -out as given), the
	// same in the diff as in the lists; `patch -p0` applies the diff.
	for _, p := range append(slices.Clone(drift.Changed), drift.Missing...) {
		old, err := os.ReadFile(filepath.Join(c.out, filepath.FromSlash(p)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
			return ExitInternal
		}
		shown := userPath(c.out, p)
		fmt.Fprint(e.stdout, udiff.Unified(shown+"\t(on disk)", shown+"\t(generated)", string(old), string(drift.Expected[p])))
	}
	for _, p := range drift.Missing {
		fmt.Fprintf(e.stdout, "missing: %s\n", userPath(c.out, p))
	}
	for _, p := range drift.Stale {
		fmt.Fprintf(e.stdout, "stale: %s\n", userPath(c.out, p))
	}
	for _, p := range drift.Unowned {
		fmt.Fprintf(e.stdout, "unowned: %s\n", userPath(c.out, p))
	}
	if len(drift.Changed)+len(drift.Missing)+len(drift.Stale) > 0 {
		fmt.Fprintf(e.stderr, "scopegen: %s is out of date (%d changed, %d missing, %d stale); run: go generate ./... (or %s)\n",
			diag.Quote(c.out), len(drift.Changed), len(drift.Missing), len(drift.Stale), fix)
	}
	if len(drift.Unowned) > 0 {
		fmt.Fprintf(e.stderr, "scopegen: %s holds %d file(s) scopegen did not write where they would be compiled or published with its output (unowned:); move them out of the folder, or delete them\n",
			diag.Quote(c.out), len(drift.Unowned))
	}
	return ExitDrift
}

// fixCommand is the generate command that fixes what check found: the
// flags check was given that change what is produced, shell-quoted.
// userPath is p, a slash path below the output folder, as the user names
// it (joined to -out as given, with slashes), quoted for the terminal
// (diag.Quote): p may be a name found on disk.
func userPath(out, p string) string {
	return diag.Quote(filepath.ToSlash(filepath.Join(out, filepath.FromSlash(p))))
}

func fixCommand(fs *flag.FlagSet) string {
	cmd := []string{"scopegen", "generate"}
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "error-format" {
			cmd = append(cmd, "-"+f.Name, shellQuote(f.Value.String()))
		}
	})
	return strings.Join(cmd, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// deriveImportPath finds the go.mod above out and joins its module path
// with out's position below it.
func deriveImportPath(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	root, mod, err := gomod.Find(filepath.Dir(abs))
	if errors.Is(err, gomod.ErrNotFound) {
		return "", fmt.Errorf("no go.mod above %s: pass -go-import-path", diag.Quote(out))
	}
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", err
	}
	return mod + "/" + filepath.ToSlash(rel), nil
}

// checkImportPath refuses a Go import path the generated packages could
// not be imported by (spaces, quotes, "..", a trailing slash, ...), naming
// where it came from.
func checkImportPath(p string, derived bool) error {
	if err := module.CheckImportPath(p); err != nil {
		if derived {
			return fmt.Errorf("the output folder's import path %q (derived from go.mod and -out) is not a valid Go import path: %v; rename the folder or pass -go-import-path", p, err)
		}
		return fmt.Errorf("-go-import-path %q is not a valid Go import path: %v", p, err)
	}
	return nil
}
