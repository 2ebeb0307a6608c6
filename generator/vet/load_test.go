package vet_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/generator/vet"
)

// TestLoadNamesReadLimits: the analyzer reads the manifest with
// load.ReadFile's limits, as generate does: a FIFO is refused without
// blocking, a manifest over rules.MaxBytes is a LIMIT_EXCEEDED diagnostic.
func TestLoadNamesReadLimits(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	_, diags, err := vet.LoadNames(fifo, "example.com/app/generated")
	require.ErrorIs(t, err, load.ErrNotRegular)
	assert.Empty(t, diags)

	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, nil, 0o644))
	require.NoError(t, os.Truncate(big, rules.MaxBytes+1)) // sparse: no disk used
	names, diags, err := vet.LoadNames(big, "example.com/app/generated")
	require.NoError(t, err)
	assert.Nil(t, names)
	require.Len(t, diags, 1)
	assert.Equal(t, "LIMIT_EXCEEDED", diags[0].Rule)
}
