package iface_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/backends/backendstest"
	_ "github.com/lensnet/lensnet/backends/initscripts"
	"github.com/lensnet/lensnet/iface"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rhelRoot(t *testing.T) string {
	root := t.TempDir()
	backendstest.CopyDir(t, "../fixtures/rhel-iface/admin", root)
	return root
}

// TestBadXMLChangesNothing: XML that is not valid interface XML is an
// error naming the element and line, and no file changes.
func TestBadXMLChangesNothing(t *testing.T) {
	for name, c := range map[string]struct{ xml, err string }{
		"not well formed":  {"<interface type='ethernet' name='eth0'>", "bad.xml:1:"},
		"unknown element":  {"<interface type='ethernet' name='eth0'>\n<frob/></interface>", "bad.xml:2: <interface type='ethernet' name='eth0'>/<frob>"},
		"unknown type":     {"<interface type='wifi' name='wlan0'/>", "bad.xml:1:"},
		"missing name":     {"<interface type='ethernet'/>", "bad.xml:1:"},
		"bad address":      {"<interface type='ethernet' name='eth0'><protocol family='ipv4'><ip address='10.0.0.300'/></protocol></interface>", "10.0.0.300"},
		"bad prefix":       {"<interface type='ethernet' name='eth0'><protocol family='ipv4'><ip address='10.0.0.3' prefix='33'/></protocol></interface>", "33"},
		"bond no slaves":   {"<interface type='bond' name='bond1'>\n<bond mode='active-backup'/>\n</interface>", "a bond needs at least one <interface>"},
		"vlan tag":         {"<interface type='vlan' name='eth0.5000'><vlan tag='5000'><interface name='eth0'/></vlan></interface>", "5000"},
		"bridge in bridge": {"<interface type='bridge' name='br5'><bridge><interface type='bridge' name='br6'><bridge/></interface></bridge></interface>", "br6"},
		"port theft":       {"<interface type='bond' name='bond9'><bond><interface type='ethernet' name='eth1'/></bond></interface>", "eth1 is a slave of bond0"},
		"top theft":        {"<interface type='ethernet' name='eth3'><start mode='onboot'/></interface>", "eth3 is a port of br1"},
	} {
		t.Run(name, func(t *testing.T) {
			root := rhelRoot(t)
			before := configHash(t, root)
			c2, err := iface.Open(iface.Options{Root: root})
			require.NoError(t, err)
			_, err = c2.Define([]byte(c.xml), "bad.xml")
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.err)
			assert.NotContains(t, err.Error(), "\n", "one line")
			assert.Equal(t, before, configHash(t, root))
		})
	}
}

// TestDefineInPlace: redefining an interface edits its file: comments,
// unknown keys and their order stay; keys the XML no longer implies go;
// the files of other interfaces are not touched.
func TestDefineInPlace(t *testing.T) {
	root := rhelRoot(t)
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	assert.Equal(t, "initscripts", c.Backend())
	names, err := c.Names()
	require.NoError(t, err)
	assert.Equal(t, []string{"bond0", "br1", "eth0", "vlan100"}, names)
	before := backendstest.Hash(t, root)
	_, err = c.Define([]byte(`<interface type='ethernet' name='eth0'>
  <start mode='onboot'/>
  <mtu size='9000'/>
  <protocol family='ipv4'>
    <dhcp/>
    <ip address='192.0.2.10' prefix='24'/>
  </protocol>
</interface>`), "eth0.xml")
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(root, "etc/sysconfig/network-scripts/ifcfg-eth0"))
	require.NoError(t, err)
	assert.Equal(t, `# Management port, written by hand
TYPE=Ethernet
NAME="System eth0"
UUID=5fb06bd0-0bb0-7ffb-45f1-d6edd65f3e03
DEVICE="eth0"
ONBOOT=YES   # the initscripts accept any case
MTU=9000
BOOTPROTO='dhcp'
IPADDR0=192.0.2.10
PREFIX0=24
DNS1=192.0.2.53
NM_CONTROLLED=no
`, string(b))
	after := backendstest.Hash(t, root)
	for f, h := range before {
		if f != "etc/sysconfig/network-scripts/ifcfg-eth0" {
			assert.Equal(t, h, after[f], f)
		}
	}
	x, err := c.XML("eth0")
	require.NoError(t, err)
	assert.Equal(t, `<interface type='ethernet' name='eth0'>
  <start mode='onboot'/>
  <mtu size='9000'/>
  <protocol family='ipv4'>
    <dhcp/>
    <ip address='192.0.2.10' prefix='24'/>
  </protocol>
</interface>
`, string(x))
}

// TestConnection: a bridge's ports change: a port that leaves loses its
// file, a new one gets one with the bridge's start mode and MTU, and the
// order of ports is kept; undefine removes them all.
func TestConnection(t *testing.T) {
	root := rhelRoot(t)
	c, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	def := `<interface type='bridge' name='br1'>
  <start mode='onboot'/>
  <mtu size='1500'/>
  <bridge stp='on' delay='2.5'>
    <interface type='ethernet' name='eth7'>
    </interface>
    <interface type='ethernet' name='eth3'>
    </interface>
  </bridge>
</interface>
`
	_, err = c.Define([]byte(def), "br1.xml")
	require.NoError(t, err)
	x, err := c.XML("br1")
	require.NoError(t, err)
	assert.Equal(t, def, string(x))
	files := backendstest.Files(t, root)
	assert.NotContains(t, files, "etc/sysconfig/network-scripts/ifcfg-eth0.200")
	b, err := os.ReadFile(filepath.Join(root, "etc/sysconfig/network-scripts/ifcfg-eth7"))
	require.NoError(t, err)
	assert.Equal(t, "DEVICE=eth7\nONBOOT=yes\nMTU=1500\nBRIDGE=br1\n", string(b))
	b, err = os.ReadFile(filepath.Join(root, "etc/sysconfig/network-scripts/ifcfg-eth3"))
	require.NoError(t, err)
	assert.Equal(t, "DEVICE=eth3\nBRIDGE=br1\nONBOOT=yes\nMTU=1500\n", string(b))

	require.NoError(t, c.Undefine("br1"))
	files = backendstest.Files(t, root)
	for _, f := range []string{"ifcfg-br1", "ifcfg-eth3", "ifcfg-eth7"} {
		assert.NotContains(t, files, "etc/sysconfig/network-scripts/"+f)
	}
	_, err = c.XML("br1")
	assert.ErrorIs(t, err, iface.ErrNotFound)
}

// configHash hashes a root's files but the state directory (the lock
// file, transactions), which is lensnet's, not configuration.
func configHash(t *testing.T, root string) map[string]string {
	h := backendstest.Hash(t, root)
	for p := range h {
		if strings.HasPrefix(p, "var/lib/lensnet/") {
			delete(h, p)
		}
	}
	return h
}

// TestOpenConnSeesChanges: a Conn that stays open reads the files
// again when another process (here another Conn) changed them.
func TestOpenConnSeesChanges(t *testing.T) {
	root := rhelRoot(t)
	a, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	x, err := a.XML("eth0")
	require.NoError(t, err)
	b, err := iface.Open(iface.Options{Root: root})
	require.NoError(t, err)
	_, err = b.Define([]byte(`<interface type='ethernet' name='eth9'><start mode='onboot'/></interface>`), "eth9.xml")
	require.NoError(t, err)
	_, err = b.Define([]byte(`<interface type='ethernet' name='eth0'><start mode='none'/></interface>`), "eth0.xml")
	require.NoError(t, err)
	names, err := a.Names()
	require.NoError(t, err)
	assert.Contains(t, names, "eth9")
	y, err := a.XML("eth0")
	require.NoError(t, err)
	assert.NotEqual(t, string(x), string(y))
	assert.Contains(t, string(y), "<start mode='none'/>")
}
