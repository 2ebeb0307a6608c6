// Package templates holds the text/template files the npm, docs and schema
// emitters render. Go output is built with jennifer instead (see
// generator/goemit). Templates are embedded, so the scopegen binary needs
// no files beside it.
package templates

import "embed"

// FS holds every template, by path relative to this folder.
//
//go:embed all:npm all:docs all:schema
var FS embed.FS
