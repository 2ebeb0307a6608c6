//go:build unix

package cli

import (
	"io/fs"
	"syscall"
)

// owner is the user and group that own the file info describes.
func owner(info fs.FileInfo) (uid, gid int, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(st.Uid), int(st.Gid), true
}
