package files

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"time"

	"github.com/spf13/afero"
	"golang.org/x/sys/unix"
)

// dirOps is one directory in which WriteFile works, by last components
// only: on a Root, an open descriptor that every call is made relative
// to (so that nothing done there can be led outside the root by a
// directory swapped for a link meanwhile); on another afero.Fs, names
// joined to the directory's.
type dirOps interface {
	createTemp(base string) (tempFile, error) // O_EXCL, mode 0600
	open(base string) (io.ReadCloser, error)
	lstat(base string) (fs.FileInfo, error)
	rename(oldBase, newBase string) error
	link(from dirOps, oldBase, newBase string) error // errors.ErrUnsupported where none
	remove(base string) error
	names() ([]string, error)
	lock() (unlock func(), err error) // exclusive, between processes
	sync()
	close()
}

// tempFile is an open temporary file.
type tempFile interface {
	io.Writer
	Chmod(mode fs.FileMode) error
	Chown(uid, gid int) error
	Sync() error
	Close() error
}

// dirOpener is a file system that opens directories as dirOps (Root).
type dirOpener interface {
	openDirOps(name string) (dirOps, error)
}

// dirOf returns the directory name of fsys.
func dirOf(fsys afero.Fs, name string) (dirOps, error) {
	if o, ok := fsys.(dirOpener); ok {
		return o.openDirOps(name)
	}
	return &aferoDir{fsys: fsys, dir: name}, nil
}

// aferoDir is a directory of an afero.Fs, by name.
type aferoDir struct {
	fsys afero.Fs
	dir  string
}

func (d *aferoDir) path(base string) string { return path.Join(d.dir, base) }

func (d *aferoDir) createTemp(base string) (tempFile, error) {
	f, err := d.fsys.OpenFile(d.path(base), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	return &aferoTemp{File: f, fsys: d.fsys, name: d.path(base)}, nil
}

func (d *aferoDir) open(base string) (io.ReadCloser, error) { return d.fsys.Open(d.path(base)) }
func (d *aferoDir) lstat(base string) (fs.FileInfo, error)  { return lstat(d.fsys, d.path(base)) }
func (d *aferoDir) remove(base string) error                { return d.fsys.Remove(d.path(base)) }
func (d *aferoDir) close()                                  {}

func (d *aferoDir) rename(oldBase, newBase string) error {
	return d.fsys.Rename(d.path(oldBase), d.path(newBase))
}

func (d *aferoDir) link(dirOps, string, string) error { return errors.ErrUnsupported }

func (d *aferoDir) names() ([]string, error) {
	f, err := d.fsys.Open(d.dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

func (d *aferoDir) sync() {
	f, err := d.fsys.Open(d.dir)
	if err != nil {
		return
	}
	defer f.Close()
	_ = f.Sync() // best effort: not every file system syncs directories
}

// aferoTemp changes mode and owner by name.
type aferoTemp struct {
	afero.File
	fsys afero.Fs
	name string
}

func (t *aferoTemp) Chmod(mode fs.FileMode) error { return t.fsys.Chmod(t.name, mode) }
func (t *aferoTemp) Chown(uid, gid int) error     { return t.fsys.Chown(t.name, uid, gid) }

// lstat is Lstat where the file system has it, else Stat.
func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(name)
		return fi, err
	}
	return fsys.Stat(name)
}

// rootDir is a directory of a Root, open (read-only: its names are
// listed and it is synced); every call is relative to its descriptor
// and follows no link. Errors name files root-relative.
type rootDir struct {
	f    *os.File
	fd   int
	name string // canonical
}

// openDirOps opens the directory name refers to (links followed inside
// the root).
func (r *Root) openDirOps(name string) (dirOps, error) {
	var d *rootDir
	err := r.resolveOp("open", name, true, func(a *at) error {
		fd, err := a.open(unix.O_RDONLY|unix.O_DIRECTORY, 0)
		if err != nil {
			return err
		}
		d = &rootDir{f: os.NewFile(uintptr(fd), name), fd: fd, name: a.canonical()}
		return nil
	})
	return d, err
}

func (d *rootDir) err(op, base string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: path.Join(d.name, base), Err: err}
}

func (d *rootDir) createTemp(base string) (tempFile, error) {
	fd, err := unix.Openat(d.fd, base, unix.O_RDWR|unix.O_CREAT|unix.O_EXCL|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, d.err("open", base, err)
	}
	return os.NewFile(uintptr(fd), path.Join(d.name, base)), nil
}

func (d *rootDir) open(base string) (io.ReadCloser, error) {
	fd, err := unix.Openat(d.fd, base, unix.O_RDONLY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, d.err("open", base, err)
	}
	return os.NewFile(uintptr(fd), path.Join(d.name, base)), nil
}

func (d *rootDir) lstat(base string) (fs.FileInfo, error) {
	var st unix.Stat_t
	if err := unix.Fstatat(d.fd, base, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return nil, d.err("lstat", base, err)
	}
	return newFileInfo(base, &st), nil
}

func (d *rootDir) rename(oldBase, newBase string) error {
	return d.err("rename", oldBase, unix.Renameat(d.fd, oldBase, d.fd, newBase))
}

func (d *rootDir) link(from dirOps, oldBase, newBase string) error {
	f, ok := from.(*rootDir)
	if !ok {
		return errors.ErrUnsupported
	}
	return d.err("link", newBase, unix.Linkat(f.fd, oldBase, d.fd, newBase, 0))
}

func (d *rootDir) remove(base string) error {
	return d.err("remove", base, unix.Unlinkat(d.fd, base, 0))
}

func (d *rootDir) names() ([]string, error) {
	// a second descriptor, so that the listing's offset is its own
	fd, err := unix.Openat(d.fd, ".", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, d.err("open", ".", err)
	}
	f := os.NewFile(uintptr(fd), d.name)
	defer f.Close()
	return f.Readdirnames(-1)
}

// lockWait is how long a save waits for another one in its directory.
const lockWait = 30 * time.Second

// lock takes an exclusive flock on the directory: every save of a
// lensnet process in it does (augtool does not).
func (d *rootDir) lock() (func(), error) {
	deadline := time.Now().Add(lockWait)
	for {
		err := unix.Flock(d.fd, unix.LOCK_EX|unix.LOCK_NB)
		if err == nil {
			return func() { _ = unix.Flock(d.fd, unix.LOCK_UN) }, nil
		}
		if err != unix.EWOULDBLOCK && err != unix.EINTR {
			return nil, d.err("lock", ".", err)
		}
		if time.Now().After(deadline) {
			return nil, d.err("lock", ".", errors.New("another save holds the directory's lock"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (d *rootDir) sync()  { _ = d.f.Sync() }
func (d *rootDir) close() { _ = d.f.Close() }

// lock does nothing: an afero.Fs has no locks between processes.
func (d *aferoDir) lock() (func(), error) { return func() {}, nil }
