package goemit_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/diag"
	"github.com/scopegen/scopegen/generator/goemit"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/generator/validate"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// behaviourCases are the manifests whose Go is compiled, vetted and run.
// Between them their lookups take every form: switches (small sets),
// direct hashes (the root manifest's scopes) and displaced hashes
// (sized: 300 scopes).
var behaviourCases = map[string]func(t *testing.T) []byte{
	"small":       readFile("testdata/small.yaml"),
	"adversarial": readFile("testdata/adversarial.yaml"),
	"goldenadv":   readFile("../../testdata/cases/adversarial-strings/manifest.yaml"),
	"root":        readFile("../../manifest.yaml"),
	"sized":       func(*testing.T) []byte { return synth.Sized(300) },
}

func readFile(path string) func(t *testing.T) []byte {
	return func(t *testing.T) []byte {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		return data
	}
}

// TestEmittedGoBehaves writes the Go of every case into one temporary
// module, next to a test (testdata/behaviour_test.go.tmpl) that checks
// each answer the packages give against what the manifest says, then runs
// go vet and go test there. One module keeps it to one build.
func TestEmittedGoBehaves(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a module with the go command")
	}
	tmpl := template.Must(template.ParseFiles("testdata/behaviour_test.go.tmpl"))
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "go.mod"), []byte("module example.com/x\n\ngo 1.26\n"))
	for name, manifest := range behaviourCases {
		m := resolve(t, manifest(t), "example.com/x/"+name)
		files, err := goemit.Emit(m)
		require.NoError(t, err)
		files, err = output.Finish(files)
		require.NoError(t, err, name)
		dir := filepath.Join(root, name)
		for p, content := range files {
			writeFile(t, filepath.Join(dir, filepath.FromSlash(p)), content)
		}
		expect, err := json.MarshalIndent(expectationOf(m), "", "  ")
		require.NoError(t, err)
		writeFile(t, filepath.Join(dir, "expect.json"), expect)

		type platform struct {
			ID, Alias string
			AuthCode  bool
		}
		data := struct {
			Import    string
			Platforms []platform
		}{Import: m.GoImportPath}
		for _, p := range m.Platforms {
			data.Platforms = append(data.Platforms, platform{p.ID, "p_" + p.ID, usesAuthCode(p)})
		}
		var test strings.Builder
		require.NoError(t, tmpl.Execute(&test, data))
		writeFile(t, filepath.Join(dir, "behaviour_test.go"), []byte(test.String()))
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s in the module of emitted Go (%s):\n%s", strings.Join(args, " "), root, out)
	}
}

// The expectation types mirror the ones in behaviour_test.go.tmpl.
type expectation struct {
	Scopes    []expScope
	Platforms []expPlatform
	APIs      map[string]string
}

type expScope struct {
	Name, Title string
	APIs        []string
	Support     map[string]expSupport
}

type expSupport struct {
	Native, SettingKey, Grant string
	APINames                  map[string]string
}

type expPlatform struct {
	ID, Title, Global string
	Codes             []int
	Message           string
	AuthCode          bool
}

// expectationOf is what the model says the emitted packages must answer.
func expectationOf(m *model.Model) expectation {
	e := expectation{APIs: map[string]string{}}
	for _, p := range m.Platforms {
		e.Platforms = append(e.Platforms, expPlatform{p.ID, p.Title, p.Global, p.Denial.Codes, p.Denial.Message, usesAuthCode(p)})
	}
	for _, s := range m.Scopes {
		es := expScope{Name: s.Name, Title: s.Title, APIs: s.APIs, Support: map[string]expSupport{}}
		for _, sup := range s.Support {
			apiNames := map[string]string{}
			for _, n := range sup.APINames {
				apiNames[n.Universal] = n.Native
			}
			es.Support[sup.Platform.ID] = expSupport{sup.Native, sup.SettingKey, string(sup.Grant), apiNames}
		}
		e.Scopes = append(e.Scopes, es)
	}
	for _, a := range m.APIs {
		e.APIs[a.Name] = a.Scope.Name
	}
	return e
}

func usesAuthCode(p *model.Platform) bool {
	for _, sup := range p.Scopes {
		if sup.Grant == model.GrantAuthCode {
			return true
		}
	}
	return false
}

func resolve(t testing.TB, data []byte, importPath string) *model.Model {
	t.Helper()
	m, diags := resolveModel(data, importPath)
	require.Empty(t, diags)
	return m
}

// resolveModel is generator.Resolve without importing package generator,
// so these tests build while another emitter is half-written.
func resolveModel(data []byte, importPath string) (*model.Model, diag.List) {
	raw, diags := load.Load("manifest.yaml", data)
	if raw == nil {
		return nil, diags
	}
	diags = append(diags, validate.Check(raw)...)
	m, more := model.Build(raw, importPath)
	return m, append(diags, more...)
}

func writeFile(t *testing.T, path string, content []byte) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, content, 0o644))
}
