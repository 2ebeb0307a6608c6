package cli

import (
	"errors"
	"flag"
	"fmt"
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

// hostconfig prints the app.json keys scopegen owns for one host, or with
// -merge merges them into an existing app.json, keeping every other key.
func (e *env) hostconfig(args []string) int {
	var c common
	var platform, merge string
	fs := flag.NewFlagSet("scopegen hostconfig", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&c.manifest, "manifest", "manifest.yaml", "the manifest to read")
	fs.StringVar(&platform, "platform", "", "the host whose app.json keys to make, such as wechat (required)")
	fs.StringVar(&merge, "merge", "", "an existing app.json to merge the keys into (default: print them)")
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
	hc, code := e.hostConfigFor(m, platform)
	if hc == nil {
		return code
	}
	if merge == "" {
		_, _ = e.stdout.Write(hostconfigemit.Fragment(hc))
		return ExitOK
	}
	return e.mergeInto(merge, hc)
}

// hostConfigFor finds the host configuration of platform id, or reports
// why there is none and returns the exit code.
func (e *env) hostConfigFor(m *model.Model, id string) (*model.HostConfig, int) {
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
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s has no app part: add app.requests to say which scopes the app requests\n", m.File)
		return nil, ExitUsage
	}
	for _, hc := range m.App.HostConfigs {
		if hc.Platform == p {
			return hc, ExitOK
		}
	}
	fmt.Fprintf(e.stderr, "scopegen hostconfig: nothing to do: %s declares no app.json key for %s or the app does not ship to it (app.platforms)\n", m.File, p.Title)
	return nil, ExitOK
}

// mergeInto merges hc into the app.json at path. A target that is not a
// regular file (after links) or is over rules.MaxBytes, or a merge
// hostconfigemit.Merge refuses, leaves the file as it was; a file the
// merge does not change is not written.
func (e *env) mergeInto(path string, hc *model.HostConfig) int {
	target, err := filepath.EvalSymlinks(path) // replace the file, not a link to it
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %v\n", err)
		return ExitUsage
	}
	existing, err := load.ReadRegular(target, "-merge", "give the path of an app.json file", rules.MaxBytes)
	if err != nil {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s\n", strings.Replace(err.Error(), target, path, 1))
		if errors.Is(err, load.ErrNotRegular) || errors.Is(err, load.ErrTooLarge) {
			return ExitUsage
		}
		return ExitInternal
	}
	merged, changed, err := hostconfigemit.Merge(existing, hc, catalogPlatform(hc.Platform.ID))
	if err != nil { // a *hostconfigemit.PosError: line:col in path
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s:%v; nothing written\n", path, err)
		return ExitUsage
	}
	if !changed {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s already holds the %s keys; nothing written\n", path, hc.Platform.Title)
		return ExitOK
	}
	if err := replaceKeepingOwner(target, merged); err != nil {
		fmt.Fprintf(e.stderr, "scopegen hostconfig: %s left unchanged: %v\n", path, err)
		return ExitInternal
	}
	fmt.Fprintf(e.stderr, "scopegen hostconfig: merged the %s keys into %s\n", hc.Platform.Title, path)
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
