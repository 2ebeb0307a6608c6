package validate

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/scopegen/scopegen/generator/model"
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
		{"semver", model.SemverPattern.MatchString, "1.2.3", true},
		{"semver prerelease and build", model.SemverPattern.MatchString, "1.0.0-rc.1+build.5", true},
		{"semver leading v", model.SemverPattern.MatchString, "v1.2.3", false},
		{"semver leading zero", model.SemverPattern.MatchString, "01.2.3", false},
		{"semver two parts", model.SemverPattern.MatchString, "1.2", false},
		{"homepage https", model.WebURLPattern.MatchString, "https://example.com/docs#top", true},
		{"homepage port", model.WebURLPattern.MatchString, "http://localhost:8080", true},
		{"homepage no host", model.WebURLPattern.MatchString, "https://", false},
		{"homepage ftp", model.WebURLPattern.MatchString, "ftp://example.com", false},
		{"homepage space", model.WebURLPattern.MatchString, "https://example.com/a b", false},
		{"repository git+https", model.RepositoryPattern.MatchString, "git+https://github.com/acme/app.git", true},
		{"repository ssh", model.RepositoryPattern.MatchString, "git+ssh://git@github.com/acme/app.git", true},
		{"repository shorthand", model.RepositoryPattern.MatchString, "github:acme/app", true},
		{"repository bare shorthand", model.RepositoryPattern.MatchString, "acme/app", true},
		{"repository words", model.RepositoryPattern.MatchString, "my repo", false},
		{"keyword", model.KeywordPattern.MatchString, "微信", true},
		{"keyword inner space", model.KeywordPattern.MatchString, "mini program", true},
		{"keyword padded", model.KeywordPattern.MatchString, "wechat ", false},
		{"keyword line break", model.KeywordPattern.MatchString, "a\nb", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.ok, tt.pattern(tt.value), tt.value)
		})
	}
}
