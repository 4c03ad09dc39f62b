//go:build !linux

package files

import (
	"io/fs"
	"os"
	"time"
)

// readNoFollow reads the file at host path h, or returns errIsLink when
// it is a symbolic link.
func readNoFollow(h string) ([]byte, time.Time, error) {
	if fi, err := os.Lstat(h); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, time.Time{}, errIsLink
	}
	return readPortable(h)
}

// readHost reads the file at host path h (links already resolved).
func readHost(h string) ([]byte, time.Time, error) { return readPortable(h) }

// readPortable reads with the os package.
func readPortable(h string) ([]byte, time.Time, error) {
	f, err := os.Open(h)
	if err != nil {
		return nil, time.Time{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, time.Time{}, err
	}
	if st.IsDir() {
		return nil, time.Time{}, &fs.PathError{Op: "read", Path: h, Err: errIsDir}
	}
	b, err := ReadAll(f.Read, st.Size())
	if err != nil {
		return nil, time.Time{}, &fs.PathError{Op: "read", Path: h, Err: err}
	}
	return b, st.ModTime(), nil
}
