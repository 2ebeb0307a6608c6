package hostconfigemit

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lineTerminatorCases are JSON5 texts around the four line terminators
// (LF, CR, U+2028, U+2029): // comments, line continuations in strings,
// raw separators in strings and white space.
func lineTerminatorCases() []string {
	var cases []string
	for _, lt := range []string{"\n", "\r", "\r\n", "\u2028", "\u2029"} {
		cases = append(cases,
			`{a: 1, // note`+lt+`b: 2}`,
			`{// only a comment`+lt+`}`,
			`{"module": { // note  "requestPermissions": []`+lt+`"name": "entry"}}`,
			`{a: "x\`+lt+`y", b: 'p\`+lt+`q'}`,
			`{a:`+lt+`1}`,
			`{a: 1 /* c`+lt+` */, b: 2}`,
			`{a: "x`+lt+`y"}`, // raw LF/CR refused; U+2028/U+2029 allowed
		)
	}
	return cases
}

// TestScan5LineTerminatorsAgainstJSON5 reads each case with scan5 and with
// the json5 npm package (the reference implementation, from the shared
// node_modules) and requires the same answer: refused by both, or the
// same top-level keys and string values.
func TestScan5LineTerminatorsAgainstJSON5(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	lib, err := filepath.Abs("../../node_modules/json5/lib/index.js")
	require.NoError(t, err)
	if _, err := os.Stat(lib); err != nil {
		t.Skip("the json5 package is not in node_modules")
	}
	cases := lineTerminatorCases()
	in, err := json.Marshal(cases)
	require.NoError(t, err)
	script := `const JSON5 = require(process.argv[1]);
let s = ''; process.stdin.on('data', d => s += d).on('end', () => {
  console.log(JSON.stringify(JSON.parse(s).map(c => {
    try { return {ok: true, v: JSON5.parse(c)}; } catch (e) { return {ok: false}; }
  })));
});`
	cmd := exec.Command(node, "-e", script, lib)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	require.NoError(t, err)
	var want []struct {
		OK bool           `json:"ok"`
		V  map[string]any `json:"v"`
	}
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want, len(cases))
	for i, c := range cases {
		root, err := scan5([]byte(c))
		if !want[i].OK {
			assert.Error(t, err, "json5 refuses %q", c)
			continue
		}
		if !assert.NoError(t, err, "json5 reads %q", c) {
			continue
		}
		got := map[string]any{}
		for _, m := range root.members() {
			switch m.value.kind {
			case '"':
				got[m.key], _, _ = string5([]byte(c), m.value.start)
			default:
				got[m.key] = want[i].V[m.key] // only keys and strings compared
				if _, ok := want[i].V[m.key]; !ok {
					got[m.key] = "missing in json5"
				}
			}
		}
		assert.Equal(t, want[i].V, got, "%q", c)
	}
}

// TestMergeModuleCommentEndsAtSeparator: a // comment ends at U+2028 and
// U+2029 too, so the requestPermissions after one is the file's own and
// is merged into, not declared a second time.
func TestMergeModuleCommentEndsAtSeparator(t *testing.T) {
	for _, lt := range []string{"\u2028", "\u2029"} {
		mod := []byte(`{"module": { // note` + lt + `"requestPermissions": [{"name": "ohos.permission.INTERNET"}], "name": "entry"}}`)
		out, _, _, err := MergeModule(mod, []byte(`{"string": []}`), harmonyConfig(false))
		require.NoError(t, err)
		assert.Equal(t, 1, strings.Count(string(out), RequestPermissionsKey), "%s", out)
		assert.Contains(t, string(out), "ohos.permission.INTERNET")
	}
}
