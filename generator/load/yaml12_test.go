package load_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
)

const yaml12Base = "version: 1\nplatforms:\n  wechat:\n    title: WeChat\n    global: wx\n    exportCondition: c\n    denial: {codeField: errCode, codes: [%s]}\nscopes:\n  s:\n    title: S\n    description: D\n    platforms:\n      wechat: {native: n, grant: authorize}\n"

// TestYAML12Integers: numbers read as YAML 1.2's core schema says, not
// YAML 1.1's (which yaml.v3 keeps for a leading zero).
func TestYAML12Integers(t *testing.T) {
	tests := []struct {
		in   string
		want []int
		rule string
	}{
		{"017", []int{17}, ""},
		{"09", []int{9}, ""},
		{"-017", []int{-17}, ""},
		{"0o17", []int{15}, ""},
		{"0x1F", []int{31}, ""},
		{"1_000", nil, "WRONG_TYPE"},
		{"0b11", nil, "WRONG_TYPE"},
		{"'17'", nil, "WRONG_TYPE"},
		{"1.5", nil, "WRONG_TYPE"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, diags := load.Load("manifest.yaml", []byte(sprintf(yaml12Base, tt.in)))
			require.NotNil(t, m)
			if tt.rule != "" {
				require.NotEmpty(t, diags)
				assert.Equal(t, tt.rule, diags[0].Rule, diags.Error())
				return
			}
			require.Empty(t, diags)
			var got []int
			for _, c := range m.Platforms[0].Denial.Codes {
				got = append(got, c.Value)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestYAMLDirective: a %YAML 1.2 (or 1.1) directive is accepted, after a
// byte-order mark too, and moves no position; another version is refused.
func TestYAMLDirective(t *testing.T) {
	tests := []struct {
		name, head  string
		versionLine int // 0: refused
	}{
		{"after a comment", "# comment\n%YAML 1.2\n---\n", 4},
		{"1.1", "%YAML 1.1\n---\n", 3},
		{"after a byte-order mark", "\uFEFF%YAML 1.2\n---\n", 3},
		{"after a byte-order mark and a comment", "\uFEFF# comment\n\n%YAML 1.2\n---\n", 5},
		{"CRLF", "%YAML 1.2\r\n---\r\n", 3},
		{"CRLF after a comment and a blank line", "# comment\r\n\r\n%YAML 1.2 # why\r\n---\r\n", 5},
		{"2.0", "%YAML 2.0\n---\n", 0},
		{"2.0 CRLF", "%YAML 2.0\r\n---\r\n", 0},
		{"2.0 after a byte-order mark", "\uFEFF%YAML 2.0\n---\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, diags := load.Load("manifest.yaml", []byte(tt.head+sprintf(yaml12Base, "11")))
			if tt.versionLine == 0 {
				require.NotEmpty(t, diags)
				assert.Equal(t, "YAML_SYNTAX", diags[0].Rule)
				return
			}
			require.Empty(t, diags)
			assert.Equal(t, tt.versionLine, m.Version.Pos.Line)
			assert.Equal(t, 10, m.Version.Pos.Column, "the value after \"version: \"")
		})
	}
}

func TestTagsMustFitTheirNode(t *testing.T) {
	for _, doc := range []string{"x: !!str {a: 1}\n", "x: !!map [a]\n", "x: !!seq a\n", "x: !!int [1]\n"} {
		_, diags := load.Load("manifest.yaml", []byte(doc))
		require.NotEmpty(t, diags, doc)
		assert.Contains(t, diags[0].Message, "cannot be on", doc)
	}
}

func sprintf(format, arg string) string { return fmt.Sprintf(format, arg) }
