// Package testkitemit writes the npm package's testing kit (the ./testing
// subpath: dist/testing.mjs, dist/testing.js, types/testing.d.ts,
// types/testing.d.mts): simulateHost(platform, options) builds a simulated
// host from the manifest's facts for that platform, for users' own tests.
// The behaviour is templates/npm/testing.js.tmpl; this package gives it the
// facts as one JSON table (global, native names, getSetting keys, grants,
// probes, failure texts and codes, the privacy gate) and the typings'
// per-platform unions. No host entry and not the universal entry imports
// the kit, so bundles of those never contain it.
package testkitemit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/template"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/templates"
)

// Module is the kit's module name in dist/ and types/ and its subpath
// (./testing); rules.ReservedPlatformIDs keeps it from naming a host.
const Module = "testing"

// funcs are a subset of npmemit's (which parses every npm/*.tmpl too), so
// both template sets parse the kit's templates.
var funcs = template.FuncMap{"js": jsString}

var tmpl = template.Must(template.New("testing").Funcs(funcs).ParseFS(templates.FS, "npm/testing*.tmpl"))

// Emit renders the kit.
func Emit(m *model.Model) (output.Files, error) {
	hosts := map[string]*hostFacts{}
	var views []typingView
	for _, p := range m.Platforms {
		h, err := factsOf(p)
		if err != nil {
			return nil, err
		}
		h.Methods = h.methods()
		hosts[p.ID] = h
		v := typingView{ID: p.ID, Global: p.Global, TSType: model.TSScopeType(p),
			Methods: union(h.Methods), Codes: codeUnion(h),
			Gated: scopesIf(p, h.Privacy != nil && h.Privacy.NotAgreed != nil), Undeclared: scopesIf(p, h.Privacy != nil && h.Privacy.NotDeclared != nil),
			Banned: scopesIf(p, h.Privacy != nil && h.Privacy.Banned != nil), OSSwitches: "never", OSServices: "never"}
		if h.System != nil {
			v.OSSwitches, v.OSServices = union(h.System.SwitchFields), union(h.System.ServiceFields)
		}
		views = append(views, v)
	}
	table, err := tableJSON(m, hosts)
	if err != nil {
		return nil, err
	}
	files := output.Files{}
	render := func(out, name string, data any) error {
		var buf bytes.Buffer
		if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
			return fmt.Errorf("rendering %s: %w", out, err)
		}
		files["npm/"+out] = buf.Bytes()
		return nil
	}
	for _, f := range []struct {
		esm      bool
		js, ts   string
		importTS string
	}{{true, ".mjs", ".d.mts", ".mjs"}, {false, ".js", ".d.ts", ".js"}} {
		if err := render("dist/"+Module+f.js, "testing.js.tmpl", jsView{ESM: f.esm, Hosts: string(table)}); err != nil {
			return nil, err
		}
		if err := render("types/"+Module+f.ts, "testing.d.ts.tmpl", tsView{Import: f.importTS, Platforms: views}); err != nil {
			return nil, err
		}
	}
	return files, nil
}

type jsView struct {
	ESM   bool
	Hosts string // the facts table, JSON
}

type tsView struct {
	Import    string // how a typing names a sibling: ".js" or ".mjs"
	Platforms []typingView
}

type typingView struct {
	ID, Global, TSType string
	Methods, Codes     string // TypeScript unions
	// Gated, Undeclared, Banned: the scopes options.gated, .undeclared and
	// .banned may name ("never" where the manifest has no such refusal).
	Gated, Undeclared, Banned string
	// OSSwitches and OSServices: the OS layer's fields (options.os), unions.
	OSSwitches, OSServices string
}

// scopesIf is the platform's scope type where the host has the refusal an
// option needs, else "never".
func scopesIf(p *model.Platform, has bool) string {
	if !has {
		return "never"
	}
	return model.TSScopeType(p)
}

// hostFacts is one platform as the kit's template reads it.
type hostFacts struct {
	Global      string                 `json:"global"`
	AlsoDefines []string               `json:"alsoDefines"`
	Browser     bool                   `json:"browser"`
	Scopes      map[string]*scopeFacts `json:"scopes,omitempty"` // by universal name
	Denial      *failFacts             `json:"denial"`           // nil for a browser: its errors are the browser's
	Privacy     *privacyFacts          `json:"privacy"`
	System      *systemFacts           `json:"system"` // nil: the host reports no OS layer
	// Methods are the simulated methods (hostFacts.methods).
	Methods []string `json:"methods"`
}

type scopeFacts struct {
	Native string `json:"native"`
	// Key is where the host keeps the user's answer: the getSetting key,
	// else the native name (then Reported is false: getSetting omits it).
	Key      string   `json:"key"`
	Reported bool     `json:"reported"`
	Grant    string   `json:"grant"`
	Probe    string   `json:"probe"`
	Gated    bool     `json:"gated"`
	APIs     []string `json:"apis"` // the host's methods the scope guards (plain names only)
}

// failFacts is one failure as the host's fail callback shows it.
type failFacts struct {
	errText
	Field string `json:"field"` // the code's field; "" for none
	Codes []int  `json:"codes"`
}

// systemFacts is the host's OS layer: its APIs ("" for none) and the
// fields they report that some scope needs, sorted.
type systemFacts struct {
	Switches      string   `json:"switches"`
	Services      string   `json:"services"`
	Open          string   `json:"open"`
	SwitchFields  []string `json:"switchFields"`
	ServiceFields []string `json:"serviceFields"`
}

type privacyFacts struct {
	APIs      []string   `json:"apis"`
	NotAgreed *failFacts `json:"notAgreed"` // nil: the gate's refusal text is unknown, so it never refuses a scope
	// NotDeclared and Banned are the gate's other refusals, for
	// options.undeclared and options.banned; nil where the manifest has no text.
	NotDeclared *failFacts `json:"notDeclared"`
	Banned      *failFacts `json:"banned"`
}

func factsOf(p *model.Platform) (*hostFacts, error) {
	h := &hostFacts{Global: p.Global, AlsoDefines: nonNil(p.AlsoDefines), Browser: p.IsBrowser(), Scopes: map[string]*scopeFacts{}}
	for _, sup := range p.Scopes {
		s := &scopeFacts{Native: sup.Native, Key: sup.SettingKey, Reported: sup.SettingKey != "", Grant: string(sup.Grant),
			Probe: sup.Probe, Gated: sup.Privacy.Gated, APIs: []string{}}
		if s.Key == "" {
			s.Key = sup.Native
		}
		for _, a := range sup.APINames {
			// Dotted names (RecorderManager.start) are methods of objects
			// the kit does not simulate.
			if !strings.Contains(a.Native, ".") && !slices.Contains(s.APIs, a.Native) {
				s.APIs = append(s.APIs, a.Native)
			}
		}
		h.Scopes[sup.Scope.Name] = s
	}
	if !h.Browser {
		t, err := textFor(p.Denial.MessageGo, "authorize")
		if err != nil {
			return nil, fmt.Errorf("platform %s: %w", p.ID, err)
		}
		h.Denial = &failFacts{errText: t, Field: p.Denial.CodeField, Codes: nonNilInts(p.Denial.Codes)}
	}
	if sys := p.System; sys != nil {
		h.System = &systemFacts{Switches: sys.Switches, Services: sys.Services, Open: sys.Open, SwitchFields: []string{}, ServiceFields: []string{}}
		for _, sup := range p.Scopes {
			if f := sup.System.Switch; f != "" && !slices.Contains(h.System.SwitchFields, f) {
				h.System.SwitchFields = append(h.System.SwitchFields, f)
			}
			if f := sup.System.Service; f != "" && !slices.Contains(h.System.ServiceFields, f) {
				h.System.ServiceFields = append(h.System.ServiceFields, f)
			}
		}
		slices.Sort(h.System.SwitchFields)
		slices.Sort(h.System.ServiceFields)
	}
	if g := p.Privacy; g != nil {
		h.Privacy = &privacyFacts{APIs: nonNil(g.APIs)}
		for _, f := range g.Failures {
			slot := map[model.PrivacyOutcome]**failFacts{model.PrivacyNotAgreed: &h.Privacy.NotAgreed,
				model.PrivacyNotDeclared: &h.Privacy.NotDeclared, model.PrivacyBanned: &h.Privacy.Banned}[f.Outcome]
			if slot == nil {
				continue
			}
			t, err := textFor(f.MessageGo, "authorize")
			if err != nil {
				return nil, fmt.Errorf("platform %s privacy %s: %w", p.ID, f.Outcome, err)
			}
			*slot = &failFacts{errText: t, Codes: nonNilInts(f.Codes)}
			if len(f.Codes) > 0 {
				(*slot).Field = g.CodeField
			}
		}
	}
	return h, nil
}

// tableJSON writes the facts as a JSON object, a platform's scopes one a
// line: the table grows with the manifest, and indenting it all was most
// of the emitter's time.
func tableJSON(m *model.Model, hosts map[string]*hostFacts) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{")
	for i, p := range m.Platforms {
		h := *hosts[p.ID]
		h.Scopes = nil // written below, one a line
		rest, err := json.Marshal(&h)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  %s: {\"scopes\": {", jsString(p.ID))
		for j, sup := range p.Scopes {
			row, err := json.Marshal(hosts[p.ID].Scopes[sup.Scope.Name])
			if err != nil {
				return nil, err
			}
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n    %s: %s", jsString(sup.Scope.Name), row)
		}
		b.WriteString("\n  }, ")
		b.Write(rest[1:]) // the other fields and the closing brace
	}
	b.WriteString("\n}")
	return b.Bytes(), nil
}

// browserMethods are what the kit's navigator has, each the only method of
// its object: the Permissions API, and the prompting APIs the probes call.
var browserMethods = map[string]string{
	"geolocation.getCurrentPosition":  "geolocation.getCurrentPosition",
	"mediaDevices.getUserMedia.audio": "mediaDevices.getUserMedia",
	"mediaDevices.getUserMedia.video": "mediaDevices.getUserMedia",
}

// methods are the host's simulated method names, sorted: what calls
// records and what options.missing and options.failing may name.
func (h *hostFacts) methods() []string {
	var ms []string
	add := func(m string) {
		if m != "" && !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
	}
	if h.Browser {
		add("permissions.query")
		for _, s := range h.Scopes {
			add(browserMethods[s.Probe])
		}
	} else {
		add("getSetting")
		add("openSetting")
		for _, s := range h.Scopes {
			switch model.Grant(s.Grant) {
			case model.GrantAuthorize, model.GrantSettingsOnly, model.GrantButton:
				add("authorize")
			case model.GrantAuthCode:
				add("getAuthCode")
			}
			add(s.Probe)
			for _, a := range s.APIs {
				add(a)
			}
		}
		if h.Privacy != nil {
			for _, a := range h.Privacy.APIs {
				add(a)
			}
		}
		if h.System != nil {
			add(h.System.Switches)
			add(h.System.Services)
			add(h.System.Open)
		}
	}
	slices.Sort(ms)
	return ms
}

func union(names []string) string {
	if len(names) == 0 {
		return "never"
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = jsString(n)
	}
	return strings.Join(parts, " | ")
}

// codeUnion: the codes a denial may carry (options.denialCode).
func codeUnion(h *hostFacts) string {
	if h.Denial == nil || len(h.Denial.Codes) == 0 {
		return "never"
	}
	parts := make([]string, len(h.Denial.Codes))
	for i, c := range h.Denial.Codes {
		parts[i] = fmt.Sprint(c)
	}
	return strings.Join(parts, " | ")
}

// jsString is s as a JavaScript, TypeScript and JSON string literal
// (encoding/json escapes "<", U+2028 and U+2029).
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilInts(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
