// Package goemit writes the Go packages services import: package scope
// (the Scope, Platform and Grant enums and their tables) and one package
// per platform (native names both ways, setting keys, denials, and for
// getAuthCode hosts a decoder of the auth-code result). All Go is built
// with jennifer; lookups are arrays indexed by the enums or string
// switches, so the hot paths neither allocate nor hash.
package goemit

import (
	"github.com/dave/jennifer/jen"

	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

func scopePath(m *model.Model) string { return m.GoImportPath + "/scope" }

func platformPath(m *model.Model, p *model.Platform) string {
	return m.GoImportPath + "/platform/" + p.ID
}

// Emit returns every Go file, by path below the output folder.
func Emit(m *model.Model) (output.Files, error) {
	files := output.Files{}
	add := func(path string, f *jen.File) error {
		src, err := render(f)
		if err != nil {
			return err
		}
		files[path] = src
		return nil
	}
	for _, file := range []struct {
		path string
		emit func(*model.Model) *jen.File
	}{
		{"scope/scope.go", scopeFile},
		{"scope/platform.go", platformFile},
		{"scope/grant.go", grantFile},
		{"scope/errors.go", errorsFile},
	} {
		if err := add(file.path, file.emit(m)); err != nil {
			return nil, err
		}
	}
	for _, p := range m.Platforms {
		dir := "platform/" + p.ID + "/"
		if err := add(dir+p.ID+".go", platformPackage(m, p)); err != nil {
			return nil, err
		}
		if hasAuthCode(p) {
			if err := add(dir+"authcode.go", authCodeFile(m, p)); err != nil {
				return nil, err
			}
		}
	}
	return files, nil
}
