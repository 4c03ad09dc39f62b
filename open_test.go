package lensnet

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memRoot returns a memory file system holding the given files.
func memRoot(t *testing.T, fileTexts map[string]string) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for p, text := range fileTexts {
		require.NoError(t, afero.WriteFile(fsys, p, []byte(text), 0o644))
	}
	return fsys
}

var sampleFiles = map[string]string{
	"/etc/hosts": "127.0.0.1 localhost\n192.168.1.10 host1  # primary\n",
	"/etc/sysconfig/network-scripts/ifcfg-eth0": "DEVICE=eth0\nBOOTPROTO=none\nIPADDR=192.168.1.10\n",
	"/etc/resolv.conf":                          "nameserver 10.0.0.1\nnameservr 10.0.0.2\n",
	"/etc/sysctl.conf":                          "net.ipv4.ip_forward = 1", // no final newline
	"/etc/motd":                                 "not claimed\n",
	"/etc/hosts.rpmnew":                         "excluded\n",
}

func open(t *testing.T, fsys afero.Fs, mode SaveMode) *Handle {
	t.Helper()
	h, err := Open(Options{Fs: fsys, NoAutoload: true, SaveMode: mode, Transforms: []string{
		"Hosts incl /etc/hosts*", "Hosts excl *.rpmnew",
		"Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*",
		"Resolv incl /etc/resolv.conf",
		"Sysctl incl /etc/sysctl.conf",
	}})
	require.NoError(t, err)
	return h
}

func TestOpenErrors(t *testing.T) {
	_, err := Open(Options{Fs: afero.NewMemMapFs(), NoAutoload: true, Transforms: []string{"Hosts /etc/hosts"}})
	assert.EqualError(t, err, `invalid transform "Hosts /etc/hosts": expected LENS incl|excl GLOB`)
	h, err := Open(Options{Fs: afero.NewMemMapFs(), NoAutoload: true, Transforms: []string{"Nosuch incl /x"}})
	require.NoError(t, err, "as augtool, a missing lens is reported by Load under /augeas/load")
	errs := h.Errors()
	require.Len(t, errs, 1)
	assert.Equal(t, FileError{Path: "Nosuch", Kind: "Can not find lens Nosuch.lns", Msg: errs[0].Msg}, *errs[0])
	assert.Contains(t, errs[0].Msg, "Nosuch")
	_, err = Open(Options{Root: "/nonexistent/dir/for/lensnet"})
	assert.Error(t, err)
}

// failingFs fails Stat, Open or listing its root with err, a
// *fs.PathError naming a host path.
type failingFs struct {
	afero.Fs
	op  string
	err error
}

func (f failingFs) Stat(name string) (fs.FileInfo, error) {
	if f.op == "stat" {
		return nil, f.err
	}
	return f.Fs.Stat(name)
}

func (f failingFs) Open(name string) (afero.File, error) {
	if f.op == "open" {
		return nil, f.err
	}
	file, err := f.Fs.Open(name)
	if f.op == "readdir" && err == nil {
		return failingDir{file, f.err}, nil
	}
	return file, err
}

type failingDir struct {
	afero.File
	err error
}

func (d failingDir) Readdirnames(int) ([]string, error) { return nil, d.err }

// TestOpenRootErrors: a root that is missing, no directory or cannot be
// read is an error naming the root as given with the cause, never
// another host path (augtool 1.14 loads nothing from it and exits 0).
func TestOpenRootErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, []byte("x\n"), 0o644))
	for _, tc := range []struct {
		name string
		opts Options
		want string
		is   error
	}{
		{"missing", Options{Root: filepath.Join(dir, "nosuch")}, "root " + filepath.Join(dir, "nosuch") + ": no such file or directory", fs.ErrNotExist},
		{"file", Options{Root: file}, "root " + file + ": not a directory", syscall.ENOTDIR},
		{"stat denied", Options{Fs: failingFs{afero.NewMemMapFs(), "stat", &fs.PathError{Op: "stat", Path: "/srv/host/root", Err: syscall.EACCES}}},
			"root /: permission denied", fs.ErrPermission},
		{"open denied", Options{Fs: failingFs{afero.NewMemMapFs(), "open", &fs.PathError{Op: "open", Path: "/srv/host/root", Err: syscall.EACCES}}},
			"root /: permission denied", fs.ErrPermission},
		{"readdir denied", Options{Fs: failingFs{afero.NewMemMapFs(), "readdir", &fs.PathError{Op: "readdirent", Path: "/srv/host/root", Err: syscall.EACCES}}},
			"root /: permission denied", fs.ErrPermission},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Open(tc.opts)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			assert.ErrorIs(t, err, tc.is)
		})
	}

	// on the real disk, where permissions hold (not for root)
	if os.Geteuid() == 0 {
		return
	}
	locked := filepath.Join(dir, "locked")
	require.NoError(t, os.Mkdir(locked, 0o755))
	require.NoError(t, os.Chmod(locked, 0))
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	_, err := Open(Options{Root: locked, NoAutoload: true})
	require.Error(t, err)
	assert.Equal(t, "root "+locked+": permission denied", err.Error())
}
