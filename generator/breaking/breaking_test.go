package breaking_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/breaking"
	"github.com/scopegen/scopegen/generator/diag"
)

// pairsDir holds one folder per rule, named by its ID, with previous.yaml
// and current.yaml; "additions" holds changes that must break nothing.
const pairsDir = "../../testdata/breaking"

func load(t *testing.T, path string) *breaking.Manifest {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	m, diags := breaking.Load(filepath.Base(path), data)
	require.Empty(t, diags, "%s must be valid", path)
	return m
}

func checkPair(t *testing.T, name string) diag.List {
	t.Helper()
	dir := filepath.Join(pairsDir, name)
	return breaking.Check(load(t, filepath.Join(dir, "previous.yaml")), load(t, filepath.Join(dir, "current.yaml")), nil)
}

func finding(line, col int, rule, message string) diag.Diagnostic {
	return diag.Diagnostic{File: "current.yaml", Line: line, Column: col, Rule: rule, Message: message}
}

// TestRules asserts the exact findings of each pair: positions are in
// current.yaml, at the changed value or, for what was deleted, at the
// nearest key that survived.
func TestRules(t *testing.T) {
	want := map[string]diag.List{
		"NPM_PACKAGE_NO_CHANGE": {
			finding(3, 12, "NPM_PACKAGE_NO_CHANGE", `npm package changed from "@acme/authorize" to "@acme/authorise"`),
		},
		"PLATFORM_NO_DELETE": { // alipay's supports went with it: reported once, at platforms:
			finding(4, 1, "PLATFORM_NO_DELETE", `previously present platform "alipay" was deleted`),
		},
		"PLATFORM_GO_IDENT_NO_CHANGE": { // an explicit goName that differs from the derived one counts too
			finding(7, 13, "PLATFORM_GO_IDENT_NO_CHANGE", `Go identifier of platform "alipay" changed from "Alipay" to "AliPay"`),
			finding(15, 13, "PLATFORM_GO_IDENT_NO_CHANGE", `Go identifier of platform "wechat" changed from "WeChat" to "Wechat"`),
		},
		"EXPORT_CONDITION_NO_CHANGE": {
			finding(8, 22, "EXPORT_CONDITION_NO_CHANGE", `export condition of platform "alipay" changed from "alipay-miniprogram" to "alipay-mini"`),
		},
		"SCOPE_NO_DELETE": { // its APIs went with it: no API_GUARD_NO_CHANGE
			finding(19, 1, "SCOPE_NO_DELETE", `previously present scope "scope.camera" was deleted`),
		},
		"GO_IDENT_NO_CHANGE": { // a removed goName is reported at the scope, whose derived name now applies
			finding(22, 13, "GO_IDENT_NO_CHANGE", `Go identifier of scope "scope.camera" changed from "Camera" to "Cam"`),
			finding(34, 3, "GO_IDENT_NO_CHANGE", `Go identifier of scope "scope.userLocation" changed from "Location" to "UserLocation"`),
		},
		"SCOPE_SUPPORT_NO_REMOVE": {
			finding(24, 5, "SCOPE_SUPPORT_NO_REMOVE", `previously present support for scope "scope.camera" on platform "alipay" was removed`),
		},
		"NATIVE_NAME_NO_CHANGE": {
			finding(30, 17, "NATIVE_NAME_NO_CHANGE", `native name of scope "scope.camera" on platform "wechat" changed from "scope.camera" to "scope.cam"`),
		},
		"SETTING_KEY_NO_CHANGE": { // the key added on scope.camera/alipay is not reported
			finding(40, 7, "SETTING_KEY_NO_CHANGE", `setting key "location" of scope "scope.userLocation" on platform "alipay" was removed`),
			finding(45, 21, "SETTING_KEY_NO_CHANGE", `setting key of scope "scope.userLocation" on platform "wechat" changed from "scope.userLocation" to "scope.location"`),
		},
		"GRANT_NO_CHANGE": {
			finding(32, 16, "GRANT_NO_CHANGE", `grant of scope "scope.camera" on platform "wechat" changed from authorize to button`),
		},
		"API_GUARD_NO_CHANGE": {
			finding(37, 5, "API_GUARD_NO_CHANGE", `API "chooseLocation" is no longer guarded by scope "scope.userLocation"`),
			finding(37, 25, "API_GUARD_NO_CHANGE", `API "scanCode" moved from scope "scope.camera" to scope "scope.userLocation"`),
		},
		"additions": nil,
	}
	for name, findings := range want {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, findings, checkPair(t, name))
		})
	}
	entries, err := os.ReadDir(pairsDir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.Contains(t, want, e.Name(), "testdata/breaking/%s has no expectation here", e.Name())
	}
	for _, r := range breaking.Rules {
		assert.Contains(t, want, r.ID, "rule %s has no testdata/breaking pair", r.ID)
	}
}

// TestAdditionsReversed: undoing additions deletes things, so the
// additions pair read backwards must break, rule by rule.
func TestAdditionsReversed(t *testing.T) {
	dir := filepath.Join(pairsDir, "additions")
	got := breaking.Check(load(t, filepath.Join(dir, "current.yaml")), load(t, filepath.Join(dir, "previous.yaml")), nil)
	var rules []string
	for _, d := range got {
		rules = append(rules, d.Rule)
	}
	assert.ElementsMatch(t, []string{
		"PLATFORM_NO_DELETE",    // web
		"SCOPE_NO_DELETE",       // scope.record
		"SETTING_KEY_NO_CHANGE", // scope.camera on alipay
		"API_GUARD_NO_CHANGE",   // chooseVideo
	}, rules, "%v", got)
}

func TestSameManifestBreaksNothing(t *testing.T) {
	m := load(t, "../../manifest.yaml")
	assert.Empty(t, breaking.Check(m, m, nil))
}

func TestExceptSkipsRules(t *testing.T) {
	dir := filepath.Join(pairsDir, "SETTING_KEY_NO_CHANGE")
	prev, cur := load(t, filepath.Join(dir, "previous.yaml")), load(t, filepath.Join(dir, "current.yaml"))
	require.Len(t, breaking.Check(prev, cur, nil), 2)
	assert.Empty(t, breaking.Check(prev, cur, []string{"SETTING_KEY_NO_CHANGE"}))
	assert.Len(t, breaking.Check(prev, cur, []string{"GRANT_NO_CHANGE"}), 2)
}

func TestUnknownRules(t *testing.T) {
	assert.Equal(t, []string{"GRANT_NO_CHANGES"}, breaking.UnknownRules([]string{"GRANT_NO_CHANGE", "GRANT_NO_CHANGES"}))
	assert.Empty(t, breaking.UnknownRules(breaking.RuleIDs()))
}

func TestInvalidManifestIsNotCompared(t *testing.T) {
	m, diags := breaking.Load("bad.yaml", []byte("version: 1\nplatforms: {}\nscopes: {}\n"))
	assert.Nil(t, m)
	require.NotEmpty(t, diags)
	assert.Equal(t, "bad.yaml", diags[0].File)
}

// TestRuleShape keeps the rule list fit for docs/breaking.md's table and for
// filtering: unique SCREAMING_SNAKE IDs distinct from the manifest rules,
// one-sentence purposes.
func TestRuleShape(t *testing.T) {
	idShape := regexp.MustCompile(`^[A-Z]+(_[A-Z]+)*$`)
	seen := map[string]bool{}
	for _, r := range diag.ManifestRules {
		seen[r.ID] = true
	}
	for _, r := range breaking.Rules {
		assert.Regexp(t, idShape, r.ID)
		assert.False(t, seen[r.ID], "rule ID %s used twice", r.ID)
		seen[r.ID] = true
		assert.True(t, strings.HasPrefix(r.Purpose, "Checks that "), "%s: %q", r.ID, r.Purpose)
		assert.True(t, strings.HasSuffix(r.Purpose, ".") && strings.Count(r.Purpose, ". ") == 0, "%s: one sentence: %q", r.ID, r.Purpose)
	}
}

// TestDeletedTopLevelKeyIsReportedAtTheFile: with npm: gone the default
// package name applies; nothing of it survives, so the finding has no
// position and prints at 1:1, as buf does for a file.
func TestDeletedTopLevelKeyIsReportedAtTheFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(pairsDir, "NPM_PACKAGE_NO_CHANGE", "previous.yaml"))
	require.NoError(t, err)
	withoutNPM := strings.Replace(string(data), "npm:\n  package: \"@acme/authorize\"\n", "", 1)
	require.NotEqual(t, string(data), withoutNPM)
	cur, diags := breaking.Load("current.yaml", []byte(withoutNPM))
	require.Empty(t, diags)
	got := breaking.Check(load(t, filepath.Join(pairsDir, "NPM_PACKAGE_NO_CHANGE", "previous.yaml")), cur, nil)
	require.Len(t, got, 1)
	assert.Equal(t, diag.Diagnostic{File: "current.yaml", Rule: "NPM_PACKAGE_NO_CHANGE", Message: `npm package changed from "@acme/authorize" to "@scopegen/authorize"`}, got[0])
	assert.Equal(t, `current.yaml:1:1: npm package changed from "@acme/authorize" to "@scopegen/authorize" (NPM_PACKAGE_NO_CHANGE)`, got[0].String())
}
