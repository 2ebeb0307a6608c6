package model

import (
	"regexp"
	"strings"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/rules"
)

// PrivacyOutcome is one way a host's privacy-agreement gate refuses a
// call: a closed set. Each becomes a runtime errCode (ErrCode) that is
// decided before the denial test, so a privacy failure is never reported
// as the user refusing the scope.
type PrivacyOutcome string

// The privacy outcomes, by their manifest key (privacy.failures.<key>).
const (
	// PrivacyNotAgreed: the user has not agreed to the app's privacy guide,
	// or refused it (WeChat "privacy permission is not authorized").
	// Recovery: show the guide (requirePrivacy) and call again.
	PrivacyNotAgreed PrivacyOutcome = "notAgreed"
	// PrivacyNotDeclared: the privacy guide in the host's console, or
	// app.json's requiredPrivateInfos, does not declare what was called.
	// Recovery: none at run time; the developer must declare it.
	PrivacyNotDeclared PrivacyOutcome = "notDeclared"
	// PrivacyBanned: the host has banned the app's privacy use, or the app
	// has no privacy guide at all (WeChat 1025/1026). Recovery: none at run
	// time; the developer must settle it in the host's console.
	PrivacyBanned PrivacyOutcome = "banned"
)

// PrivacyOutcomes lists every outcome in classification order: the first
// whose message pattern matches wins (see PrivacyGate.Failures).
var PrivacyOutcomes = []PrivacyOutcome{PrivacyNotAgreed, PrivacyNotDeclared, PrivacyBanned}

// ErrCode is the runtime's errCode for the outcome (its row of Failures):
// "PRIVACY_NOT_AGREED", "PRIVACY_NOT_DECLARED", "PRIVACY_BANNED"; "" for a
// value outside the set.
func (o PrivacyOutcome) ErrCode() string {
	f, _ := FailureOf(o)
	return f.Code
}

// GoName is the Go identifier suffix of the outcome (PrivacyNotAgreed).
func (o PrivacyOutcome) GoName() string { return "Privacy" + upperFirst(string(o)) }

// The host privacy APIs a gate may have, by their bare method name (the
// host prefixes its global: wx.getPrivacySetting). PrivacyAPIs lists them
// in documentation order.
const (
	// GetPrivacySetting({success}) answers {needAuthorization} (and, where the app opens its own contract, privacyContractName).
	GetPrivacySetting = "getPrivacySetting"
	// RequirePrivacyAuthorize({success, fail}) shows the privacy guide when
	// the user has not agreed: success = agreed (at once when already
	// agreed), fail = refused.
	RequirePrivacyAuthorize = "requirePrivacyAuthorize"
	// OnNeedPrivacyAuthorization(listener) replaces the host's own privacy
	// popup with the app's: listener(resolve, eventInfo), and the pending
	// call waits until the app calls resolve. Overwrite-style: the last
	// listener registered is the only one.
	OnNeedPrivacyAuthorization = "onNeedPrivacyAuthorization"
	// OpenPrivacyContract({success, fail}) opens the privacy guide page.
	OpenPrivacyContract = "openPrivacyContract"
)

// PrivacyAPIs is the closed set of host privacy APIs, in documentation order.
var PrivacyAPIs = []string{GetPrivacySetting, RequirePrivacyAuthorize, OnNeedPrivacyAuthorization, OpenPrivacyContract}

// PrivacyGate is a host's privacy-agreement gate (platforms.<id>.privacy).
// Platform.Privacy is nil for a host without one (Baidu, Kuaishou, the
// web): such a host gets no privacy API, classifier or docs section.
type PrivacyGate struct {
	Pos diag.Pos
	// APIs are the host privacy APIs the host has, a subset of PrivacyAPIs
	// in that order. The runtime still feature-detects each at call time
	// (an old base library lacks them); an API not listed here is treated
	// as absent without looking.
	APIs []string
	// CodeField is the fail object's numeric field that Failures[i].Codes
	// are read from ("errno" on WeChat; it is not denial.codeField). ""
	// when no failure lists codes.
	CodeField string
	// Failures say how each outcome looks in a fail callback, in
	// PrivacyOutcomes order, only the outcomes the manifest gives. A host
	// may have a gate and no known failure text (Alipay): then nothing is
	// classified as a privacy failure there.
	//
	// Classification of a fail object (code = the CodeField value, absent
	// when the field is missing or not a number; msg = errMsg):
	//  1. the first failure whose Message matches msg wins;
	//  2. else, when msg matches the platform's denial.message, it is not a
	//     privacy failure (a user refusal says so in its text, whatever its code);
	//  3. else the first failure whose Codes contain code wins;
	//  4. else it is not a privacy failure (the denial test runs next).
	// Message first because codes are overloaded: WeChat's errno 104 is
	// also "user cancelled", so it is not listed as a code at all.
	Failures []*PrivacyFailure
	Note     string
}

// Has reports whether the gate lists the host privacy API api (a PrivacyAPIs name).
func (g *PrivacyGate) Has(api string) bool {
	if g == nil {
		return false
	}
	for _, a := range g.APIs {
		if a == api {
			return true
		}
	}
	return false
}

// PrivacyFailure is how one outcome looks in a host's fail callbacks.
type PrivacyFailure struct {
	Pos     diag.Pos
	Outcome PrivacyOutcome
	// Message is a pattern over errMsg, unanchored, case-sensitive, in the
	// portable dialect PortableRegex accepts (as denial.message); "" for
	// none.
	Message string
	// MessageGo and MessageJS are Message as Go and the JS runtime compile
	// it (PortableRegex: "." and classes spelled out; JS with the "u" flag).
	MessageGo, MessageJS string
	// Codes are values of the gate's CodeField that mean the outcome,
	// sorted; never 0. Consulted only after every Message (step 3 above).
	Codes []int
	Note  string
	// Regexp is MessageGo compiled (nil when Message is ""); read-only.
	Regexp *regexp.Regexp
}

// Declaration is what a host wants declared for one scope
// (scopes.<name>.platforms.<id>.privacy). The zero value declares nothing.
type Declaration struct {
	Pos diag.Pos
	// Gated: the host's privacy gate covers this scope's authorize call, so
	// authorize({scope, privacy: "require"}) runs requirePrivacy first here.
	// Only true on a platform whose Privacy is non-nil.
	Gated bool
	// InfoType names the information type the developer must declare in
	// the privacy guide in the host's console for this scope's APIs (docs
	// only; the console is not a file scopegen writes). "" when none is sourced.
	InfoType string
	// RequiredPrivateInfos are the host API names the app must list in
	// app.json's requiredPrivateInfos to call this scope's APIs (WeChat
	// location), sorted. Written only for requested scopes.
	RequiredPrivateInfos []string
	// Permission is the key of app.json's permission object for this scope
	// ("scope.userLocation"; on Alipay it differs from the native name: the
	// album write scope is "scope.writePhotosAlbum"), whose desc is the
	// app's purpose. "" when the host wants no permission entry.
	Permission string
	// PurposeRequired: requesting the scope without a purpose is a manifest
	// error (the host refuses or warns on a permission entry without desc).
	// Only with Permission.
	PurposeRequired bool
	// Excludes are scopes this platform refuses to have requested together
	// with this one (WeChat: fuzzy and precise location), sorted by name.
	Excludes []*Scope
	// RequestPermissions are the HarmonyOS permissions module.json5's
	// requestPermissions must hold for the scope (ohos.permission.LOCATION),
	// sorted. A platform declaring them is configured by module.json5,
	// never by app.json (validate refuses a mix).
	RequestPermissions []string
	Note               string
}

// App is the mini-program's own part (the manifest's app key): what it
// requests. The rest of the manifest is a catalog; host configuration is
// made only for what App requests.
type App struct {
	Pos diag.Pos
	// Platforms are the hosts the app ships to, by platform order: app.platforms,
	// or every platform when that key is absent.
	Platforms []*Platform
	// Requests are the requested scopes, by scope order.
	Requests []*Request
	// HostConfigs holds one entry per platform of Platforms for which the
	// catalog declares any app.json key (a permission or a
	// requiredPrivateInfos entry, requested or not), by platform order. An
	// entry may have nothing requested: merging it still removes stale
	// entries scopegen owns.
	HostConfigs []*HostConfig
	// UsedScene is the usedScene of every module.json5 requestPermissions
	// entry scopegen writes: app.usedScene, each part defaulting to
	// rules.DefaultUsedSceneAbility and rules.DefaultUsedSceneWhen.
	UsedScene UsedScene
}

// UsedScene is module.json5's requestPermissions[].usedScene.
type UsedScene struct {
	Abilities []string
	When      string
}

// Request is one requested scope.
type Request struct {
	Pos   diag.Pos
	Scope *Scope
	// Purpose is the text the host shows the user for the permission
	// (app.json permission.<key>.desc); "" when the manifest gives none.
	Purpose string
}

// HostConfig is the part of one host's app.json scopegen owns, resolved
// from the requests.
type HostConfig struct {
	Platform *Platform
	// Permissions are app.json permission entries, sorted by Key. A
	// requested scope with a Permission key and a purpose gets one; without
	// a purpose (allowed only when not PurposeRequired) it gets none.
	Permissions []PermissionEntry
	// RequiredPrivateInfos is app.json's requiredPrivateInfos: the union of
	// the requested scopes' lists, sorted, without repeats.
	RequiredPrivateInfos []string
	// OwnedPermissions and OwnedPrivateInfos are every permission key and
	// requiredPrivateInfos entry the catalog declares for this platform,
	// requested or not, sorted: merging into an existing app.json replaces
	// exactly these and keeps every other entry.
	OwnedPermissions  []string
	OwnedPrivateInfos []string
	// Module is the module.json5 part of a host configured by module.json5
	// (a platform whose scopes declare privacy.requestPermissions); nil
	// for an app.json host, whose other fields are then empty.
	Module *ModuleConfig
}

// ModuleConfig is the part of a HarmonyOS module.json5 (and of the
// string.json its reasons name) scopegen owns.
type ModuleConfig struct {
	// RequestPermissions are the entries of module.json5's
	// requestPermissions, sorted by Name, each once: a permission two
	// requested scopes need takes the reason of the first by scope order.
	RequestPermissions []ModulePermission
	// Strings are the string resources the entries' reasons name, sorted
	// by Name.
	Strings   []StringResource
	UsedScene UsedScene
}

// ModulePermission is one requestPermissions entry: {name: Name, reason:
// "$string:" + Resource, usedScene}.
type ModulePermission struct {
	Name     string
	Resource string
	Scope    *Scope
}

// StringResource is one string.json entry {name, value}: Value is the
// request's purpose.
type StringResource struct {
	Name  string
	Value string
}

// ResourceName is the string resource scopegen writes for scope s's
// purpose: rules.ResourcePrefix then the scope name with "_" doubled and
// "." as "_" (scope.userLocation → scopegen_scope_userLocation), so two
// scope names never share one.
func ResourceName(s *Scope) string {
	return rules.ResourcePrefix + strings.ReplaceAll(strings.ReplaceAll(s.Name, "_", "__"), ".", "_")
}

// PermissionEntry is one app.json permission.<Key>: {desc: Desc}.
type PermissionEntry struct {
	Key   string
	Desc  string
	Scope *Scope
}

// ModuleOwnership is what of a module.json5 and its string.json scopegen
// owns on a platform configured by module.json5: exactly the resource
// names it derives (ResourceName of each scope that declares
// requestPermissions there) and the permissions those scopes can declare.
// A requestPermissions entry is scopegen's when its name is one of
// Permissions and its reason names one of Resources; a resource, when its
// name is one of Resources. Nothing else that merely starts with
// rules.ResourcePrefix is.
type ModuleOwnership struct {
	Permissions map[string]bool
	Resources   map[string]bool
}

// ModuleOwned adds what scopegen owns on each of platforms (nil ones
// skipped: the manifest's platform and the built-in catalog's).
func ModuleOwned(platforms ...*Platform) ModuleOwnership {
	o := ModuleOwnership{Permissions: map[string]bool{}, Resources: map[string]bool{}}
	for _, p := range platforms {
		if p == nil {
			continue
		}
		for _, sup := range p.Scopes {
			if len(sup.Privacy.RequestPermissions) == 0 {
				continue
			}
			o.Resources[ResourceName(sup.Scope)] = true
			for _, perm := range sup.Privacy.RequestPermissions {
				o.Permissions[perm] = true
			}
		}
	}
	return o
}
