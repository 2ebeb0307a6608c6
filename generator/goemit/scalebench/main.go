// Command scalebench measures the generated lookups of a large synthetic
// manifest: it emits the Go packages of internal/testsupport/synth's n-scope manifest
// into a temporary module, adds a benchmark over every scope, API and
// Alipay native name, and runs it. Run from the repository root:
//
//	go run ./generator/goemit/scalebench -scopes 10000
//
// It prints go test's benchmark lines; compiling the module takes a while
// at 10,000 scopes (about 20 s).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/scopegen/scopegen/generator/goemit"
	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
	"github.com/scopegen/scopegen/generator/output"
	"github.com/scopegen/scopegen/generator/validate"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

const benchmark = `package bench

import (
	"testing"

	"example.com/scale/gen/platform/alipay"
	"example.com/scale/gen/scope"
)

var sink scope.Scope

// pow2 repeats in up to a power-of-two length, so the loops pick an input
// with a mask.
func pow2(in []string) []string {
	n := 1
	for n < len(in) {
		n *= 2
	}
	out := make([]string, n)
	for i := range out {
		out[i] = in[i%len(in)]
	}
	return out
}

func inputs() (names, apis, natives []string) {
	for _, s := range scope.All() {
		names = append(names, s.String())
		apis = append(apis, s.APIs()...)
		if n, ok := alipay.Native(s); ok {
			natives = append(natives, n)
		}
	}
	return pow2(names), pow2(apis), pow2(natives)
}

func BenchmarkParse(b *testing.B) {
	in, _, _ := inputs()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink, _ = scope.Parse(in[i&(len(in)-1)])
	}
}

func BenchmarkForAPI(b *testing.B) {
	_, in, _ := inputs()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink, _ = scope.ForAPI(in[i&(len(in)-1)])
	}
}

func BenchmarkFromNative(b *testing.B) {
	_, _, in := inputs()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink, _ = alipay.FromNative(in[i&(len(in)-1)])
	}
}
`

func main() {
	scopes := flag.Int("scopes", 10000, "how many synthetic scopes")
	count := flag.Int("count", 3, "go test -count")
	flag.Parse()
	if err := run(*scopes, *count); err != nil {
		fmt.Fprintln(os.Stderr, "scalebench:", err)
		os.Exit(1)
	}
}

func run(scopes, count int) error {
	raw, diags := load.Load("manifest.yaml", synth.Sized(scopes))
	if raw != nil {
		diags = append(diags, validate.Check(raw)...)
	}
	if len(diags) > 0 {
		return fmt.Errorf("synthetic manifest: %v", diags)
	}
	m, diags := model.Build(raw, "example.com/scale/gen")
	if len(diags) > 0 {
		return fmt.Errorf("synthetic manifest: %v", diags)
	}
	files, err := goemit.Emit(m)
	if err == nil {
		files, err = output.Finish(files)
	}
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "scalebench")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	files["go.mod"] = []byte("module example.com/scale\n\ngo 1.26\n")
	files["bench/bench_test.go"] = []byte(benchmark)
	for p, content := range files {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if p != "go.mod" && filepath.Dir(p) != "bench" {
			dst = filepath.Join(dir, "gen", filepath.FromSlash(p))
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, content, 0o644); err != nil {
			return err
		}
	}
	cmd := exec.Command("go", "test", "./bench", "-run", "XXX", "-bench", ".", "-count", fmt.Sprint(count))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}
