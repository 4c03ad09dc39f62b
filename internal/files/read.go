package files

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// ReadFile reads the whole of the file name refers to, resolved as Open
// resolves it, and returns its bytes, modification time and permission
// bits. The buffer
// has the file's size plus one, so reaching the end needs no growth.
// It asks the system for less than Open, Stat and Read do: in a batch,
// where the directories are open already, one openat (no link
// followed), fstat, the reads and close, and no poller registration:
// loading 10,000 files, the system calls were most of the time.
func (r *Root) ReadFile(name string) ([]byte, time.Time, fs.FileMode, error) {
	var b []byte
	var mtime time.Time
	var perm fs.FileMode
	cache := r.begin()
	defer r.end()
	if c, ok := plainName(name); ok {
		dir, base := path.Split(c)
		dir = path.Clean(dir)
		fd, ok := cache.get(dir)
		if !ok && cache != nil {
			fd, ok = r.resolveDir(cache, dir)
		}
		if ok {
			var err error
			if b, mtime, perm, err = readAt(fd, base); err != unix.ELOOP {
				return b, mtime, perm, pathErr("open", name, err)
			}
		}
	}
	for try := 0; ; try++ {
		a, err := r.walkTo(cache, name, true, false, 0)
		if err == nil {
			if err = a.exists(); err == nil {
				b, mtime, perm, err = readAt(a.d.fd, a.base)
			}
			a.w.close()
		}
		if err == unix.ELOOP && try < maxLinks {
			continue // a link appeared since the resolution
		}
		return b, mtime, perm, pathErr("open", name, err)
	}
}

// resolveDir resolves directory dir (a plain name) in a batch and
// returns its descriptor, which the batch keeps, under dir too: the
// other files of a directory reached through a link (/lib/systemd/system
// in a usrmerged root) are then read as those of any other directory,
// without resolving the link again. It reports false when dir cannot be
// resolved or the batch keeps no more descriptors (the caller then
// resolves the file's name as a whole, which reports why).
func (r *Root) resolveDir(cache *dirCache, dir string) (int, bool) {
	a, err := r.walkTo(cache, dir+"/.", true, false, 0) // "." keeps dir from being the last component
	if err != nil {
		return -1, false
	}
	defer a.w.close()
	if a.base != "." || a.d.fd < 0 || a.d.own {
		return -1, false
	}
	cache.aliasOf(dir, a.d.fd)
	return a.d.fd, true
}

// plainName returns the canonical form of name when it has no "." or
// ".." components.
func plainName(name string) (string, bool) {
	parts := splitPath(name)
	for _, p := range parts {
		if p == "" || p == "." || p == ".." {
			return "", false
		}
	}
	return "/" + strings.Join(parts, "/"), true
}

// readAt reads file base of directory dir, not following a link
// (ELOOP if it is one), with plain system calls: openat, fstat, read to
// the end, close.
func readAt(dir int, base string) ([]byte, time.Time, fs.FileMode, error) {
	var fd int
	var err error
	for {
		fd, err = unix.Openat(dir, base, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return nil, time.Time{}, 0, err
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		return nil, time.Time{}, 0, err
	}
	if st.Mode&unix.S_IFMT == unix.S_IFDIR {
		return nil, time.Time{}, 0, errIsDir
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
		return nil, time.Time{}, 0, err
	}
	sec, nsec := st.Mtim.Unix()
	return b, time.Unix(sec, nsec), fs.FileMode(st.Mode & 0o777), nil
}

// ReadAll reads to the end with read, into a buffer of size+1 bytes
// (size is the file's size as Stat said it; reaching the end then needs
// no growth, and the buffer grows if the file did).
func ReadAll(read func([]byte) (int, error), size int64) ([]byte, error) {
	n := 512
	if size > 0 && size < 1<<31 {
		n = int(size) + 1
	}
	buf := make([]byte, 0, n)
	for {
		k, err := read(buf[len(buf):cap(buf)])
		if k > 0 {
			buf = buf[:len(buf)+k]
		}
		if err == io.EOF || (err == nil && k == 0) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) { // the file grew since it was looked at
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

var errIsDir = errors.New("is a directory")
