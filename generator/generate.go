// Package generator is scopegen's pipeline, as one pure function:
//
//	load → validate → model → emitters → finish
//
// Generate returns every output file as path → content and writes nothing;
// the CLI's generate, check and breaking commands are what is done with
// that map.
package generator

import (
	"slices"
	"sync"

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
// goemit.Emit stays first: Emit gives emitters[0] a goroutine of its own.
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

// Emit runs every emitter over a resolved model and finishes each
// emitter's files (output.Finish: gofmt of the Go, path and marker checks)
// as soon as it returns them. The Go emitter, whose scope.go is the
// longest build-and-format chain of a run, has a goroutine to itself;
// the other emitters run one after another beside it, so on two cores
// they take the other core rather than slicing time with that chain (at
// 2,000 scopes they take about half as long as it together, so more
// cores gain little from running them apart).
// Errors are reported in emitter order, so the outcome does not depend
// on scheduling.
func Emit(m *model.Model) (output.Files, error) {
	results := make([]output.Files, len(emitters))
	errs := make([]error, len(emitters))
	run := func(i int) {
		files, err := emitters[i](m)
		if err == nil {
			files, err = finishEach(files)
		}
		results[i], errs[i] = files, err
	}
	var wg sync.WaitGroup
	wg.Go(func() { run(0) })
	wg.Go(func() {
		for i := 1; i < len(emitters); i++ {
			run(i)
		}
	})
	wg.Wait()
	all := output.Files{}
	for i := range emitters {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if err := all.Merge(results[i]); err != nil {
			return nil, err
		}
	}
	return all, nil
}

// finishEach is output.Finish with every file finished at once in a
// goroutine of its own, so the largest starts at once rather than after
// the files whose paths sort before it. The first error in path order wins,
// as in Finish.
func finishEach(files output.Files) (output.Files, error) {
	paths := files.Paths()
	finished := make([]output.Files, len(paths))
	errs := make([]error, len(paths))
	var wg sync.WaitGroup
	for i, p := range paths {
		wg.Go(func() { finished[i], errs[i] = output.Finish(output.Files{p: files[p]}) })
	}
	wg.Wait()
	out := make(output.Files, len(paths))
	for i, p := range paths {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out[p] = finished[i][p]
	}
	return out, nil
}
