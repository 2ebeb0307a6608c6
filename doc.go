// Package scopegen holds manifest.yaml, the table of mini-program
// authorization scopes, and the go:generate line that turns it into
// generated/. See README.md.
package scopegen

//go:generate go tool scopegen generate
