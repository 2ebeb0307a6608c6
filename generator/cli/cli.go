// Package cli implements the scopegen command line. cmd/scopegen only
// calls Main; tests run Main in-process through testscript.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/output"
)

// Exit codes. Scripts may rely on them; README documents them.
const (
	ExitOK       = 0
	ExitInternal = 1 // I/O failure or a scopegen bug
	ExitUsage    = 2 // bad command line
	ExitManifest = 3 // the manifest is invalid
	ExitDrift    = 4 // check: the output folder is not what the manifest produces
	ExitBreaking = 5 // breaking: the manifest breaks consumers of the previous one
)

const usage = `usage: scopegen [command] [flags]

Commands:
  generate   write the output folder from the manifest (the default)
  check      write nothing; exit 4 and show a diff when the output folder is stale
  breaking   report changes that break consumers of an earlier manifest

Run 'scopegen <command> -h' for the command's flags.
`

// env is what a command reads and writes; tests swap the writers.
type env struct {
	stdout, stderr io.Writer
}

// Main runs scopegen with args (without the program name) and returns the
// exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	cmd := "generate"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "generate":
		return e.generate(args, true)
	case "check":
		return e.generate(args, false)
	case "breaking":
		return e.breaking(args)
	case "help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "scopegen: unknown command %q%s\n%s", cmd, diag.DidYouMean(cmd, []string{"generate", "check", "breaking", "help"}), usage)
	return ExitUsage
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
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
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
	rep, err := output.Write(c.out, files, c.manifest)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return ExitInternal
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(e.stderr, "scopegen: warning: %s\n", w)
	}
	if len(rep.Written)+len(rep.Removed) > 0 {
		fmt.Fprintf(e.stderr, "scopegen: %d written, %d unchanged, %d removed\n", len(rep.Written), rep.Unchanged, len(rep.Removed))
	}
	return ExitOK
}

// produce reads the manifest and runs the pipeline. It returns nil files
// and an exit code when there is nothing to write.
func (e *env) produce(c *common) (output.Files, int) {
	if err := output.CheckOutDir(c.out, c.manifest); err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return nil, ExitUsage
	}
	data, err := load.ReadFile(c.manifest)
	switch {
	case errors.Is(err, load.ErrTooLarge):
		diags := diag.List{diag.At(filepath.ToSlash(c.manifest), diag.Pos{}, diag.Limit, "%v", err)}
		if err := diag.Print(e.stderr, diags, c.errorFormat, "error"); err != nil {
			return nil, ExitInternal
		}
		return nil, ExitManifest
	case errors.Is(err, load.ErrNotRegular):
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return nil, ExitUsage
	case err != nil:
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return nil, ExitInternal
	}
	importPath := c.goImportPath
	if importPath == "" {
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
	drift, err := output.Compare(c.out, files)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen: %v\n", err)
		return ExitInternal
	}
	if drift.Clean() {
		return ExitOK
	}
	fmt.Fprint(e.stdout, drift.Diff)
	for _, p := range drift.Missing {
		fmt.Fprintf(e.stdout, "missing: %s\n", filepath.ToSlash(filepath.Join(c.out, p)))
	}
	for _, p := range drift.Stale {
		fmt.Fprintf(e.stdout, "stale: %s\n", filepath.ToSlash(filepath.Join(c.out, p)))
	}
	fmt.Fprintf(e.stderr, "scopegen: %s is out of date (%d changed, %d missing, %d stale); run: go generate ./... (or %s)\n",
		c.out, len(drift.Changed), len(drift.Missing), len(drift.Stale), fix)
	return ExitDrift
}

// fixCommand is the generate command that fixes what check found: the
// flags check was given that change what is produced, shell-quoted.
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
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			mod := modfile.ModulePath(data)
			if mod == "" {
				return "", fmt.Errorf("%s has no module line", filepath.Join(dir, "go.mod"))
			}
			rel, err := filepath.Rel(dir, abs)
			if err != nil {
				return "", err
			}
			return mod + "/" + filepath.ToSlash(rel), nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("no go.mod above %s: pass -go-import-path", out)
		}
	}
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
