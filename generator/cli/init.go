package cli

import (
	"errors"
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/scopegen/scopegen"
	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/generator/validate"
	"github.com/scopegen/scopegen/internal/gomod"
)

// initOptions are init's flags.
type initOptions struct {
	manifest, platforms, scopes, npmPackage string
	purposes                                map[string]string // scope name → purpose
}

// init writes a starter manifest from the catalog embedded in the binary
// (scopegen's own manifest.yaml), narrowed to the platforms and scopes
// asked for, and a doc.go with the go:generate line when the module has
// none. It never overwrites a file.
func (e *env) init(args []string) int {
	var o initOptions
	fs := flag.NewFlagSet("scopegen init", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&o.manifest, "manifest", "manifest.yaml", "the manifest to write")
	fs.StringVar(&o.platforms, "platforms", "", "comma-separated platform ids to keep (default: all)")
	fs.StringVar(&o.scopes, "scopes", "", "comma-separated scope names to keep (default: all the kept platforms support)")
	fs.StringVar(&o.npmPackage, "npm-package", "", "the npm package name (default: <module's last element>-authorize)")
	o.purposes = map[string]string{}
	fs.Func("purpose", "`scope=text`: the app requests scope, and its hosts show text to the user as the reason (repeat per scope; a requested scope without one gets a TODO: placeholder to fill in)", func(v string) error {
		name, text, ok := strings.Cut(v, "=")
		name, text = strings.TrimSpace(name), strings.TrimSpace(text)
		switch {
		case !ok || name == "" || text == "":
			return fmt.Errorf("want scope=text, such as scope.camera=Scans product barcodes")
		case o.purposes[name] != "":
			return fmt.Errorf("%s given twice", name)
		}
		// The manifest's own rule for a purpose (rules.Title), so that the
		// message names the flag rather than a line init is about to write.
		if problem := purposeProblem(text); problem != "" {
			return fmt.Errorf("the purpose of %s %s", name, problem)
		}
		o.purposes[name] = text
		return nil
	})
	c := common{errorFormat: "text"}
	if code := e.parse(fs, args, &c); code >= 0 {
		return code
	}
	fail := func(code int, format string, args ...any) int {
		fmt.Fprintf(e.stderr, "scopegen init: "+format+"\n", args...)
		return code
	}
	dir := filepath.Dir(o.manifest)
	modDir, modPath, err := findModule(dir)
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	name := o.npmPackage
	if name == "" {
		name = defaultNPMName(modPath)
	}
	sel := selection{platforms: splitList(o.platforms), scopes: splitList(o.scopes), npmPackage: name, purposes: o.purposes}
	manifest, err := narrowCatalog(scopegen.Catalog, sel)
	if err != nil {
		return fail(ExitUsage, "%v", err)
	}
	if _, err := os.Stat(o.manifest); err == nil {
		return fail(ExitUsage, "%s already exists; init never overwrites a file", diag.Quote(filepath.ToSlash(o.manifest)))
	}
	// What init writes must be what generate accepts, but for the
	// placeholders it writes on purpose for the user to fill in.
	if diags := unplannedProblems(filepath.ToSlash(o.manifest), manifest); len(diags) > 0 {
		fmt.Fprintf(e.stderr, "scopegen init: the starter manifest would be invalid, so nothing is written:\n")
		if err := diag.Print(e.stderr, diags, "text", "error"); err != nil {
			return ExitInternal
		}
		return ExitUsage
	}
	// Everything that can fail is decided before the first file is written.
	docPath, pkg := "", ""
	if has, err := hasGenerateLine(modDir); err != nil {
		return fail(ExitInternal, "%s", e.quotedErr(err, "", ""))
	} else if !has {
		docPath = filepath.Join(dir, "doc.go")
		if _, err := os.Stat(docPath); err == nil {
			return fail(ExitUsage, "%s already exists and the module has no go:generate line for scopegen; add to it: %s", diag.Quote(filepath.ToSlash(docPath)), generateLine)
		}
		if pkg, err = packageName(dir, modPath); err != nil {
			return fail(ExitUsage, "%v", err)
		}
	}
	if err := writeNew(o.manifest, manifest); err != nil {
		return fail(ExitInternal, "%s", e.quotedErr(err, "", ""))
	}
	wrote := diag.Quote(filepath.ToSlash(o.manifest))
	if docPath != "" {
		if err := writeNew(docPath, docGo(pkg)); err != nil {
			return fail(ExitInternal, "%s", e.quotedErr(err, "", ""))
		}
		wrote += " and " + diag.Quote(filepath.ToSlash(docPath))
	}
	fmt.Fprintf(e.stderr, "scopegen: wrote %s; next: %sgo generate ./...\n", wrote, fillIn(filepath.ToSlash(o.manifest), manifest))
	return ExitOK
}

// purposeProblem is how purpose breaks the manifest's rule for a
// purpose (rules.Title), or "".
func purposeProblem(purpose string) string {
	switch problem, r := rules.Title.Check(purpose); problem {
	case rules.TextBlank:
		return "is empty"
	case rules.TextMultiLine:
		return "must be a single line"
	case rules.TextTooLong:
		return fmt.Sprintf("is %d bytes long; the limit is %d", len(purpose), rules.Title.MaxLength)
	case rules.TextControl:
		return fmt.Sprintf("contains control character %U", r)
	}
	return ""
}

// unplannedProblems are the diagnostics of manifest (named name) other
// than the PURPOSE_REQUIRED placeholders init writes on purpose.
func unplannedProblems(name string, manifest []byte) diag.List {
	_, diags := generator.Resolve(name, manifest, generator.Options{})
	return slices.DeleteFunc(diags, func(d diag.Diagnostic) bool {
		return d.Rule == diag.PurposeRequired.ID && strings.Contains(d.Message, "is a placeholder")
	})
}

// fillIn asks the user to replace the placeholders in manifest (named
// name), naming their lines, or is "" when there are none.
func fillIn(name string, manifest []byte) string {
	lines := placeholderLines(manifest)
	if len(lines) == 0 {
		return ""
	}
	at := make([]string, len(lines))
	for i, n := range lines {
		at[i] = fmt.Sprintf("%s:%d", diag.Quote(name), n)
	}
	return fmt.Sprintf("write why the app requests each scope (the host shows it to the user) in place of the %s placeholder at %s, then: ",
		validate.PurposePlaceholder, strings.Join(at, ", "))
}

// placeholderLines are the 1-based lines of manifest that hold a
// placeholder purpose.
func placeholderLines(manifest []byte) []int {
	var out []int
	for i, line := range strings.Split(string(manifest), "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && k == "purpose" && validate.IsPurposePlaceholder(strings.Trim(strings.TrimSpace(v), `"'`)) {
			out = append(out, i+1)
		}
	}
	return out
}

const generateLine = "//go:generate go tool scopegen generate"

func docGo(pkg string) []byte {
	return []byte(fmt.Sprintf(`// Package %s holds manifest.yaml, the mini-program authorization scopes
// this project uses; go generate turns it into generated/ (Go packages, an
// npm package, docs and a JSON Schema).
package %s

%s
`, pkg, pkg, generateLine))
}

// writeNew creates path with data, failing if it exists.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func splitList(s string) []string {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// findModule returns the folder holding the go.mod at or above dir, and
// its module path.
func findModule(dir string) (string, string, error) {
	root, mod, err := gomod.Find(dir)
	if errors.Is(err, gomod.ErrNotFound) {
		return "", "", fmt.Errorf("no go.mod at or above %s: run go mod init first", dir)
	}
	return root, mod, err
}

var generateRE = regexp.MustCompile(`(?m)^//go:generate .*\bscopegen\b`)

// hasGenerateLine reports whether a .go file of the module (outside
// testdata, vendor, hidden folders and nested modules) runs scopegen.
func hasGenerateLine(modDir string) (bool, error) {
	found := false
	err := filepath.WalkDir(modDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			base := d.Name()
			if p != modDir && (base == "testdata" || base == "vendor" || base == "node_modules" || strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || exists(filepath.Join(p, "go.mod"))) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") {
			// A FIFO would block the read and a link to a device never end:
			// only regular files are read, through the manifest's limit.
			data, err := load.ReadRegular(p, "Go file", "", rules.MaxBytes)
			if errors.Is(err, load.ErrNotRegular) || errors.Is(err, load.ErrTooLarge) {
				return nil // skipped: such a file is no source to search
			}
			if err != nil {
				return err
			}
			if generateRE.Match(data) {
				found = true
				return filepath.SkipAll
			}
		}
		return nil
	})
	return found, err
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// packageName is the package of the .go files in dir (the one that is not
// main when there are two), or else a name made from the module path's
// last element. More packages than that is ambiguous: an error.
func packageName(dir, modPath string) (string, error) {
	pkgs, err := packageClauses(dir)
	if err != nil {
		return "", fmt.Errorf("reading the package of %s for doc.go: %v", dir, err)
	}
	names := slices.Sorted(maps.Keys(pkgs))
	if len(names) > 1 {
		names = slices.DeleteFunc(names, func(n string) bool { return n == "main" })
	}
	switch len(names) {
	case 0:
	case 1:
		return names[0], nil
	default:
		return "", fmt.Errorf("%s holds packages %s: which one doc.go joins is ambiguous; add %s to a .go file of the right one", filepath.ToSlash(dir), strings.Join(names, ", "), generateLine)
	}
	base := modPath[strings.LastIndex(modPath, "/")+1:]
	var b strings.Builder
	for _, r := range strings.ToLower(base) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "app" + name
	}
	return name, nil
}

// packageClauses reads the package clause of each .go file in dir (not
// _test.go), as go/parser.ParseDir would, but opens only regular files and
// through the manifest's size limit: ParseDir would block on a FIFO.
func packageClauses(dir string) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	pkgs := map[string]bool{}
	fset := token.NewFileSet()
	for _, ent := range entries {
		name := ent.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		path := filepath.Join(dir, name)
		data, err := load.ReadRegular(path, "Go file", "", rules.MaxBytes)
		if errors.Is(err, load.ErrNotRegular) || errors.Is(err, load.ErrTooLarge) {
			continue
		}
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, path, data, parser.PackageClauseOnly)
		if err != nil {
			return nil, err
		}
		pkgs[f.Name.Name] = true
	}
	return pkgs, nil
}

// defaultNPMName is "<last element>-authorize", lower-cased and limited
// to the characters npm accepts unescaped in a name.
func defaultNPMName(modPath string) string {
	base := strings.ToLower(modPath[strings.LastIndex(modPath, "/")+1:])
	var b strings.Builder
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case b.Len() > 0:
			b.WriteByte('-')
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "app"
	}
	return name + "-authorize"
}

// unknownName reports a name that is not in the catalog, with a did-you-mean.
func unknownName(kind, flagName, got string, known []string) error {
	return fmt.Errorf("unknown %s %q in -%s%s", kind, got, flagName, diag.DidYouMean(got, known))
}
