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
		{"a trailing comma and a comment after the last", "{\n\tmodule: {\n\t\tname: 'e', // n\n\t\trequestPermissions: [\n\t\t\t{name: 'x.a'}, // a\n\t\t],\n\t},\n}", "{\n\t\"string\": [\n\t\t{\"name\": \"k\", \"value\": \"v\"}, // k\n\t]\n}"},
	}
	for _, l := range layouts {
		for _, s := range lineStyles {
			t.Run(l.name+"/"+s.name, func(t *testing.T) {
				mod := strings.ReplaceAll(l.mod, "\n", s.nl)
				strs := strings.ReplaceAll(l.strs, "\n", s.nl)
				for _, camera := range []bool{true, false, true} {
					hc := harmonyConfig(camera)
					outMod, outStrs, _, err := MergeModule([]byte(mod), []byte(strs), hc)
					require.NoError(t, err)
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
				for _, requested := range []bool{true, false, true} {
					hc := wechatConfig(requested)
					out, _, err := Merge([]byte(in), hc)
					require.NoError(t, err, "layout %d", i)
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
