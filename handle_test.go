package lensnet

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/files"
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

func open(t *testing.T, fsys afero.Fs, mode files.Mode) *Handle {
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

func TestLoadAndQuery(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), files.Overwrite)
	v, ok, err := h.Get("/files/etc/hosts/2/canonical")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "host1", v)
	v, _, err = h.Get("etc/sysconfig/network-scripts/ifcfg-eth0/BOOTPROTO")
	require.NoError(t, err)
	assert.Equal(t, "none", v, "relative paths start at /files")
	_, ok, err = h.Get("/files/etc/hosts/1")
	require.NoError(t, err)
	assert.False(t, ok, "a node without a value is not the empty string")

	m, err := h.Match("/files/etc/*")
	require.NoError(t, err)
	assert.Equal(t, []string{"/files/etc/hosts", "/files/etc/sysconfig", "/files/etc/sysctl.conf"}, m,
		"the unclaimed, excluded and unparsable files have no tree")

	_, _, err = h.Get("/files/etc/hosts/*")
	assert.ErrorIs(t, err, ErrManyMatches)
	_, _, err = h.Get("/files/etc/nothing")
	assert.ErrorIs(t, err, ErrNoMatch)
	_, err = h.Match("/files/etc/hosts[")
	assert.Error(t, err)

	errs := h.Errors()
	require.Len(t, errs, 1)
	assert.Equal(t, "/etc/resolv.conf", errs[0].Path)
	assert.Equal(t, "parse_failed", errs[0].Kind)
	assert.Equal(t, 2, errs[0].Line)
	assert.Contains(t, errs[0].Error(), "/etc/resolv.conf:2.")
}

func TestSaveOnlyChanged(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, files.Overwrite)
	require.NoError(t, h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR", "10.0.0.5"))
	require.NoError(t, h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/MTU", "9000"))
	require.NoError(t, h.Save())
	b, _ := afero.ReadFile(fsys, "/etc/sysconfig/network-scripts/ifcfg-eth0")
	assert.Equal(t, "DEVICE=eth0\nBOOTPROTO=none\nIPADDR=10.0.0.5\nMTU=9000\n", string(b))
	b, _ = afero.ReadFile(fsys, "/etc/sysctl.conf")
	assert.Equal(t, "net.ipv4.ip_forward = 1", string(b), "an unchanged file is not written (not even its final newline)")
	saved, err := h.Match("/augeas/events/saved")
	require.NoError(t, err)
	assert.Len(t, saved, 1)
	v, _, _ := h.Get("/augeas/events/saved")
	assert.Equal(t, "/files/etc/sysconfig/network-scripts/ifcfg-eth0", v)

	// setting a value back to what it was writes nothing
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "127.0.0.1"))
	require.NoError(t, h.Save())
	_, err = h.Match("/augeas/events/saved")
	require.NoError(t, err)
	m, _ := h.Match("/augeas/events/saved")
	assert.Empty(t, m)
}

func TestSaveModes(t *testing.T) {
	for _, mode := range []files.Mode{files.Backup, files.NewFile, files.Noop} {
		t.Run(mode.String(), func(t *testing.T) {
			fsys := memRoot(t, sampleFiles)
			h := open(t, fsys, mode)
			require.NoError(t, h.Set("/files/etc/hosts/1/alias", "localhost.localdomain"))
			require.NoError(t, h.Save())
			b, _ := afero.ReadFile(fsys, "/etc/hosts")
			aug, errSave := afero.ReadFile(fsys, "/etc/hosts.augsave")
			augnew, errNew := afero.ReadFile(fsys, "/etc/hosts.augnew")
			newText := "127.0.0.1 localhost localhost.localdomain\n192.168.1.10 host1  # primary\n"
			switch mode {
			case files.Backup:
				assert.Equal(t, newText, string(b))
				assert.Equal(t, sampleFiles["/etc/hosts"], string(aug))
				assert.Error(t, errNew)
			case files.NewFile:
				assert.Equal(t, sampleFiles["/etc/hosts"], string(b))
				assert.Equal(t, newText, string(augnew))
				assert.Error(t, errSave)
			case files.Noop:
				assert.Equal(t, sampleFiles["/etc/hosts"], string(b))
				assert.Error(t, errSave)
				assert.Error(t, errNew)
				m, _ := h.Match("/augeas/events/saved")
				assert.Len(t, m, 1, "noop still reports the file")
			}
		})
	}
}

func TestSaveRefusals(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, files.Overwrite)
	require.NoError(t, h.Set("/files/etc/hosts/1/bogus", "x"))
	require.NoError(t, h.Set("/files/etc/sysctl.conf/vm.swappiness", "10"))
	require.NoError(t, h.Set("/files/etc/resolv.conf/nameserver", "1.1.1.1"))
	err := h.Save()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/etc/hosts: ")
	assert.Contains(t, err.Error(), "/etc/resolv.conf: not saved: the file did not load")
	b, _ := afero.ReadFile(fsys, "/etc/hosts")
	assert.Equal(t, sampleFiles["/etc/hosts"], string(b), "a tree the lens cannot write leaves the file alone")
	b, _ = afero.ReadFile(fsys, "/etc/resolv.conf")
	assert.Equal(t, sampleFiles["/etc/resolv.conf"], string(b), "a file that failed to parse is never rewritten")
	b, _ = afero.ReadFile(fsys, "/etc/sysctl.conf")
	assert.Equal(t, "net.ipv4.ip_forward = 1\nvm.swappiness = 10\n", string(b), "the other files are saved")
	kinds := map[string]string{}
	for _, e := range h.Errors() {
		kinds[e.Path] = e.Kind
	}
	assert.Equal(t, map[string]string{"/etc/hosts": "put_failed", "/etc/resolv.conf": "parse_failed"}, kinds)
}

func TestNewAndRemovedFiles(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h, err := Open(Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Sysctl incl /etc/sysctl.d/*.conf", "Hosts incl /etc/hosts"}})
	require.NoError(t, err)
	require.NoError(t, h.Set("/files/etc/sysctl.d/90-new.conf/vm.swappiness", "10"))
	n, err := h.Remove("/files/etc/hosts")
	require.NoError(t, err)
	assert.Equal(t, 8, n, "the file node and everything under it")
	require.NoError(t, h.Save())
	b, err := afero.ReadFile(fsys, "/etc/sysctl.d/90-new.conf")
	require.NoError(t, err)
	assert.Equal(t, "vm.swappiness = 10\n", string(b))
	_, err = fsys.Stat("/etc/hosts")
	assert.True(t, errors.Is(err, fs.ErrNotExist), "a removed file subtree removes the file: %v", err)
}

func TestInsert(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, files.Overwrite)
	require.NoError(t, h.Insert("/files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR", "PREFIX", false))
	require.NoError(t, h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/PREFIX", "24"))
	require.NoError(t, h.Save())
	b, _ := afero.ReadFile(fsys, "/etc/sysconfig/network-scripts/ifcfg-eth0")
	assert.Equal(t, "DEVICE=eth0\nBOOTPROTO=none\nIPADDR=192.168.1.10\nPREFIX=24\n", string(b))
	assert.ErrorIs(t, h.Insert("/files/etc/hosts/*", "x", true), ErrManyMatches)
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

func TestStructureVerbs(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), files.Overwrite)
	l, err := h.Label("/files/etc/hosts/2/canonical")
	require.NoError(t, err)
	assert.Equal(t, "canonical", l)

	require.NoError(t, h.Touch("/files/etc/hosts/1/alias"))
	_, ok, err := h.Get("/files/etc/hosts/1/alias")
	require.NoError(t, err)
	assert.False(t, ok, "touch creates without a value")
	require.NoError(t, h.Touch("/files/etc/hosts/1/ipaddr"), "touch of an existing node does nothing")
	v, _, _ := h.Get("/files/etc/hosts/1/ipaddr")
	assert.Equal(t, "127.0.0.1", v)

	n, err := h.Rename("/files/etc/hosts/*/canonical", "name")
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	_, err = h.Rename("/files/etc/hosts/1", "a/b")
	assert.ErrorIs(t, err, ErrInvalidLabel)

	// copy onto an existing node: it keeps its label and place, takes the
	// value and children
	require.NoError(t, h.Copy("/files/etc/hosts/1", "/files/etc/hosts/2"))
	m, _ := h.Match("/files/etc/hosts/2/*")
	assert.Equal(t, []string{"/files/etc/hosts/2/ipaddr", "/files/etc/hosts/2/name", "/files/etc/hosts/2/alias"}, m)
	// move to a new node: created at the end, the source goes
	require.NoError(t, h.Move("/files/etc/hosts/1", "/files/etc/hosts/9"))
	m, _ = h.Match("/files/etc/hosts/*")
	assert.Equal(t, []string{"/files/etc/hosts/2", "/files/etc/hosts/9"}, m)
	assert.ErrorIs(t, h.Move("/files/etc/hosts/2", "/files/etc/hosts/2/ipaddr"), ErrIntoDescendant)
	assert.ErrorIs(t, h.Copy("/files/etc/hosts/2", "/files/etc/hosts/2/new/deeper"), ErrIntoDescendant)
	_, err = h.Match("/files/etc/hosts/2/new")
	require.NoError(t, err)
	m, _ = h.Match("/files/etc/hosts/2/new")
	assert.Empty(t, m, "a refused copy creates nothing")
}

func TestVariablesAndSetMultiple(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), files.Overwrite)
	n, err := h.DefineVariable("hosts", "/files/etc/hosts/*")
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	v, _, err := h.Get("$hosts[2]/canonical")
	require.NoError(t, err)
	assert.Equal(t, "host1", v)

	val := "1"
	created, err := h.DefineNode("fw", "/files/etc/sysctl.conf/net.ipv4.ip_forward", &val)
	require.NoError(t, err)
	assert.False(t, created, "an existing node keeps its value")
	val = "10"
	created, err = h.DefineNode("sw", "/files/etc/sysctl.conf/vm.swappiness", &val)
	require.NoError(t, err)
	assert.True(t, created)
	v, _, _ = h.Get("$sw")
	assert.Equal(t, "10", v)

	k, err := h.SetMultiple("$hosts", "alias[last()+1]", "extra")
	require.NoError(t, err)
	assert.Equal(t, 2, k)
	m, _ := h.Match("/files/etc/hosts/*/alias")
	assert.Len(t, m, 2)
	k, err = h.ClearMultiple("/files/etc/hosts/*", "alias")
	require.NoError(t, err)
	assert.Equal(t, 2, k)

	_, err = h.Remove("$hosts[1]")
	require.NoError(t, err)
	m, err = h.Match("$hosts")
	require.NoError(t, err)
	assert.Len(t, m, 1, "a removed node leaves the variable")
	_, err = h.Match("$nope")
	assert.EqualError(t, err, "undefined variable: $nope|=| (offset 5)")
}

func TestSourcePreviewTransform(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, files.Overwrite)
	src, err := h.Source("/files/etc/hosts/2/canonical")
	require.NoError(t, err)
	assert.Equal(t, "/files/etc/hosts", src)
	_, err = h.Source("/files/etc")
	assert.ErrorIs(t, err, ErrNoFile)
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "10.0.0.1"))
	text, err := h.Preview("/files/etc/hosts/1")
	require.NoError(t, err)
	assert.Equal(t, "10.0.0.1 localhost\n192.168.1.10 host1  # primary\n", text)
	b, _ := afero.ReadFile(fsys, "/etc/hosts")
	assert.Equal(t, sampleFiles["/etc/hosts"], string(b), "preview writes nothing")

	require.NoError(t, afero.WriteFile(fsys, "/etc/modprobe.d/bond.conf", []byte("alias bond0 bonding\n"), 0o644))
	require.NoError(t, h.Transform("Modprobe incl /etc/modprobe.d/*.conf"))
	require.NoError(t, h.Load())
	v, _, err := h.Get("/files/etc/modprobe.d/bond.conf/alias")
	require.NoError(t, err)
	assert.Equal(t, "bond0", v)
	v, _, _ = h.Get("/files/etc/hosts/1/ipaddr")
	assert.Equal(t, "127.0.0.1", v, "Load reads the files again, dropping unsaved changes")
}

func TestFileClaimedTwice(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h, err := Open(Options{Fs: fsys, NoAutoload: true, Transforms: []string{"Hosts incl /etc/hosts", "Sysctl incl /etc/hosts"}})
	require.NoError(t, err)
	m, _ := h.Match("/files/etc/hosts")
	assert.Empty(t, m, "a file two lenses claim is not loaded")
	errs := h.Errors()
	require.Len(t, errs, 1)
	assert.Equal(t, "mxfm_load", errs[0].Kind)
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "10.0.0.1"))
	assert.Error(t, h.Save(), "and never written")
	b, _ := afero.ReadFile(fsys, "/etc/hosts")
	assert.Equal(t, sampleFiles["/etc/hosts"], string(b))
}

func TestReadFileWholeText(t *testing.T) {
	fsys := afero.NewMemMapFs()
	big := make([]byte, 300_000)
	for i := range big {
		big[i] = byte('a' + i%26)
	}
	for name, text := range map[string]string{"/empty": "", "/small": "auto lo\n", "/big": string(big)} {
		require.NoError(t, afero.WriteFile(fsys, name, []byte(text), 0o644))
		got, mtime, err := readFile(fsys, name)
		require.NoError(t, err, name)
		assert.Equal(t, text, got, name)
		assert.NotZero(t, mtime, name)
	}
	_, _, err := readFile(fsys, "/missing")
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// shrunkFs reports every file one byte long, as if the file grew after
// Stat: readFile must still read all of it.
type shrunkFs struct{ afero.Fs }

type shrunkFile struct{ afero.File }

type shrunkInfo struct{ fs.FileInfo }

func (s shrunkFs) Open(name string) (afero.File, error) {
	f, err := s.Fs.Open(name)
	return shrunkFile{f}, err
}

func (f shrunkFile) Stat() (fs.FileInfo, error) {
	st, err := f.File.Stat()
	return shrunkInfo{st}, err
}

func (shrunkInfo) Size() int64 { return 1 }

func TestReadFileGrownSinceStat(t *testing.T) {
	fsys := afero.NewMemMapFs()
	text := strings.Repeat("iface eth0 inet dhcp\n", 5000)
	require.NoError(t, afero.WriteFile(fsys, "/f", []byte(text), 0o644))
	got, _, err := readFile(shrunkFs{fsys}, "/f")
	require.NoError(t, err)
	assert.Equal(t, text, got)
}
