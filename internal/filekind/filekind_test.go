package filekind_test

import (
	"io/fs"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/scopegen/scopegen/internal/filekind"
)

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		mode fs.FileMode
		want string
	}{
		{fs.ModeDir | 0o755, "a folder"},
		{fs.ModeNamedPipe, "a named pipe (FIFO)"},
		{fs.ModeDevice | fs.ModeCharDevice, "a character device"},
		{fs.ModeDevice, "a device"},
		{fs.ModeSocket, "a socket"},
		{fs.ModeSymlink, "a symbolic link"},
		{0o644, "a regular file"},
		{fs.ModeIrregular, "a special file"},
	} {
		assert.Equal(t, tc.want, filekind.Of(tc.mode), "%v", tc.mode)
	}
}
