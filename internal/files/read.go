package files

import (
	"errors"
	"io"
	"strings"
	"time"
)

// ReadFile reads the whole of the file name refers to, resolved as Open
// resolves it, and returns its bytes and modification time. The buffer
// has the file's size plus one, so reaching the end needs no growth.
// It asks the system for less than Open, Stat and Read do (on Unix, no
// poller registration and no second look at the last component unless
// it is a link): loading 10,000 files, the system calls were most of
// the time.
func (r *Root) ReadFile(name string) ([]byte, time.Time, error) {
	if c, ok := r.plainParent(name); ok {
		b, mtime, err := readNoFollow(r.real(c))
		if !errors.Is(err, errIsLink) {
			return b, mtime, r.hostErr(err, name)
		}
	}
	h, err := r.host("open", name, true)
	if err != nil {
		return nil, time.Time{}, err
	}
	b, mtime, err := readHost(h)
	return b, mtime, r.hostErr(err, name)
}

// plainParent returns the canonical form of name when its directory is
// known, in this batch, to be a plain directory reached without links
// (so that only the last component may still be a link), and its last
// component is an ordinary name.
func (r *Root) plainParent(name string) (string, bool) {
	parts := splitPath(name)
	for _, p := range parts {
		if p == "" || p == "." || p == ".." {
			return "", false
		}
	}
	c := "/" + strings.Join(parts, "/")
	dir := c[:max(strings.LastIndexByte(c, '/'), 1)]
	if dir != "/" && !r.knownPlain(dir) {
		return "", false
	}
	return c, true
}

// errIsLink: readNoFollow met a symbolic link, which the caller
// resolves inside the root.
var errIsLink = errors.New("is a symbolic link")

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
