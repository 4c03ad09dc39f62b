package lensnet

import (
	"testing"

	"github.com/lensnet/lensnet/tree"
	"github.com/spf13/afero"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInsert(t *testing.T) {
	fsys := memRoot(t, sampleFiles)
	h := open(t, fsys, SaveOverwrite)
	require.NoError(t, h.Insert("/files/etc/sysconfig/network-scripts/ifcfg-eth0/IPADDR", "PREFIX", false))
	require.NoError(t, h.Set("/files/etc/sysconfig/network-scripts/ifcfg-eth0/PREFIX", "24"))
	require.NoError(t, h.Save())
	b, _ := afero.ReadFile(fsys, "/etc/sysconfig/network-scripts/ifcfg-eth0")
	assert.Equal(t, "DEVICE=eth0\nBOOTPROTO=none\nIPADDR=192.168.1.10\nPREFIX=24\n", string(b))
	assert.ErrorIs(t, h.Insert("/files/etc/hosts/*", "x", true), ErrManyMatches)
}

func TestStructureVerbs(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
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
	assert.ErrorIs(t, h.Insert("/files/etc/hosts/1", "a/b", false), ErrInvalidLabel)
	assert.ErrorIs(t, h.Insert("/files/etc/nosuch", "a/b", false), ErrInvalidLabel, "the label is checked first")
	var pe *tree.PathError
	assert.ErrorAs(t, h.Insert("/files/[", "a/b", false), &pe, "after the path is parsed")
	m0, _ := h.Match("/files/etc/hosts/*")
	assert.Len(t, m0, 2, "nothing inserted")

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
	// the top levels stay (augtool crashes on some of these)
	for _, c := range [][2]string{{"/files", "/"}, {"/files", "/x"}, {"/files", "/augeas/x"}, {"/augeas", "/files/a"}, {"/files/etc", "/"}, {"/files/etc", "/augeas"}} {
		assert.ErrorIs(t, h.Move(c[0], c[1]), ErrTopLevel, "mv %s %s", c[0], c[1])
	}
	assert.ErrorIs(t, h.Copy("/files", "/"), ErrTopLevel)
	require.NoError(t, h.Copy("/augeas/root", "/files/etc/rootcopy"), "copying out of /augeas is fine")
	_, err = h.Remove("/files/etc/rootcopy")
	require.NoError(t, err)
	_, err = h.Match("/files/etc/hosts/2/new")
	require.NoError(t, err)
	m, _ = h.Match("/files/etc/hosts/2/new")
	assert.Empty(t, m, "a refused copy creates nothing")
}

func TestVariablesAndSetMultiple(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
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
	h := open(t, fsys, SaveOverwrite)
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

// TestRemoveSpecial: rm of the root removes nothing and counts 0 (as
// augtool 1.14), nor does rm of /augeas (augtool removes it); rm of
// /files empties it and counts it, and the node stays.
func TestRemoveSpecial(t *testing.T) {
	h := open(t, memRoot(t, sampleFiles), SaveOverwrite)
	all, _ := h.Match("/files//*")
	require.NotEmpty(t, all)
	for _, p := range []string{"/", "/files/..", "/augeas", "/augeas/../augeas"} {
		n, err := h.Remove(p)
		require.NoError(t, err)
		assert.Equal(t, 0, n, p)
	}
	top, _ := h.Match("/*")
	assert.Equal(t, []string{"/augeas", "/files"}, top)
	n, err := h.Remove("/files")
	require.NoError(t, err)
	assert.Equal(t, len(all)+1, n)
	top, _ = h.Match("/*")
	assert.Equal(t, []string{"/augeas", "/files"}, top)
	left, _ := h.Match("/files/*")
	assert.Empty(t, left)
	require.NoError(t, h.Set("/files/etc/hosts/1/ipaddr", "10.0.0.1"), "the tree still works")
}
