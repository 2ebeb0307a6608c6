package vet

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/internal/gomod"
)

// Names is what the analyzer knows from the manifest: every name a
// hand-written string could duplicate, and where the generated packages live.
type Names struct {
	ScopePkg       string            // import path of the generated scope package
	Scopes         map[string]string // universal scope name → Go constant ("UserLocation")
	ScopeOrder     []string          // universal names in enum order, as Parse suggests them
	Platforms      map[string]string // platform id → Go constant ("WeChat")
	PlatformOrder  []string          // platform ids in enum order
	Natives        map[string][]NativeUse
	platformTitles map[string]string
}

// NativeUse is one place a host spells a scope its own way.
type NativeUse struct {
	Platform string // platform id, also its Go package name
	Scope    string // Go constant of the universal scope
	Setting  bool   // a getSetting key rather than a native name
}

// NamesFromModel collects the names of a resolved manifest.
func NamesFromModel(m *model.Model) *Names {
	n := &Names{
		ScopePkg:       m.GoImportPath + "/scope",
		Scopes:         map[string]string{},
		Platforms:      map[string]string{},
		Natives:        map[string][]NativeUse{},
		platformTitles: map[string]string{},
	}
	for _, s := range m.Scopes {
		n.Scopes[s.Name] = s.GoName
		n.ScopeOrder = append(n.ScopeOrder, s.Name)
	}
	for _, p := range m.Platforms {
		n.Platforms[p.ID] = p.GoName
		n.PlatformOrder = append(n.PlatformOrder, p.ID)
		n.platformTitles[p.ID] = p.Title
		for _, sup := range p.Scopes {
			n.Natives[sup.Native] = append(n.Natives[sup.Native], NativeUse{Platform: p.ID, Scope: sup.Scope.GoName})
			if sup.SettingKey != "" {
				n.Natives[sup.SettingKey] = append(n.Natives[sup.SettingKey], NativeUse{Platform: p.ID, Scope: sup.Scope.GoName, Setting: true})
			}
		}
	}
	return n
}

// LoadNames resolves the manifest at path, whose output folder has the Go
// import path goImportPath. It reads with load.ReadFile's limits: a
// manifest over the size limit is a LIMIT_EXCEEDED diagnostic, as are
// the manifest's own problems; one that is not a regular file is an error
// (load.ErrNotRegular).
func LoadNames(path, goImportPath string) (*Names, diag.List, error) {
	data, err := load.ReadFile(path)
	if errors.Is(err, load.ErrTooLarge) {
		return nil, diag.List{diag.At(filepath.ToSlash(path), diag.Pos{}, diag.LimitExceeded, "%v", err)}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	names, diags := ResolveNames(path, data, goImportPath)
	return names, diags, nil
}

// ResolveNames resolves the manifest text data read from path.
func ResolveNames(path string, data []byte, goImportPath string) (*Names, diag.List) {
	m, diags := generator.Resolve(filepath.ToSlash(path), data, generator.Options{GoImportPath: goImportPath})
	if diags != nil {
		return nil, diags
	}
	return NamesFromModel(m), nil
}

// namesCache keeps one resolved manifest per (manifest, import path): a
// driver runs the analyzer once per package.
var namesCache sync.Map // cacheKey → *cached

type cacheKey struct{ manifest, importPath string }

type cached struct {
	once  sync.Once
	names *Names
	err   error
}

// defaultNames finds the manifest for a package in dir the way
// `go generate` at the module root finds it: manifest.yaml beside go.mod,
// output folder generated/. Flags override both. A package outside any
// module, or in a module without a manifest, has nothing to check: nil
// names, no error.
func defaultNames(dir, manifestFlag, importPathFlag string) (*Names, error) {
	manifest, importPath := manifestFlag, importPathFlag
	if manifest == "" || importPath == "" {
		root, modPath, err := gomod.Find(dir)
		if errors.Is(err, gomod.ErrNotFound) {
			return nil, nil // outside a module: nothing to check
		}
		if err != nil {
			return nil, err // such as a go.mod without a module line
		}
		if manifest == "" {
			manifest = filepath.Join(root, "manifest.yaml")
			if _, err := os.Stat(manifest); errors.Is(err, os.ErrNotExist) {
				return nil, nil
			}
		}
		if importPath == "" {
			importPath = modPath + "/generated"
		}
	}
	v, _ := namesCache.LoadOrStore(cacheKey{manifest, importPath}, &cached{})
	c := v.(*cached)
	c.once.Do(func() {
		names, diags, err := LoadNames(manifest, importPath)
		switch {
		case err != nil:
			c.err = err
		case diags != nil:
			c.err = fmt.Errorf("the manifest is invalid (run scopegen check):\n%w", diags)
		default:
			c.names = names
		}
	})
	return c.names, c.err
}
