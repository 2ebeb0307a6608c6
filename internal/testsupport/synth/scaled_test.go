package synth_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/internal/testsupport/synth"
)

func TestScaledRootResolves(t *testing.T) {
	root, err := os.ReadFile("../../../manifest.yaml")
	require.NoError(t, err)
	opts := generator.Options{GoImportPath: "example.com/gen"}
	base, diags := generator.Resolve("manifest.yaml", root, opts)
	require.Empty(t, diags)
	for _, n := range []int{0, 1, 25} {
		m, diags := generator.Resolve("manifest.yaml", synth.Scaled(root, n), opts)
		require.Empty(t, diags, "n=%d", n)
		assert.Len(t, m.Scopes, len(base.Scopes)+n, "n=%d", n)
	}
}
