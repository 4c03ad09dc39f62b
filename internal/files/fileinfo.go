package files

import (
	"io/fs"
	"syscall"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// unix.Stat_t and syscall.Stat_t are the same structure (the kernel's):
// these fail to compile should their sizes ever differ.
var (
	_ [unsafe.Sizeof(syscall.Stat_t{}) - unsafe.Sizeof(unix.Stat_t{})]byte
	_ [unsafe.Sizeof(unix.Stat_t{}) - unsafe.Sizeof(syscall.Stat_t{})]byte
)

// fileInfo is an fs.FileInfo from a stat structure, as os.Stat makes
// it; Sys returns a *syscall.Stat_t.
type fileInfo struct {
	name string
	st   unix.Stat_t
}

func newFileInfo(name string, st *unix.Stat_t) *fileInfo {
	return &fileInfo{name: name, st: *st}
}

func (fi *fileInfo) Name() string { return fi.name }
func (fi *fileInfo) Size() int64  { return fi.st.Size }
func (fi *fileInfo) IsDir() bool  { return fi.Mode().IsDir() }
func (fi *fileInfo) Sys() any     { return (*syscall.Stat_t)(unsafe.Pointer(&fi.st)) }

func (fi *fileInfo) ModTime() time.Time {
	sec, nsec := fi.st.Mtim.Unix()
	return time.Unix(sec, nsec)
}

func (fi *fileInfo) Mode() fs.FileMode {
	m := fs.FileMode(fi.st.Mode & 0o777)
	switch fi.st.Mode & unix.S_IFMT {
	case unix.S_IFDIR:
		m |= fs.ModeDir
	case unix.S_IFLNK:
		m |= fs.ModeSymlink
	case unix.S_IFIFO:
		m |= fs.ModeNamedPipe
	case unix.S_IFSOCK:
		m |= fs.ModeSocket
	case unix.S_IFBLK:
		m |= fs.ModeDevice
	case unix.S_IFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	}
	if fi.st.Mode&unix.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if fi.st.Mode&unix.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if fi.st.Mode&unix.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

// sysMode is a FileMode's permission, setuid, setgid and sticky bits
// as the system spells them.
func sysMode(m fs.FileMode) uint32 {
	s := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		s |= unix.S_ISUID
	}
	if m&fs.ModeSetgid != 0 {
		s |= unix.S_ISGID
	}
	if m&fs.ModeSticky != 0 {
		s |= unix.S_ISVTX
	}
	return s
}
