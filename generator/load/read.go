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
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("manifest %s is %s, %w: give the path of a YAML file", path, filekind.Of(info.Mode()), ErrNotRegular)
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readLimited(path, f)
}

func readLimited(path string, f *os.File) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("manifest %s is %s, %w: give the path of a YAML file", path, filekind.Of(info.Mode()), ErrNotRegular)
	}
	if info.Size() > rules.MaxBytes {
		return nil, fmt.Errorf("manifest %s is %d bytes; the limit is %d: %w", path, info.Size(), rules.MaxBytes, ErrTooLarge)
	}
	data, err := io.ReadAll(io.LimitReader(f, rules.MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > rules.MaxBytes { // the file grew after Stat
		return nil, fmt.Errorf("manifest %s is over %d bytes: %w", path, rules.MaxBytes, ErrTooLarge)
	}
	return data, nil
}
