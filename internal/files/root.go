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
)

// maxLinks bounds the symbolic links followed while resolving one name
// (Linux's limit), so that loops end in an error.
const maxLinks = 40

// ErrLoop is returned when resolving a name follows too many symbolic
// links.
var ErrLoop = errors.New("too many levels of symbolic links")

// Root is an afero.Fs over the directory tree under Dir, seen as "/".
// Every name is cleaned and resolved component by component on the real
// disk: ".." stops at the root and a symbolic link is followed with its
// target read inside the root (an absolute target starts again at the
// root), so no name reaches a file outside Dir. Names are slash
// separated and taken relative to "/" whether or not they start with
// one.
type Root struct {
	dir string
	os  afero.OsFs

	// During Batch, the directories found not to be symbolic links are
	// remembered, so that reading many files in one directory does not
	// look at every component of every name again.
	mu    sync.RWMutex
	plain map[string]bool // canonical name -> exists and is no link
}

// Batch runs f with name resolution remembering the directories it has
// seen to be plain (not links). f must not change links or directories
// under the root itself; changes made meanwhile by others may go unseen
// until Batch returns, as with any check-then-use access.
func (r *Root) Batch(f func()) {
	r.mu.Lock()
	outer := r.plain != nil
	if !outer {
		r.plain = map[string]bool{}
	}
	r.mu.Unlock()
	defer func() {
		if !outer {
			r.mu.Lock()
			r.plain = nil
			r.mu.Unlock()
		}
	}()
	f()
}

// knownPlain reports whether name was seen to be a plain directory in
// this batch.
func (r *Root) knownPlain(name string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()
	return r.plain[name]
}

func (r *Root) rememberPlain(name string) {
	r.mu.Lock()
	if r.plain != nil {
		r.plain[name] = true
	}
	r.mu.Unlock()
}

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

	// FileReader is a file system that reads a whole file and its
	// modification time in one call, with fewer system calls than
	// Open, Stat and Read (Root.ReadFile).
	FileReader interface {
		ReadFile(name string) ([]byte, time.Time, error)
	}
)

var (
	_ afero.Fs   = (*Root)(nil)
	_ Batcher    = (*Root)(nil)
	_ FileReader = (*Root)(nil)
	_ resolver   = (*Root)(nil)
	_ Linker     = (*Root)(nil)
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

// Resolve returns the canonical name, inside the root, of the file name
// refers to: symbolic links are followed (the last component too),
// "." and ".." are applied. Components that do not exist are kept as
// written, so Resolve also names files about to be created.
func (r *Root) Resolve(name string) (string, error) {
	c, _, err := r.resolve(name, true)
	return c, err
}

// resolve is Resolve; when followLast is set and the file exists, it
// also returns what Lstat said of the last component, which is then the
// file itself (not a link), so that Stat need not ask again.
func (r *Root) resolve(name string, followLast bool) (string, fs.FileInfo, error) {
	queue := splitPath(name)
	cur := "/"
	links := 0
	var last fs.FileInfo
	for len(queue) > 0 {
		last = nil
		c := queue[0]
		queue = queue[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			cur = path.Dir(cur)
			continue
		}
		next := path.Join(cur, c)
		if len(queue) == 0 && !followLast {
			cur = next
			break
		}
		if len(queue) > 0 && r.knownPlain(next) {
			cur = next
			continue
		}
		fi, err := os.Lstat(r.real(next))
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				cur = next
				continue
			}
			return "", nil, err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			if len(queue) > 0 && fi.IsDir() {
				r.rememberPlain(next)
			}
			cur, last = next, fi
			continue
		}
		links++
		if links > maxLinks {
			return "", nil, &fs.PathError{Op: "resolve", Path: name, Err: ErrLoop}
		}
		target, err := os.Readlink(r.real(next))
		if err != nil {
			return "", nil, err
		}
		target = filepath.ToSlash(target)
		if strings.HasPrefix(target, "/") {
			cur = "/"
		}
		queue = append(splitPath(target), queue...)
	}
	return cur, last, nil
}

func splitPath(name string) []string {
	return strings.Split(strings.Trim(filepath.ToSlash(name), "/"), "/")
}

// real is the host path of a canonical root-relative name.
func (r *Root) real(canonical string) string {
	return filepath.Join(r.dir, filepath.FromSlash(canonical))
}

// host resolves name and returns its host path; errors name the file as
// the caller wrote it, never the host path.
func (r *Root) host(op, name string, followLast bool) (string, error) {
	h, _, err := r.hostInfo(op, name, followLast)
	return h, err
}

// hostInfo is host that also returns resolve's Lstat of the file.
func (r *Root) hostInfo(op, name string, followLast bool) (string, fs.FileInfo, error) {
	c, fi, err := r.resolve(name, followLast)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return "", nil, &fs.PathError{Op: op, Path: name, Err: pe.Err}
		}
		return "", nil, &fs.PathError{Op: op, Path: name, Err: err}
	}
	return r.real(c), fi, nil
}

// hostErr rewrites the host path in an error into the name the caller
// used.
func (r *Root) hostErr(err error, name string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return &fs.PathError{Op: pe.Op, Path: name, Err: pe.Err}
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return &fs.PathError{Op: le.Op, Path: name, Err: le.Err}
	}
	return err
}

// Name implements afero.Fs.
func (r *Root) Name() string { return "Root(" + r.dir + ")" }

// Create implements afero.Fs.
func (r *Root) Create(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Mkdir implements afero.Fs.
func (r *Root) Mkdir(name string, perm os.FileMode) error {
	h, err := r.host("mkdir", name, true)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.Mkdir(h, perm), name)
}

// MkdirAll implements afero.Fs.
func (r *Root) MkdirAll(name string, perm os.FileMode) error {
	h, err := r.host("mkdir", name, true)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.MkdirAll(h, perm), name)
}

// Open implements afero.Fs.
func (r *Root) Open(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile implements afero.Fs.
func (r *Root) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	h, err := r.host("open", name, true)
	if err != nil {
		return nil, err
	}
	f, err := r.os.OpenFile(h, flag, perm)
	if err != nil {
		return nil, r.hostErr(err, name)
	}
	return &rootFile{File: f, name: name}, nil
}

// Remove implements afero.Fs; a symbolic link itself is removed, not
// its target.
func (r *Root) Remove(name string) error {
	h, err := r.host("remove", name, false)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.Remove(h), name)
}

// RemoveAll implements afero.Fs.
func (r *Root) RemoveAll(name string) error {
	h, err := r.host("removeall", name, false)
	if err != nil {
		return err
	}
	if filepath.Clean(h) == r.dir {
		return &fs.PathError{Op: "removeall", Path: name, Err: fs.ErrPermission}
	}
	return r.hostErr(r.os.RemoveAll(h), name)
}

// Rename implements afero.Fs; links named by either side are renamed
// themselves.
func (r *Root) Rename(oldname, newname string) error {
	o, err := r.host("rename", oldname, false)
	if err != nil {
		return err
	}
	n, err := r.host("rename", newname, false)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.Rename(o, n), oldname)
}

// Stat implements afero.Fs.
func (r *Root) Stat(name string) (os.FileInfo, error) {
	h, fi, err := r.hostInfo("stat", name, true)
	if err != nil || fi != nil {
		return fi, err // resolve's Lstat of a file that is no link is its Stat
	}
	fi, err = r.os.Stat(h)
	return fi, r.hostErr(err, name)
}

// LstatIfPossible implements afero.Lstater.
func (r *Root) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	h, err := r.host("lstat", name, false)
	if err != nil {
		return nil, true, err
	}
	fi, err := os.Lstat(h)
	return fi, true, r.hostErr(err, name)
}

// Chmod implements afero.Fs.
func (r *Root) Chmod(name string, mode os.FileMode) error {
	h, err := r.host("chmod", name, true)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.Chmod(h, mode), name)
}

// Chown implements afero.Fs.
func (r *Root) Chown(name string, uid, gid int) error {
	h, err := r.host("chown", name, true)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.Chown(h, uid, gid), name)
}

// Chtimes implements afero.Fs.
func (r *Root) Chtimes(name string, atime, mtime time.Time) error {
	h, err := r.host("chtimes", name, true)
	if err != nil {
		return err
	}
	return r.hostErr(r.os.Chtimes(h, atime, mtime), name)
}

// rootFile reports the name the caller used, not the host path.
type rootFile struct {
	afero.File
	name string
}

func (f *rootFile) Name() string { return f.name }

// Link makes newname a hard link to the file oldname; a symbolic link
// named by either side is taken itself, not followed.
func (r *Root) Link(oldname, newname string) error {
	o, err := r.host("link", oldname, false)
	if err != nil {
		return err
	}
	n, err := r.host("link", newname, false)
	if err != nil {
		return err
	}
	return r.hostErr(os.Link(o, n), oldname)
}
