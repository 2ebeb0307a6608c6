package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/scopegen/scopegen/generator/breaking"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
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
// git revision against, read with git from the manifest's folder. Both are
// read with the manifest's limit (rules.MaxBytes): git's blob is sized
// before it is read, and read through a bounded reader all the same.
func readAgainst(against, manifest string) (name string, data []byte, err error) {
	// A regular file, or a FIFO, device or socket (refused by ReadFile, not
	// taken for a revision); a folder may share a revision's name.
	if info, err := os.Stat(against); err == nil && !info.IsDir() {
		data, err := load.ReadFile(against)
		return filepath.ToSlash(against), data, err
	}
	if strings.HasPrefix(against, "-") || strings.ContainsAny(against, "\n\x00") { // git would take it for an option, or as two names
		return "", nil, fmt.Errorf("-against %q is neither a file nor a git revision", against)
	}
	dir, base := filepath.Split(manifest)
	if dir == "" {
		dir = "."
	}
	// "./" makes git resolve the path from dir, not from the repository root.
	object := against + ":./" + base
	name = against + ":" + filepath.ToSlash(manifest)
	oid, kind, size, err := gitObject(dir, object)
	switch {
	case err != nil:
		return "", nil, fmt.Errorf("-against %s is not a file, and %v", against, err)
	case kind != "blob":
		return "", nil, fmt.Errorf("-against %s: %s is a git %s, not a file", against, object, kind)
	case size > rules.MaxBytes:
		return "", nil, fmt.Errorf("manifest %s is %d bytes; the limit is %d: %w", name, size, rules.MaxBytes, load.ErrTooLarge)
	}
	data, err = gitBlob(dir, oid)
	if err != nil {
		return "", nil, fmt.Errorf("manifest %s: %w", name, err)
	}
	return name, data, nil
}

// gitObject resolves object in the repository holding dir to its id, type
// and size, reading nothing of its content.
func gitObject(dir, object string) (oid, kind string, size int64, err error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch-check")
	cmd.Stdin = strings.NewReader(object + "\n")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return "", "", 0, fmt.Errorf("git cannot read %s: %s", object, strings.TrimSpace(stderr.String()))
		}
		return "", "", 0, fmt.Errorf("git could not be run: %v", err)
	}
	// "<oid> <type> <size>", or "<object> missing" (or "ambiguous").
	fields := strings.Fields(strings.TrimPrefix(stdout.String(), object))
	if len(fields) == 3 {
		if n, err := strconv.ParseInt(fields[2], 10, 64); err == nil {
			return fields[0], fields[1], n, nil
		}
	}
	return "", "", 0, fmt.Errorf("git cannot read %s: %s", object, strings.TrimSpace(strings.Join(fields, " ")))
}

// gitBlob reads blob oid, never more than rules.MaxBytes+1 bytes of it.
func gitBlob(dir, oid string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("git", "-C", dir, "cat-file", "blob", oid)
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git could not be run: %v", err)
	}
	data, readErr := io.ReadAll(io.LimitReader(pipe, rules.MaxBytes+1))
	if len(data) > rules.MaxBytes {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		return nil, fmt.Errorf("over %d bytes: %w", rules.MaxBytes, load.ErrTooLarge)
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git cat-file: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return data, readErr
}
