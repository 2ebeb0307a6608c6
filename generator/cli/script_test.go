package cli_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Cmds:                map[string]func(*testscript.TestScript, bool, []string){"snapshot": snapshot},
	})
}

// snapshot DIR FILE writes to FILE one line per file under DIR: its path,
// size, mode and SHA-256. Comparing two snapshots with cmp proves a
// command left a tree byte-for-byte alone.
func snapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR FILE")
	}
	root := ts.MkAbs(args[0])
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			fmt.Fprintf(&b, "%s/ %v\n", filepath.ToSlash(rel), info.Mode())
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s %d %v %x %d\n", filepath.ToSlash(rel), len(data), info.Mode(), sha256.Sum256(data), info.ModTime().UnixNano())
		return nil
	})
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
}
