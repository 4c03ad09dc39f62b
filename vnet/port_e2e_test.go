package vnet_test

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/lensnet/lensnet/vnet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tcJSON runs `tc -j ARGS` in the namespace ns.
func tcJSON(t *testing.T, ns string, args ...string) []map[string]any {
	t.Helper()
	out := kerneltest.Exec(t, ns, append([]string{"tc", "-j"}, args...)...)
	var v []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &v), out)
	return v
}

// kindOf returns a qdisc list's kinds.
func kinds(list []map[string]any) []string {
	var out []string
	for _, q := range list {
		out = append(out, fmt.Sprint(q["kind"]))
	}
	return out
}

// htbClass is `tc class show dev DEV` (tc prints no JSON for htb
// classes).
func htbClass(t *testing.T, ns, dev string) string {
	t.Helper()
	return kerneltest.Exec(t, ns, "tc", "class", "show", "dev", dev)
}

func linkJSON(t *testing.T, ns, dev string) map[string]any {
	t.Helper()
	l := kerneltest.IPJSON(t, ns, "link", "show", "dev", dev)
	require.Len(t, l, 1)
	return l[0]
}

// TestPortsVEPA: a vepa network over three veth-backed pool devices;
// three guests each get a port, plugged as a macvtap on the allocated
// device in vepa mode and moved into the guest's namespace; a port's
// outbound bandwidth shapes its macvtap's egress; a new manager (a new
// Conn) reclaims every port from the guests' saved <actual> and the
// devices stay as they were; deleting the ports removes the macvtaps.
func TestPortsVEPA(t *testing.T) {
	host, h := kerneltest.NS(t)
	var guests []string
	for i := range 3 {
		require.NoError(t, h.CreateVeth(fmt.Sprintf("pd%d", i), fmt.Sprintf("pd%dp", i)))
		require.NoError(t, h.SetUp(fmt.Sprintf("pd%d", i), true))
		g, _ := kerneltest.NS(t)
		guests = append(guests, g)
	}
	root := t.TempDir()
	c, err := vnet.Open(vnet.Options{Root: root, NetNS: host})
	require.NoError(t, err)
	defer c.Close()
	n := started(t, c, []byte(`<network><name>vepa</name><forward mode='vepa'><interface dev='pd0'/><interface dev='pd1'/><interface dev='pd2'/></forward></network>`))
	var saved [][]byte
	for i, g := range guests {
		bw := ""
		if i == 0 {
			bw = "<bandwidth><outbound average='1000' peak='2000' burst='64'/></bandwidth>"
		}
		p, err := n.CreatePort(fmt.Appendf(nil, "<interface type='network'><mac address='52:54:00:00:01:%02x'/><source network='vepa'/>%s</interface>", i, bw), "g.xml", vnet.PortCreateFlags{})
		require.NoError(t, err)
		d := portDef(t, p)
		assert.Equal(t, fmt.Sprintf("pd%d", i), d.Plug.Dev)
		tap := fmt.Sprintf("mvt%d", i)
		require.NoError(t, p.Plug(tap))
		l := linkJSON(t, host, tap)
		assert.Equal(t, d.Plug.Dev, l["link"], "on the allocated pool device")
		if i == 0 {
			assert.Contains(t, kinds(tcJSON(t, host, "qdisc", "show", "dev", tap)), "htb")
			// average 1000 kB/s, peak 2000, burst 64 KiB
			assert.Contains(t, htbClass(t, host, tap), "class htb 1:1 root prio 0 rate 8Mbit ceil 16Mbit burst 64Kb cburst 64Kb")
		}
		kerneltest.IP(t, host, "link", "set", tap, "netns", g)
		l = linkJSON(t, g, tap)
		info := l["linkinfo"].(map[string]any)
		assert.Equal(t, "macvtap", info["info_kind"])
		assert.Equal(t, "vepa", info["info_data"].(map[string]any)["mode"])
		assert.Equal(t, fmt.Sprintf("52:54:00:00:01:%02x", i), l["address"])
		a, err := p.Actual()
		require.NoError(t, err)
		saved = append(saved, fmt.Appendf(nil, "<interface type='network'><mac address='52:54:00:00:01:%02x'/><source network='vepa' portid='%s'/>%s</interface>", i, p.UUID(), a))
	}
	before, err := n.Usage()
	require.NoError(t, err)

	// the manager restarts; its port files were lost on the way
	require.NoError(t, os.RemoveAll(root+"/run/lensnet/network/vepa/ports"))
	c2, err := vnet.Open(vnet.Options{Root: root, NetNS: host})
	require.NoError(t, err)
	defer c2.Close()
	n2, err := c2.LookupByName("vepa")
	require.NoError(t, err)
	for _, s := range saved {
		_, err := n2.CreatePort(s, "saved.xml", vnet.PortCreateFlags{Reclaim: true})
		require.NoError(t, err)
	}
	after, err := n2.Usage()
	require.NoError(t, err)
	assert.Equal(t, before, after, "the same devices stay allocated")
	p, err := n2.CreatePort(guest("vepa", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.Equal(t, "pd0", portDef(t, p).Plug.Dev, "least connections goes on from the reclaimed counts")
	ports, err := n2.Ports()
	require.NoError(t, err)
	for _, p := range ports {
		require.NoError(t, p.Delete())
	}
	u, err := n2.Usage()
	require.NoError(t, err)
	assert.Zero(t, u.Ports)
}

// TestPortsHostBridge: a bridge-mode network over a host bridge plugs
// a guest's veth into it, with the port's inbound bandwidth shaping
// the veth's egress (htb) and its outbound policed on ingress where
// the kernel has the police action; unplug takes it off the bridge
// and removes the qdiscs.
func TestPortsHostBridge(t *testing.T) {
	host, h := kerneltest.NS(t)
	guestNS, _ := kerneltest.NS(t)
	require.NoError(t, h.CreateBridge("br0", nil, nil))
	require.NoError(t, h.CreateVeth("tv0", "tv1"))
	kerneltest.IP(t, host, "link", "set", "tv1", "netns", guestNS)
	police := h.SupportsPolice()
	c, err := vnet.Open(vnet.Options{Root: t.TempDir(), NetNS: host})
	require.NoError(t, err)
	defer c.Close()
	n := started(t, c, []byte(`<network><name>hb</name><forward mode='bridge'/><bridge name='br0'/><portgroup name='slow' default='yes'><bandwidth><inbound average='500' peak='800' burst='32'/><outbound average='300'/></bandwidth></portgroup></network>`))
	p, err := n.CreatePort(guest("hb", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	a, err := p.Actual()
	require.NoError(t, err)
	assert.Equal(t, "<actual type='bridge'>\n  <source bridge='br0'/>\n  <bandwidth>\n    <inbound average='500' peak='800' burst='32'/>\n    <outbound average='300'/>\n  </bandwidth>\n</actual>\n", string(a))
	err = p.Plug("tv0")
	if police != nil {
		t.Logf("the outbound (ingress police) part is not checked: %v", police)
		require.Error(t, err, "the port asks for outbound policing")
		assert.ErrorContains(t, err, "police")
		assert.Nil(t, linkJSON(t, host, "tv0")["master"], "a failed plug leaves nothing")
		assert.NotContains(t, kinds(tcJSON(t, host, "qdisc", "show", "dev", "tv0")), "htb")
		// the same without outbound
		require.NoError(t, p.Delete())
		n = started(t, c, []byte(`<network><name>hb2</name><forward mode='bridge'/><bridge name='br0'/><portgroup name='slow' default='yes'><bandwidth><inbound average='500' peak='800' burst='32'/></bandwidth></portgroup></network>`))
		p, err = n.CreatePort(guest("hb2", "/>"), "g.xml", vnet.PortCreateFlags{})
		require.NoError(t, err)
		require.NoError(t, p.Plug("tv0"))
	} else {
		require.NoError(t, err)
		assert.Contains(t, kinds(tcJSON(t, host, "qdisc", "show", "dev", "tv0", "ingress")), "ingress")
		f := kerneltest.Exec(t, host, "tc", "filter", "show", "dev", "tv0", "ingress")
		assert.Contains(t, f, "police")
	}
	assert.Equal(t, "br0", linkJSON(t, host, "tv0")["master"])
	assert.Contains(t, kinds(tcJSON(t, host, "qdisc", "show", "dev", "tv0")), "htb")
	assert.Contains(t, htbClass(t, host, "tv0"), "class htb 1:1 root prio 0 rate 4Mbit ceil 6400Kbit burst 32Kb cburst 32Kb")
	require.NoError(t, p.Unplug())
	assert.Nil(t, linkJSON(t, host, "tv0")["master"])
	assert.NotContains(t, kinds(tcJSON(t, host, "qdisc", "show", "dev", "tv0")), "htb")
	require.NoError(t, p.Delete())
}

// TestDestroyUnplugs: the live XML counts a network's connections, and
// destroying the network unplugs its ports (the macvtap a plug made is
// gone).
func TestDestroyUnplugs(t *testing.T) {
	host, h := kerneltest.NS(t)
	require.NoError(t, h.CreateVeth("pd0", "pd0p"))
	require.NoError(t, h.SetUp("pd0", true))
	c, err := vnet.Open(vnet.Options{Root: t.TempDir(), NetNS: host})
	require.NoError(t, err)
	defer c.Close()
	n := started(t, c, []byte(`<network><name>v</name><forward mode='vepa'><interface dev='pd0'/></forward></network>`))
	p, err := n.CreatePort(guest("v", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	require.NoError(t, p.Plug("mvt9"))
	require.NotNil(t, linkJSON(t, host, "mvt9"))
	x, err := n.XMLDesc(0)
	require.NoError(t, err)
	assert.Contains(t, string(x), "connections='1'")
	assert.Contains(t, string(x), "<interface dev='pd0' connections='1'/>")
	require.NoError(t, n.Destroy())
	_, err = h.Link("mvt9")
	assert.ErrorIs(t, err, kernel.ErrNoLink, "destroy unplugged the port")
}
