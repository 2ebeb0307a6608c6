package model

// A platform whose global is BrowserGlobal is a browser: it has no
// mini-program API, so the npm package gives its entry a driver that
// answers getSetting from the Permissions API and runs the probes that
// prompt. No manifest key is needed beyond the global.
const BrowserGlobal = "navigator"

// BrowserGrants are the mechanisms a browser's driver implements: it can
// only call an API that prompts, or nothing.
var BrowserGrants = []Grant{GrantOnUse, GrantNone}

// BrowserProbes are the probes the driver implements (the PROBES table of
// templates/npm/web-driver.js.tmpl): a browser's probe must be one of them.
var BrowserProbes = []string{
	"geolocation.getCurrentPosition",
	"mediaDevices.getUserMedia.audio",
	"mediaDevices.getUserMedia.video",
}

// IsBrowser reports whether p is a browser rather than a mini-program host.
func (p *Platform) IsBrowser() bool { return p.Global == BrowserGlobal }
