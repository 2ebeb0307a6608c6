package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/scopegen/scopegen"
	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/hostconfigemit"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/rules"
)

// hostconfig prints the app.json keys scopegen owns for one host (for
// HarmonyOS: the module.json5 requestPermissions and the string.json
// resources their reasons name), or with -merge merges them into an
// existing app.json (module.json5 and the string.json beside it), keeping
// every other key.
func (e *env) hostconfig(args []string) int {
	var c common
	var platform, merge string
	fs := flag.NewFlagSet("scopegen hostconfig", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.manifest, "manifest", "manifest.yaml", "the manifest to read")
	fs.StringVar(&platform, "platform", "", "the host whose app.json keys to make, such as wechat (required)")
	fs.StringVar(&merge, "merge", "", "an existing app.json (HarmonyOS: module.json5) to merge the keys into (default: print them)")
	fs.StringVar(&c.errorFormat, "error-format", "text", "how to print manifest problems: "+strings.Join(diag.Formats, ", "))
	if code := e.parse(fs, args, &c); code >= 0 {
		return code
	}
	if platform == "" {
		fmt.Fprintln(e.stderr, "scopegen hostconfig: -platform is required, such as -platform wechat")
		return ExitUsage
	}
	data, code := e.readManifest("scopegen hostconfig", &c)
	if code != ExitOK {
		return code
	}
	m, diags := generator.Resolve(filepath.ToSlash(c.manifest), data, generator.Options{})
	if len(diags) > 0 {
		if err := diag.Print(e.stderr, diags, c.errorFormat, "error"); err != nil {
			return ExitInternal
		}
		return ExitManifest
	}
	hc, code := e.hostConfigFor(m, platform, merge != "")
	if hc == nil {
		return code
	}
	if hc.Module != nil {
		if merge == "" {
			_, _ = e.stdout.Write(hostconfigemit.ModuleFragment(hc))
			_, _ = e.stdout.Write([]byte("\n"))
			_, _ = e.stdout.Write(hostconfigemit.StringsFragment(hc))
			return ExitOK
		}
		return e.mergeModuleInto(merge, hc)
	}
	if merge == "" {
		_, _ = e.stdout.Write(hostconfigemit.Fragment(hc))
		return ExitOK
	}
	return e.mergeInto(merge, hc)
}

// hostConfigFor finds the host configuration of platform id, or reports
// why there is none and returns the exit code. merging, a platform the app
// requests nothing of (no key declared, or not in app.platforms) still
// has what scopegen owns there, which a merge removes: its configuration
// then asks for nothing (model.OwnedHostConfig of the manifest's platform,
// else of the built-in catalog's).
func (e *env) hostConfigFor(m *model.Model, id string, merging bool) (*model.HostConfig, int) {
	ids := make([]string, len(m.Platforms))
	for i, p := range m.Platforms {
		ids[i] = p.ID
	}
	var p *model.Platform
	for _, q := range m.Platforms {
		if q.ID == id {
			p = q
		}
	}
	switch {
	case p == nil:
		fmt.Fprintf(e.stderr, "scopegen hostconfig: unknown platform %q%s\n", id, diag.DidYouMean(id, ids))
		return nil, ExitUsage
	case m.App == nil:
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s has no app part: add app.requests to say which scopes the app requests\n", diag.Quote(m.File))
		return nil, ExitUsage
	}
	for _, hc := range m.App.HostConfigs {
		if hc.Platform == p {
			return hc, ExitOK
		}
	}
	if merging {
		hc := model.OwnedHostConfig(p)
		if hc == nil {
			hc = model.OwnedHostConfig(catalogPlatform(id))
		}
		if hc != nil {
			return hc, ExitOK
		}
	}
	fmt.Fprintf(e.stderr, "scopegen hostconfig: nothing to do: %s declares no app.json or module.json5 key for %s or the app does not ship to it (app.platforms)\n", diag.Quote(m.File), diag.Quote(p.Title))
	return nil, ExitOK
}

// mergeInto merges hc into the app.json at path. A target that is not a
// regular file (after links) or is over rules.MaxBytes, or a merge
// hostconfigemit.Merge refuses, leaves the file as it was; a file the
// merge does not change is not written.
func (e *env) mergeInto(path string, hc *model.HostConfig) int {
	target, existing, code := e.readTarget(path, "-merge", "give the path of an app.json file")
	if code != ExitOK {
		return code
	}
	merged, changed, err := hostconfigemit.Merge(existing, hc, catalogPlatform(hc.Platform.ID))
	if err != nil { // a *hostconfigemit.PosError: line:col in path
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s:%v; nothing written\n", diag.Quote(path), err)
		return ExitUsage
	}
	if !changed {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s already holds the %s keys; nothing written\n", diag.Quote(path), diag.Quote(hc.Platform.Title))
		return ExitOK
	}
	if err := replaceFile(target, merged); err != nil {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s left unchanged: %s\n", diag.Quote(path), e.quotedErr(err, target, path))
		return ExitInternal
	}
	fmt.Fprintf(e.stderr, "scopegen hostconfig: merged the %s keys into %s\n", diag.Quote(hc.Platform.Title), diag.Quote(path))
	return ExitOK
}

// catalogPlatform is platform id as scopegen's built-in catalog declares
// it, or nil: its privacy.excludes rules hold for an app.json whatever the
// developer's manifest left out (init writes a part of the catalog).
func catalogPlatform(id string) *model.Platform {
	m, _ := generator.Resolve("manifest.yaml", scopegen.Catalog, generator.Options{})
	if m == nil {
		return nil
	}
	for _, p := range m.Platforms {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// readTarget reads a file -merge edits: links followed (the file is
// replaced, not a link to it), a regular file of at most rules.MaxBytes.
// what names it in errors and hint says what to give instead.
func (e *env) readTarget(path, what, hint string) (string, []byte, int) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s %s: %s\n", what, diag.Quote(path), e.quotedErr(err, path, path))
		return "", nil, ExitUsage
	}
	data, err := load.ReadRegular(target, what, hint, rules.MaxBytes)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s\n", strings.ReplaceAll(err.Error(), target, diag.Quote(path)))
		if errors.Is(err, load.ErrNotRegular) || errors.Is(err, load.ErrTooLarge) {
			return "", nil, ExitUsage
		}
		return "", nil, ExitInternal
	}
	return target, data, ExitOK
}

// stringsBesideModule is where a DevEco module keeps the string resources
// its module.json5 names, relative to the folder of module.json5
// (entry/src/main/module.json5 → entry/src/main/resources/base/element/string.json).
var stringsBesideModule = filepath.Join("resources", "base", "element", "string.json")

// replaceFile replaces a file -merge writes (replaceKeepingOwner); a test
// makes it fail to see what each failure leaves.
var replaceFile = replaceKeepingOwner

// quotedErr is err's text with the paths it holds (an *os.LinkError's or
// an *fs.PathError's, or
// target anywhere) as diag.Quote prints path: a name from the file system
// never reaches the terminal raw.
func (e *env) quotedErr(err error, target, path string) string {
	var le *os.LinkError // a failed rename names the temporary file too
	if errors.As(err, &le) {
		return le.Op + " " + diag.Quote(le.Old) + " " + diag.Quote(le.New) + ": " + le.Err.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + " " + diag.Quote(pe.Path) + ": " + pe.Err.Error()
	}
	if target == "" {
		return err.Error()
	}
	return strings.ReplaceAll(err.Error(), target, diag.Quote(path))
}

// mergeModuleInto merges hc's module.json5 part into the module.json5 at
// path and the string.json beside it. Both are read and merged before
// either is written: a refusal of either, or a missing string.json, leaves
// both as they were; a file the merge does not change is not written.
// The writes go so that at every point each resource module.json5 names
// exists: first string.json with the new resources and every old one
// (Union), then module.json5, then string.json without scopegen's stale
// resources. A failure says which files were written.
func (e *env) mergeModuleInto(path string, hc *model.HostConfig) int {
	modTarget, mod, code := e.readTarget(path, "-merge", "give the path of a module.json5 file")
	if code != ExitOK {
		return code
	}
	strPath := filepath.Join(filepath.Dir(path), stringsBesideModule)
	qMod, qStr := diag.Quote(path), diag.Quote(strPath)
	if _, err := os.Lstat(strPath); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s has no %s beside it: the reasons of requestPermissions name string resources there; give the module.json5 of a DevEco module (such as %s) or create the file with {\"string\": []}; nothing written\n", qMod, filepath.ToSlash(stringsBesideModule), model.ModuleFileExample)
		return ExitUsage
	}
	strTarget, strs, code := e.readTarget(strPath, "string resources", "it must be the string.json file of the module's resources")
	if code != ExitOK {
		return code
	}
	if strTarget == modTarget {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s and %s are the same file; nothing written\n", qMod, qStr)
		return ExitUsage
	}
	mm, err := hostconfigemit.MergeModuleFiles(mod, strs, hc, catalogPlatform(hc.Platform.ID))
	if err != nil {
		where := qMod
		var pe *hostconfigemit.PosError
		if errors.As(err, &pe) && pe.File == hostconfigemit.StringsFile {
			where = qStr
		}
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s:%v; nothing written\n", where, err)
		return ExitUsage
	}
	for _, name := range mm.Kept {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: kept resource %s in %s: %s still names it outside scopegen's entries\n", diag.Quote(name), qStr, qMod)
	}
	if !mm.Changed {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s and %s already hold the %s keys; nothing written\n", qMod, qStr, diag.Quote(hc.Platform.Title))
		return ExitOK
	}
	if !bytes.Equal(mm.Union, strs) {
		if err := replaceFile(strTarget, mm.Union); err != nil {
			fmt.Fprintf(e.stderr, "scopegen hostconfig: %s and %s left unchanged: %s\n", qStr, qMod, e.quotedErr(err, strTarget, strPath))
			return ExitInternal
		}
	}
	if !bytes.Equal(mm.Module, mod) {
		if err := replaceFile(modTarget, mm.Module); err != nil {
			state := "left unchanged"
			if !bytes.Equal(mm.Union, strs) {
				state = "holds the new resources beside every old one (harmless: module.json5 names what it named before)"
			}
			fmt.Fprintf(e.stderr, "scopegen hostconfig: %s left unchanged: %s; %s %s; run the merge again\n", qMod, e.quotedErr(err, modTarget, path), qStr, state)
			return ExitInternal
		}
	}
	if !bytes.Equal(mm.Strings, mm.Union) {
		if err := replaceFile(strTarget, mm.Strings); err != nil {
			fmt.Fprintf(e.stderr, "scopegen hostconfig: %s is merged, but %s still holds scopegen resources nothing names (harmless): %s; run the merge again\n", qMod, qStr, e.quotedErr(err, strTarget, strPath))
			return ExitInternal
		}
	}
	fmt.Fprintf(e.stderr, "scopegen hostconfig: merged the %s keys into %s and %s\n", diag.Quote(hc.Platform.Title), qMod, qStr)
	return ExitOK
}
