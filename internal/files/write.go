package files

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// Mode is how WriteFile saves, as Augeas's /augeas/save.
type Mode int

const (
	InvalidMode Mode = iota
	Overwrite        // replace the file
	Backup           // keep the old text in NAME.augsave, then replace
	NewFile          // write NAME.augnew, leave the file alone
	Noop             // write nothing
)

// String returns the mode's name in /augeas/save.
func (m Mode) String() string {
	switch m {
	case Overwrite:
		return "overwrite"
	case Backup:
		return "backup"
	case NewFile:
		return "newfile"
	case Noop:
		return "noop"
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ParseMode reads a mode name of /augeas/save.
func ParseMode(s string) (Mode, error) {
	for m := Overwrite; m <= Noop; m++ {
		if m.String() == s {
			return m, nil
		}
	}
	return InvalidMode, fmt.Errorf("invalid save mode %q (overwrite, backup, newfile or noop)", s)
}

// NewFileMode is the permission of a file WriteFile creates.
const NewFileMode fs.FileMode = 0o644

// keptMode are the bits of a file's mode a save keeps: the permissions
// and setuid, setgid and sticky, as Augeas keeps them.
const keptMode = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// resolver is implemented by file systems with symbolic links (Root).
type resolver interface {
	Resolve(name string) (string, error)
}

// Linker is a file system that makes hard links (Root). WriteFile's
// backup mode keeps the original file itself as NAME.augsave through a
// link, so that it needs no room for a copy; elsewhere it copies.
type Linker interface {
	Link(oldname, newname string) error
}

// WriteFile saves data as the file name in the given mode, atomically:
// the text goes to a temporary file in the target's directory, is
// synced, gets the owner, group and mode (setuid, setgid and sticky
// bits included) of the file it replaces, and is renamed over the
// target, so a reader sees the old or the new file, never a part. On a
// file system with symbolic links the link's target is replaced and the
// link kept; NAME.augsave and NAME.augnew are named after name as
// given. In backup mode the original file itself becomes NAME.augsave,
// as in Augeas, so that no room is needed for a copy: a hard link
// renamed over NAME.augsave where the file system has them (a copy
// elsewhere), and the target is never missing meanwhile.
//
// The temporary file is named ".BASE.lensnet-PID-RANDOM" (see
// tempPrefix): its leading dot keeps it out of every lens's globs
// should the process die before the rename. A save removes such files
// of the same BASE that are stale (isStale). Nothing is left behind on
// failure.
func WriteFile(fsys afero.Fs, name string, data string, mode Mode) error {
	switch mode {
	case Noop:
		return nil
	case Overwrite, Backup, NewFile:
	default:
		return fmt.Errorf("%s: invalid save mode %v", name, mode)
	}
	target := name
	if r, ok := fsys.(resolver); ok && mode != NewFile {
		c, err := r.Resolve(name)
		if err != nil {
			return err
		}
		target = c
	}
	if mode == NewFile {
		target = name + ".augnew"
	}
	old, err := fsys.Stat(target)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if mode == Backup && old != nil {
		if err := backup(fsys, target, name+".augsave", old); err != nil {
			return err
		}
	}
	if mode == NewFile {
		// the new file takes the mode and owner of the original
		old, err = fsys.Stat(name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return replace(fsys, target, func(w io.Writer) error {
		_, err := io.WriteString(w, data)
		return err
	}, old)
}

// backup makes the file target (described by old) also the file save,
// replacing what save was: by a hard link to a temporary name renamed
// over save, or, where the file system cannot link (or not across
// those directories), by a copy.
func backup(fsys afero.Fs, target, save string, old fs.FileInfo) error {
	if l, ok := fsys.(Linker); ok {
		dir, base := path.Split(save)
		tmp := path.Join(dir, tempName(base))
		if err := l.Link(target, tmp); err == nil {
			if err := fsys.Rename(tmp, save); err != nil {
				_ = fsys.Remove(tmp)
				return err
			}
			// a rename between two links of one file does nothing
			// (save was already the target): the name must still go
			_ = fsys.Remove(tmp)
			syncDir(fsys, dir)
			return nil
		}
	}
	return replace(fsys, save, func(w io.Writer) error {
		f, err := fsys.Open(target)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	}, old)
}

// replace writes a temporary file next to target with write and renames
// it over target; like is the file whose mode and owner it takes (nil
// for NewFileMode and the process's owner).
func replace(fsys afero.Fs, target string, write func(io.Writer) error, like fs.FileInfo) (err error) {
	dir, base := path.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, tmpName, err := createTemp(fsys, dir, base)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = fsys.Remove(tmpName)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	mode := NewFileMode
	if like != nil {
		mode = like.Mode() & keptMode
		// the owner first: chown clears the setuid and setgid bits
		if st, ok := like.Sys().(*syscall.Stat_t); ok {
			if err = fsys.Chown(tmpName, int(st.Uid), int(st.Gid)); err != nil {
				return err
			}
		}
	}
	if err = fsys.Chmod(tmpName, mode); err != nil {
		return err
	}
	if err = fsys.Rename(tmpName, target); err != nil {
		return err
	}
	syncDir(fsys, dir)
	removeStale(fsys, dir, base, time.Now())
	return nil
}

// tempPrefix starts the name of every temporary file WriteFile makes,
// after a dot and the target's base name: ".BASE.lensnet-PID-RANDOM".
const tempPrefix = ".lensnet-"

// tempName is a fresh temporary name for a file named base.
func tempName(base string) string {
	return "." + base + tempPrefix + strconv.Itoa(os.Getpid()) + "-" + fmt.Sprintf("%08x", rand.Uint32())
}

// createTemp creates a new temporary file in dir for the file base.
func createTemp(fsys afero.Fs, dir, base string) (afero.File, string, error) {
	for try := 0; ; try++ {
		name := path.Join(dir, tempName(base))
		f, err := fsys.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			return f, name, nil
		}
		if !errors.Is(err, fs.ErrExist) || try == 100 {
			return nil, "", err
		}
	}
}

// tempPID returns the process id in name when name is a temporary file
// WriteFile makes for the file base (".BASE.lensnet-PID-XXXXXXXX", X a
// lower-case hexadecimal digit), or false.
func tempPID(name, base string) (int, bool) {
	rest, ok := strings.CutPrefix(name, "."+base+tempPrefix)
	if !ok {
		return 0, false
	}
	pid, rnd, ok := strings.Cut(rest, "-")
	if !ok || len(rnd) != 8 || strings.Trim(rnd, "0123456789abcdef") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(pid)
	if err != nil || n <= 0 || strconv.Itoa(n) != pid {
		return 0, false
	}
	return n, true
}

// A temporary file is stale, left by a save that was killed or crashed,
// when nothing wrote to it for staleAge, or for staleDeadAge when the
// process named in it does not exist on this host. (A process in
// another pid namespace may look dead: the age still protects its save,
// which writes, syncs and renames within seconds.)
const (
	staleAge     = 10 * time.Minute
	staleDeadAge = time.Minute
)

// isStale reports whether the temporary file described by fi, made by
// process pid, is stale at now.
func isStale(fi fs.FileInfo, pid int, now time.Time) bool {
	if !fi.Mode().IsRegular() {
		return false
	}
	age := now.Sub(fi.ModTime())
	return age >= staleAge || age >= staleDeadAge && !processExists(pid)
}

// processExists reports whether process pid exists (signal 0 reaches
// it or is refused for lack of permission).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeStale removes the stale temporary files for the file base in
// dir (best effort: a save does not fail for them). Only names of
// exactly WriteFile's form for that base are looked at, never followed
// if they are links.
func removeStale(fsys afero.Fs, dir, base string, now time.Time) {
	d, err := fsys.Open(dir)
	if err != nil {
		return
	}
	names, err := d.Readdirnames(-1)
	_ = d.Close()
	if err != nil {
		return
	}
	for _, n := range names {
		pid, ok := tempPID(n, base)
		if !ok {
			continue
		}
		p := path.Join(dir, n)
		fi, err := lstat(fsys, p)
		if err == nil && isStale(fi, pid, now) {
			_ = fsys.Remove(p)
		}
	}
}

// lstat is Lstat where the file system has it, else Stat.
func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(name)
		return fi, err
	}
	return fsys.Stat(name)
}

// syncDir makes a rename durable where the file system can (a real
// directory); elsewhere it does nothing.
func syncDir(fsys afero.Fs, dir string) {
	d, err := fsys.Open(dir)
	if err != nil {
		return
	}
	defer d.Close()
	_ = d.Sync() // best effort: not every file system syncs directories
}
