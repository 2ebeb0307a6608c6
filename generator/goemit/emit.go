// Package goemit writes the Go packages services import: package scope
// (the Scope, Platform and Grant enums and their tables) and one package
// per platform (native names both ways, setting keys, denials, and for
// getAuthCode hosts a decoder of the auth-code result). All Go is built
// with jennifer. Lookups by enum are arrays; lookups by string are
// switches or, past a few keys, perfect hashes (lookup.go); none allocates.
package goemit

import (
	"fmt"
	"sync"

	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

func scopePath(m *model.Model) string { return m.GoImportPath + "/scope" }

func platformPath(m *model.Model, p *model.Platform) string {
	return m.GoImportPath + "/platform/" + p.ID
}

// Emit returns every Go file, by path below the output folder. Files are
// built and rendered concurrently; each reads the model only. They are Go
// once output.Finish has formatted them: the tables carry verbatim region
// marks (see rawLines), which output.Unmark removes.
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
		if hasAuthCode(p) {
			jobs = append(jobs, job{dir + "authcode.go", func() *jen.File { return authCodeFile(m, p) }})
		}
	}
	srcs := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { srcs[i], errs[i] = render(j.build()) })
	}
	wg.Wait()
	files := output.Files{}
	for i, j := range jobs {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", j.path, errs[i])
		}
		files[j.path] = srcs[i]
	}
	return files, nil
}
