package npmemit

import (
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// The web host: a model.Platform that IsBrowser gets the driver of
// templates/npm/web-driver.js.tmpl (dist/web-driver.*). validate has
// checked that its scopes need only what the driver does (GRANT_NOT_ALLOWED,
// UNKNOWN_API).

// webDriverModule is the driver's module name; platform ids cannot contain
// "-", so it never collides with an entry.
const webDriverModule = "web-driver"

// webProbes are the probe names the driver implements (its PROBES table);
// TestWebDriverImplementsEveryProbe keeps the two in step.
var webProbes = model.BrowserProbes

// webLacks are the methods a browser does not have; its runtime fails them
// NOT_AVAILABLE without a call.
var webLacks = []string{"openSetting"}

// webDriverView is what hostjs.go needs to wire the driver.
type webDriverView struct {
	// Permissions are the Permissions API names getSetting queries: the
	// host's setting keys, sorted, once each.
	Permissions []string
	Lacks       []string
}

// webDriverFor returns the driver wiring of a browser platform, nil for
// any other.
func webDriverFor(p *model.Platform) *webDriverView {
	if !p.IsBrowser() {
		return nil
	}
	d := &webDriverView{Permissions: []string{}, Lacks: webLacks}
	for _, sup := range p.Scopes {
		if sup.Grant != model.GrantNone && sup.SettingKey != "" && !slices.Contains(d.Permissions, sup.SettingKey) {
			d.Permissions = append(d.Permissions, sup.SettingKey)
		}
	}
	slices.Sort(d.Permissions)
	return d
}

// usesWebDriver reports whether any entry imports the driver module.
func (v *view) usesWebDriver() bool {
	return slices.ContainsFunc(v.Platforms, func(p *platformView) bool { return p.WebDriver != nil })
}
