//go:build linux

package files

import (
	"io/fs"
	"time"

	"golang.org/x/sys/unix"
)

// readNoFollow reads the file at host path h, which must not be a
// symbolic link (errIsLink if it is), with plain system calls: open,
// fstat, read to the end, close.
func readNoFollow(h string) ([]byte, time.Time, error) {
	return readUnix(h, unix.O_NOFOLLOW)
}

// readHost reads the file at host path h (links already resolved).
func readHost(h string) ([]byte, time.Time, error) {
	return readUnix(h, 0)
}

func readUnix(h string, flags int) ([]byte, time.Time, error) {
	var fd int
	var err error
	for {
		fd, err = unix.Open(h, unix.O_RDONLY|unix.O_CLOEXEC|flags, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		if err == unix.ELOOP && flags&unix.O_NOFOLLOW != 0 {
			return nil, time.Time{}, errIsLink
		}
		return nil, time.Time{}, &fs.PathError{Op: "open", Path: h, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "stat", Path: h, Err: err}
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return nil, time.Time{}, &fs.PathError{Op: "read", Path: h, Err: errIsDir}
	}
	b, err := ReadAll(func(p []byte) (int, error) {
		for {
			n, err := unix.Read(fd, p)
			if err == unix.EINTR {
				continue
			}
			return max(n, 0), err
		}
	}, st.Size)
	if err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "read", Path: h, Err: err}
	}
	sec, nsec := st.Mtim.Unix()
	return b, time.Unix(sec, nsec), nil
}
