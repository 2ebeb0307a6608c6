// Package filekind names a file's type for error messages: the manifest
// reader and the output writer both refuse what is not a regular file, and
// say what they found in the same words.
package filekind

import "io/fs"

// Of names the type of a file with mode m: "a folder", "a named pipe
// (FIFO)", "a character device", "a regular file", ….
func Of(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsRegular():
		return "a regular file"
	default:
		return "a special file"
	}
}
