package npmemit

import (
	"fmt"
	"slices"

	"github.com/scopegen/scopegen/generator/model"
)

// The web host. A platform whose global is navigator is a browser: it has
// no mini-program API, so its entry gets the driver of
// templates/npm/web-driver.js.tmpl (dist/web-driver.*), which answers
// getSetting from the Permissions API, runs the probes that prompt, and
// has no settings page. No manifest key is needed beyond the global.

// webGlobal is the global that selects the web driver.
const webGlobal = "navigator"

// webDriverModule is the driver's module name; platform ids cannot contain
// "-", so it never collides with an entry.
const webDriverModule = "web-driver"

// webProbes are the probe names the driver implements (its PROBES table);
// TestWebDriverImplementsEveryProbe keeps the two in step.
var webProbes = []string{
	"geolocation.getCurrentPosition",
	"mediaDevices.getUserMedia.audio",
	"mediaDevices.getUserMedia.video",
}

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
// any other. The driver answers only getSetting and its probes, so a
// browser's scopes must be granted onUse (with a known probe or none) or
// need no grant.
func webDriverFor(p *model.Platform) (*webDriverView, error) {
	if p.Global != webGlobal {
		return nil, nil
	}
	d := &webDriverView{Permissions: []string{}, Lacks: webLacks}
	for _, sup := range p.Scopes {
		switch sup.Grant {
		case model.GrantNone:
			continue
		case model.GrantOnUse:
		default:
			return nil, fmt.Errorf("scope %q on %q: a browser (global %s) grants only through its prompting APIs: grant must be onUse or none, not %q",
				sup.Scope.Name, p.ID, webGlobal, sup.Grant)
		}
		if sup.Probe != "" && !slices.Contains(webProbes, sup.Probe) {
			return nil, fmt.Errorf("scope %q on %q: the web driver has no probe %q (it knows %v)", sup.Scope.Name, p.ID, sup.Probe, webProbes)
		}
		if sup.SettingKey != "" && !slices.Contains(d.Permissions, sup.SettingKey) {
			d.Permissions = append(d.Permissions, sup.SettingKey)
		}
	}
	slices.Sort(d.Permissions)
	return d, nil
}

// usesWebDriver reports whether any entry imports the driver module.
func (v *view) usesWebDriver() bool {
	return slices.ContainsFunc(v.Platforms, func(p *platformView) bool { return p.WebDriver != nil })
}
