package files

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"syscall"

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
// synced, gets the owner and group (where the file system has them)
// and the mode, setuid, setgid and sticky bits included, of the file
// it replaces, and is renamed over the target, so a
// reader sees the old or the new file, never a part. On a file system
// with symbolic links the link's target is replaced and the link kept;
// NAME.augsave and NAME.augnew are named after name as given. Nothing
// is left behind on failure.
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
		prev, err := afero.ReadFile(fsys, target)
		if err != nil {
			return err
		}
		if err := replace(fsys, name+".augsave", string(prev), old); err != nil {
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
	return replace(fsys, target, data, old)
}

// replace writes data to a temporary file next to target and renames it
// over target; like is the file whose mode and owner it takes (nil for
// NewFileMode and the process's owner).
func replace(fsys afero.Fs, target string, data string, like fs.FileInfo) (err error) {
	dir, base := path.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := afero.TempFile(fsys, dir, base+".")
	if err != nil {
		return err
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = fsys.Remove(tmpName)
		}
	}()
	if _, err = tmp.WriteString(data); err != nil {
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
	return nil
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
