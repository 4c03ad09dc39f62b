//go:build unix && !linux

package files

import "golang.org/x/sys/unix"

// dirFlags opens a directory as the base of *at calls.
const dirFlags = unix.O_RDONLY

// chmodAt changes the mode of base in directory fd without following a
// link.
func chmodAt(fd int, base string, mode uint32) error {
	return unix.Fchmodat(fd, base, mode, unix.AT_SYMLINK_NOFOLLOW)
}
