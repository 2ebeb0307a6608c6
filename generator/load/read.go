package load

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/scopegen/scopegen/generator/rules"
	"github.com/scopegen/scopegen/internal/filekind"
)

// ErrNotRegular is returned by ReadFile and ReadRegular for a file that is not a
// regular file (a folder, FIFO, device or socket): reading one could block
// or never end.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned by ReadFile and ReadRegular for a file over the limit.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads the manifest at path, refusing anything but a regular
// file and never reading more than rules.MaxBytes+1 bytes, so that neither
// /dev/zero nor a FIFO nor a huge file can make scopegen hang or exhaust
// memory. The file is checked by name first (opening a FIFO would block
// until a writer came), then opened without blocking and checked again,
// so a file swapped in between cannot slip past.
func ReadFile(path string) ([]byte, error) {
	return ReadRegular(path, "manifest", "give the path of a YAML file", rules.MaxBytes)
}

// ReadRegular reads path as ReadFile reads the manifest, with its own
// limit: what names the file in errors and hint says what to give instead
// of a file that is not regular. Every file scopegen reads from a user's
// tree goes through it (init's search of the module's .go files too), so
// none can hang on a FIFO or read a device forever.
func ReadRegular(path, what, hint string, limit int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s is %s, %w: %s", what, path, filekind.Of(info.Mode()), ErrNotRegular, hint)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s is %s, %w: %s", what, path, filekind.Of(info.Mode()), ErrNotRegular, hint)
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%s %s is %d bytes; the limit is %d: %w", what, path, info.Size(), limit, ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit { // the file grew after Stat
		return nil, fmt.Errorf("%s %s is over %d bytes: %w", what, path, limit, ErrTooLarge)
	}
	return data, nil
}
