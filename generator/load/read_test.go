package load_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/scopegen/scopegen/generator/load"
	"github.com/scopegen/scopegen/generator/rules"
)

// TestReadFileRefusesWhatCouldNotEnd: a folder, a FIFO (opening it would
// block) and a device are refused before any read; a file over the limit
// is refused without reading past it.
func TestReadFileRefusesWhatCouldNotEnd(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	for path, want := range map[string]string{
		dir:         "is a folder, not a regular file",
		fifo:        "is a named pipe (FIFO), not a regular file",
		"/dev/zero": "is a character device, not a regular file",
	} {
		_, err := load.ReadFile(path)
		require.ErrorIs(t, err, load.ErrNotRegular, path)
		assert.ErrorContains(t, err, want)
	}
	big := filepath.Join(dir, "big.yaml")
	require.NoError(t, os.WriteFile(big, make([]byte, rules.MaxBytes+1), 0o644))
	_, err := load.ReadFile(big)
	require.ErrorIs(t, err, load.ErrTooLarge)
	small := filepath.Join(dir, "m.yaml")
	require.NoError(t, os.WriteFile(small, []byte("version: 1\n"), 0o644))
	data, err := load.ReadFile(small)
	require.NoError(t, err)
	assert.Equal(t, "version: 1\n", string(data))
}
