package vnet_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/vnet"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func recorded(t *testing.T) (*vnet.Conn, *vnet.Recorder, string) {
	root := t.TempDir()
	rec := &vnet.Recorder{}
	c, err := vnet.Open(vnet.Options{Root: root, Activator: rec})
	require.NoError(t, err)
	return c, rec, root
}

func netXML(name, bridge, subnet string) []byte {
	br := ""
	if bridge != "" {
		br = fmt.Sprintf("<bridge name='%s'/>", bridge)
	}
	return []byte(fmt.Sprintf(`<network><name>%s</name><forward mode='nat'/>%s<ip address='%s.1' prefix='24'><dhcp><range start='%s.10' end='%s.20'/></dhcp></ip></network>`, name, br, subnet, subnet, subnet))
}

func names(t *testing.T, c *vnet.Conn, f vnet.ListFlags) []string {
	l, err := c.List(f)
	require.NoError(t, err)
	var out []string
	for _, n := range l {
		out = append(out, n.Name())
	}
	return out
}

func TestLifecycle(t *testing.T) {
	c, rec, root := recorded(t)
	a, err := c.Define(netXML("a", "", "10.1.0"), "a.xml")
	require.NoError(t, err)
	b, err := c.Define(netXML("b", "", "10.2.0"), "b.xml")
	require.NoError(t, err)
	in, err := a.Info()
	require.NoError(t, err)
	assert.Equal(t, "virbr0", in.Bridge, "bridge named and stored at define")
	inB, _ := b.Info()
	assert.Equal(t, "virbr1", inB.Bridge)
	assert.Len(t, in.UUID, 36, "a UUID made at define")
	x, err := a.XMLDesc(0)
	require.NoError(t, err)
	assert.Contains(t, string(x), "<mac address='52:54:00:", "a MAC made at define")

	require.NoError(t, a.Start())
	assert.Equal(t, []string{"start a nat bridge=virbr0 ip=10.1.0.1/24"}, rec.Steps)
	assert.ErrorIs(t, a.Start(), vnet.ErrInvalidState)
	assert.ErrorIs(t, b.Destroy(), vnet.ErrInvalidState)
	assert.Equal(t, []string{"a"}, names(t, c, vnet.ListActive))
	assert.Equal(t, []string{"b"}, names(t, c, vnet.ListInactive))
	assert.Equal(t, []string{"a", "b"}, names(t, c, 0))

	// define over a running network: the next start takes it
	_, err = c.Define([]byte(`<network><name>a</name><uuid>`+in.UUID+`</uuid><forward mode='route'/><ip address='10.1.0.1' prefix='24'/></network>`), "a2.xml")
	require.NoError(t, err)
	x, err = a.XMLDesc(0)
	require.NoError(t, err)
	assert.Contains(t, string(x), "mode='nat'", "running as it was")
	x, err = a.XMLDesc(vnet.XMLInactive)
	require.NoError(t, err)
	assert.Contains(t, string(x), "mode='route'", "the pending configuration")
	assert.Contains(t, string(x), "<bridge name='virbr0'", "keeps its bridge name")

	// autostart
	require.NoError(t, b.SetAutostart(true))
	assert.Equal(t, []string{"b"}, names(t, c, vnet.ListAutostart))
	assert.Equal(t, []string{"a"}, names(t, c, vnet.ListNoAutostart))
	target, err := os.Readlink(filepath.Join(root, "etc/lensnet/networks/autostart/b.xml"))
	require.NoError(t, err)
	assert.Equal(t, "../b.xml", target, "a link, as libvirt's")

	// undefine while running: transient
	require.NoError(t, a.Undefine())
	assert.Equal(t, []string{"a"}, names(t, c, vnet.ListTransient))
	assert.ErrorIs(t, a.SetAutostart(true), vnet.ErrInvalidState)
	require.NoError(t, a.Destroy())
	_, err = c.LookupByName("a")
	assert.ErrorIs(t, err, vnet.ErrNoNetwork)

	// by UUID, any case
	u, err := c.LookupByUUID(inB.UUID)
	require.NoError(t, err)
	assert.Equal(t, "b", u.Name())

	started, err := c.StartAutostart()
	require.NoError(t, err)
	assert.Equal(t, []string{"b"}, started)
}

func TestConflictsAndNames(t *testing.T) {
	c, _, _ := recorded(t)
	a, err := c.Define(netXML("a", "br7", "10.1.0"), "a.xml")
	require.NoError(t, err)
	_, err = c.Define(netXML("b", "br7", "10.2.0"), "b.xml")
	assert.ErrorIs(t, err, vnet.ErrExists, "a bridge name is one network's")
	require.NoError(t, a.Start())
	_, err = c.Create(netXML("c", "", "10.1.0"), "c.xml")
	assert.ErrorIs(t, err, vnet.ErrExists, "a subnet overlapping a running network's")
	_, err = c.Create(netXML("a", "", "10.9.0"), "a.xml")
	assert.ErrorIs(t, err, vnet.ErrExists, "the name is taken")
	for _, bad := range []string{"../x", "a/b", "-x", ".hidden", ""} {
		_, err := c.Define([]byte("<network><name>"+bad+"</name></network>"), "bad.xml")
		assert.Error(t, err, bad)
	}
	_, err = c.Define([]byte("<network><name>x</name>\n<bogus/></network>"), "bad.xml")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.xml:2:")
}

// TestStartCutShort: a start whose activation failed leaves nothing; a
// run directory left by a start cut short is cleaned by the next one.
func TestStartCutShort(t *testing.T) {
	root := t.TempDir()
	fail := &failing{}
	c, err := vnet.Open(vnet.Options{Root: root, Activator: fail})
	require.NoError(t, err)
	n, err := c.Define(netXML("a", "", "10.1.0"), "a.xml")
	require.NoError(t, err)
	fail.err = fmt.Errorf("dnsmasq: bad option")
	require.Error(t, n.Start())
	assert.Equal(t, []string{"start", "stop"}, fail.calls, "the failed start is undone")
	up, _ := n.IsActive()
	assert.False(t, up)
	_, err = os.Stat(filepath.Join(root, "run/lensnet/network/a"))
	assert.True(t, os.IsNotExist(err))
	// a run directory without a running definition: a start cut short
	require.NoError(t, os.MkdirAll(filepath.Join(root, "run/lensnet/network/a"), 0o700))
	fail.err, fail.calls = nil, nil
	require.NoError(t, n.Start())
	assert.Equal(t, []string{"stop", "start"}, fail.calls, "what was left is stopped first")
}

type failing struct {
	vnet.Recorder
	err   error
	calls []string
}

func (f *failing) Start(n *netxml.Network, run vnet.RunDir) error {
	f.calls = append(f.calls, "start")
	return f.err
}

func (f *failing) Stop(n *netxml.Network, run vnet.RunDir) error {
	f.calls = append(f.calls, "stop")
	return nil
}
