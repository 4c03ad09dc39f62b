package files

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/sys/unix"
)

// maxLinks bounds the symbolic links followed while resolving one name
// (Linux's limit), so that loops end in an error.
const maxLinks = 40

// ErrLoop is returned when resolving a name follows too many symbolic
// links.
var ErrLoop = errors.New("too many levels of symbolic links")

// Root is an afero.Fs over the directory tree under Dir, seen as "/".
// Every name is cleaned and resolved component by component: ".." stops
// at the root and a symbolic link is followed with its target read
// inside the root (an absolute target starts again at the root), so no
// name reaches a file outside Dir. Names are slash separated and taken
// relative to "/" whether or not they start with one.
//
// Resolution never opens a path of more than one component: each
// directory is opened relative to the descriptor of its parent without
// following a link (openat with O_NOFOLLOW), a link is read with
// readlinkat and followed by Root itself, and the operation itself
// (open, stat, mkdir, unlink, rename, link, chmod, chown, utimes) is
// made relative to the descriptor of the last directory, never
// following a link. So a directory exchanged for a symbolic link while
// a name is resolved (by another process, at any moment) cannot lead
// outside the root: the worst it does is make the operation fail or act
// on another file inside the root. (A directory moved out of the root
// by someone who can do that while it is in use is out of reach, as for
// os.Root.)
type Root struct {
	dir string

	// mu is held for reading by every operation and for writing by
	// Batch when it starts and ends, so that the descriptors of a batch
	// are never closed while in use.
	mu    sync.RWMutex
	batch *dirCache // during Batch
}

// dirCache holds, during a Batch, the open descriptors of the
// directories resolved so far, by canonical name: reading many files
// in one directory then opens each file relative to one descriptor.
type dirCache struct {
	mu  sync.Mutex
	fds map[string]int
	// alias: the directories of plain names read that resolved through
	// a link (/lib/systemd/system in a usrmerged root), each to the
	// descriptor in fds its resolution ended in
	alias map[string]int
}

// maxCached bounds the descriptors a batch keeps open.
const maxCached = 256

func (c *dirCache) get(name string) (int, bool) {
	if c == nil {
		return -1, false
	}
	c.mu.Lock()
	fd, ok := c.fds[name]
	if !ok {
		fd, ok = c.alias[name]
	}
	c.mu.Unlock()
	return fd, ok
}

// aliasOf notes that name resolves to the directory of fd, which the
// cache owns.
func (c *dirCache) aliasOf(name string, fd int) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.alias == nil {
		c.alias = map[string]int{}
	}
	if len(c.alias) < maxCached {
		c.alias[name] = fd
	}
}

// keep stores fd as the descriptor of name and reports whether the
// cache now owns it (otherwise the caller closes it).
func (c *dirCache) keep(name string, fd int) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, dup := c.fds[name]; dup || len(c.fds) >= maxCached {
		return false
	}
	c.fds[name] = fd
	return true
}

func (c *dirCache) closeAll() {
	for _, fd := range c.fds {
		_ = unix.Close(fd)
	}
}

// Batch runs f with the directories resolved meanwhile kept open, so
// that reading many files in one directory does not resolve every
// component of every name again. File operations that f starts must be
// finished when it returns. A directory replaced meanwhile (by a link
// or another directory) may go unseen until Batch returns: its old
// descriptor, inside the root, is still used.
func (r *Root) Batch(f func()) {
	r.mu.Lock()
	outer := r.batch == nil
	if outer {
		r.batch = &dirCache{fds: map[string]int{}}
	}
	r.mu.Unlock()
	if outer {
		defer func() {
			r.mu.Lock()
			c := r.batch
			r.batch = nil
			r.mu.Unlock()
			c.closeAll()
		}()
	}
	f()
}

// begin starts an operation: the batch's descriptors stay open until
// end.
func (r *Root) begin() *dirCache {
	r.mu.RLock()
	return r.batch
}

func (r *Root) end() { r.mu.RUnlock() }

// The abilities a file system may have beyond afero.Fs, which the
// handle looks for with a type assertion and uses when they are there.
// Root has them all.
type (
	// Batcher is a file system that can remember, while f runs, what
	// it learns of its directories, so that reading many files in one
	// directory does not look at every component of every name again
	// (Root.Batch). The handle loads every file inside one batch.
	Batcher interface {
		Batch(f func())
	}

	// FileReader is a file system that reads a whole file, its
	// modification time and permission bits in one call, with fewer
	// system calls than Open, Stat and Read (Root.ReadFile).
	FileReader interface {
		ReadFile(name string) ([]byte, time.Time, fs.FileMode, error)
	}
)

var (
	_ afero.Fs   = (*Root)(nil)
	_ Batcher    = (*Root)(nil)
	_ FileReader = (*Root)(nil)
	_ resolver   = (*Root)(nil)
	_ dirOpener  = (*Root)(nil)
)

// NewRoot returns the file system of the existing directory dir.
func NewRoot(dir string) (*Root, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a directory", dir)
	}
	return &Root{dir: abs}, nil
}

// Dir returns the directory that stands for "/".
func (r *Root) Dir() string { return r.dir }

// dirRef is a directory on the resolution's way: its canonical name
// and descriptor (-1 when it does not exist: names under it are kept
// as written, to be created).
type dirRef struct {
	name string
	fd   int
	own  bool // the walk closes fd
}

// walk is the state of one resolution: the directories from the root
// to the current one, each opened relative to the one before.
type walk struct {
	cache *dirCache
	stack []dirRef
	links int
}

func (w *walk) top() dirRef { return w.stack[len(w.stack)-1] }

// pop goes up to the parent (".." of the root is the root).
func (w *walk) pop() {
	if len(w.stack) > 1 {
		d := w.stack[len(w.stack)-1]
		if d.own {
			_ = unix.Close(d.fd)
		}
		w.stack = w.stack[:len(w.stack)-1]
	}
}

// close closes the descriptors the walk owns.
func (w *walk) close() {
	for len(w.stack) > 1 {
		w.pop()
	}
	if d := w.stack[0]; d.own {
		_ = unix.Close(d.fd)
	}
}

// push enters directory name, open as fd.
func (w *walk) push(name string, fd int) {
	own := fd >= 0 && !w.cache.keep(name, fd)
	w.stack = append(w.stack, dirRef{name: name, fd: fd, own: own})
}

// at is a resolved name: the directory it is in (d.fd, open) and its
// last component base ("." when the name is that directory itself).
type at struct {
	w    *walk
	d    dirRef
	base string
	st   *unix.Stat_t // resolve's lstat of the file when it exists and followLast was set
}

// canonical is the resolved name inside the root.
func (a *at) canonical() string {
	if a.base == "." {
		return a.d.name
	}
	return path.Join(a.d.name, a.base)
}

// walkTo resolves name: it returns the directory of the last component
// and that component; with followLast, a link there is followed too
// (the file then exists, st, or is missing, st nil). With mkdirs,
// missing directories on the way are created with perm. The caller
// ends the walk with a.w.close().
func (r *Root) walkTo(cache *dirCache, name string, followLast, mkdirs bool, perm uint32) (*at, error) {
	w := &walk{cache: cache}
	if fd, ok := cache.get("/"); ok {
		w.stack = []dirRef{{name: "/", fd: fd}}
	} else {
		fd, err := openDir(unix.AT_FDCWD, r.dir)
		if err != nil {
			return nil, err
		}
		w.stack = []dirRef{{name: "/", fd: fd, own: !cache.keep("/", fd)}}
	}
	a, err := r.walkFrom(w, splitPath(name), followLast, mkdirs, perm)
	if err != nil {
		w.close()
		return nil, err
	}
	return a, nil
}

func (r *Root) walkFrom(w *walk, queue []string, followLast, mkdirs bool, perm uint32) (*at, error) {
	base := "."
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		base = "."
		switch c {
		case "", ".":
			continue
		case "..":
			w.pop()
			continue
		}
		cur := w.top()
		last := len(queue) == 0
		if cur.fd < 0 || last && !followLast {
			if last {
				base = c
				break
			}
			w.push(path.Join(cur.name, c), -1)
			continue
		}
		next := path.Join(cur.name, c)
		if !last {
			if fd, ok := w.cache.get(next); ok {
				w.stack = append(w.stack, dirRef{name: next, fd: fd})
				continue
			}
			fd, err := openDir(cur.fd, c)
			if err == unix.ENOENT && mkdirs {
				if err = unix.Mkdirat(cur.fd, c, perm); err == nil || err == unix.EEXIST {
					fd, err = openDir(cur.fd, c)
				}
			}
			switch err {
			case nil:
				w.push(next, fd)
				continue
			case unix.ENOENT:
				w.push(next, -1)
				continue
			case unix.ELOOP, unix.ENOTDIR: // a link, or no directory
				target, lerr := readlinkAt(cur.fd, c)
				if lerr != nil {
					return nil, unix.ENOTDIR
				}
				if queue, err = w.follow(target, queue); err != nil {
					return nil, err
				}
				continue
			default:
				return nil, err
			}
		}
		var st unix.Stat_t
		err := unix.Fstatat(cur.fd, c, &st, unix.AT_SYMLINK_NOFOLLOW)
		if err == unix.ENOENT {
			base = c
			break
		}
		if err != nil {
			return nil, err
		}
		if st.Mode&unix.S_IFMT == unix.S_IFLNK {
			target, err := readlinkAt(cur.fd, c)
			if err != nil {
				return nil, err
			}
			if queue, err = w.follow(target, queue); err != nil {
				return nil, err
			}
			continue
		}
		return &at{w: w, d: cur, base: c, st: &st}, nil
	}
	a := &at{w: w, d: w.top(), base: base}
	if base == "." && a.d.fd >= 0 && followLast {
		var st unix.Stat_t
		if err := unix.Fstatat(a.d.fd, ".", &st, 0); err != nil {
			return nil, err
		}
		a.st = &st
	}
	return a, nil
}

// follow puts a link's target before the rest of the name; an absolute
// target starts again at the root.
func (w *walk) follow(target string, queue []string) ([]string, error) {
	w.links++
	if w.links > maxLinks {
		return nil, ErrLoop
	}
	target = filepath.ToSlash(target)
	if strings.HasPrefix(target, "/") {
		for len(w.stack) > 1 {
			w.pop()
		}
	}
	return append(splitPath(target), queue...), nil
}

// readlinkAt reads the link base in directory fd.
func readlinkAt(fd int, base string) (string, error) {
	for n := 256; ; n *= 2 {
		buf := make([]byte, n)
		k, err := unix.Readlinkat(fd, base, buf)
		if err != nil {
			return "", err
		}
		if k < n {
			return string(buf[:k]), nil
		}
	}
}

// openDir opens directory base in directory fd (a host path at
// AT_FDCWD for the root), not following a link, for use as the
// directory of *at calls.
func openDir(fd int, base string) (int, error) {
	flags := dirFlags | unix.O_DIRECTORY | unix.O_CLOEXEC
	if fd != unix.AT_FDCWD {
		flags |= unix.O_NOFOLLOW
	}
	for {
		d, err := unix.Openat(fd, base, flags, 0)
		if err != unix.EINTR {
			return d, err
		}
	}
}

func splitPath(name string) []string {
	return strings.Split(strings.Trim(filepath.ToSlash(name), "/"), "/")
}

// resolveOp resolves name for operation op and runs f on the result;
// errors name the file as the caller wrote it, never the host path. f
// returning errRetry (the last component turned into a link between
// the resolution and the operation) resolves again.
func (r *Root) resolveOp(op, name string, followLast bool, f func(a *at) error) error {
	cache := r.begin()
	defer r.end()
	for try := 0; ; try++ {
		a, err := r.walkTo(cache, name, followLast, false, 0)
		if err == nil {
			err = f(a)
			a.w.close()
		}
		if err == errRetry && try < maxLinks {
			continue
		}
		return pathErr(op, name, err)
	}
}

// errRetry: resolve again.
var errRetry = errors.New("retry")

// pathErr wraps err in an *fs.PathError naming name.
func pathErr(op, name string, err error) error {
	if err == nil {
		return nil
	}
	if err == errRetry {
		err = ErrLoop
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}

// exists fails with ENOENT when the resolved file's directory does not
// exist.
func (a *at) exists() error {
	if a.d.fd < 0 {
		return unix.ENOENT
	}
	return nil
}

// Resolve returns the canonical name, inside the root, of the file name
// refers to: symbolic links are followed (the last component too),
// "." and ".." are applied. Components that do not exist are kept as
// written, so Resolve also names files about to be created.
func (r *Root) Resolve(name string) (string, error) {
	var c string
	err := r.resolveOp("resolve", name, true, func(a *at) error {
		c = a.canonical()
		return nil
	})
	return c, err
}

// Name implements afero.Fs.
func (r *Root) Name() string { return "Root(" + r.dir + ")" }

// Create implements afero.Fs.
func (r *Root) Create(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Mkdir implements afero.Fs.
func (r *Root) Mkdir(name string, perm os.FileMode) error {
	return r.resolveOp("mkdir", name, true, func(a *at) error {
		if err := a.exists(); err != nil {
			return err
		}
		return unix.Mkdirat(a.d.fd, a.base, sysMode(perm))
	})
}

// MkdirAll implements afero.Fs.
func (r *Root) MkdirAll(name string, perm os.FileMode) error {
	cache := r.begin()
	defer r.end()
	a, err := r.walkTo(cache, name, true, true, sysMode(perm))
	if err != nil {
		return pathErr("mkdir", name, err)
	}
	defer a.w.close()
	switch {
	case a.st != nil && a.st.Mode&unix.S_IFMT == unix.S_IFDIR:
		return nil
	case a.st != nil:
		err = unix.ENOTDIR
	default:
		if err = a.exists(); err == nil {
			if err = unix.Mkdirat(a.d.fd, a.base, sysMode(perm)); err == unix.EEXIST {
				err = nil
			}
		}
	}
	return pathErr("mkdir", name, err)
}

// Open implements afero.Fs.
func (r *Root) Open(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile implements afero.Fs.
func (r *Root) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	var f *os.File
	err := r.resolveOp("open", name, true, func(a *at) error {
		fd, err := a.open(flag, sysMode(perm))
		if err != nil {
			return err
		}
		f = os.NewFile(uintptr(fd), name)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil // os.NewFile's name is the caller's, not the host path
}

// open opens the resolved file with flag, never following a link.
func (a *at) open(flag int, perm uint32) (int, error) {
	if err := a.exists(); err != nil {
		return -1, err
	}
	for {
		fd, err := unix.Openat(a.d.fd, a.base, flag|unix.O_NOFOLLOW|unix.O_CLOEXEC, perm)
		switch err {
		case unix.EINTR:
			continue
		case unix.ELOOP:
			return -1, errRetry // a link appeared since the resolution
		}
		return fd, err
	}
}

// Remove implements afero.Fs; a symbolic link itself is removed, not
// its target.
func (r *Root) Remove(name string) error {
	return r.resolveOp("remove", name, false, func(a *at) error {
		if err := a.exists(); err != nil {
			return err
		}
		return removeAt(a.d.fd, a.base)
	})
}

// removeAt removes file or empty directory base of directory fd.
func removeAt(fd int, base string) error {
	err := unix.Unlinkat(fd, base, 0)
	if err == nil || err == unix.ENOENT {
		return err
	}
	if err1 := unix.Unlinkat(fd, base, unix.AT_REMOVEDIR); err1 == nil {
		return nil
	} else if err1 != unix.ENOTDIR {
		return err1
	}
	return err
}

// RemoveAll implements afero.Fs.
func (r *Root) RemoveAll(name string) error {
	return r.resolveOp("removeall", name, false, func(a *at) error {
		if a.canonical() == "/" {
			return fs.ErrPermission
		}
		if a.d.fd < 0 {
			return nil
		}
		return removeAllAt(a.d.fd, a.base)
	})
}

// removeAllAt removes base of directory fd and, if it is a directory,
// everything in it, never following a link.
func removeAllAt(fd int, base string) error {
	err := removeAt(fd, base)
	if err == nil || err == unix.ENOENT {
		return nil
	}
	if err != unix.ENOTEMPTY && err != unix.EEXIST {
		return err
	}
	d, err := unix.Openat(fd, base, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return err
	}
	f := os.NewFile(uintptr(d), base)
	names, err := f.Readdirnames(-1)
	if err == nil {
		for _, n := range names {
			if err = removeAllAt(d, n); err != nil {
				break
			}
		}
	}
	_ = f.Close()
	if err != nil {
		return err
	}
	return removeAt(fd, base)
}

// Rename implements afero.Fs; links named by either side are renamed
// themselves.
func (r *Root) Rename(oldname, newname string) error {
	return r.twoOp("rename", oldname, newname, func(o, n *at) error {
		return unix.Renameat(o.d.fd, o.base, n.d.fd, n.base)
	})
}

// Link makes newname a hard link to the file oldname; a symbolic link
// named by either side is taken itself, not followed.
func (r *Root) Link(oldname, newname string) error {
	return r.twoOp("link", oldname, newname, func(o, n *at) error {
		return unix.Linkat(o.d.fd, o.base, n.d.fd, n.base, 0)
	})
}

// twoOp resolves both names without following their last components
// and runs f on them.
func (r *Root) twoOp(op, oldname, newname string, f func(o, n *at) error) error {
	return r.resolveOp(op, oldname, false, func(o *at) error {
		cache := r.batch // held by resolveOp's begin
		n, err := r.walkTo(cache, newname, false, false, 0)
		if err != nil {
			return err
		}
		defer n.w.close()
		if err := o.exists(); err != nil {
			return err
		}
		if err := n.exists(); err != nil {
			return err
		}
		return f(o, n)
	})
}

// Stat implements afero.Fs.
func (r *Root) Stat(name string) (os.FileInfo, error) {
	var fi os.FileInfo
	err := r.resolveOp("stat", name, true, func(a *at) error {
		if a.st == nil {
			return unix.ENOENT
		}
		fi = newFileInfo(path.Base("/"+strings.Trim(name, "/")), a.st)
		return nil
	})
	return fi, err
}

// LstatIfPossible implements afero.Lstater.
func (r *Root) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	var fi os.FileInfo
	err := r.resolveOp("lstat", name, false, func(a *at) error {
		if err := a.exists(); err != nil {
			return err
		}
		var st unix.Stat_t
		if err := unix.Fstatat(a.d.fd, a.base, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
			return err
		}
		fi = newFileInfo(path.Base("/"+strings.Trim(name, "/")), &st)
		return nil
	})
	return fi, true, err
}

// Chmod implements afero.Fs.
func (r *Root) Chmod(name string, mode os.FileMode) error {
	return r.resolveOp("chmod", name, true, func(a *at) error {
		if err := a.exists(); err != nil {
			return err
		}
		return chmodAt(a.d.fd, a.base, sysMode(mode))
	})
}

// Chown implements afero.Fs; should the file have turned into a link
// since it was resolved, the link itself is changed, never its target.
func (r *Root) Chown(name string, uid, gid int) error {
	return r.resolveOp("chown", name, true, func(a *at) error {
		if err := a.exists(); err != nil {
			return err
		}
		return unix.Fchownat(a.d.fd, a.base, uid, gid, unix.AT_SYMLINK_NOFOLLOW)
	})
}

// Chtimes implements afero.Fs (as Chown, never through a link).
func (r *Root) Chtimes(name string, atime, mtime time.Time) error {
	return r.resolveOp("chtimes", name, true, func(a *at) error {
		if err := a.exists(); err != nil {
			return err
		}
		ts := []unix.Timespec{unix.NsecToTimespec(atime.UnixNano()), unix.NsecToTimespec(mtime.UnixNano())}
		return unix.UtimesNanoAt(a.d.fd, a.base, ts, unix.AT_SYMLINK_NOFOLLOW)
	})
}

// SymlinkIfPossible makes newname a symbolic link holding oldname
// (afero.Linker); the link is made in newname's directory as the root
// resolves it, whatever oldname says (a link is read, and confined, when
// it is followed).
func (r *Root) SymlinkIfPossible(oldname, newname string) error {
	return r.resolveOp("symlink", newname, false, func(a *at) error {
		return unix.Symlinkat(oldname, a.d.fd, a.base)
	})
}

// ReadlinkIfPossible returns what the symbolic link name holds
// (afero.LinkReader).
func (r *Root) ReadlinkIfPossible(name string) (string, error) {
	var target string
	err := r.resolveOp("readlink", name, false, func(a *at) error {
		buf := make([]byte, 4096)
		n, err := unix.Readlinkat(a.d.fd, a.base, buf)
		if err != nil {
			return err
		}
		target = string(buf[:n])
		return nil
	})
	return target, err
}

var (
	_ afero.Linker     = (*Root)(nil)
	_ afero.LinkReader = (*Root)(nil)
)
