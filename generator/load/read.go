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

// ErrNotRegular is returned by ReadFile for a manifest that is not a
// regular file (a folder, FIFO, device or socket): reading one could block
// or never end.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is returned by ReadFile for a manifest over rules.MaxBytes.
var ErrTooLarge = errors.New("manifest too large")

// ReadFile reads the manifest at path, refusing anything but a regular
// file and never reading more than rules.MaxBytes+1 bytes, so that neither
// /dev/zero nor a FIFO nor a huge file can make scopegen hang or exhaust
// memory. The file is checked by name first (opening a FIFO would block
// until a writer came), then opened without blocking and checked again,
// so a file swapped in between cannot slip past.
func ReadFile(path string) ([]byte, error) {
	return ReadBounded(path, "manifest", "a YAML file")
}

// ReadBounded is ReadFile for any file scopegen reads whole (app.json for
// hostconfig -merge): the same refusals and the same rules.MaxBytes limit. what
// names the file in messages ("manifest"), want says what to give instead
// ("a YAML file").
func ReadBounded(path, what, want string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s is %s, %w: give the path of %s", what, path, filekind.Of(info.Mode()), ErrNotRegular, want)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(path, what, want, f)
}

func readLimited(path, what, want string, f *os.File) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s %s is %s, %w: give the path of %s", what, path, filekind.Of(info.Mode()), ErrNotRegular, want)
	}
	if info.Size() > rules.MaxBytes {
		return nil, fmt.Errorf("%s %s is %d bytes; the limit is %d: %w", what, path, info.Size(), rules.MaxBytes, ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, rules.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > rules.MaxBytes { // the file grew after Stat
		return nil, fmt.Errorf("%s %s is over %d bytes: %w", what, path, rules.MaxBytes, ErrTooLarge)
	}
	return data, nil
}
