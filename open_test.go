package lensnet

import (
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
