package generator_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
)

// tsProgram collects the npm/ output of many manifests into one folder
// that a single tsc run checks: every package's typings (.d.ts, .d.mts,
// checked as declarations since skipLibCheck is off) and, per manifest, a consumer that calls each entry with every scope it supports
// and maps every API to its scope, spelt as TypeScript string literals
// written here independently of the emitter: a name the typings escape
// into a different string fails to type-check.
type tsProgram struct {
	root string
}

func newTSProgram(t *testing.T, root string) *tsProgram {
	t.Helper()
	config := map[string]any{
		"compilerOptions": map[string]any{
			"strict": true, "noEmit": true, "skipLibCheck": false, "types": []string{},
			"target": "es2020", "lib": []string{"es2020"}, "module": "esnext", "moduleResolution": "bundler",
		},
		"include": []string{"**/*.ts", "**/*.mts", "**/*.cts"},
	}
	data, err := json.MarshalIndent(config, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(root, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "tsconfig.json"), data, 0o644))
	return &tsProgram{root: root}
}

// add writes one manifest's npm/ files and its consumer under root/name/.
func (p *tsProgram) add(t *testing.T, name string, manifest []byte, files output.Files) {
	t.Helper()
	m, diags := generator.Resolve("manifest.yaml", manifest, generator.Options{GoImportPath: "example.com/x"})
	require.Empty(t, diags)
	dir := filepath.Join(p.root, name)
	for _, path := range files.Paths() {
		rel, ok := strings.CutPrefix(path, "npm/")
		if !ok {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		require.NoError(t, os.MkdirAll(filepath.Dir(dst), 0o755))
		require.NoError(t, os.WriteFile(dst, files[path], 0o644))
	}
	require.FileExists(t, filepath.Join(dir, "types", "index.d.ts"))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "consumer.ts"), []byte(tsConsumer(m)), 0o644))
}

// tsLit spells s as a TypeScript string literal (JSON's escapes are
// TypeScript's).
func tsLit(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// tsConsumer imports the universal entry and each host entry (each
// module format's typings), authorizes every scope each supports, reads
// platform and getSetting, and asserts scopeForApi's type per API.
func tsConsumer(m *model.Model) string {
	var b strings.Builder
	b.WriteString("// A consumer of this manifest's typings; compiled, never run.\n")
	b.WriteString("import authorize, * as universal from \"./types/index\";\n")
	b.WriteString("import * as universalESM from \"./types/index.mjs\";\n")
	b.WriteString("import * as universalCJS from \"./types/index.js\";\n")
	b.WriteString("export const formats: (typeof universal.authorize)[] = [universalESM.authorize, universalCJS.authorize];\n")
	for _, s := range m.Scopes {
		fmt.Fprintf(&b, "authorize({ scope: %s }).then((r) => { const s: %s = r.scope; return s; });\n", tsLit(s.Name), tsLit(s.Name))
	}
	for i, a := range m.APIs {
		fmt.Fprintf(&b, "export const api%d: %s = universal.scopeForApi(%s);\n", i, tsLit(a.Scope.Name), tsLit(a.Name))
	}
	b.WriteString("export const detected: universal.Platform | undefined = universal.platform;\n")
	for i, p := range m.Platforms {
		fmt.Fprintf(&b, "import * as host%d from %s;\n", i, tsLit("./types/"+p.ID))
		fmt.Fprintf(&b, "export const platform%d: %s = host%d.platform;\n", i, tsLit(p.ID), i)
		for _, sup := range p.Scopes {
			fmt.Fprintf(&b, "host%d.authorize({ scope: %s, fail: (e) => e.errCode });\n", i, tsLit(sup.Scope.Name))
			fmt.Fprintf(&b, "host%d.getSetting().then((r) => r.authSetting[%s]);\n", i, tsLit(sup.Scope.Name))
		}
	}
	return b.String()
}

// start launches the repository's pinned tsc once over everything added,
// so that it runs while the Go is vetted; the returned func waits for it.
// Without node_modules the check is skipped, unless CI is set: there a
// missing TypeScript is a failure.
func (p *tsProgram) start(t *testing.T, seed uint64) (wait func(t *testing.T)) {
	t.Helper()
	tsc, err := filepath.Abs(filepath.Join("..", "node_modules", ".bin", "tsc"))
	require.NoError(t, err)
	if _, err := os.Stat(tsc); err != nil {
		return func(t *testing.T) {
			if os.Getenv("CI") != "" {
				t.Fatalf("CI is set and %s is missing: run npm ci first", tsc)
			}
			t.Skipf("TypeScript check skipped: %s is missing (npm ci installs it; with CI set this fails)", tsc)
		}
	}
	var out bytes.Buffer
	cmd := exec.Command(tsc, "-p", p.root)
	cmd.Dir = p.root
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	// Should the test stop before waiting, tsc must not outlive it.
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
	return func(t *testing.T) {
		require.NoError(t, cmd.Wait(), "tsc --strict over random manifests' typings (seed %d):\n%s", seed, out.String())
	}
}
