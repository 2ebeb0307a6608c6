package hostconfigemit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lineStyles are the line breaks a file may use: JSON5 has all five
// (the ECMAScript LineTerminatorSequence), JSON the first three.
var lineStyles = []struct{ name, nl string }{
	{"LF", "\n"}, {"CRLF", "\r\n"}, {"CR", "\r"}, {"U+2028", "\u2028"}, {"U+2029", "\u2029"},
}

// otherBreaks counts the line breaks of out that are not nl (a CRLF
// counted as one), and the breaks that are.
func otherBreaks(out, nl string) (other, own int) {
	b := []byte(out)
	for i := 0; i < len(b); {
		n := lineBreak(b, i)
		if n == 0 {
			i++
			continue
		}
		if string(b[i:i+n]) == nl {
			own++
		} else {
			other++
		}
		i += n
	}
	return other, own
}

// TestMergeModuleEveryLineBreak: each layout, its line breaks written in
// each style, merges (adding and removing), re-reads, keeps every foreign
// byte, is left alone by a second merge, and gets new lines in the
// file's own style only.
func TestMergeModuleEveryLineBreak(t *testing.T) {
	layouts := []struct{ name, mod, strs string }{
		{"DevEco", deveco, devecoStrings},
		{"a list holding only a comment", "{module:{name:'e',requestPermissions:[ // only\n]}}", `{"string":[]}`},
		{"a module holding only a comment", "{module:{ // c\n}}", "{\"string\":[ // c\n]}"},
		{"entries on lines, ours among foreign", "{\n  module: {\n    requestPermissions: [\n      {name: 'x.a'},\n      {name: 'ohos.permission.CAMERA', reason: '$string:scopegen_scope_camera'}, // ours\n      {name: 'x.b'},\n      {name: 'ohos.permission.LOCATION', reason: '$string:scopegen_scope_userLocation'}\n    ]\n  }\n}\n",
			"{\n  \"string\": [\n    {\"name\": \"scopegen_scope_camera\", \"value\": \"c\"},\n    {\"name\": \"keep\", \"value\": \"k\"},\n    {\"name\": \"scopegen_scope_userLocation\", \"value\": \"l\"},\n  ]\n}\n"},
		{"a line continuation in a string", "{\n  module: {\n    description: 'a \\\nb',\n    requestPermissions: [{name: 'x.a'}],\n  },\n}\n", `{"string": []}`},
		{"a trailing comma and a comment after the last", "{\n\tmodule: {\n\t\tname: 'e', // n\n\t\trequestPermissions: [\n\t\t\t{name: 'x.a'}, // a\n\t\t],\n\t},\n}", "{\n\t\"string\": [\n\t\t{\"name\": \"k\", \"value\": \"v\"}, // k\n\t]\n}"},
	}
	for _, l := range layouts {
		for _, s := range lineStyles {
			t.Run(l.name+"/"+s.name, func(t *testing.T) {
				mod := strings.ReplaceAll(l.mod, "\n", s.nl)
				strs := strings.ReplaceAll(l.strs, "\n", s.nl)
				lfMod, lfStrs := l.mod, l.strs
				for _, camera := range []bool{true, false, true} {
					hc := harmonyConfig(camera)
					outMod, outStrs, _, err := MergeModule([]byte(mod), []byte(strs), hc)
					require.NoError(t, err)
					// The same edit as in the LF file, line for line.
					lfOutMod, lfOutStrs, _, err := MergeModule([]byte(lfMod), []byte(lfStrs), hc)
					require.NoError(t, err)
					assert.Equal(t, strings.ReplaceAll(string(lfOutMod), "\n", s.nl), string(outMod))
					assert.Equal(t, strings.ReplaceAll(string(lfOutStrs), "\n", s.nl), string(outStrs))
					lfMod, lfStrs = string(lfOutMod), string(lfOutStrs)
					for _, f := range []struct {
						module  bool
						in, out string
					}{{true, mod, string(outMod)}, {false, strs, string(outStrs)}} {
						_, err := scan5([]byte(f.out))
						require.NoError(t, err)
						membersIn, itemsIn := foreign5(t, []byte(f.in), f.module, ownership(hc, nil))
						membersOut, itemsOut := foreign5(t, []byte(f.out), f.module, ownership(hc, nil))
						assert.Equal(t, membersIn, membersOut)
						assert.Equal(t, itemsIn, itemsOut)
						other, _ := otherBreaks(f.out, s.nl)
						assert.Zero(t, other, "only %s line breaks in\n%q", s.name, f.out)
					}
					again, againStrs, changed, err := MergeModule(outMod, outStrs, hc)
					require.NoError(t, err)
					assert.False(t, changed, "a second merge changes nothing:\n%q", outMod)
					assert.Equal(t, string(outMod), string(again))
					assert.Equal(t, string(outStrs), string(againStrs))
					mod, strs = string(outMod), string(outStrs)
				}
			})
		}
	}
}

// TestMergeEveryLineBreak: app.json, in each of JSON's line-break styles.
func TestMergeEveryLineBreak(t *testing.T) {
	layouts := []string{
		"{\n  \"pages\": [\"a\"]\n}\n",
		"{\n  \"pages\": [],\n  \"permission\": {\n    \"scope.userLocation\": {\"desc\": \"x\"},\n    \"scope.other\": {}\n  },\n  \"requiredPrivateInfos\": [\n    \"getLocation\",\n    \"chooseAddress\"\n  ]\n}",
		"{\"permission\": {\n}, \"requiredPrivateInfos\": [\n]}",
	}
	for i, l := range layouts {
		for _, s := range lineStyles[:3] {
			t.Run(s.name, func(t *testing.T) {
				in := strings.ReplaceAll(l, "\n", s.nl)
				lf := l
				for _, requested := range []bool{true, false, true} {
					hc := wechatConfig(requested)
					out, _, err := Merge([]byte(in), hc)
					require.NoError(t, err, "layout %d", i)
					lfOut, _, err := Merge([]byte(lf), hc)
					require.NoError(t, err)
					assert.Equal(t, strings.ReplaceAll(string(lfOut), "\n", s.nl), string(out), "the same edit as in the LF file")
					lf = string(lfOut)
					require.True(t, json.Valid(out))
					restIn, entriesIn := foreign(t, []byte(in), hc)
					restOut, entriesOut := foreign(t, out, hc)
					assert.Equal(t, restIn, restOut)
					assert.Equal(t, entriesIn, entriesOut)
					other, _ := otherBreaks(string(out), s.nl)
					assert.Zero(t, other, "only %s line breaks in\n%q", s.name, out)
					again, changed, err := Merge(out, hc)
					require.NoError(t, err)
					assert.False(t, changed)
					assert.Equal(t, string(out), string(again))
					in = string(out)
				}
			})
		}
	}
}

// TestPositionEveryLineBreak: a refusal's line counts every line break,
// a CRLF as one.
func TestPositionEveryLineBreak(t *testing.T) {
	for _, s := range lineStyles {
		t.Run(s.name, func(t *testing.T) {
			mod := strings.ReplaceAll("{\n  module: {\n    requestPermissions: [\n      {name: 'a'},\n      7,\n    ]\n  }\n}\n", "\n", s.nl)
			_, _, _, err := MergeModule([]byte(mod), []byte(`{}`), harmonyConfig(true))
			var pe *PosError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, [2]int{5, 7}, [2]int{pe.Line, pe.Column}, "%v", err)

			strs := strings.ReplaceAll("{\n\"string\": [\n\n  {\"value\": 1}]}", "\n", s.nl)
			_, _, _, err = MergeModule([]byte(`{module:{}}`), []byte(strs), harmonyConfig(true))
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, [2]int{4, 3}, [2]int{pe.Line, pe.Column}, "%v", err)
		})
	}
	for _, s := range lineStyles[:3] {
		app := strings.ReplaceAll("{\n\"permission\":\n  [1]}", "\n", s.nl)
		_, _, err := Merge([]byte(app), wechatConfig(true))
		var pe *PosError
		require.ErrorAs(t, err, &pe, s.name)
		assert.Equal(t, [2]int{3, 3}, [2]int{pe.Line, pe.Column}, "%s: %v", s.name, err)
	}
}

// TestNewlineOf: the file's line break is its first outside strings.
func TestNewlineOf(t *testing.T) {
	for in, want := range map[string]string{
		`{"a": "b"}`:                    "\n",
		"{\r\n}":                        "\r\n",
		"{\r}":                          "\r",
		"{'a\u2028b': 1,\r}":            "\r",
		"{\"a\u2029b\": 1,\n}":          "\n",
		"{'it''s': 1,\u2029}":           "\u2029",
		"{// don't\u2028}":              "\u2028",
		"/* don't\r\n */ {'\u2028': 1}": "\r\n",
		"{/* it's */ 'x\u2028': 1\r}":   "\r",
	} {
		assert.Equal(t, want, newlineOf([]byte(in)), "%q", in)
	}
}
