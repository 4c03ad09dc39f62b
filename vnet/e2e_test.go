package vnet_test

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lensnet/lensnet/internal/dnsmasq"
	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/lensnet/lensnet/internal/nft"
	"github.com/lensnet/lensnet/vnet"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// world is three namespaces: "host" runs the network, "guest" is
// connected to its bridge by a veth pair, "uplink" is the host's way
// out (203.0.113.0/24, the host's default route).
type world struct {
	host, guest, uplink string
	h                   *kernel.Handle
	root                string
	c                   *vnet.Conn
}

const guestMAC = "52:54:00:77:00:15"

func newWorld(t *testing.T) *world {
	t.Helper()
	for _, tool := range []string{"dnsmasq", "nft", "busybox"} {
		if _, err := lookTool(tool); err != nil {
			t.Skipf("%s is not installed: %v", tool, err)
		}
	}
	w := &world{}
	w.host, w.h = kerneltest.NS(t)
	w.guest, _ = kerneltest.NS(t)
	w.uplink, _ = kerneltest.NS(t)
	// uplink
	require.NoError(t, w.h.CreateVeth("up0", "up1"))
	kerneltest.IP(t, w.host, "link", "set", "up1", "netns", w.uplink)
	kerneltest.IP(t, w.host, "addr", "add", "203.0.113.1/24", "dev", "up0")
	kerneltest.IP(t, w.host, "link", "set", "up0", "up")
	kerneltest.IP(t, w.uplink, "addr", "add", "203.0.113.2/24", "dev", "up1")
	kerneltest.IP(t, w.uplink, "link", "set", "up1", "up")
	kerneltest.IP(t, w.host, "route", "add", "default", "via", "203.0.113.2")
	// guest link: gv0 stays in the host namespace for the bridge
	require.NoError(t, w.h.CreateVeth("gv0", "gv1"))
	kerneltest.IP(t, w.host, "link", "set", "gv1", "netns", w.guest)
	kerneltest.IP(t, w.guest, "link", "set", "gv1", "address", guestMAC)
	kerneltest.IP(t, w.guest, "link", "set", "gv1", "up")
	kerneltest.IP(t, w.guest, "link", "set", "lo", "up")
	// a root dnsmasq (which drops to nobody) can read
	root, err := os.MkdirTemp("", "lensnet-vnet-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(root) })
	require.NoError(t, os.Chmod(root, 0o755))
	w.root = root
	w.c, err = vnet.Open(vnet.Options{Root: root, NetNS: w.host})
	require.NoError(t, err)
	// registered after the namespaces' removal, so run before it: a
	// failed test leaves no network running (a dnsmasq would outlive
	// its namespace), and no dnsmasq of this root in any case
	t.Cleanup(func() {
		if list, err := w.c.List(vnet.ListActive); err == nil {
			for _, n := range list {
				_ = n.Destroy()
			}
		}
		_ = exec.Command("pkill", "-f", "--", "--conf-file="+root).Run()
		w.c.Close()
	})
	return w
}

func lookTool(name string) (string, error) {
	for _, d := range []string{"/usr/sbin", "/usr/bin", "/sbin", "/bin"} {
		if _, err := os.Stat(filepath.Join(d, name)); err == nil {
			return filepath.Join(d, name), nil
		}
	}
	return "", fmt.Errorf("not in /usr/sbin, /usr/bin, /sbin or /bin")
}

func natXML(mode string) string {
	forward := ""
	if mode != "isolated" {
		forward = fmt.Sprintf("<forward mode='%s'/>", mode)
	}
	return fmt.Sprintf(`<network>
  <name>lab</name>
  %s
  <bridge name='lnbr0'/>
  <domain name='lab.test'/>
  <dns>
    <host ip='10.77.0.50'><hostname>svc</hostname></host>
  </dns>
  <ip address='10.77.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.77.0.10' end='10.77.0.20'/>
      <host mac='%s' name='guest1' ip='10.77.0.15'/>
    </dhcp>
  </ip>
</network>`, forward, guestMAC)
}

// plugGuest puts the guest's link on the network's bridge.
func (w *world) plugGuest(t *testing.T) {
	require.NoError(t, w.h.SetMaster("gv0", "lnbr0"))
	require.NoError(t, w.h.SetUp("gv0", true))
}

// dhcp runs busybox udhcpc in the guest and returns the address it got.
func (w *world) dhcp(t *testing.T) string {
	script := filepath.Join(t.TempDir(), "udhcpc.sh")
	require.NoError(t, os.WriteFile(script, []byte(`#!/bin/sh
case "$1" in
bound|renew)
	ip addr flush dev "$interface"
	ip addr add "$ip/$subnet" dev "$interface"
	for r in $router; do ip route replace default via "$r" dev "$interface"; break; done
	;;
esac
`), 0o755))
	out, err := kerneltest.TryExec(w.guest, "busybox", "udhcpc", "-i", "gv1", "-n", "-q", "-t", "8", "-T", "1", "-s", script)
	require.NoError(t, err, out)
	for _, l := range kerneltest.IPJSON(t, w.guest, "addr") {
		if l["ifname"] != "gv1" {
			continue
		}
		for _, x := range l["addr_info"].([]any) {
			ai := x.(map[string]any)
			if ai["family"] == "inet" {
				return fmt.Sprint(ai["local"])
			}
		}
	}
	t.Fatalf("the guest has no address after udhcpc: %s", out)
	return ""
}

// sourceAt listens in ns on addr:port, lets send run, and returns the
// source address of the first datagram ("" if none comes in a second).
func sourceAt(t *testing.T, ns string, addr netip.AddrPort, send func()) string {
	var conn *net.UDPConn
	require.NoError(t, kerneltest.InNS(ns, func() error {
		var err error
		conn, err = net.ListenUDP("udp", net.UDPAddrFromAddrPort(addr))
		return err
	}))
	defer conn.Close()
	send()
	_ = conn.SetReadDeadline(time.Now().Add(time.Second))
	buf := make([]byte, 64)
	_, from, err := conn.ReadFromUDPAddrPort(buf)
	if err != nil {
		return ""
	}
	return from.Addr().String()
}

// TestNATEndToEnd: a NAT network started in the host namespace gives
// the guest its DHCP address, answers its DNS question, and masquerades
// its traffic to the uplink; destroy removes the bridge, dnsmasq and the
// nftables table.
func TestNATEndToEnd(t *testing.T) {
	w := newWorld(t)
	n, err := w.c.Define([]byte(natXML("nat")), "lab.xml")
	require.NoError(t, err)
	require.NoError(t, n.Start())
	up, err := n.IsActive()
	require.NoError(t, err)
	assert.True(t, up)

	l, err := w.h.Link("lnbr0")
	require.NoError(t, err)
	assert.Contains(t, l.Addrs, netip.MustParsePrefix("10.77.0.1/24"))
	has, err := nft.HasTable(w.host, "inet", "lensnet-lab")
	require.NoError(t, err)
	assert.True(t, has)
	fwd, err := w.h.Sysctl("net.ipv4.ip_forward")
	require.NoError(t, err)
	assert.Equal(t, "1", fwd)

	w.plugGuest(t)
	assert.Equal(t, "10.77.0.15", w.dhcp(t), "the host entry's address")
	out := kerneltest.Exec(t, w.guest, "busybox", "nslookup", "svc", "10.77.0.1")
	assert.Contains(t, out, "10.77.0.50")

	src := sourceAt(t, w.uplink, netip.MustParseAddrPort("203.0.113.2:9999"), func() {
		kerneltest.SendUDP(t, w.guest, netip.MustParseAddrPort("203.0.113.2:9999"), 3)
	})
	assert.Equal(t, "203.0.113.1", src, "the uplink sees the host's address, not the guest's")

	leases, err := n.Leases()
	require.NoError(t, err)
	require.Len(t, leases, 1)
	assert.Equal(t, "10.77.0.15", leases[0].IP.String())

	// a live update: a new host entry reaches dnsmasq without a restart
	pidFile := filepath.Join(w.root, "run/lensnet/network/lab/dnsmasq.pid")
	confFile := filepath.Join(w.root, "run/lensnet/network/lab/dnsmasq.conf")
	pid, ok := dnsmasq.Running(pidFile, confFile)
	require.True(t, ok)
	require.NoError(t, n.Update("ip-dhcp-host", "add-last", -1, []byte(`<host mac='52:54:00:77:00:16' name='guest2' ip='10.77.0.16'/>`), vnet.UpdateLive))
	hosts, err := os.ReadFile(filepath.Join(w.root, "run/lensnet/network/lab/dnsmasq.hostsfile"))
	require.NoError(t, err)
	assert.Contains(t, string(hosts), "52:54:00:77:00:16,10.77.0.16,guest2")
	pid2, ok := dnsmasq.Running(pidFile, confFile)
	require.True(t, ok)
	assert.Equal(t, pid, pid2, "the same dnsmasq")
	x, err := n.XMLDesc(0)
	require.NoError(t, err)
	assert.Contains(t, string(x), "guest2")
	x, err = n.XMLDesc(vnet.XMLInactive)
	require.NoError(t, err)
	assert.NotContains(t, string(x), "guest2", "a live update leaves the configuration")

	require.NoError(t, n.Destroy())
	_, err = w.h.Link("lnbr0")
	assert.ErrorIs(t, err, kernel.ErrNoLink)
	has, err = nft.HasTable(w.host, "inet", "lensnet-lab")
	require.NoError(t, err)
	assert.False(t, has)
	_, ok = dnsmasq.Running(pidFile, confFile)
	assert.False(t, ok)
	_, err = os.Stat(filepath.Join(w.root, "run/lensnet/network/lab"))
	assert.True(t, errors.Is(err, os.ErrNotExist), "no run directory left")
}

// TestIsolatedAndRoute: an isolated network's guest reaches the host's
// bridge but not the uplink; a routed one reaches the uplink with its
// own address.
func TestIsolatedAndRoute(t *testing.T) {
	for _, mode := range []string{"isolated", "route"} {
		t.Run(mode, func(t *testing.T) {
			w := newWorld(t)
			if mode == "route" {
				// the uplink routes the network back through the host
				kerneltest.IP(t, w.uplink, "route", "add", "10.77.0.0/24", "via", "203.0.113.1")
			}
			n, err := w.c.Create([]byte(natXML(mode)), "lab.xml")
			require.NoError(t, err)
			w.plugGuest(t)
			assert.Equal(t, "10.77.0.15", w.dhcp(t))
			if mode == "isolated" {
				// isolated networks give no default route: add one to try
				kerneltest.IP(t, w.guest, "route", "replace", "default", "via", "10.77.0.1")
			}
			toHost := sourceAt(t, w.host, netip.MustParseAddrPort("10.77.0.1:9999"), func() {
				kerneltest.SendUDP(t, w.guest, netip.MustParseAddrPort("10.77.0.1:9999"), 3)
			})
			assert.Equal(t, "10.77.0.15", toHost, "the guest reaches the host's bridge")
			toUplink := sourceAt(t, w.uplink, netip.MustParseAddrPort("203.0.113.2:9999"), func() {
				kerneltest.SendUDP(t, w.guest, netip.MustParseAddrPort("203.0.113.2:9999"), 3)
			})
			if mode == "isolated" {
				assert.Empty(t, toUplink, "an isolated network forwards nothing")
			} else {
				assert.Equal(t, "10.77.0.15", toUplink, "routed with the guest's own address")
			}
			require.NoError(t, n.Destroy())
			_, err = w.c.LookupByName("lab")
			assert.ErrorIs(t, err, vnet.ErrNoNetwork, "a transient network is gone once destroyed")
		})
	}
}

// TestAutostartAfterReboot: undefine while running leaves it running,
// transient; an autostart network comes back after /run is wiped.
func TestAutostartAfterReboot(t *testing.T) {
	w := newWorld(t)
	n, err := w.c.Define([]byte(natXML("nat")), "lab.xml")
	require.NoError(t, err)
	require.NoError(t, n.SetAutostart(true))
	require.NoError(t, n.Start())
	// a reboot: the kernel's state and /run are gone
	kerneltest.Exec(t, w.host, "sh", "-c", "kill $(cat "+filepath.Join(w.root, "run/lensnet/network/lab/dnsmasq.pid")+")")
	kerneltest.IP(t, w.host, "link", "del", "lnbr0")
	require.NoError(t, nft.DeleteTable(w.host, "inet", "lensnet-lab"))
	require.NoError(t, os.RemoveAll(filepath.Join(w.root, "run")))
	up, err := n.IsActive()
	require.NoError(t, err)
	assert.False(t, up)
	started, err := w.c.StartAutostart()
	require.NoError(t, err)
	assert.Equal(t, []string{"lab"}, started)
	_, err = w.h.Link("lnbr0")
	require.NoError(t, err)

	require.NoError(t, n.Undefine())
	in, err := n.Info()
	require.NoError(t, err)
	assert.True(t, in.Active)
	assert.False(t, in.Persistent, "undefined while running: transient")
	require.NoError(t, n.Destroy())
	_, err = w.c.LookupByName("lab")
	assert.ErrorIs(t, err, vnet.ErrNoNetwork)
	out := kerneltest.IP(t, w.host, "link")
	assert.False(t, strings.Contains(out, "lnbr0"))
}

// TestHostBridgeMode: a bridge-mode network connects to a host bridge
// it never creates or deletes; a macvtap pool network makes nothing.
func TestHostBridgeMode(t *testing.T) {
	ns, h := kerneltest.NS(t)
	root, err := os.MkdirTemp("", "lensnet-vnet-")
	require.NoError(t, err)
	defer os.RemoveAll(root)
	c, err := vnet.Open(vnet.Options{Root: root, NetNS: ns})
	require.NoError(t, err)
	defer c.Close()
	n, err := c.Define([]byte(`<network><name>hb</name><forward mode='bridge'/><bridge name='host0'/></network>`), "hb.xml")
	require.NoError(t, err)
	err = n.Start()
	require.Error(t, err, "no such host bridge")
	assert.Contains(t, err.Error(), "host0")
	require.NoError(t, h.CreateBridge("host0", nil, nil))
	require.NoError(t, n.Start())
	require.NoError(t, n.Destroy())
	_, err = h.Link("host0")
	require.NoError(t, err, "the host's bridge stays")

	p, err := c.Define([]byte(`<network><name>pool</name><forward mode='vepa'><interface dev='eth7'/><interface dev='eth8'/></forward></network>`), "pool.xml")
	require.NoError(t, err)
	before := kerneltest.IP(t, ns, "link")
	require.NoError(t, p.Start())
	assert.Equal(t, before, kerneltest.IP(t, ns, "link"), "nothing made on the host")
	require.NoError(t, p.Destroy())
}
