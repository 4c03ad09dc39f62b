package files

import (
	"strconv"

	"golang.org/x/sys/unix"
)

// dirFlags opens a directory only as the base of *at calls (no read
// permission needed).
const dirFlags = unix.O_PATH

// chmodAt changes the mode of base in directory fd without following a
// link: fchmodat has no such flag on Linux before fchmodat2 (6.6), so
// the file is opened as a path (O_PATH, O_NOFOLLOW) and changed through
// its /proc/self/fd entry, which names that file itself.
func chmodAt(fd int, base string, mode uint32) error {
	if err := unix.Fchmodat(fd, base, mode, unix.AT_SYMLINK_NOFOLLOW); err != unix.ENOSYS && err != unix.EOPNOTSUPP && err != unix.EINVAL {
		return err
	}
	f, err := unix.Openat(fd, base, unix.O_PATH|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return err
	}
	defer unix.Close(f)
	var st unix.Stat_t
	if err := unix.Fstat(f, &st); err != nil {
		return err
	}
	if st.Mode&unix.S_IFMT == unix.S_IFLNK {
		return errRetry // a link appeared since the resolution
	}
	return unix.Fchmodat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(f), mode, 0)
}
