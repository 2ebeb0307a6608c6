package rules_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/rules"
)

var (
	// A top-level line of the generated runtime (its own formatted output:
	// top-level statements start at column 0) that may bind a name.
	declStart = regexp.MustCompile(`^(export\s+)?(async\s+)?(const|let|var|function|class|import)\b`)
	declName  = regexp.MustCompile(`^(?:export\s+)?(?:async\s+)?(?:function\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)\b`)
	declList  = regexp.MustCompile(`^(?:export\s+)?(?:const|let|var)\s+[{\[](.*)[}\]]\s*=`)
	importAll = regexp.MustCompile(`^import\s+(.*?)\s*from\s*["']`)
	ident     = regexp.MustCompile(`^[A-Za-z_$][\w$]*$`)
)

// topLevelBindings reads the names a generated runtime file declares at
// module level: const, let, var (plain or destructured), function, class
// and import bindings. A declaration line it cannot read fails the test,
// so a new form of declaration is never skipped in silence.
func topLevelBindings(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if !declStart.MatchString(text) {
			continue
		}
		if strings.HasPrefix(text, "import") {
			// An import may span lines up to its "from".
			for !importAll.MatchString(text) && sc.Scan() {
				line++
				text += " " + strings.TrimSpace(sc.Text())
			}
			m := importAll.FindStringSubmatch(text)
			require.NotNil(t, m, "%s:%d: cannot read the import", path, line)
			names = append(names, importNames(t, m[1], path, line)...)
			continue
		}
		if m := declList.FindStringSubmatch(text); m != nil {
			names = append(names, patternNames(t, m[1], path, line)...)
			continue
		}
		m := declName.FindStringSubmatch(text)
		require.NotNil(t, m, "%s:%d: a top-level declaration this test cannot read: %s", path, line, text)
		names = append(names, m[1])
	}
	require.NoError(t, sc.Err())
	return names
}

// importNames reads `x`, `* as x`, `{ a, b as c }` and their mixes.
func importNames(t *testing.T, clause, path string, line int) []string {
	var names []string
	clause = strings.NewReplacer("{", ",", "}", ",").Replace(clause)
	for _, part := range strings.Split(clause, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if i := strings.LastIndex(part, " as "); i >= 0 {
			part = strings.TrimSpace(part[i+4:])
		}
		require.Regexp(t, ident, part, "%s:%d: cannot read import binding %q", path, line, part)
		names = append(names, part)
	}
	return names
}

// patternNames reads a one-line destructuring pattern: `a, b: c, ...d`.
func patternNames(t *testing.T, pattern, path string, line int) []string {
	var names []string
	for _, part := range strings.Split(pattern, ",") {
		part = strings.TrimSpace(part)
		if i := strings.LastIndex(part, ":"); i >= 0 {
			part = strings.TrimSpace(part[i+1:])
		}
		part, _, _ = strings.Cut(part, "=")
		part = strings.TrimSpace(strings.TrimPrefix(part, "..."))
		if part == "" {
			continue
		}
		require.Regexp(t, ident, part, "%s:%d: cannot read the destructured binding %q", path, line, part)
		names = append(names, part)
	}
	return names
}

// TestRuntimeBindingsListsEveryTopLevelName: every name a generated
// runtime file (generated/npm/dist, ES module and CommonJS alike)
// declares at module level is in rules.RuntimeBindings, so a platform
// global can never be one the runtime would read its own binding for.
// A template adding a binding fails here until the list has it.
func TestRuntimeBindingsListsEveryTopLevelName(t *testing.T) {
	files, err := filepath.Glob("../../generated/npm/dist/*.*js")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	found := map[string]string{}
	for _, f := range files {
		for _, n := range topLevelBindings(t, f) {
			found[n] = filepath.Base(f)
		}
	}
	assert.Greater(t, len(found), 30, "the scan found too few bindings to be reading the files")
	for _, n := range slices.Sorted(func(yield func(string) bool) {
		for n := range found {
			if !yield(n) {
				return
			}
		}
	}) {
		assert.Contains(t, rules.RuntimeBindings, n, "%s declares %q at top level: add it to rules.RuntimeBindings", found[n], n)
	}
	assert.True(t, slices.IsSorted(rules.RuntimeBindings), "rules.RuntimeBindings is kept sorted")
}

// TestTopLevelScanReadsEveryForm: the scanner itself, on each form it
// claims to read, so that the test above cannot pass by reading nothing.
func TestTopLevelScanReadsEveryForm(t *testing.T) {
	src := strings.Join([]string{
		`import { a, b as c } from "./core.mjs";`,
		`import d, * as e from "./x.mjs";`,
		`import {`,
		`  f,`,
		`  g as h,`,
		`} from "./y.mjs";`,
		`var { i, j: k, ...l } = require("./core.js");`,
		`const [m, n] = pair;`,
		`const o = 1;`,
		`let p;`,
		`export const q = 2;`,
		`export async function r() {}`,
		`function* s() {}`,
		`class T {}`,
		`  const inner = 3;`,
		`exports.o = o;`,
	}, "\n")
	path := filepath.Join(t.TempDir(), "x.mjs")
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	assert.Equal(t, []string{"a", "c", "d", "e", "f", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "T"}, topLevelBindings(t, path))
}

// TestECMAScriptGlobalsAreEveryEnginesGlobals: each listed name is an own
// property of Node's global object in a fresh vm context (one with only
// what the engine itself defines, no Node or web additions). What the
// realm has beyond the list (a later edition's globals) is logged.
func TestECMAScriptGlobalsAreEveryEnginesGlobals(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not on PATH")
	}
	out, err := exec.Command("node", "-e",
		`process.stdout.write(JSON.stringify(require("vm").runInNewContext("Object.getOwnPropertyNames(globalThis)")))`).Output()
	require.NoError(t, err)
	var engine []string
	require.NoError(t, json.Unmarshal(out, &engine))
	for _, n := range rules.ECMAScriptGlobals {
		assert.Contains(t, engine, n, "%q is no global of a fresh ECMAScript realm", n)
	}
	var extra []string
	for _, n := range engine {
		if !slices.Contains(rules.ECMAScriptGlobals, n) {
			extra = append(extra, n)
		}
	}
	t.Logf("globals of a fresh realm the list lacks (later editions): %v", extra)
}
