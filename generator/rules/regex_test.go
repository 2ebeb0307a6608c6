package rules_test

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

func TestPortableRegexRefuses(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{`fail\sdeny`, `at offset 4, "\\s": \s means ASCII white space in Go and Unicode white space in JavaScript: write the characters, such as [ \t]`},
		{`a\S`, `at offset 1, "\\S": \S means ASCII white space in Go and Unicode white space in JavaScript: write the characters, such as [ \t]`},
		{`[^]a]`, `at offset 0, "[^]": a class starting with ] is empty in JavaScript and holds ] in Go: write \] for the character`},
		{`[]a]`, `at offset 0, "[]": a class starting with ] is empty in JavaScript and holds ] in Go: write \] for the character`},
		{`[a[:digit:]]`, `at offset 2, "[:digit:]": POSIX classes such as [:digit:] are Go only: write the range, such as 0-9`},
		{`\x{41}`, `at offset 0, "\\x{": write \xHH with exactly two hex digits (\x{...} is Go only); write other characters literally`},
		{`(a+)+$`, `at offset 0, "(a+)+": a repeated group that itself repeats or alternates makes JavaScript backtrack for exponential time: write it without the inner repeat, such as a+ for (a+)+`},
		{`x(a|ab)*`, `at offset 1, "(a|ab)*": a repeated group that itself repeats or alternates makes JavaScript backtrack for exponential time: write it without the inner repeat, such as a+ for (a+)+`},
		{`((a*))+`, `at offset 0, "((a*))+": a repeated group that itself repeats or alternates makes JavaScript backtrack for exponential time: write it without the inner repeat, such as a+ for (a+)+`},
		{`(?i)deny`, `at offset 0, "(?i": flags, named groups and lookarounds are not portable: use (...) or (?:...)`},
		{`a{`, `at offset 1, "{": write a literal { as \{ (a { that does not start {n}, {n,} or {n,m} means different things)`},
		{`a]`, `at offset 1, "]": write a literal ] as \]`},
		{`\bdeny`, `at offset 0, "\\b": word boundaries are not portable: write the neighbouring characters, such as (^|[^A-Za-z0-9_])`},
		{`\pL`, `at offset 0, "\\p": Unicode property classes are not portable: write the characters or ranges`},
		{`\Adeny`, `at offset 0, "\\A": \A is not a portable escape: escape only punctuation, or use \d \w \t \n \r \xHH`},
		{"a\x01", `at offset 1, "\x01": control and line-break characters are not allowed: write \xHH, \t, \n or \r`},
		{`[\d-z]`, `at offset 1, "\\d-": a range cannot start or end with \d, \D, \w or \W (JavaScript with the u flag refuses the whole pattern): put the - last, such as [\d-], or write it as \-`},
		{`[\w-\d]`, `at offset 1, "\\w-": a range cannot start or end with \d, \D, \w or \W (JavaScript with the u flag refuses the whole pattern): put the - last, such as [\d-], or write it as \-`},
		{`[a-\d]`, "at offset 0, \"[a-\\\\d]\": not a valid regular expression: invalid escape sequence: `\\d`"}, // Go's own refusal
		{`[^x\W-a]`, `at offset 3, "\\W-": a range cannot start or end with \d, \D, \w or \W (JavaScript with the u flag refuses the whole pattern): put the - last, such as [\d-], or write it as \-`},
		{`fail(auth`, `at offset 0, "fail(auth": not a valid regular expression: missing closing ): ` + "`fail(auth`"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			_, _, p := rules.PortableRegex(tt.pattern)
			require.NotNil(t, p)
			assert.Equal(t, tt.want, p.Error())
		})
	}
}

func TestPortableRegexForms(t *testing.T) {
	tests := []struct{ pattern, goForm, jsForm string }{
		{`fail.*auth den(y|ied)`, `fail[^\n\r\x{2028}\x{2029}]*auth den(y|ied)`, `fail[^\n\r\u2028\u2029]*auth den(y|ied)`},
		{`a\-b[\-x]`, `a\-b[\-x]`, `a-b[\-x]`},
		{`(?:ab)+c{2,3}?\d\x2a[^a-z]`, `(?:ab)+c{2,3}?\d\x2a[^a-z]`, `(?:ab)+c{2,3}?\d\x2a[^a-z]`},
		{`(a+)?b`, `(a+)?b`, `(a+)?b`},
		{`[\d-][-\w][a-z-\d][\x4d-z]`, `[\d-][-\w][a-z-\d][\x4d-z]`, `[\d-][-\w][a-z-\d][\x4d-z]`},
	}
	for _, tt := range tests {
		goForm, jsForm, p := rules.PortableRegex(tt.pattern)
		require.Nil(t, p, tt.pattern)
		assert.Equal(t, tt.goForm, goForm)
		assert.Equal(t, tt.jsForm, jsForm)
	}
}

// nodeMatcher is one node process answering, per JSON line
// [pattern, subject], whether RegExp(pattern, "u") matches: "1", "0", or
// "E" when the pattern does not compile.
type nodeMatcher struct {
	in  *json.Encoder
	out *bufio.Scanner
	cmd *exec.Cmd
}

const nodeMatchScript = `const rl = require("readline").createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const [p, s] = JSON.parse(line);
  let r;
  try { r = new RegExp(p, "u").test(s) ? "1" : "0"; } catch { r = "E"; }
  process.stdout.write(r + "\n");
});`

func startNode(t testing.TB) *nodeMatcher {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not on PATH")
	}
	cmd := exec.Command("node", "-e", nodeMatchScript)
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	return &nodeMatcher{in: json.NewEncoder(stdin), out: bufio.NewScanner(stdout), cmd: cmd}
}

func (n *nodeMatcher) match(t testing.TB, pattern, subject string) string {
	require.NoError(t, n.in.Encode([2]string{pattern, subject}))
	require.True(t, n.out.Scan(), "node answered nothing")
	return n.out.Text()
}

// paritySubjects are the strings every pattern is tried on: line breaks
// of every kind, astral characters, and the shipped examples.
var paritySubjects = []string{
	"", "authorize:fail auth deny", "authorize:fail\rauth deny", "authorize:fail\u2028auth deny",
	"authorize:fail\nauth deny", "authorize:fail\u2029auth denied", "fail🙂auth deny", "fail\tauth deny",
	"fail auth\u00a0deny", ":fail NotAllowedError:", ":fail PERMISSION_DENIED:", "AUTH DENY", "deny", "x*/y",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "🙂", "é", "abc123_", "{}[]()", "a-b",
}

// corpusPatterns returns every denial.message of the root manifest and the
// case corpus that loads.
func corpusPatterns(t *testing.T) []string {
	paths, err := filepath.Glob("../../testdata/cases/*/manifest.yaml")
	require.NoError(t, err)
	paths = append(paths, "../../manifest.yaml")
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		m, _ := load.Load("manifest.yaml", data)
		if m == nil {
			continue
		}
		for _, pl := range m.Platforms {
			if msg := pl.Denial.Message.Value; msg != "" && !seen[msg] {
				seen[msg] = true
				out = append(out, msg)
			}
		}
	}
	return append(out, `a\-b[\-x]`, `(?:ab)+c{2,3}?\d\x2a[^a-z]`, `^[^a]$`, `.`, `^.$`, `\w+`, `\W`, `\D\d`,
		`[\d-]`, `[-\w]`, `[a-z-\d]`, `[\x2d-z]`, `[\d\-z]`)
}

// TestRegexParityGoNode runs every portable corpus pattern, in its two
// emitted forms, through Go and Node on the same strings.
func TestRegexParityGoNode(t *testing.T) {
	node := startNode(t)
	portable := 0
	for _, pattern := range corpusPatterns(t) {
		goForm, jsForm, p := rules.PortableRegex(pattern)
		if p != nil {
			continue // refused: the corpus holds bad patterns on purpose
		}
		portable++
		re := regexp.MustCompile(goForm)
		for _, s := range paritySubjects {
			want := map[bool]string{true: "1", false: "0"}[re.MatchString(s)]
			assert.Equal(t, want, node.match(t, jsForm, s), "pattern %q on %q", pattern, s)
		}
	}
	assert.Greater(t, portable, 5)
}

// FuzzRegexParity: whatever PortableRegex accepts compiles in both
// engines and matches the same strings. The normal run tries the seeds;
// fuzz longer with
//
//	go test ./generator/model -run '^$' -fuzz FuzzRegexParity -fuzztime 60s
func FuzzRegexParity(f *testing.F) {
	for _, p := range []string{`fail.*auth den(y|ied)`, `[^a-c]+x?`, `(?:ab|c)d`, `^.{2,3}$`, `\w\d\x41`, `a|b|`, `[\-\]x]`} {
		for _, s := range paritySubjects[:8] {
			f.Add(p, s)
		}
	}
	node := startNode(f)
	f.Fuzz(func(t *testing.T, pattern, subject string) {
		goForm, jsForm, p := rules.PortableRegex(pattern)
		if p != nil {
			return
		}
		re, err := regexp.Compile(goForm)
		require.NoError(t, err, "Go form %q of %q", goForm, pattern)
		got := node.match(t, jsForm, subject)
		require.NotEqual(t, "E", got, "JS form %q of %q does not compile", jsForm, pattern)
		want := map[bool]string{true: "1", false: "0"}[re.MatchString(subject)]
		assert.Equal(t, want, got, "pattern %q (Go %q, JS %q) on %q", pattern, goForm, jsForm, subject)
	})
}
