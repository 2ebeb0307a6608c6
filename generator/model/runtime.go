package model

import (
	"maps"
	"slices"
)

// The runtime description: what the generated JavaScript runtime does on
// one host, resolved from the manifest. The npm emitter renders it (one
// flow template, for each host entry and for the universal entry) and
// decides nothing itself.

// StepKind is one step of authorize's flow for a supported scope.
type StepKind string

// The flow's steps. Every step but StepSystem and StepSetting grants (or
// refuses) the scopes of one mechanism; StepSystem reads the OS layer and
// refuses a scope whose switch is denied or whose device service is off;
// StepSetting reads getSetting and settles a scope the user has already
// answered. StepDirect is authorize taken before getSetting, on a host
// whose authorize answers a recorded answer itself
// (Platform.AnswersRecorded): one native call instead of two.
const (
	StepNone         StepKind = StepKind(GrantNone)
	StepAuthCode     StepKind = StepKind(GrantAuthCode)
	StepSystem       StepKind = "system"
	StepDirect       StepKind = "direct"
	StepSetting      StepKind = "setting"
	StepSettingsOnly StepKind = StepKind(GrantSettingsOnly)
	StepButton       StepKind = StepKind(GrantButton)
	StepOnUse        StepKind = StepKind(GrantOnUse)
	StepAuthorize    StepKind = StepKind(GrantAuthorize)
)

// FlowOrder is the order of the steps, the spec's: a scope that needs no
// grant resolves before any call; getAuthCode answers without getSetting
// (its grants are not in authSetting); the operating system's refusal
// (StepSystem) comes before anything the host may prompt for or answer,
// since a grant the OS withholds from the host app is of no use; an
// authorize that settles a recorded answer itself needs no getSetting; a
// recorded answer settles every other scope before a mechanism that would
// prompt or refuse; authorize, the prompt, comes last.
var FlowOrder = []StepKind{StepNone, StepAuthCode, StepSystem, StepDirect, StepSetting, StepSettingsOnly, StepButton, StepOnUse, StepAuthorize}

// DirectList is the JavaScript name of StepDirect's scope list.
const DirectList = "DIRECT"

// Step is one step a runtime takes.
type Step struct {
	Kind StepKind
	// List is the JavaScript name of the step's scope list (NO_GRANT,
	// DIRECT), "" for StepSetting, which applies to every scope that
	// reaches it.
	List string
	// Scopes are the host's scopes granted this way, sorted (host runtimes only).
	Scopes []string
	// Tested: the flow tests that the scope is in List before taking the
	// step. The last granting step is not tested: every scope that gets
	// there is one of its scopes.
	Tested bool
}

// Runtime is one host's runtime.
type Runtime struct {
	Platform *Platform
	// Scopes are the host's scopes, sorted; Others the manifest's scopes
	// only other hosts support (UNSUPPORTED_SCOPE rather than UNKNOWN_SCOPE).
	Scopes, Others []string
	// Steps are the steps the host takes, in FlowOrder.
	Steps []Step
	// Natives maps the scopes whose native name differs and is passed to a
	// call (authorize, getAuthCode); UniversalNames maps the getAuthCode
	// ones back (its result names scopes natively).
	Natives, UniversalNames map[string]string
	// SettingKeys maps the scopes whose getSetting key differs from the
	// scope name; "" where the host reports none.
	SettingKeys map[string]string
	// Probes maps the onUse scopes that have a call that prompts.
	Probes map[string]string
	// Gated are the scopes the privacy gate covers when authorize runs
	// with privacy: "require"; empty when the host cannot show the guide.
	Gated, Ungated []string
	// PrivacyAPIs are the host privacy APIs the runtime uses.
	PrivacyAPIs []string
	// Browser is the browser driver's wiring; nil for a mini-program host.
	Browser *BrowserDriver
	// System is the host's OS layer; nil when it has none. SystemNeeds maps
	// each scope the OS layer is consulted for to its [switch, service]
	// ("" where none).
	System      *SystemLayer
	SystemNeeds map[string][]string
}

// BrowserDriver is how a browser host's runtime calls the driver.
type BrowserDriver struct {
	// Permissions are the Permissions API names getSetting queries: the
	// setting keys, sorted, once each.
	Permissions []string
	// Lacks are the methods a browser does not have: NOT_AVAILABLE
	// without a call.
	Lacks []string
}

// BrowserLacks are the methods no browser has (no settings page).
var BrowserLacks = []string{"openSetting"}

// RuntimePrivacyAPIs are the host privacy APIs the runtime calls, in the
// order it defines them.
var RuntimePrivacyAPIs = []string{GetPrivacySetting, RequirePrivacyAuthorize, OnNeedPrivacyAuthorization}

// RuntimeOf resolves p's runtime.
func (m *Model) RuntimeOf(p *Platform) *Runtime {
	r := &Runtime{Platform: p, Natives: map[string]string{}, UniversalNames: map[string]string{}, SettingKeys: map[string]string{}, Probes: map[string]string{}, System: p.System, SystemNeeds: map[string][]string{}}
	byStep := map[StepKind][]string{}
	for _, sup := range p.Scopes {
		name := sup.Scope.Name
		r.Scopes = append(r.Scopes, name)
		byStep[stepOf(p, sup.Grant)] = append(byStep[stepOf(p, sup.Grant)], name)
		// Only authorize and getAuthCode take the native name.
		if sup.Native != name && (sup.Grant == GrantAuthorize || sup.Grant == GrantAuthCode) {
			r.Natives[name] = sup.Native
			if sup.Grant == GrantAuthCode {
				r.UniversalNames[sup.Native] = name
			}
		}
		if sup.SettingKey != name {
			r.SettingKeys[name] = sup.SettingKey
		}
		if sup.Probe != "" {
			r.Probes[name] = sup.Probe
		}
		if sup.System.Consulted() {
			r.SystemNeeds[name] = []string{sup.System.Switch, sup.System.Service}
		}
		if sup.Privacy.Gated {
			r.Gated = append(r.Gated, name)
		} else {
			r.Ungated = append(r.Ungated, name)
		}
	}
	slices.Sort(r.Scopes)
	for _, s := range m.Scopes {
		if s.SupportOn(p) == nil {
			r.Others = append(r.Others, s.Name)
		}
	}
	r.Steps = steps(func(k StepKind) bool { return len(byStep[k]) > 0 }, func(k StepKind) []string { return byStep[k] }, len(r.SystemNeeds) > 0)
	if g := p.Privacy; g != nil {
		for _, api := range RuntimePrivacyAPIs {
			if g.Has(api) {
				r.PrivacyAPIs = append(r.PrivacyAPIs, api)
			}
		}
	}
	if !r.ShowsGuide() {
		r.Gated, r.Ungated = nil, nil
	}
	if p.IsBrowser() {
		r.Browser = &BrowserDriver{Lacks: BrowserLacks}
		for _, sup := range p.Scopes {
			if sup.Grant != GrantNone && sup.SettingKey != "" && !slices.Contains(r.Browser.Permissions, sup.SettingKey) {
				r.Browser.Permissions = append(r.Browser.Permissions, sup.SettingKey)
			}
		}
		slices.Sort(r.Browser.Permissions)
	}
	return r
}

// stepOf is the step that grants a scope of mechanism g on p: authorize
// goes first (StepDirect) where the host's authorize settles a recorded
// answer itself.
func stepOf(p *Platform, g Grant) StepKind {
	if g == GrantAuthorize && p.AnswersRecorded {
		return StepDirect
	}
	return StepKind(g)
}

// stepList is the JavaScript name of step k's scope list.
func stepList(k StepKind) string {
	if k == StepDirect {
		return DirectList
	}
	return Grant(k).Runtime()
}

// steps lists the steps in FlowOrder that have scopes (StepSystem before
// the first that may prompt or answer when the OS layer is consulted,
// StepSetting when any step past StepDirect has scopes), the last granting
// step untested.
func steps(used func(StepKind) bool, scopes func(StepKind) []string, system bool) []Step {
	var out []Step
	systemDone, setting := false, false
	for _, k := range FlowOrder {
		if k == StepSetting || k == StepSystem || !used(k) {
			continue
		}
		if k != StepNone && k != StepAuthCode && !systemDone {
			systemDone = true
			if system {
				out = append(out, Step{Kind: StepSystem})
			}
		}
		if k != StepNone && k != StepAuthCode && k != StepDirect && !setting {
			setting = true
			out = append(out, Step{Kind: StepSetting})
		}
		out = append(out, Step{Kind: k, List: stepList(k), Scopes: scopes(k), Tested: true})
	}
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Kind != StepSetting && out[i].Kind != StepSystem {
			out[i].Tested = false
			break
		}
	}
	return out
}

// UniversalSteps are the steps of the universal entry's flow: every step
// some host takes, in FlowOrder, each tested against the found host's list
// but the last. Their Scopes are empty: each host's table holds its own.
func (m *Model) UniversalSteps() []Step {
	used, system := map[StepKind]bool{}, false
	for _, p := range m.Platforms {
		for _, sup := range p.Scopes {
			used[stepOf(p, sup.Grant)] = true
			system = system || sup.System.Consulted()
		}
	}
	return steps(func(k StepKind) bool { return used[k] }, func(StepKind) []string { return nil }, system)
}

// SettingsMethod is the native call every mini-program host answers its
// settings with (getAuthStatus, and the flow's settings step).
const SettingsMethod = "getSetting"

// HostMethods are the native methods the runtime may call on a mini-program
// host, sorted, once each: getSetting and openSetting, authorize and
// getAuthCode where a step calls them, the probes, the privacy APIs and the
// OS layer's APIs. Empty for a browser host.
func (r *Runtime) HostMethods() []string {
	if r.Browser != nil {
		return nil
	}
	ms := []string{SettingsMethod, "openSetting"}
	if r.Takes(StepAuthorize) || r.Takes(StepDirect) {
		ms = append(ms, "authorize")
	}
	if r.Takes(StepAuthCode) {
		ms = append(ms, "getAuthCode")
	}
	for _, probe := range r.Probes {
		ms = append(ms, probe)
	}
	ms = append(ms, r.PrivacyAPIs...)
	if r.System != nil {
		ms = append(ms, r.System.Switches, r.System.Services, r.System.Open)
	}
	ms = slices.DeleteFunc(ms, func(m string) bool { return m == "" })
	slices.Sort(ms)
	return slices.Compact(ms)
}

// DetectionMethods are the methods the universal entry requires of a
// mini-program host's global before it takes that host: the settings call,
// which every host's own runtime has and the bridges a host gives its
// web-view pages do not (WeChat's JS-SDK wx, Alipay's web-view my holds
// getLocation but no getSetting); a DOM element with the host's name as its
// id, or a library's function, holds none either. Empty for a browser host.
func (r *Runtime) DetectionMethods() []string {
	if r.Browser != nil {
		return nil
	}
	return []string{SettingsMethod}
}

// Takes reports whether the runtime takes the step kind k.
func (r *Runtime) Takes(k StepKind) bool {
	return slices.ContainsFunc(r.Steps, func(s Step) bool { return s.Kind == k })
}

// ShowsGuide reports whether authorize's privacy: "require" shows the
// privacy guide for some scope of the host.
func (r *Runtime) ShowsGuide() bool {
	return r.Platform.Privacy.Has(RequirePrivacyAuthorize) && slices.ContainsFunc(r.Platform.Scopes, func(s *Support) bool { return s.Privacy.Gated })
}

// Keyless reports whether some scope has no getSetting key.
func (r *Runtime) Keyless() bool {
	return slices.Contains(slices.Collect(maps.Values(r.SettingKeys)), "")
}

// KeysAreNatives reports whether the getSetting keys that differ are
// exactly the native names that differ.
func (r *Runtime) KeysAreNatives() bool {
	return len(r.SettingKeys) > 0 && maps.Equal(r.SettingKeys, r.Natives) && !r.Keyless()
}

// EveryKeyDiffers reports whether no scope's getSetting key is its name.
func (r *Runtime) EveryKeyDiffers() bool { return len(r.SettingKeys) == len(r.Scopes) }

// EveryOnUseProbed reports whether every onUse scope has a probe.
func (r *Runtime) EveryOnUseProbed() bool {
	for _, s := range r.Steps {
		if s.Kind == StepOnUse {
			return len(r.Probes) >= len(s.Scopes)
		}
	}
	return true
}

// ClassifiesPrivacy reports whether the host has privacy failures to
// classify; ClassifiesByCode whether any is known by its code (then the
// message is first tested for a denial: codes are overloaded).
func (r *Runtime) ClassifiesPrivacy() bool {
	return r.Platform.Privacy != nil && len(r.Platform.Privacy.Failures) > 0
}

func (r *Runtime) ClassifiesByCode() bool {
	return r.ClassifiesPrivacy() && slices.ContainsFunc(r.Platform.Privacy.Failures, func(f *PrivacyFailure) bool { return len(f.Codes) > 0 })
}

// GatesFewer reports whether the gated scopes are the shorter list (the
// runtime lists whichever is shorter).
func (r *Runtime) GatesFewer() bool { return 2*len(r.Gated) <= len(r.Scopes) }
