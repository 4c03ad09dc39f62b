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
//
// On a Root, the save holds an exclusive lock (flock) on the target's
// directory from before it looks at the target until the rename, so
// that saves of lensnet processes in one directory follow each other.
func WriteFile(fsys afero.Fs, name string, data string, mode Mode) error {
	return writeFile(fsys, name, data, mode, nil)
}

// ErrChanged is the error of WriteFileIf when the file is no longer as
// it was loaded.
var ErrChanged = errors.New("changed on disk since it was loaded, not overwritten (load it again and redo the change)")

// WriteFileIf is WriteFile when same reports that the file name is
// still as it was loaded, given its current content (exists false when
// there is no such file): otherwise nothing is written and the error
// is an *fs.PathError naming name with ErrChanged. The check is made
// under the directory's lock, so two lensnet processes that loaded the
// same text cannot both save (the second fails instead of silently
// undoing the first's edit).
func WriteFileIf(fsys afero.Fs, name string, data string, mode Mode, same func(cur []byte, exists bool) bool) error {
	return writeFile(fsys, name, data, mode, same)
}

func writeFile(fsys afero.Fs, name string, data string, mode Mode, same func([]byte, bool) bool) error {
	switch mode {
	case Noop:
		return nil
	case Overwrite, Backup, NewFile:
	default:
		return fmt.Errorf("%s: invalid save mode %v", name, mode)
	}
	target := name
	// a link whose target does not exist is replaced by the file, as
	// augtool does (it saves a new file where the link was); a link to
	// a file is written through
	if r, ok := fsys.(resolver); ok && mode != NewFile && !dangling(fsys, name) {
		c, err := r.Resolve(name)
		if err != nil {
			return err
		}
		target = c
	}
	if mode == NewFile {
		target = name + ".augnew"
	}
	tdir, tbase := splitName(target)
	td, err := dirOf(fsys, tdir)
	if err != nil {
		return err
	}
	defer td.close()
	unlock, err := td.lock()
	if err != nil {
		return err
	}
	defer unlock()
	old, err := td.lstat(tbase)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if same != nil {
		if err := unchanged(fsys, name, same); err != nil {
			return err
		}
	}
	if mode == Backup && old != nil {
		sdir, sbase := splitName(name + ".augsave")
		sd := td
		if sdir != tdir {
			if sd, err = dirOf(fsys, sdir); err != nil {
				return err
			}
			defer sd.close()
		}
		if err := backup(td, tbase, sd, sbase, old); err != nil {
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
	return replace(td, tbase, func(w io.Writer) error {
		_, err := io.WriteString(w, data)
		return err
	}, old)
}

// RemoveFileIf removes the file name as a save in mode does when its
// tree is gone (Backup renames it to NAME.augsave, Noop leaves it),
// under the directory's lock as WriteFile writes, when same accepts
// its current content (exists false when it is gone already): a file
// that another process changed since it was loaded is not removed, the
// error is an *fs.PathError naming name with ErrChanged. A file
// already gone is no error.
func RemoveFileIf(fsys afero.Fs, name string, mode Mode, same func(cur []byte, exists bool) bool) error {
	if mode == Noop {
		return nil
	}
	dir, base := splitName(name)
	d, err := dirOf(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // its directory is gone too
	}
	if err != nil {
		return err
	}
	defer d.close()
	unlock, err := d.lock()
	if err != nil {
		return err
	}
	defer unlock()
	if same != nil {
		if err := unchanged(fsys, name, same); err != nil {
			return err
		}
	}
	if mode == Backup {
		err = d.rename(base, base+".augsave")
	} else {
		err = d.remove(base)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	d.sync()
	return nil
}

// dangling reports whether name is a symbolic link whose target does
// not exist.
func dangling(fsys afero.Fs, name string) bool {
	l, ok := fsys.(afero.Lstater)
	if !ok {
		return false
	}
	fi, _, err := l.LstatIfPossible(name)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	_, err = fsys.Stat(name)
	return errors.Is(err, fs.ErrNotExist)
}

// unchanged reads the file name and fails with ErrChanged unless same
// accepts its content.
func unchanged(fsys afero.Fs, name string, same func([]byte, bool) bool) error {
	var cur []byte
	f, err := fsys.Open(name)
	exists := err == nil
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return err
		}
		if cur, err = ReadAll(f.Read, st.Size()); err != nil {
			return err
		}
	}
	if !same(cur, exists) {
		return &fs.PathError{Op: "save", Path: name, Err: ErrChanged}
	}
	return nil
}

// splitName splits a slash-separated name into its directory and last
// component.
func splitName(name string) (string, string) {
	dir, base := path.Split(name)
	if dir == "" {
		dir = "."
	}
	return dir, base
}

// backup makes file tbase of td (described by old) also file sbase of
// sd, replacing what that was: by a hard link to a temporary name
// renamed over it, or, where the file system cannot link (or not across
// those directories), by a copy.
func backup(td dirOps, tbase string, sd dirOps, sbase string, old fs.FileInfo) error {
	tmp := tempName(sbase)
	if err := sd.link(td, tbase, tmp); err == nil {
		if err := sd.rename(tmp, sbase); err != nil {
			_ = sd.remove(tmp)
			return err
		}
		// a rename between two links of one file does nothing (sbase
		// was already the target): the temporary name must still go
		_ = sd.remove(tmp)
		sd.sync()
		return nil
	}
	return replace(sd, sbase, func(w io.Writer) error {
		f, err := td.open(tbase)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.Copy(w, f)
		return err
	}, old)
}

// replace writes a temporary file in d with write and renames it over
// base; like is the file whose mode and owner it takes (nil for
// NewFileMode and the process's owner). The mode and owner are set on
// the open file (fchmod, fchown), which is synced before the rename.
func replace(d dirOps, base string, write func(io.Writer) error, like fs.FileInfo) (err error) {
	tmp, tmpName, err := createTemp(d, base)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = d.remove(tmpName)
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	mode := NewFileMode
	if like != nil {
		mode = like.Mode() & keptMode
		// the owner first: chown clears the setuid and setgid bits
		if st, ok := like.Sys().(*syscall.Stat_t); ok {
			if err = tmp.Chown(int(st.Uid), int(st.Gid)); err != nil {
				return err
			}
		}
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = d.rename(tmpName, base); err != nil {
		return err
	}
	d.sync()
	removeStale(d, base, time.Now())
	return nil
}

// tempPrefix starts the name of every temporary file WriteFile makes,
// after a dot and the target's base name: ".BASE.lensnet-PID-RANDOM".
const tempPrefix = ".lensnet-"

// tempName is a fresh temporary name for a file named base.
func tempName(base string) string {
	return "." + base + tempPrefix + strconv.Itoa(os.Getpid()) + "-" + fmt.Sprintf("%08x", rand.Uint32())
}

// createTemp creates a new temporary file in d for the file base.
func createTemp(d dirOps, base string) (tempFile, string, error) {
	for try := 0; ; try++ {
		name := tempName(base)
		f, err := d.createTemp(name)
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
// d (best effort: a save does not fail for them). Only names of exactly
// WriteFile's form for that base are looked at, never followed if they
// are links.
func removeStale(d dirOps, base string, now time.Time) {
	names, err := d.names()
	if err != nil {
		return
	}
	for _, n := range names {
		pid, ok := tempPID(n, base)
		if !ok {
			continue
		}
		fi, err := d.lstat(n)
		if err == nil && isStale(fi, pid, now) {
			_ = d.remove(n)
		}
	}
}
