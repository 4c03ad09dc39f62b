package iface_test

import (
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/iface"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// emptyRHEL is a root with the ifcfg directory and nothing in it.
func emptyRHEL(t *testing.T) string {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc/sysconfig/network-scripts"), 0o755))
	return root
}

// linkJSON returns `ip -j -d link show NAME` in the namespace, nil when
// the device is not there.
func linkJSON(t *testing.T, ns, name string) map[string]any {
	for _, l := range kerneltest.IPJSON(t, ns, "link") {
		if l["ifname"] == name {
			return l
		}
	}
	return nil
}

// addrs returns the global addresses ip shows on a device, as A/P.
func addrs(t *testing.T, ns, name string) []string {
	var out []string
	for _, l := range kerneltest.IPJSON(t, ns, "addr") {
		if l["ifname"] != name {
			continue
		}
		infos, _ := l["addr_info"].([]any)
		for _, x := range infos {
			ai := x.(map[string]any)
			if ai["scope"] == "global" {
				out = append(out, fmt.Sprintf("%v/%v", ai["local"], ai["prefixlen"]))
			}
		}
	}
	return out
}

// TestActivateNetlink: a bridge with two veth ports, MTU, port MACs and
// static IPv4/IPv6 addresses with gateways, defined on a RHEL root,
// started with the netlink engine inside a test namespace: the kernel
// has what the XML says, the live XML and the counters say so too
// (traffic from a second namespace), and stop undoes it.
func TestActivateNetlink(t *testing.T) {
	ns, h := kerneltest.NS(t)
	peer, _ := kerneltest.NS(t)
	require.NoError(t, h.CreateVeth("v0", "v0p"))
	require.NoError(t, h.CreateVeth("v1", "v1p"))
	kerneltest.IP(t, ns, "link", "set", "v0p", "netns", peer)
	kerneltest.IP(t, peer, "addr", "add", "10.9.0.2/24", "dev", "v0p")
	kerneltest.IP(t, peer, "link", "set", "v0p", "up")

	root := emptyRHEL(t)
	c, err := iface.Open(iface.Options{Root: root, NetNS: ns, Engine: "netlink"})
	require.NoError(t, err)
	defer c.Close()
	br, err := c.DefineXML([]byte(`<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <mtu size='1400'/>
  <protocol family='ipv4'>
    <ip address='10.9.0.1' prefix='24'/>
    <route gateway='10.9.0.254'/>
  </protocol>
  <protocol family='ipv6'>
    <ip address='fd00:9::1' prefix='64'/>
    <route gateway='fd00:9::fe'/>
  </protocol>
  <bridge stp='off' delay='0'>
    <interface type='ethernet' name='v0'>
      <mac address='52:54:00:09:00:01'/>
    </interface>
    <interface type='ethernet' name='v1'>
    </interface>
  </bridge>
</interface>`), "br0.xml")
	require.NoError(t, err)
	up, err := br.IsActive()
	require.NoError(t, err)
	assert.False(t, up)
	list, err := c.List(iface.ListInactive)
	require.NoError(t, err)
	require.Len(t, list, 1)

	require.NoError(t, br.Start())
	l := linkJSON(t, ns, "br0")
	require.NotNil(t, l, "br0 is in the kernel")
	assert.EqualValues(t, 1400, l["mtu"])
	assert.Equal(t, "br0", linkJSON(t, ns, "v0")["master"])
	assert.Equal(t, "br0", linkJSON(t, ns, "v1")["master"])
	assert.Equal(t, "52:54:00:09:00:01", linkJSON(t, ns, "v0")["address"])
	assert.ElementsMatch(t, []string{"10.9.0.1/24", "fd00:9::1/64"}, addrs(t, ns, "br0"))
	routes := kerneltest.IP(t, ns, "route") + kerneltest.IP(t, ns, "-6", "route")
	assert.Contains(t, routes, "default via 10.9.0.254 dev br0")
	assert.Contains(t, routes, "default via fd00:9::fe dev br0")
	up, err = br.IsActive()
	require.NoError(t, err)
	assert.True(t, up)
	list, err = c.List(iface.ListActive)
	require.NoError(t, err)
	require.Len(t, list, 1)

	x, err := br.XMLDesc(0)
	require.NoError(t, err)
	live := string(x)
	for _, want := range []string{"<interface type='bridge' name='br0'>", "<mtu size='1400'/>", "<ip address='10.9.0.1' prefix='24'/>",
		"<ip address='fd00:9::1' prefix='64'/>", "<bridge stp='off' delay='0'>", "<interface type='ethernet' name='v0'>",
		"<mac address='52:54:00:09:00:01'/>", "<interface type='ethernet' name='v1'>"} {
		assert.Contains(t, live, want)
	}
	assert.NotContains(t, live, "<start", "start mode is configuration, not state")

	before, err := br.Stats()
	require.NoError(t, err)
	kerneltest.SendUDP(t, peer, netip.MustParseAddrPort("10.9.0.1:9"), 20)
	after, err := br.Stats()
	require.NoError(t, err)
	assert.GreaterOrEqual(t, after.RxPackets-before.RxPackets, uint64(20), "the datagrams came in on br0")
	assert.Greater(t, after.RxBytes, before.RxBytes)

	require.NoError(t, br.Stop())
	assert.Nil(t, linkJSON(t, ns, "br0"), "stop removes the bridge")
	assert.Nil(t, linkJSON(t, ns, "v0")["master"])
	up, err = br.IsActive()
	require.NoError(t, err)
	assert.False(t, up)
	_, err = br.Stats()
	assert.ErrorIs(t, err, iface.ErrInvalidState)
}

// TestTransient: create applies XML to the kernel and writes no file;
// list shows it (and a bridge made by hand) as transient; stop removes it.
func TestTransient(t *testing.T) {
	ns, h := kerneltest.NS(t)
	require.NoError(t, h.CreateVeth("v0", "v0p"))
	root := emptyRHEL(t)
	before := configHash(t, root)
	c, err := iface.Open(iface.Options{Root: root, NetNS: ns, Engine: "netlink"})
	require.NoError(t, err)
	defer c.Close()
	tr, err := c.CreateXML([]byte(`<interface type='bridge' name='tbr0'><mtu size='1300'/>
<protocol family='ipv4'><ip address='10.8.0.1' prefix='16'/></protocol>
<bridge stp='off'><interface type='ethernet' name='v0'/></bridge></interface>`), "t.xml")
	require.NoError(t, err)
	assert.True(t, tr.IsTransient())
	assert.Equal(t, before, configHash(t, root), "no file written")
	assert.Equal(t, "tbr0", linkJSON(t, ns, "v0")["master"])
	assert.Equal(t, []string{"10.8.0.1/16"}, addrs(t, ns, "tbr0"))
	kerneltest.IP(t, ns, "link", "add", "hand0", "type", "bridge")

	list, err := c.List(0)
	require.NoError(t, err)
	assert.Empty(t, list, "without the flag, only defined interfaces")
	list, err = c.List(iface.ListTransient)
	require.NoError(t, err)
	var names []string
	for _, i := range list {
		names = append(names, i.Name())
		assert.True(t, i.IsTransient())
	}
	assert.Equal(t, []string{"hand0", "tbr0", "v0p"}, names, "v0 is a port (not listed); v0p is a device no file defines")
	x, err := tr.XMLDesc(iface.XMLInactive)
	require.NoError(t, err)
	assert.Contains(t, string(x), "<ip address='10.8.0.1' prefix='16'/>", "a transient interface has only its live XML")

	_, err = c.CreateXML([]byte(`<interface type='bridge' name='tbr0'><bridge/></interface>`), "t.xml")
	assert.ErrorIs(t, err, iface.ErrExists)
	require.NoError(t, tr.Stop())
	assert.Nil(t, linkJSON(t, ns, "tbr0"))
}

// TestActivateBondVLAN: a bond over veths and a vlan, where the kernel
// has their drivers.
func TestActivateBondVLAN(t *testing.T) {
	ns, h := kerneltest.NS(t)
	for _, kind := range []string{"bond", "vlan"} {
		if err := h.Supports(kind); err != nil {
			t.Skip(err)
		}
	}
	require.NoError(t, h.CreateVeth("v0", "v0p"))
	require.NoError(t, h.CreateVeth("v1", "v1p"))
	c, err := iface.Open(iface.Options{Root: emptyRHEL(t), NetNS: ns, Engine: "netlink"})
	require.NoError(t, err)
	defer c.Close()
	b, err := c.DefineXML([]byte(`<interface type='bond' name='bond0'><protocol family='ipv4'><ip address='10.7.0.1' prefix='24'/></protocol>
<bond mode='active-backup'><miimon freq='100'/><interface type='ethernet' name='v0'/><interface type='ethernet' name='v1'/></bond></interface>`), "b.xml")
	require.NoError(t, err)
	require.NoError(t, b.Start())
	assert.Equal(t, "bond0", linkJSON(t, ns, "v0")["master"])
	v, err := c.DefineXML([]byte(`<interface type='vlan' name='bond0.5'><protocol family='ipv4'><ip address='10.7.5.1' prefix='24'/></protocol>
<vlan tag='5'><interface name='bond0'/></vlan></interface>`), "v.xml")
	require.NoError(t, err)
	require.NoError(t, v.Start())
	assert.Equal(t, []string{"10.7.5.1/24"}, addrs(t, ns, "bond0.5"))
	require.NoError(t, v.Stop())
	require.NoError(t, b.Stop())
	assert.Nil(t, linkJSON(t, ns, "bond0"))
}

// TestIfupdownEngine: the ifupdown engine runs the distribution's
// tools (here fakes on PATH that record their calls): on RHEL a bridge's
// ports first; a failing ifup is an *ActivationError with its output.
func TestIfupdownEngine(t *testing.T) {
	bin := t.TempDir()
	calls := filepath.Join(bin, "calls")
	for _, tool := range []string{"ifup", "ifdown"} {
		script := fmt.Sprintf("#!/bin/sh\necho %s \"$@\" >> %s\nif [ \"$1\" = bad0 ]; then echo 'Error: no such device bad0' >&2; exit 1; fi\n", tool, calls)
		require.NoError(t, os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o755))
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if p, _ := exec.LookPath("ifup"); p != filepath.Join(bin, "ifup") {
		t.Fatalf("ifup is %s", p)
	}
	root := emptyRHEL(t)
	c, err := iface.Open(iface.Options{Root: root, Engine: "ifupdown"})
	require.NoError(t, err)
	assert.Equal(t, "ifupdown", c.Engine())
	br, err := c.DefineXML([]byte(`<interface type='bridge' name='br0'><bridge><interface type='ethernet' name='eth0'/><interface type='ethernet' name='eth1'/></bridge></interface>`), "br0.xml")
	require.NoError(t, err)
	require.NoError(t, br.Start())
	require.NoError(t, br.Stop())
	b, err := os.ReadFile(calls)
	require.NoError(t, err)
	assert.Equal(t, "ifup eth0\nifup eth1\nifup br0\nifdown br0\nifdown eth0\nifdown eth1\n", string(b))

	bad, err := c.DefineXML([]byte(`<interface type='ethernet' name='bad0'/>`), "bad0.xml")
	require.NoError(t, err)
	err = bad.Start()
	var ae *iface.ActivationError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "ifupdown", ae.Engine)
	assert.Contains(t, err.Error(), "Error: no such device bad0")
	assert.False(t, strings.Contains(err.Error(), "\n"))
}

// TestGuard: the netlink engine does not apply a root other than / to
// the process's own namespace.
func TestGuard(t *testing.T) {
	c, err := iface.Open(iface.Options{Root: emptyRHEL(t), Engine: "netlink"})
	require.NoError(t, err)
	defer c.Close()
	i, err := c.DefineXML([]byte(`<interface type='bridge' name='lensnetguard0'><bridge/></interface>`), "g.xml")
	require.NoError(t, err)
	err = i.Start()
	assert.ErrorIs(t, err, iface.ErrInvalidState)
	_, err = c.CreateXML([]byte(`<interface type='bridge' name='lensnetguard1'><bridge/></interface>`), "g.xml")
	assert.ErrorIs(t, err, iface.ErrInvalidState)
}

// TestRollbackReactivates: a rollback brings the interfaces it changed
// back to their state at begin, in the kernel too.
func TestRollbackReactivates(t *testing.T) {
	ns, h := kerneltest.NS(t)
	require.NoError(t, h.CreateVeth("v0", "v0p"))
	require.NoError(t, h.CreateVeth("v1", "v1p"))
	root := emptyRHEL(t)
	c, err := iface.Open(iface.Options{Root: root, NetNS: ns, Engine: "netlink"})
	require.NoError(t, err)
	defer c.Close()
	def := func(name, port, addr string) *iface.Interface {
		i, err := c.DefineXML([]byte(fmt.Sprintf(`<interface type='bridge' name='%s'><protocol family='ipv4'><ip address='%s' prefix='24'/></protocol>
<bridge stp='off'><interface type='ethernet' name='%s'/></bridge></interface>`, name, addr, port)), name+".xml")
		require.NoError(t, err)
		return i
	}
	br0 := def("br0", "v0", "10.6.0.1")
	require.NoError(t, br0.Start())
	before := configHash(t, root)

	require.NoError(t, c.ChangeBegin())
	br0 = def("br0", "v0", "10.6.9.1")
	require.NoError(t, br0.Stop())
	require.NoError(t, br0.Start())
	br1 := def("br1", "v1", "10.5.0.1")
	require.NoError(t, br1.Start())
	assert.Equal(t, []string{"10.6.9.1/24"}, addrs(t, ns, "br0"))
	require.NotNil(t, linkJSON(t, ns, "br1"))

	changed, err := c.ChangeRollback()
	require.NoError(t, err)
	assert.Equal(t, []string{"br0", "br1"}, changed)
	assert.Equal(t, before, configHash(t, root))
	assert.Equal(t, []string{"10.6.0.1/24"}, addrs(t, ns, "br0"), "br0 is up again as it was")
	assert.Nil(t, linkJSON(t, ns, "br1"), "br1, new in the transaction, is down")
}

// TestIfupdownDebian: on a Debian root other than /, ifup is given the
// root's interfaces file and a state directory there; with the real
// ifupdown (Debian package ifupdown), where the machine has it, a
// stanza is brought up inside a test namespace.
func TestIfupdownDebian(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc/network"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(root, "run/network"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, "etc/network/interfaces"), []byte("iface v0 inet static\n    address 10.4.0.1/24\n"), 0o644))
	real, err := exec.LookPath("ifup")
	if err != nil || !strings.HasPrefix(real, "/sbin") && !strings.HasPrefix(real, "/usr/sbin") {
		bin := t.TempDir()
		calls := filepath.Join(bin, "calls")
		require.NoError(t, os.WriteFile(filepath.Join(bin, "ifup"), []byte("#!/bin/sh\necho ifup \"$@\" >> "+calls+"\n"), 0o755))
		t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		c, err := iface.Open(iface.Options{Root: root, Engine: "ifupdown"})
		require.NoError(t, err)
		i, err := c.LookupByName("v0")
		require.NoError(t, err)
		require.NoError(t, i.Start())
		b, err := os.ReadFile(calls)
		require.NoError(t, err)
		assert.Equal(t, "ifup -i "+root+"/etc/network/interfaces --state-dir "+root+"/run/network v0\n", string(b))
		t.Skip("the real ifupdown is not installed (Debian package ifupdown): checked the call only")
	}
	ns, h := kerneltest.NS(t)
	require.NoError(t, h.CreateVeth("v0", "v0p"))
	c, err := iface.Open(iface.Options{Root: root, NetNS: ns, Engine: "ifupdown"})
	require.NoError(t, err)
	i, err := c.LookupByName("v0")
	require.NoError(t, err)
	require.NoError(t, i.Start())
	assert.Equal(t, []string{"10.4.0.1/24"}, addrs(t, ns, "v0"))
	require.NoError(t, i.Stop())
	assert.Empty(t, addrs(t, ns, "v0"))
}
