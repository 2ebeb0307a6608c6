// Package model is the resolved, immutable form of a manifest that every
// emitter reads.
//
// Everything the manifest decides is decided here: order (platforms by
// id, scopes by name, APIs by name), enum values, Go and TypeScript
// identifiers (checked for collisions), detection order, the grant set
// (GrantTable), and where each field was written. Emitters choose only how
// to print it (goemit, for instance, picks its own lookup tables). Values
// are shared between emitters: treat every field as read-only.
package model

import "github.com/scopegen/scopegen/generator/diag"

// Model is a whole manifest, resolved.
type Model struct {
	File    string
	Version int
	// GoImportPath is the import path of the output folder: the scope
	// package is GoImportPath+"/scope", a platform's GoImportPath+"/platform/"+ID.
	GoImportPath string
	NPMPackage   string      // default "@scopegen/authorize"
	NPM          NPMMeta     // package.json metadata (npm.go)
	Platforms    []*Platform // sorted by ID; Platforms[i].Index == i+1
	Scopes       []*Scope    // sorted by Name; Scopes[i].Index == i+1
	APIs         []*API      // every universal API name, sorted
	// DetectOrder is the order in which the universal JS entry tries the
	// platforms: a platform whose host also defines another's global comes
	// before that platform (ByteDance and Kuaishou also expose wx), and
	// fallback platforms come last.
	DetectOrder []*Platform
	// Example is the scope generated usage examples ask for: the one
	// supported on the most platforms, the first written among equals, so
	// the manifest's order chooses. Nil only for a manifest without scopes.
	Example *Scope
	// NPMPackagePos, PlatformsPos and ScopesPos are where npm.package,
	// platforms: and scopes: are written (NPMPackagePos falls back to the
	// npm: key, then to the zero Pos).
	NPMPackagePos, PlatformsPos, ScopesPos diag.Pos
	// App is the manifest's app part; nil when the manifest has none (a
	// pure catalog: no host configuration is made).
	App *App
	// Sources are the manifest's sources, by id (sources.go).
	Sources []*Source
}

// Field positions. Every descriptor keeps Pos, the position of its key,
// plus the positions of the fields breaking-change findings point at: a
// value's position where it is written, else the position of the entry
// that would hold it (its default applies there).

// Platform is one host.
type Platform struct {
	Pos         diag.Pos
	Index       int    // 1-based enum value; 0 is the invalid Platform
	ID          string // "wechat": Go package name and npm subpath
	Title       string // "WeChat"
	GoName      string // "WeChat": scope.WeChat
	Global      string // "wx"
	AlsoDefines []string
	// Fallback platforms are detected only when no other platform's
	// global exists: the web, whose navigator a mini-program host may
	// define too.
	Fallback        bool
	ExportCondition string // "wechat-miniprogram"
	Icon            string // optional URL
	Note            string
	Denial          Denial
	// AnswersRecorded: the host's authorize answers a scope the user has
	// already answered (success or fail) without prompting, so the flow
	// calls it without reading getSetting first.
	AnswersRecorded bool
	// Privacy is the host's privacy-agreement gate; nil when it has none.
	Privacy *PrivacyGate
	// System is the host's reads of the OS permission layer; nil when none.
	System *SystemLayer
	// Scopes lists what this platform supports, by scope order.
	Scopes []*Support
	// Sources are the sources this host's facts cite, by id.
	Sources []*Citation

	GoNamePos, ExportConditionPos diag.Pos
}

// Denial says how a denial looks in this platform's fail callbacks.
type Denial struct {
	CodeField string // "errCode", "error", "errNo"; "" when the platform has no codes
	Codes     []int  // sorted
	Message   string // the manifest's pattern over errMsg, in the portable dialect; "" for none
	MessageGo string // Message as Go compiles it (PortableRegex: "." and classes explicit)
	MessageJS string // Message as the runtime compiles it, with the "u" flag
}

// Scope is one universal scope.
type Scope struct {
	Pos         diag.Pos
	Index       int    // 1-based enum value; 0 is the invalid Scope
	Name        string // "scope.userLocation", "auth_base"
	Title       string
	Description string
	Note        string
	GoName      string   // "UserLocation": scope.UserLocation
	APIs        []string // universal API names, sorted
	// Support has one entry per platform that supports the scope, by platform order.
	Support []*Support
	// Sources are the sources the scope itself cites (not its support
	// entries, which their platform's Sources hold), by id.
	Sources []*Source

	// APIsPos is the apis: key (else Pos); each API's own position is API.Pos.
	GoNamePos, APIsPos, PlatformsPos diag.Pos
}

// SupportOn returns the scope's support on p, or nil when p does not support it.
func (s *Scope) SupportOn(p *Platform) *Support {
	for _, sup := range s.Support {
		if sup.Platform == p {
			return sup
		}
	}
	return nil
}

// Support is one (scope, platform) pair.
type Support struct {
	Pos        diag.Pos
	Scope      *Scope
	Platform   *Platform
	Native     string // the platform's own scope name: "scope.album", "auth_user", "location"
	SettingKey string // key in getSetting().authSetting; "" when the host reports none
	Grant      Grant
	Probe      string // native method to call for an unanswered onUse scope; "" for none
	// APINames maps each of the scope's universal APIs to this platform's
	// method name, sorted by Universal; equal names are listed too.
	APINames []APIName
	// Privacy is what the host wants declared for this scope; the zero
	// value when nothing.
	Privacy Declaration
	// System is the OS switch and device service the scope needs here.
	System SystemNeed
	Note   string

	NativePos, SettingKeyPos, GrantPos diag.Pos
}

// APIName pairs a universal API name with a platform's method name.
type APIName struct {
	Universal, Native string
}

// API is one universal API name and the scope that guards it.
type API struct {
	Name  string
	Scope *Scope
	Pos   diag.Pos // the entry in Scope's apis list
}
