package npmemit

import (
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// The web host: a model.Platform that IsBrowser gets the driver of
// templates/npm/web-driver.js.tmpl (dist/web-driver.*), wired as its
// model.Runtime's Browser says. validate has checked that its scopes need
// only what the driver does (GRANT_NOT_ALLOWED, UNKNOWN_API).

// webDriverModule is the driver's module name; platform ids cannot contain
// "-", so it never collides with an entry.
const webDriverModule = "web-driver"

// webProbes are the probe names the driver implements (its PROBES table);
// TestWebDriverImplementsEveryProbe keeps the two in step.
var webProbes = model.BrowserProbes

// usesWebDriver reports whether any entry imports the driver module.
func (v *view) usesWebDriver() bool {
	return slices.ContainsFunc(v.Platforms, func(p *platformView) bool { return p.WebDriver != nil })
}
