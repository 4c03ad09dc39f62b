package iface_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/iface"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBridgeUnbridge: the IP configuration moves to the new bridge and
// back; unbridge gives the files their exact bytes back.
func TestBridgeUnbridge(t *testing.T) {
	root := rhelRoot(t)
	before := configHash(t, root)
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	br, err := c.Bridge("eth0", "br0", iface.BridgeOptions{Delay: 3})
	require.NoError(t, err)
	x, err := br.XMLDesc(iface.XMLInactive)
	require.NoError(t, err)
	assert.Equal(t, `<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <protocol family='ipv4'>
    <ip address='192.0.2.10' prefix='24'/>
    <ip address='198.51.100.7' prefix='25'/>
    <route gateway='192.0.2.1'/>
  </protocol>
  <protocol family='ipv6'>
    <ip address='2001:db8::10' prefix='64'/>
    <ip address='2001:db8::11' prefix='64'/>
    <ip address='2001:db8:1::1' prefix='48'/>
    <route gateway='2001:db8::1'/>
  </protocol>
  <bridge stp='on' delay='3'>
    <interface type='ethernet' name='eth0'>
    </interface>
  </bridge>
</interface>
`, string(x))
	b, err := os.ReadFile(filepath.Join(root, "etc/sysconfig/network-scripts/ifcfg-eth0"))
	require.NoError(t, err)
	assert.Equal(t, `# Management port, written by hand
TYPE=Ethernet
NAME="System eth0"
UUID=5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03
DEVICE="eth0"
ONBOOT=yes   # the initscripts accept any case
BRIDGE=br0
DNS1=192.0.2.53
NM_CONTROLLED=no
`, string(b), "the port keeps its comments and unknown keys, and loses its addresses to the bridge")
	_, err = c.Bridge("eth0", "br1", iface.BridgeOptions{})
	assert.Error(t, err, "eth0 is a port now")
	_, err = c.Bridge("vlan100", "br1", iface.BridgeOptions{})
	assert.ErrorIs(t, err, iface.ErrExists)

	port, err := c.Unbridge("br0")
	require.NoError(t, err)
	assert.Equal(t, "eth0", port.Name())
	assert.Equal(t, before, configHash(t, root))

	// with the files changed after the bridge, unbridge defines the port
	_, err = c.Bridge("eth0", "br0", iface.BridgeOptions{NoSTP: true})
	require.NoError(t, err)
	_, err = c.Define([]byte(`<interface type='bridge' name='br0'><start mode='none'/><protocol family='ipv4'><dhcp/></protocol>
<bridge stp='off'><interface type='ethernet' name='eth0'/></bridge></interface>`), "br0.xml")
	require.NoError(t, err)
	_, err = c.Unbridge("br0")
	require.NoError(t, err)
	x, err = c.XML("eth0")
	require.NoError(t, err)
	assert.Equal(t, "<interface type='ethernet' name='eth0'>\n  <start mode='none'/>\n  <protocol family='ipv4'>\n    <dhcp/>\n  </protocol>\n</interface>\n", string(x))
	_, err = c.Unbridge("eth0")
	assert.Error(t, err)
}
