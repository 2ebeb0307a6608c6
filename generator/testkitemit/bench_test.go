package testkitemit

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/model"
)

// grow returns the root manifest's model with its last scope cloned n
// times (unique names), as npmemit's BenchmarkEmit grows it.
func grow(b *testing.B, n int) *model.Model {
	data, err := os.ReadFile("../../manifest.yaml")
	if err != nil {
		b.Fatal(err)
	}
	raw, diags := load.Load("manifest.yaml", data)
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	m, diags := model.Build(raw, "example.com/gen")
	if len(diags) > 0 {
		b.Fatal(diags)
	}
	last := m.Scopes[len(m.Scopes)-1]
	for i := range n {
		s := *last
		s.Name = fmt.Sprintf("%sX%d", last.Name, i)
		s.Support = nil
		for _, sup := range last.Support {
			c := *sup
			c.Scope = &s
			c.Native = fmt.Sprintf("%sX%d", sup.Native, i)
			s.Support = append(s.Support, &c)
			c.Platform.Scopes = append(c.Platform.Scopes, &c)
		}
		m.Scopes = append(m.Scopes, &s)
	}
	return m
}

// BenchmarkEmit times the kit's emitter at 200 and 2000 added scopes and
// reports t(2000)/t(200): linear emission reads about 10 or less.
//
//	go test ./generator/testkitemit -run '^$' -bench Emit -benchtime 5x
func BenchmarkEmit(b *testing.B) {
	small, large := grow(b, 200), grow(b, 2000)
	var tSmall, tLarge time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := Emit(small); err != nil {
			b.Fatal(err)
		}
		tSmall += time.Since(start)
		start = time.Now()
		if _, err := Emit(large); err != nil {
			b.Fatal(err)
		}
		tLarge += time.Since(start)
	}
	b.ReportMetric(float64(tSmall.Microseconds())/float64(b.N), "µs@200")
	b.ReportMetric(float64(tLarge.Microseconds())/float64(b.N), "µs@2000")
	b.ReportMetric(float64(tLarge)/float64(tSmall), "t2000/t200")
}
