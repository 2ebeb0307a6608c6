package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
)

// Synopsis is one line per command: how to call it, with every flag.
func Synopsis() string {
	var b strings.Builder
	for i, c := range commands {
		b.WriteString(synopsisLine(c, i == 0, 10))
		b.WriteByte('\n')
	}
	return b.String()
}

// synopsisLine is c's synopsis, its name padded to width.
func synopsisLine(c command, isDefault bool, width int) string {
	name := c.name
	if isDefault {
		name = "[" + name + "]"
	}
	return strings.TrimRight(fmt.Sprintf("scopegen %-*s %s", width, name, c.synopsis), " ")
}

// usage lists every command with its summary, and the exit codes.
func usage() string {
	var b strings.Builder
	b.WriteString("usage: scopegen [command] [flags]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	b.WriteString(`
Run 'scopegen <command> -h' for the command's flags.

Exit codes: 0 ok, 1 I/O or internal error, 2 usage, 3 invalid manifest,
4 stale output (check), 5 breaking changes (breaking), 6 findings (vet).
'go tool scopegen' passes them on; 'go run' exits 1 for any of them (it
prints "exit status N").
`)
	return b.String()
}

// help prints the command list, or with a command name, that command's flags.
func (e *env) help(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(e.stdout, usage())
		return ExitOK
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(e.stderr, "scopegen help: unknown command %q%s\n", args[0], diag.DidYouMean(args[0], commandNames()))
		return ExitUsage
	}
	fmt.Fprintf(e.stdout, "usage: %s\n\n%s.\n", synopsisLine(c, c.name == commands[0].name, 0), upperFirst(c.summary))
	flags, code := "", ExitOK
	if c.name != "help" { // help has no flags; running it with -h would list commands
		flags, code = flagHelp(c)
	}
	if flags == "" {
		fmt.Fprint(e.stdout, "\nIt has no flags.\n")
	} else {
		fmt.Fprintf(e.stdout, "\nFlags:\n%s", flags)
	}
	return code
}

// flagHelp is the flag package's list of c's flags, each with its
// description, as c prints it for -h (less its usage line).
func flagHelp(c command) (string, int) {
	var buf strings.Builder
	code := c.run(&env{stdout: &buf, stderr: &buf}, []string{"-h"})
	_, flags, _ := strings.Cut(buf.String(), "\n")
	return flags, code
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// parseFlags parses args into fs. For -h it prints fs's flags and returns
// (ExitOK, false); for a bad flag it prints the flag package's one-line
// error, a did-you-mean for a misspelt name, and where the flags are
// listed, and returns (ExitUsage, false).
func (e *env) parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	var buf strings.Builder
	out := fs.Output()
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(out)
	switch {
	case err == nil:
		return 0, true
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(out, buf.String())
		return ExitOK, false
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, "-"+f.Name) })
		if hint := diag.DidYouMean("-"+strings.TrimLeft(name, "-"), names); hint != "" {
			msg = "flag provided but not defined: " + name + hint
		}
	}
	cmd := strings.TrimPrefix(fs.Name(), "scopegen ")
	fmt.Fprintf(out, "%s: %s\nRun 'scopegen help %s' for its flags.\n", fs.Name(), msg, cmd)
	return ExitUsage, false
}
