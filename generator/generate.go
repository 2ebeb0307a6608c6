// Package generator is scopegen's pipeline, as one pure function:
//
//	load → validate → model → emitters → output.Finish (go/format)
//
// Generate returns every output file as path → content and writes nothing;
// the CLI's generate, check and breaking commands are what is done with
// that map.
package generator

import (
	"slices"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/docsemit"
	"github.com/scopegen/scopegen/generator/goemit"
	"github.com/scopegen/scopegen/generator/hostconfigemit"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/npmemit"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/generator/schemaemit"
	"github.com/scopegen/scopegen/generator/testkitemit"
	"github.com/scopegen/scopegen/generator/validate"
)

// Options configure a run.
type Options struct {
	// GoImportPath is the import path of the output folder, such as
	// "github.com/acme/app/generated".
	GoImportPath string
}

// emitters run in this order; each owns its own subtree of the output.
var emitters = []func(*model.Model) (output.Files, error){
	goemit.Emit,
	npmemit.Emit,
	docsemit.Emit,
	schemaemit.Emit,
	hostconfigemit.Emit,
	testkitemit.Emit,
}

// Resolve loads, validates and models a manifest. file is the name used in
// diagnostics. The model is nil whenever a diagnostic is returned.
func Resolve(file string, data []byte, opts Options) (*model.Model, diag.List) {
	raw, diags := load.Load(file, data)
	if raw == nil {
		return nil, diags.Sorted()
	}
	diags = append(diags, validate.Check(raw)...)
	if slices.ContainsFunc(diags, func(d diag.Diagnostic) bool { return d.Rule == diag.LimitExceeded.ID }) {
		return nil, diags.Sorted() // building past a limit is the unbounded work limits exist to stop
	}
	m, more := model.Build(raw, opts.GoImportPath)
	diags = append(diags, more...)
	if len(diags) > 0 {
		return nil, diags.Sorted()
	}
	return m, nil
}

// Generate returns every file the manifest produces. Diagnostics mean the
// manifest is wrong; an error means scopegen is (an emitter produced a
// broken file).
func Generate(file string, data []byte, opts Options) (output.Files, diag.List, error) {
	m, diags := Resolve(file, data, opts)
	if diags != nil {
		return nil, diags, nil
	}
	files, err := Emit(m)
	return files, nil, err
}

// Emit runs every emitter over a resolved model, one after another, and
// finishes their files together (output.Finish: the paths and markers
// checked, the Go formatted with go/format, a file a core). The emitters
// build in memory and take a small share of a run; formatting the Go is
// most of it.
func Emit(m *model.Model) (output.Files, error) {
	all := output.Files{}
	for _, emit := range emitters {
		files, err := emit(m)
		if err != nil {
			return nil, err
		}
		if err := all.Merge(files); err != nil {
			return nil, err
		}
	}
	return output.Finish(all)
}
