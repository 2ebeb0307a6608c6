// Package scopegen holds manifest.yaml, the table of mini-program
// authorization scopes, and the go:generate line that turns it into
// generated/. See README.md.
//
// The same manifest.yaml is embedded as Catalog: `scopegen init` starts a
// project's manifest from it, so the catalog is always this file.
package scopegen

import _ "embed"

//go:generate go tool scopegen generate

// Catalog is manifest.yaml: every host and scope with its sourced notes.
//
//go:embed manifest.yaml
var Catalog []byte
