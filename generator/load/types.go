// Package load reads manifest.yaml into a positioned syntax tree.
//
// It walks yaml.Node itself instead of decoding into structs, so that every
// value keeps its line and column and so that duplicate keys, unknown keys
// and wrong types are reported by us, all at once, with a did-you-mean.
// It checks shape only; cross-references are the validate package's job.
package load

import "github.com/scopegen/scopegen/generator/diag"

// String is a scalar string from the manifest with where it was written.
// Set is false when the key was absent or its value had the wrong type
// (already reported), so later checks skip it.
type String struct {
	Value string
	Pos   diag.Pos
	Set   bool
}

// Bool is a scalar boolean from the manifest.
type Bool struct {
	Value bool
	Pos   diag.Pos
	Set   bool
}

// Int is a scalar integer from the manifest.
type Int struct {
	Value int
	Pos   diag.Pos
	Set   bool
}

// Manifest is the whole file. Platforms and Scopes keep file order; the
// model sorts them.
type Manifest struct {
	File      string
	Version   Int
	NPM       NPM
	Platforms []*Platform
	Scopes    []*Scope
	// PlatformsPos and ScopesPos are where the platforms: and scopes: keys are.
	PlatformsPos, ScopesPos diag.Pos
	App                     App
	// Sources is the top-level sources mapping, in file order; SourcesPos
	// is its key, zero when absent.
	Sources    []*Source
	SourcesPos diag.Pos
}

// NPM configures the generated npm package: its name and the metadata
// package.json carries (validate checks them as npm would).
type NPM struct {
	Pos         diag.Pos // the npm: key; zero when absent
	Package     String
	Version     String
	License     String
	Description String
	Repository  String
	Homepage    String
	Keywords    []String
	Private     Bool
}

// Platform is one entry under platforms:, keyed by its id.
type Platform struct {
	ID              String // the mapping key
	Pos             diag.Pos
	Title           String
	GoName          String
	Global          String
	AlsoDefines     []String
	Fallback        Bool
	ExportCondition String
	Icon            String
	Denial          Denial
	Authorize       Authorize
	Privacy         Privacy
	System          System
	Note            String
	Sources         Refs
}

// Authorize records what the platform's own authorize call does with a
// scope the user has already answered.
type Authorize struct {
	Pos diag.Pos
	Set bool
	// AnswersRecorded: authorize answers a granted scope with success and
	// a refused one with fail, neither prompting.
	AnswersRecorded Bool
	Note            String
	Sources         Refs
}

// Denial says how the platform's fail callbacks look when the user said no.
type Denial struct {
	Pos       diag.Pos
	Set       bool
	CodeField String
	Codes     []Int
	Message   String
	Sources   Refs
}

// Scope is one entry under scopes:, keyed by its universal name.
type Scope struct {
	Name        String // the mapping key
	Pos         diag.Pos
	Title       String
	GoName      String
	Description String
	APIs        []String
	Note        String
	Platforms   []*Support
	Sources     Refs
	// APIsPos and PlatformsPos are where the apis: and platforms: keys
	// are; APIsPos is zero when apis is absent.
	APIsPos, PlatformsPos diag.Pos
}

// Support is what one platform does for one scope: scopes.<name>.platforms.<id>.
type Support struct {
	Platform   String // the mapping key
	Pos        diag.Pos
	Native     String
	SettingKey String
	Grant      String
	Probe      String
	APIs       []APIName
	Privacy    Declaration
	System     SystemNeed
	Note       String
	Sources    Refs
}

// APIName maps a universal API name to the platform's own method name.
type APIName struct {
	Universal String
	Native    String
}
