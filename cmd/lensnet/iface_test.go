package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ifaceCLI runs "lensnet iface --root ROOT --netns NS --engine netlink
// ARGS..." in-process and returns its status and output.
type ifaceCLI struct {
	t        *testing.T
	root, ns string
}

func (c ifaceCLI) run(args ...string) (status int, stdout, stderr string) {
	c.t.Helper()
	var out, errb bytes.Buffer
	all := append([]string{"iface", "--root", c.root, "--netns", c.ns, "--engine", "netlink"}, args...)
	status = run(all, strings.NewReader(""), &out, &errb)
	return status, out.String(), errb.String()
}

// ok runs args and requires success with nothing on standard error.
func (c ifaceCLI) ok(args ...string) string {
	c.t.Helper()
	status, out, errs := c.run(args...)
	require.Equal(c.t, 0, status, "lensnet iface %s: %s", strings.Join(args, " "), errs)
	require.Empty(c.t, errs)
	return out
}

// link returns `ip -j -d link` of a device in the namespace, nil if
// it is not there.
func link(t *testing.T, ns, name string) map[string]any {
	for _, l := range kerneltest.IPJSON(t, ns, "link") {
		if l["ifname"] == name {
			return l
		}
	}
	return nil
}

// globalAddrs returns a device's global addresses as ip shows them, A/P.
func globalAddrs(t *testing.T, ns, name string) []string {
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
	slices.Sort(out)
	return out
}

func flagsOf(l map[string]any) []string {
	var out []string
	fl, _ := l["flags"].([]any)
	for _, f := range fl {
		out = append(out, f.(string))
	}
	return out
}

// TestIfaceActivation drives the real kernel through the CLI, inside
// namespaces of the test's own: a bridge with a veth port, its MTU and
// static IPv4 and IPv6 addresses defined, started with the netlink
// engine, checked with ip, read back as live XML, counting the traffic
// a second namespace sends over the veth pair, stopped; then a
// transient bridge created, listed and stopped.
func TestIfaceActivation(t *testing.T) {
	ns, _ := kerneltest.NS(t)
	peer, _ := kerneltest.NS(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("the traffic is sent with python3: not on PATH")
	}
	kerneltest.IP(t, ns, "link", "add", "vp0", "type", "veth", "peer", "name", "vq0")
	kerneltest.IP(t, ns, "link", "set", "vq0", "netns", peer)
	kerneltest.IP(t, peer, "addr", "add", "192.0.2.2/24", "dev", "vq0")
	kerneltest.IP(t, peer, "link", "set", "vq0", "up")

	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc/sysconfig/network-scripts"), 0o755))
	xml := filepath.Join(t.TempDir(), "br0.xml")
	require.NoError(t, os.WriteFile(xml, []byte(`<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <mtu size='1400'/>
  <protocol family='ipv4'>
    <ip address='192.0.2.1' prefix='24'/>
  </protocol>
  <protocol family='ipv6'>
    <ip address='2001:db8::1' prefix='64'/>
  </protocol>
  <bridge stp='off'>
    <interface type='ethernet' name='vp0'>
      <mac address='02:00:00:00:00:10'/>
    </interface>
  </bridge>
</interface>
`), 0o644))
	cli := ifaceCLI{t: t, root: root, ns: ns}

	assert.Equal(t, "Interface br0 defined from "+xml+"\n", cli.ok("define", xml))
	assert.Equal(t, " Name   State      MAC Address\n"+strings.Repeat("-", 32)+"\n br0    inactive   \n", cli.ok("list", "--all"))

	assert.Equal(t, "Interface br0 started\n", cli.ok("start", "br0"))
	br := link(t, ns, "br0")
	require.NotNil(t, br, "br0 is not in the namespace")
	assert.Contains(t, flagsOf(br), "UP")
	assert.EqualValues(t, 1400, br["mtu"])
	vp := link(t, ns, "vp0")
	require.NotNil(t, vp)
	assert.Equal(t, "br0", vp["master"])
	assert.Equal(t, "02:00:00:00:00:10", vp["address"])
	assert.Equal(t, []string{"192.0.2.1/24", "2001:db8::1/64"}, globalAddrs(t, ns, "br0"))

	// started twice: an error, status 1
	status, out, errs := cli.run("ifup", "br0")
	assert.Equal(t, 1, status)
	assert.Empty(t, out)
	assert.Equal(t, "lensnet: operation invalid in this state: interface br0 is active already\n", errs)

	// the live XML
	live := cli.ok("dumpxml", "br0")
	assert.Contains(t, live, "<ip address='192.0.2.1' prefix='24'/>")
	assert.Contains(t, live, "<ip address='2001:db8::1' prefix='64'/>")
	assert.Contains(t, live, "<mtu size='1400'/>")
	assert.Contains(t, live, "name='vp0'")
	assert.NotContains(t, cli.ok("dumpxml", "--inactive", "br0"), "<link ")
	var row []ifaceJSON
	require.NoError(t, json.Unmarshal([]byte(cli.ok("--json", "list")), &row))
	assert.Equal(t, []ifaceJSON{{Name: "br0", State: "active", MAC: "02:00:00:00:00:10"}}, row)

	// traffic from the peer namespace shows in the counters
	kerneltest.Exec(t, peer, "python3", "-c",
		"import socket\ns=socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nfor i in range(20): s.sendto(b'lensnet-test', ('192.0.2.1', 9))\n")
	var st statsJSON
	require.NoError(t, json.Unmarshal([]byte(cli.ok("--json", "stats", "br0")), &st))
	assert.Equal(t, "br0", st.Name)
	assert.GreaterOrEqual(t, st.RxPackets, uint64(20))
	assert.GreaterOrEqual(t, st.RxBytes, uint64(20*len("lensnet-test")))
	text := cli.ok("stats", "br0")
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	require.Len(t, lines, 8)
	for i, key := range []string{"rx_bytes", "rx_packets", "rx_errs", "rx_drop", "tx_bytes", "tx_packets", "tx_errs", "tx_drop"} {
		assert.Regexp(t, `^br0 `+key+` [0-9]+$`, lines[i])
	}

	assert.Equal(t, "Interface br0 destroyed\n", cli.ok("stop", "br0"))
	assert.Nil(t, link(t, ns, "br0"), "br0 is still there")
	vp = link(t, ns, "vp0")
	require.NotNil(t, vp, "stop removed the port")
	assert.Nil(t, vp["master"])
	status, _, errs = cli.run("stats", "br0")
	assert.Equal(t, 1, status)
	assert.Equal(t, "lensnet: operation invalid in this state: br0 is not in the kernel\n", errs)

	// a transient bridge: in the kernel only
	txml := filepath.Join(t.TempDir(), "br7.xml")
	require.NoError(t, os.WriteFile(txml, []byte(`<interface type='bridge' name='br7'>
  <protocol family='ipv4'><ip address='198.51.100.1' prefix='24'/></protocol>
  <bridge stp='off'/>
</interface>
`), 0o644))
	assert.Equal(t, "Interface br7 created from "+txml+"\n", cli.ok("create", txml))
	assert.Equal(t, []string{"198.51.100.1/24"}, globalAddrs(t, ns, "br7"))
	entries, err := os.ReadDir(filepath.Join(root, "etc/sysconfig/network-scripts"))
	require.NoError(t, err)
	assert.Len(t, entries, 2, "create wrote a file") // ifcfg-br0, ifcfg-vp0
	assert.NotContains(t, cli.ok("list", "--all"), "br7")
	assert.Regexp(t, `(?m)^ br7 +active +[0-9a-f:]{17}$`, cli.ok("list", "--transient"))
	require.NoError(t, json.Unmarshal([]byte(cli.ok("--json", "list", "--all", "--transient")), &row))
	require.Len(t, row, 2) // br0, br7; vp0 is br0's port
	assert.Equal(t, "br7", row[1].Name)
	assert.True(t, row[1].Transient)
	assert.Contains(t, cli.ok("dumpxml", "br7"), "<ip address='198.51.100.1' prefix='24'/>")
	status, _, errs = cli.run("create", txml)
	assert.Equal(t, 1, status)
	assert.Equal(t, "lensnet: interface already exists: the kernel has br7 already\n", errs)
	assert.Equal(t, "Interface br7 destroyed\n", cli.ok("destroy", "br7"))
	assert.Nil(t, link(t, ns, "br7"), "br7 is still there")

	// an ethernet interface with no device: the activation error
	exml := filepath.Join(t.TempDir(), "eth9.xml")
	require.NoError(t, os.WriteFile(exml, []byte(`<interface type='ethernet' name='eth9'><start mode='none'/></interface>`), 0o644))
	cli.ok("define", exml)
	status, out, errs = cli.run("start", "eth9")
	assert.Equal(t, 1, status)
	assert.Empty(t, out)
	assert.Regexp(t, `^lensnet: start eth9 \(netlink engine\): no device eth9 .*\n$`, errs)
}

// TestIfaceBridgeStart: iface-bridge starts the bridge it defines, and
// iface-unbridge stops it and starts the port, in the test's namespace.
func TestIfaceBridgeStart(t *testing.T) {
	ns, _ := kerneltest.NS(t)
	kerneltest.IP(t, ns, "link", "add", "vp1", "type", "veth", "peer", "name", "vq1")
	kerneltest.IP(t, ns, "link", "set", "vq1", "up")
	root := t.TempDir()
	dir := filepath.Join(root, "etc/sysconfig/network-scripts")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	ifcfg := "DEVICE=vp1\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=192.0.2.7\nPREFIX=24\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ifcfg-vp1"), []byte(ifcfg), 0o644))
	cli := ifaceCLI{t: t, root: root, ns: ns}

	assert.Equal(t, "Interface vp1 started\n", cli.ok("start", "vp1"))
	assert.Equal(t, []string{"192.0.2.7/24"}, globalAddrs(t, ns, "vp1"))
	cli.ok("stop", "vp1")

	assert.Equal(t, "Created bridge br1 with attached device vp1\nBridge interface br1 started\n",
		cli.ok("bridge", "vp1", "br1", "--no-stp"))
	assert.Equal(t, []string{"192.0.2.7/24"}, globalAddrs(t, ns, "br1"))
	assert.Equal(t, "br1", link(t, ns, "vp1")["master"])

	assert.Equal(t, "Device vp1 un-attached from bridge br1\nInterface vp1 started\n", cli.ok("unbridge", "br1"))
	assert.Nil(t, link(t, ns, "br1"))
	assert.Equal(t, []string{"192.0.2.7/24"}, globalAddrs(t, ns, "vp1"))
	b, err := os.ReadFile(filepath.Join(dir, "ifcfg-vp1"))
	require.NoError(t, err)
	assert.Equal(t, ifcfg, string(b))
	_, err = os.Stat(filepath.Join(dir, "ifcfg-br1"))
	assert.True(t, os.IsNotExist(err), "ifcfg-br1 is left")
}

// table lays rows out as virsh's vshTable does.
func TestTable(t *testing.T) {
	tests := []struct {
		name string
		rows [][]string
		want string
	}{
		{"header only", [][]string{{"Name", "State", "MAC Address"}},
			" Name   State   MAC Address\n-----------------------------\n"},
		{"rows wider than the header", [][]string{{"Name", "State", "MAC Address"}, {"eth0", "active", "52:54:00:12:34:56"}, {"bond10", "inactive", ""}},
			" Name     State      MAC Address\n" +
				"----------------------------------------\n" +
				" eth0     active     52:54:00:12:34:56\n" +
				" bond10   inactive   \n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, table(tt.rows))
		})
	}
}

// Every iface verb and alias answers --help with its usage from the
// table, within 80 columns, and 'lensnet help iface' lists it.
func TestIfaceVerbHelp(t *testing.T) {
	var all bytes.Buffer
	require.Equal(t, 0, run([]string{"help", "iface"}, strings.NewReader(""), &all, &all))
	for _, v := range ifaceFamily.Verbs {
		assert.Contains(t, all.String(), "\n  "+v.Usage, v.Name)
		for _, name := range append([]string{v.Name}, v.Aliases...) {
			var out, errb bytes.Buffer
			status := run([]string{"iface", name, "--help"}, strings.NewReader(""), &out, &errb)
			assert.Equal(t, 0, status, name)
			assert.Empty(t, errb.String(), name)
			head, _, _ := strings.Cut(out.String(), "\n\n")
			assert.Equal(t, "usage: lensnet iface [OPTIONS] "+v.Usage, strings.Join(strings.Fields(head), " "), name)
			for _, o := range v.Options {
				assert.Contains(t, out.String(), "\n  --"+o.Name, name)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				assert.LessOrEqual(t, len(line), 80, "%s: %q", name, line)
			}
		}
	}
	for _, line := range strings.Split(all.String(), "\n") {
		assert.LessOrEqual(t, len(line), 80, "%q", line)
	}
}
