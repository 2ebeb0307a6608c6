package breaking_test

import (
	"bytes"
	"testing"

	"github.com/scopegen/scopegen/generator/breaking"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

// BenchmarkBreaking3000 measures a whole comparison of two 3,000-scope
// manifests, loading both included, where every scope's first native
// name changed.
func BenchmarkBreaking3000(b *testing.B) {
	prevData := synth.Sized(3000)
	curData := bytes.ReplaceAll(prevData, []byte("native: n.alipay."), []byte("native: m.alipay."))
	for b.Loop() {
		prev, diags := breaking.Load("previous.yaml", prevData)
		if diags != nil {
			b.Fatal(diags)
		}
		cur, diags := breaking.Load("manifest.yaml", curData)
		if diags != nil {
			b.Fatal(diags)
		}
		if n := len(breaking.Check(prev, cur, nil)); n != 3000 {
			b.Fatalf("%d findings, want 3000", n)
		}
	}
}
