package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/scopegen/scopegen/generator/breaking"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
)

// breaking compares the manifest with an earlier version of itself and
// prints every change that breaks consumers of what the earlier one
// generated; it exits ExitBreaking when there is any.
func (e *env) breaking(args []string) int {
	var c common
	var against string
	var except []string
	fs := flag.NewFlagSet("scopegen breaking", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.manifest, "manifest", "manifest.yaml", "the manifest to check")
	fs.StringVar(&against, "against", "", "the earlier manifest: a file, or else a git revision whose copy of -manifest is read")
	fs.StringVar(&c.errorFormat, "error-format", "text", "how to print findings: "+strings.Join(diag.Formats, ", "))
	fs.Func("except", "a rule ID not to check (repeat or separate with commas)", func(v string) error {
		for id := range strings.SplitSeq(v, ",") {
			except = append(except, strings.TrimSpace(id))
		}
		return nil
	})
	if code := e.parse(fs, args, &c); code >= 0 {
		return code
	}
	if against == "" {
		fmt.Fprintln(e.stderr, "scopegen breaking: -against is required: a file or a git revision (such as main or HEAD~1)")
		return ExitUsage
	}
	if unknown := breaking.UnknownRules(except); len(unknown) > 0 {
		fmt.Fprintf(e.stderr, "scopegen breaking: unknown rule %q in -except%s\n", unknown[0], diag.DidYouMean(unknown[0], breaking.RuleIDs()))
		return ExitUsage
	}

	prevName, prevData, err := readAgainst(against, c.manifest)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen breaking: %v\n", err)
		return ExitUsage
	}
	curData, code := e.readManifest("scopegen breaking", &c)
	if code != ExitOK {
		return code
	}
	prev, diags := breaking.Load(prevName, prevData)
	if diags != nil {
		fmt.Fprintf(e.stderr, "scopegen breaking: the earlier manifest %s is invalid, so nothing can be compared with it:\n", prevName)
		return e.printManifestProblems(diags, c.errorFormat)
	}
	cur, diags := breaking.Load(filepath.ToSlash(c.manifest), curData)
	if diags != nil {
		return e.printManifestProblems(diags, c.errorFormat)
	}
	findings := breaking.Check(prev, cur, except)
	if len(findings) == 0 {
		fmt.Fprintf(e.stderr, "scopegen breaking: no breaking change against %s\n", prevName)
		return ExitOK
	}
	if err := diag.Print(e.stdout, findings, c.errorFormat, "error"); err != nil {
		fmt.Fprintf(e.stderr, "scopegen breaking: %v\n", err)
		return ExitInternal
	}
	fmt.Fprintf(e.stderr, "scopegen breaking: %d breaking change(s) against %s\n", len(findings), prevName)
	return ExitBreaking
}

func (e *env) printManifestProblems(diags diag.List, format string) int {
	if err := diag.Print(e.stderr, diags, format, "error"); err != nil {
		return ExitInternal
	}
	return ExitManifest
}

// readAgainst returns the earlier manifest and the name to show for it:
// the file at against when there is one, else the manifest's copy in the
// git revision against, read with git show from the manifest's folder.
func readAgainst(against, manifest string) (name string, data []byte, err error) {
	if info, err := os.Stat(against); err == nil && info.Mode().IsRegular() {
		data, err := load.ReadFile(against)
		return filepath.ToSlash(against), data, err
	}
	if strings.HasPrefix(against, "-") { // git would take it for an option
		return "", nil, fmt.Errorf("-against %s is neither a file nor a git revision", against)
	}
	dir, base := filepath.Split(manifest)
	if dir == "" {
		dir = "."
	}
	// "./" makes git resolve the path from dir, not from the repository root.
	object := against + ":./" + base
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", "-C", dir, "show", object)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return "", nil, fmt.Errorf("-against %s is not a file, and git cannot read %s: %s", against, object, strings.TrimSpace(stderr.String()))
		}
		return "", nil, fmt.Errorf("-against %s is not a file, and git could not be run: %v", against, err)
	}
	return against + ":" + filepath.ToSlash(manifest), stdout.Bytes(), nil
}
