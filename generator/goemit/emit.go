// Package goemit writes the Go packages services import: package scope
// (the Scope, Platform and Grant enums and their tables) and one package
// per platform (native names both ways, setting keys, denials, and for
// getAuthCode hosts a decoder of the auth-code result). All Go is built
// with jennifer. Lookups by enum are arrays; lookups by string are
// switches; none allocates.
package goemit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

func scopePath(m *model.Model) string { return m.GoImportPath + "/scope" }

func platformPath(m *model.Model, p *model.Platform) string {
	return m.GoImportPath + "/platform/" + p.ID
}

// Emit returns every Go file, by path below the output folder, as
// jennifer renders it: output.Finish formats it.
func Emit(m *model.Model) (output.Files, error) {
	type job struct {
		path  string
		build func() *jen.File
	}
	jobs := []job{
		{"scope/scope.go", func() *jen.File { return scopeFile(m) }},
		{"scope/platform.go", func() *jen.File { return platformFile(m) }},
		{"scope/grant.go", func() *jen.File { return grantFile(m) }},
		{"scope/errors.go", func() *jen.File { return errorsFile(m) }},
	}
	for _, p := range m.Platforms {
		dir := "platform/" + p.ID + "/"
		jobs = append(jobs, job{dir + p.ID + ".go", func() *jen.File { return platformPackage(m, p) }})
		if p.Privacy != nil {
			jobs = append(jobs, job{dir + "privacy.go", func() *jen.File { return privacyFile(m, p) }})
		}
		if p.System != nil {
			jobs = append(jobs, job{dir + "system.go", func() *jen.File { return systemFile(m, p) }})
		}
		if hasAuthCode(p) {
			jobs = append(jobs, job{dir + "authcode.go", func() *jen.File { return authCodeFile(m, p) }})
		}
	}
	files := output.Files{}
	for _, j := range jobs {
		src, err := render(j.build())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", j.path, err)
		}
		files[j.path] = src
	}
	return files, nil
}
