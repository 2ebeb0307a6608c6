package validate

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/scopegen/scopegen/generator/rules"
)

func TestLicenseExpressions(t *testing.T) {
	tests := []struct {
		license string
		ok      bool
	}{
		{"MIT", true},
		{"Apache-2.0", true},
		{"GPL-2.0+", true},
		{"(MIT OR Apache-2.0)", true},
		{"MIT AND (BSD-3-Clause OR GPL-3.0-only)", true},
		{"GPL-2.0-only WITH Classpath-exception-2.0", true},
		{"LicenseRef-Acme", true},
		{"UNLICENSED", true},
		{"SEE LICENSE IN LICENSE.txt", true},
		{"SEE LICENSE IN ", false},
		{"MIT OR", false},
		{"(MIT", false},
		{"MIT)", false},
		{"MIT Apache-2.0", false},
		{"WITH MIT", false},
		{"My License", false},
		{"MIT/X11", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.license, func(t *testing.T) {
			assert.Equal(t, tt.ok, licenseProblem(tt.license) == "", licenseProblem(tt.license))
		})
	}
}

func TestNPMPatterns(t *testing.T) {
	tests := []struct {
		name    string
		pattern func(string) bool
		value   string
		ok      bool
	}{
		{"semver", rules.SemverPattern.MatchString, "1.2.3", true},
		{"semver prerelease and build", rules.SemverPattern.MatchString, "1.0.0-rc.1+build.5", true},
		{"semver leading v", rules.SemverPattern.MatchString, "v1.2.3", false},
		{"semver leading zero", rules.SemverPattern.MatchString, "01.2.3", false},
		{"semver two parts", rules.SemverPattern.MatchString, "1.2", false},
		{"homepage https", rules.WebURLPattern.MatchString, "https://example.com/docs#top", true},
		{"homepage port", rules.WebURLPattern.MatchString, "http://localhost:8080", true},
		{"homepage no host", rules.WebURLPattern.MatchString, "https://", false},
		{"homepage ftp", rules.WebURLPattern.MatchString, "ftp://example.com", false},
		{"homepage space", rules.WebURLPattern.MatchString, "https://example.com/a b", false},
		{"repository git+https", rules.RepositoryPattern.MatchString, "git+https://github.com/acme/app.git", true},
		{"repository ssh", rules.RepositoryPattern.MatchString, "git+ssh://git@github.com/acme/app.git", true},
		{"repository shorthand", rules.RepositoryPattern.MatchString, "github:acme/app", true},
		{"repository bare shorthand", rules.RepositoryPattern.MatchString, "acme/app", true},
		{"repository words", rules.RepositoryPattern.MatchString, "my repo", false},
		{"keyword C1 control", rules.KeywordPattern.MatchString, "a\u0085b", false},
		{"license bidi (file name)", rules.KeywordPattern.MatchString, "SEE LICENSE IN a\u2067b.txt", false},
		{"license line separator", rules.KeywordPattern.MatchString, "SEE LICENSE IN a\u2028.txt", false},
		{"icon", rules.IconPattern.MatchString, "https://img.example.com/其他/a.png", true},
		{"icon bidi override", rules.IconPattern.MatchString, "https://x.test/a\u202eb", false},
		{"icon C1 control", rules.IconPattern.MatchString, "https://x.test/a\u0085b", false},
		{"icon bell", rules.IconPattern.MatchString, "https://x.test/a\u0007b", false},
		{"keyword", rules.KeywordPattern.MatchString, "微信", true},
		{"keyword inner space", rules.KeywordPattern.MatchString, "mini program", true},
		{"keyword padded", rules.KeywordPattern.MatchString, "wechat ", false},
		{"keyword line break", rules.KeywordPattern.MatchString, "a\nb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, tt.pattern(tt.value), tt.value)
		})
	}
}
