package generator_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator"
	"github.com/scopegen/scopegen/generator/outdir"
)

// TestGeneratedIsCurrent fails when generated/ is not what manifest.yaml
// produces: someone edited one without running go generate ./...
func TestGeneratedIsCurrent(t *testing.T) {
	data, err := os.ReadFile("../manifest.yaml")
	require.NoError(t, err)
	files, diags, err := generator.Generate("manifest.yaml", data, generator.Options{GoImportPath: "github.com/scopegen/scopegen/generated"})
	require.NoError(t, err)
	require.Empty(t, diags)
	drift, err := outdir.Compare("../generated", files)
	require.NoError(t, err)
	assert.True(t, drift.Clean(), "generated/ is stale; run: go generate ./...\nchanged: %v\nmissing: %v\nstale: %v\n%s",
		drift.Changed, drift.Missing, drift.Stale, driftDiff("../generated", drift))
}
