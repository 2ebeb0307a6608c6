package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/unitchecker"
	"golang.org/x/tools/go/packages"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/vet"
)

// vettoolEnv makes this binary speak go vet's -vettool protocol instead of
// scopegen's: vet -fix runs go vet with scopegen itself as the tool, so
// that the analysis framework applies the fixes.
const vettoolEnv = "SCOPEGEN_AS_VETTOOL"

func init() {
	if os.Getenv(vettoolEnv) == "1" {
		unitchecker.Main(vet.Analyzer) // exits
	}
}

// vet implements scopegen vet [flags] [packages].
func (e *env) vet(args []string) int {
	var c common
	fs := e.flags("vet", &c)
	fix := fs.Bool("fix", false, "apply the suggested fixes (through go vet -fix), then report what is left")
	if code, ok := e.parseFlags(fs, args); !ok {
		return code
	}
	if !validFormat(c.errorFormat) {
		fmt.Fprintf(e.stderr, "scopegen vet: unknown -error-format %q: one of %s\n", c.errorFormat, strings.Join(diag.Formats, ", "))
		return ExitUsage
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	importPath := c.goImportPath
	if importPath == "" {
		var err error
		if importPath, err = deriveImportPath(c.out); err != nil {
			fmt.Fprintf(e.stderr, "scopegen vet: %v\n", err)
			return ExitUsage
		}
	}
	data, code := e.readManifest("scopegen vet", &c)
	if code != ExitOK {
		return code
	}
	names, diags := vet.ResolveNames(c.manifest, data, importPath)
	if diags != nil {
		if err := diag.Print(e.stderr, diags, c.errorFormat, "error"); err != nil {
			return ExitInternal
		}
		return ExitManifest
	}
	if *fix {
		if code := e.vetFix(c.manifest, importPath, patterns); code != ExitOK {
			return code
		}
	}
	findings, code := e.analyze(names, patterns)
	if code != ExitOK {
		return code
	}
	if err := diag.Print(e.stdout, findings, c.errorFormat, "error"); err != nil {
		fmt.Fprintf(e.stderr, "scopegen vet: %v\n", err)
		return ExitInternal
	}
	if len(findings) > 0 {
		fmt.Fprintf(e.stderr, "scopegen vet: %d finding(s)\n", len(findings))
		return ExitFindings
	}
	return ExitOK
}

func validFormat(format string) bool {
	for _, f := range diag.Formats {
		if f == format {
			return true
		}
	}
	return false
}

// analyze loads the packages and runs the analyzer over them.
func (e *env) analyze(names *vet.Names, patterns []string) (diag.List, int) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Tests: true}, patterns...)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen vet: %v\n", err)
		return nil, ExitInternal
	}
	broken := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, err := range p.Errors {
			fmt.Fprintf(e.stderr, "scopegen vet: %v\n", err)
			broken = true
		}
	})
	if broken {
		return nil, ExitInternal
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{vet.NewAnalyzer(names)}, pkgs, nil)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen vet: %v\n", err)
		return nil, ExitInternal
	}
	cwd, _ := os.Getwd()
	var findings diag.List
	for _, act := range graph.Roots {
		if act.Err != nil {
			fmt.Fprintf(e.stderr, "scopegen vet: %s: %v\n", act.Package.PkgPath, act.Err)
			return nil, ExitInternal
		}
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			file := pos.Filename
			if rel, err := filepath.Rel(cwd, file); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
			}
			findings = append(findings, diag.Diagnostic{File: filepath.ToSlash(file), Line: pos.Line, Column: pos.Column, Rule: d.Category, Message: d.Message})
		}
	}
	// A package's files are analyzed once alone and once with its tests.
	return findings.Sorted(), ExitOK
}

// vetFix applies the suggested fixes by running go vet -fix with this
// binary as the vet tool.
func (e *env) vetFix(manifest, importPath string, patterns []string) int {
	self, err := os.Executable()
	if err == nil {
		manifest, err = filepath.Abs(manifest)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen vet: %v\n", err)
		return ExitInternal
	}
	args := append([]string{"vet", "-vettool=" + self, "-fix", "-scopegen.manifest=" + manifest, "-scopegen.go-import-path=" + importPath}, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), vettoolEnv+"=1")
	cmd.Stdout, cmd.Stderr = e.stdout, e.stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(e.stderr, "scopegen vet: go vet -fix: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}
