package cli_test

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/scopegen/scopegen/generator/cli"
)

// TestMain makes the test binary double as the scopegen command, so the
// scripts run the real CLI (flags, exit codes, files) without a separate
// build step.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"scopegen": func() { os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the end-to-end scripts in testdata/script/*.txtar.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup:               goEnv,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"snapshot": snapshot, "replace": replace},
	})
}

// snapshot DIR FILE writes to FILE one line per entry under DIR: its
// path and a hash of its mode, mtime and content (walkTree). Comparing two
// snapshots with cmp proves a command left a tree byte-for-byte alone.
func snapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR FILE")
	}
	state, err := walkTree(ts.MkAbs(args[0]))
	ts.Check(err)
	var b strings.Builder
	for _, rel := range slices.Sorted(maps.Keys(state)) {
		fmt.Fprintf(&b, "%s %x\n", filepath.ToSlash(rel), sha256.Sum256([]byte(state[rel])))
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
}

// replace OLD NEW FILE rewrites FILE with its first OLD replaced by NEW,
// failing when FILE does not hold OLD: a hand edit of one line.
func replace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace OLD NEW FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[2]))
	ts.Check(err)
	if !strings.Contains(string(data), args[0]) {
		ts.Fatalf("%s does not contain %q", args[2], args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(strings.Replace(string(data), args[0], args[1], 1)), 0o644))
}
