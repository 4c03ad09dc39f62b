package kernel_test

import (
	"fmt"
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

var (
	brMAC   = "02:00:5e:00:53:01"
	brIPv4  = netip.MustParsePrefix("192.0.2.1/24")
	brIPv6  = netip.MustParsePrefix("2001:db8:1::1/64")
	peerV4  = netip.MustParsePrefix("192.0.2.2/24")
	peerV6  = netip.MustParsePrefix("2001:db8:1::2/64")
	gwIPv4  = netip.MustParseAddr("192.0.2.254")
	gwIPv6  = netip.MustParseAddr("2001:db8:1::fe")
	bridgeD = 2.5 // seconds; STP keeps it within 2-30
)

// TestActivateBridge builds what a bridge interface's XML asks for
// (a bridge with STP and a forward delay, two veth ports, MAC, MTU,
// IPv4 and IPv6 addresses and default routes, up), checks the kernel
// state with `ip -j`, reads it back, sends traffic through it from a
// second namespace on the far end of one port, then undoes it all.
func TestActivateBridge(t *testing.T) {
	ns, h := kerneltest.NS(t)
	peerNS, ph := kerneltest.NS(t)

	stp := true
	require.NoError(t, h.CreateBridge("br0", &stp, &bridgeD))
	require.NoError(t, h.CreateVeth("p0", "p0peer"))
	require.NoError(t, h.CreateVeth("q0", "q0peer"))
	kerneltest.IP(t, ns, "link", "set", "p0peer", "netns", peerNS)
	for _, port := range []string{"p0", "q0"} {
		require.NoError(t, h.SetMTU(port, 1400))
		require.NoError(t, h.SetMaster(port, "br0"))
		require.NoError(t, h.SetUp(port, true))
	}
	require.NoError(t, h.SetMAC("br0", brMAC))
	require.NoError(t, h.SetMTU("br0", 1400))
	require.NoError(t, h.SetUp("br0", true))
	for _, p := range []netip.Prefix{brIPv4, brIPv6} {
		require.NoError(t, h.AddAddr("br0", p))
		require.NoError(t, h.AddAddr("br0", p), "adding an address twice is no error")
	}
	for _, gw := range []netip.Addr{gwIPv4, gwIPv6} {
		require.NoError(t, h.AddDefaultRoute("br0", gw))
		require.NoError(t, h.AddDefaultRoute("br0", gw), "adding a route twice is no error")
	}
	require.NoError(t, ph.AddAddr("p0peer", peerV4))
	require.NoError(t, ph.AddAddr("p0peer", peerV6))
	require.NoError(t, ph.SetUp("p0peer", true))

	t.Run("ip sees it", func(t *testing.T) {
		links := byName(kerneltest.IPJSON(t, ns, "link", "show"), "ifname")
		require.Contains(t, links, "br0")
		br := links["br0"]
		assert.Equal(t, brMAC, br["address"])
		assert.EqualValues(t, 1400, br["mtu"])
		assert.Contains(t, br["flags"], "UP")
		assert.Equal(t, "bridge", dig(br, "linkinfo", "info_kind"))
		assert.EqualValues(t, 1, dig(br, "linkinfo", "info_data", "stp_state"))
		assert.EqualValues(t, 250, dig(br, "linkinfo", "info_data", "forward_delay"), "centiseconds")
		for _, port := range []string{"p0", "q0"} {
			require.Contains(t, links, port)
			assert.Equal(t, "br0", links[port]["master"], port)
			assert.EqualValues(t, 1400, links[port]["mtu"], port)
			assert.Equal(t, "veth", dig(links[port], "linkinfo", "info_kind"), port)
		}
		assert.NotContains(t, links, "p0peer", "moved to the peer namespace")

		addrs := byName(kerneltest.IPJSON(t, ns, "addr", "show", "dev", "br0"), "ifname")["br0"]
		var got []string
		for _, a := range addrs["addr_info"].([]any) {
			a := a.(map[string]any)
			got = append(got, fmt.Sprintf("%s/%v", a["local"], a["prefixlen"]))
		}
		assert.Contains(t, got, brIPv4.String())
		assert.Contains(t, got, brIPv6.String())

		for _, c := range []struct {
			family string
			gw     netip.Addr
		}{{"-4", gwIPv4}, {"-6", gwIPv6}} {
			var found bool
			for _, r := range kerneltest.IPJSON(t, ns, c.family, "route", "show", "default") {
				if r["gateway"] == c.gw.String() && r["dev"] == "br0" {
					found = true
				}
			}
			assert.True(t, found, "default route via %s on br0", c.gw)
		}
	})

	t.Run("read back", func(t *testing.T) {
		links, err := h.Links()
		require.NoError(t, err)
		var names []string
		for _, l := range links {
			names = append(names, l.Name)
		}
		assert.Equal(t, []string{"br0", "lo", "p0", "q0", "q0peer"}, names, "sorted by name")

		br, err := h.Link("br0")
		require.NoError(t, err)
		assert.Equal(t, "bridge", br.Kind)
		assert.Equal(t, &kernel.BridgeInfo{STP: true, ForwardDelay: bridgeD}, br.Bridge)
		assert.Equal(t, brMAC, br.MAC)
		assert.Equal(t, 1400, br.MTU)
		assert.True(t, br.Up)
		assert.Equal(t, "", br.Master)
		assert.Nil(t, br.Bond)
		assert.Nil(t, br.VLAN)
		assert.ElementsMatch(t, []netip.Prefix{brIPv4, brIPv6}, br.GlobalAddrs())
		assert.Equal(t, links[0], br, "Link and Links agree")

		p0, err := h.Link("p0")
		require.NoError(t, err)
		assert.Equal(t, "veth", p0.Kind)
		assert.Equal(t, "br0", p0.Master)
		assert.Equal(t, 1400, p0.MTU)
		assert.True(t, p0.Up)
		assert.Nil(t, p0.Bridge)

		lo, err := h.Link("lo")
		require.NoError(t, err)
		assert.Equal(t, "loopback", lo.Kind)
		assert.False(t, lo.Up, "a new namespace's lo is down")
		assert.Equal(t, "down", lo.OperState)
	})

	t.Run("traffic", func(t *testing.T) {
		// STP holds a new port in listening and learning for a forward
		// delay each before it forwards.
		deadline := time.Now().Add(4*time.Duration(bridgeD*float64(time.Second)) + 10*time.Second)
		for _, c := range []struct{ local, peer netip.Prefix }{{brIPv4, peerV4}, {brIPv6, peerV6}} {
			echo := newUDPEcho(t, ns, c.local.Addr(), peerNS, c.peer.Addr(), deadline)
			require.NoError(t, echo.waitRoundTrip(deadline), "first round trip %s -> %s", c.peer.Addr(), c.local.Addr())

			before := stats(t, h, "br0")
			peerBefore := stats(t, ph, "p0peer")
			for i := range 5 {
				require.NoError(t, echo.roundTrip(fmt.Sprintf("round trip %d", i), 2*time.Second))
			}
			after := stats(t, h, "br0")
			peerAfter := stats(t, ph, "p0peer")
			assert.GreaterOrEqual(t, after.RxPackets-before.RxPackets, uint64(5), "br0 received")
			assert.GreaterOrEqual(t, after.TxPackets-before.TxPackets, uint64(5), "br0 sent")
			assert.Greater(t, after.RxBytes, before.RxBytes)
			assert.Greater(t, after.TxBytes, before.TxBytes)
			assert.GreaterOrEqual(t, peerAfter.TxPackets-peerBefore.TxPackets, uint64(5), "p0peer sent")
			assert.GreaterOrEqual(t, peerAfter.RxPackets-peerBefore.RxPackets, uint64(5), "p0peer received")
		}

		br, err := h.Link("br0")
		require.NoError(t, err)
		assert.Equal(t, "up", br.OperState, "a forwarding port gives the bridge its carrier")
		assert.True(t, slices.ContainsFunc(br.Addrs, kernel.IsLinkLocal), "the kernel gave br0 an fe80:: address: %v", br.Addrs)
	})

	t.Run("undo", func(t *testing.T) {
		require.NoError(t, h.DelAddr("br0", brIPv4))
		br, err := h.Link("br0")
		require.NoError(t, err)
		assert.Equal(t, []netip.Prefix{brIPv6}, br.GlobalAddrs())
		require.NoError(t, h.FlushAddrs("br0"))
		br, err = h.Link("br0")
		require.NoError(t, err)
		assert.Empty(t, br.Addrs, "flushed, link-local included")
		assert.Empty(t, byName(kerneltest.IPJSON(t, ns, "addr", "show", "dev", "br0"), "ifname")["br0"]["addr_info"])

		require.NoError(t, h.SetMaster("p0", ""))
		p0, err := h.Link("p0")
		require.NoError(t, err)
		assert.Equal(t, "", p0.Master)
		assert.NotContains(t, byName(kerneltest.IPJSON(t, ns, "link", "show", "p0"), "ifname")["p0"], "master")

		require.NoError(t, h.SetUp("br0", false))
		br, err = h.Link("br0")
		require.NoError(t, err)
		assert.False(t, br.Up)
		assert.Equal(t, "down", br.OperState)

		for _, name := range []string{"p0", "q0", "br0"} {
			require.NoError(t, h.Delete(name))
		}
		links, err := h.Links()
		require.NoError(t, err)
		require.Len(t, links, 1)
		assert.Equal(t, "lo", links[0].Name)
		assert.Len(t, kerneltest.IPJSON(t, ns, "link", "show"), 1)
		assert.Empty(t, kerneltest.IPJSON(t, ns, "-4", "route", "show"))
		_, err = ph.Link("p0peer")
		assert.ErrorIs(t, err, kernel.ErrNoLink, "deleting p0 took its peer with it")
		_, err = h.Link("br0")
		assert.ErrorIs(t, err, kernel.ErrNoLink)
	})
}

func stats(t *testing.T, h *kernel.Handle, name string) kernel.Stats {
	t.Helper()
	l, err := h.Link(name)
	require.NoError(t, err)
	return l.Stats
}

// byName indexes ip's JSON objects by the key that names them.
func byName(objs []map[string]any, key string) map[string]map[string]any {
	m := map[string]map[string]any{}
	for _, o := range objs {
		if name, ok := o[key].(string); ok {
			m[name] = o
		}
	}
	return m
}

// dig follows keys through nested JSON objects; nil when one is
// missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}
