package lensnet

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadAndQuery(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
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
	assert.Contains(t, errs[0].Error(), "/etc/resolv.conf:2:")
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
		got, mtime, perm, err := readFile(fsys, name)
		require.NoError(t, err, name)
		assert.Equal(t, text, got, name)
		assert.NotZero(t, mtime, name)
		assert.Equal(t, fs.FileMode(0o644), perm, name)
	}
	_, _, _, err := readFile(fsys, "/missing")
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
	got, _, _, err := readFile(shrunkFs{fsys}, "/f")
	require.NoError(t, err)
	assert.Equal(t, text, got)
}

// TestFileErrorPosition: a parse error's position is 1-based,
// file:line:col, while /augeas keeps Augeas's 0-based char.
func TestFileErrorPosition(t *testing.T) {
	h := open(t, memRoot(t, map[string]string{"/etc/resolv.conf": "nameserver 10.0.0.1\n  nameservr 10.0.0.2\n"}), SaveOverwrite)
	errs := h.Errors()
	require.Len(t, errs, 1)
	char, _, err := h.Get("/augeas/files/etc/resolv.conf/error/char")
	require.NoError(t, err)
	line, _, err := h.Get("/augeas/files/etc/resolv.conf/error/line")
	require.NoError(t, err)
	assert.Equal(t, line, fmt.Sprint(errs[0].Line))
	assert.Equal(t, char, fmt.Sprint(errs[0].Column-1), "Column is Augeas's char + 1")
	assert.Equal(t, fmt.Sprintf("/etc/resolv.conf:%d:%d: %s (parse_failed)", errs[0].Line, errs[0].Column, errs[0].Msg), errs[0].Error())
}
