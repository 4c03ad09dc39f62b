package iface_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/lensnet/lensnet/backends/debian"
	"github.com/lensnet/lensnet/iface"
)

// rhelConnections writes a root with n connections of ifcfg files:
// of every ten, six ethernets, a bridge with two ports, a bond with two
// slaves and two VLANs.
func rhelConnections(tb testing.TB, n int) string {
	root := tb.TempDir()
	dir := filepath.Join(root, "etc/sysconfig/network-scripts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, "ifcfg-"+name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range n {
		switch i % 10 {
		case 0, 1, 2, 3, 4, 5:
			write(fmt.Sprintf("eth%d", i), fmt.Sprintf("# port %d\nDEVICE=eth%d\nHWADDR=52:54:00:00:%02x:%02x\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=10.%d.%d.1\nPREFIX=24\nGATEWAY=10.%d.%d.254\nNM_CONTROLLED=no\n", i, i, i/256%256, i%256, i/256%256, i%256, i/256%256, i%256))
		case 6:
			write(fmt.Sprintf("br%d", i), fmt.Sprintf("DEVICE=br%d\nTYPE=Bridge\nONBOOT=yes\nBOOTPROTO=dhcp\nSTP=off\nDELAY=0\n", i))
			for p := range 2 {
				write(fmt.Sprintf("eth%d-%d", i, p), fmt.Sprintf("DEVICE=eth%d-%d\nBRIDGE=br%d\nONBOOT=yes\n", i, p, i))
			}
		case 7:
			write(fmt.Sprintf("bond%d", i), fmt.Sprintf("DEVICE=bond%d\nONBOOT=yes\nBOOTPROTO=none\nIPADDR=172.16.%d.%d\nNETMASK=255.255.0.0\nBONDING_OPTS=\"mode=active-backup miimon=100 primary=eth%d-0\"\n", i, i/256%256, i%256, i))
			for p := range 2 {
				write(fmt.Sprintf("eth%d-%d", i, p), fmt.Sprintf("DEVICE=eth%d-%d\nMASTER=bond%d\nSLAVE=yes\nONBOOT=yes\n", i, p, i))
			}
		default:
			write(fmt.Sprintf("eth0.%d", i), fmt.Sprintf("DEVICE=eth0.%d\nVLAN=yes\nONBOOT=yes\nBOOTPROTO=dhcp\n", i))
		}
	}
	return root
}

// debianConnections writes a root whose /etc/network/interfaces holds
// n connections of the same mix.
func debianConnections(tb testing.TB, n int) string {
	root := tb.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "etc/network"), 0o755); err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	for i := range n {
		switch i % 10 {
		case 0, 1, 2, 3, 4, 5:
			fmt.Fprintf(&sb, "# port %d\nauto eth%d\niface eth%d inet static\n    address 10.%d.%d.1/24\n    gateway 10.%d.%d.254\n    hwaddress ether 52:54:00:00:%02x:%02x\n\n", i, i, i, i/256%256, i%256, i/256%256, i%256, i/256%256, i%256)
		case 6:
			fmt.Fprintf(&sb, "auto br%d\niface br%d inet dhcp\n    bridge_ports eth%d-0 eth%d-1\n    bridge_stp off\n    bridge_fd 0\n\n", i, i, i, i)
		case 7:
			fmt.Fprintf(&sb, "auto bond%d\niface bond%d inet static\n    address 172.16.%d.%d\n    netmask 255.255.0.0\n    bond-slaves eth%d-0 eth%d-1\n    bond-mode active-backup\n    bond-miimon 100\n    bond-primary eth%d-0\n\n", i, i, i/256%256, i%256, i, i, i)
		default:
			fmt.Fprintf(&sb, "auto eth0.%d\niface eth0.%d inet dhcp\n    vlan-raw-device eth0\n\n", i, i)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "etc/network/interfaces"), []byte(sb.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return root
}

// regimes are the two backends' roots, their augtool transform and a
// bridge among the connections to define.
var regimes = []struct {
	name, xform string
	root        func(testing.TB, int) string
}{
	{"initscripts", "Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*", rhelConnections},
	{"debian", "Interfaces incl /etc/network/interfaces", debianConnections},
}

func benchSizes(b *testing.B, f func(b *testing.B, n int, root func(testing.TB, int) string, xform string)) {
	for _, r := range regimes {
		for _, n := range []int{100, 1000} {
			b.Run(fmt.Sprintf("%s/%d", r.name, n), func(b *testing.B) { f(b, n, r.root, r.xform) })
		}
	}
}

// BenchmarkReadAll opens a root of n connections and reads every
// interface as canonical XML: what `virsh iface-list --all` followed by
// iface-dumpxml of each costs.
func BenchmarkReadAll(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		root := mk(b, n)
		for b.Loop() {
			c, err := iface.Open(iface.Options{Root: root})
			if err != nil {
				b.Fatal(err)
			}
			names, err := c.Names()
			if err != nil || len(names) != n {
				b.Fatalf("%d names, %v", len(names), err)
			}
			for _, name := range names {
				if _, err := c.XML(name); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkDefineOne opens a root of n connections and defines one
// bridge among them (its MTU changes: two files are written).
func BenchmarkDefineOne(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		root := mk(b, n)
		mtu := 1500
		for b.Loop() {
			c, err := iface.Open(iface.Options{Root: root})
			if err != nil {
				b.Fatal(err)
			}
			mtu++
			x := fmt.Sprintf(`<interface type='bridge' name='br6'><start mode='onboot'/><mtu size='%d'/>
<protocol family='ipv4'><dhcp/></protocol><bridge stp='off' delay='0'>
<interface type='ethernet' name='eth6-0'/><interface type='ethernet' name='eth6-1'/></bridge></interface>`, mtu)
			if _, err := c.Define([]byte(x), "br6.xml"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAugtoolLoad is what augtool (Augeas 1.14) takes merely to
// load the same files, the floor of netcf's cost on every call (netcf
// then runs its XSLT): the side-by-side reference for the two above.
func BenchmarkAugtoolLoad(b *testing.B) {
	augtool, err := exec.LookPath("augtool")
	if err != nil {
		b.Skip("augtool not installed (Debian package augeas-tools)")
	}
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, xform string) {
		root := mk(b, n)
		for b.Loop() {
			cmd := exec.Command(augtool, "-r", root, "-L", "-A", "-t", xform, "print", "/files")
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, out)
			}
		}
	})
}

// BenchmarkList opens a root of n connections and lists every
// interface with its state (virsh iface-list --all).
func BenchmarkList(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		root := mk(b, n)
		for b.Loop() {
			c, err := iface.Open(iface.Options{Root: root})
			if err != nil {
				b.Fatal(err)
			}
			l, err := c.List(0)
			if err != nil || len(l) != n {
				b.Fatalf("%d, %v", len(l), err)
			}
			_ = c.Close()
		}
	})
}

// BenchmarkDumpOne opens a root of n connections and dumps one
// interface's configuration (virsh iface-dumpxml --inactive).
func BenchmarkDumpOne(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		root := mk(b, n)
		for b.Loop() {
			c, err := iface.Open(iface.Options{Root: root})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := c.XML("br6"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkLookupMAC opens a root of n connections and finds the one
// interface with a MAC (virsh iface-name MAC).
func BenchmarkLookupMAC(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		root := mk(b, n)
		for b.Loop() {
			c, err := iface.Open(iface.Options{Root: root})
			if err != nil {
				b.Fatal(err)
			}
			i, err := c.LookupByMAC("52:54:00:00:00:05")
			if err != nil || i.Name() != "eth5" {
				b.Fatalf("%v", err)
			}
			_ = c.Close()
		}
	})
}

// BenchmarkReadAllOpen reads every interface as canonical XML from a
// Conn that stays open, as a manager that embeds the library does: the
// files are read once, and again only when they change (netcf read
// them again on every call).
func BenchmarkReadAllOpen(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		c, err := iface.Open(iface.Options{Root: mk(b, n)})
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			names, err := c.Names()
			if err != nil || len(names) != n {
				b.Fatalf("%d names, %v", len(names), err)
			}
			for _, name := range names {
				if _, err := c.XML(name); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkDefineOneOpen defines one bridge among n connections on a
// Conn that stays open (its MTU changes: two files are written).
func BenchmarkDefineOneOpen(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		c, err := iface.Open(iface.Options{Root: mk(b, n)})
		if err != nil {
			b.Fatal(err)
		}
		mtu := 1500
		for b.Loop() {
			mtu++
			x := fmt.Sprintf(`<interface type='bridge' name='br6'><start mode='onboot'/><mtu size='%d'/>
<protocol family='ipv4'><dhcp/></protocol><bridge stp='off' delay='0'>
<interface type='ethernet' name='eth6-0'/><interface type='ethernet' name='eth6-1'/></bridge></interface>`, mtu)
			if _, err := c.Define([]byte(x), "br6.xml"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkOpenConn runs each of issue's everyday calls (list --all,
// dumpxml of one, lookup by MAC) on a Conn that stays open.
func BenchmarkOpenConn(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int, mk func(testing.TB, int) string, _ string) {
		c, err := iface.Open(iface.Options{Root: mk(b, n)})
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		b.Run("list", func(b *testing.B) {
			for b.Loop() {
				if l, err := c.List(0); err != nil || len(l) != n {
					b.Fatal(len(l), err)
				}
			}
		})
		b.Run("dumpxml", func(b *testing.B) {
			for b.Loop() {
				if _, err := c.XML("br6"); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("lookupmac", func(b *testing.B) {
			for b.Loop() {
				if i, err := c.LookupByMAC("52:54:00:00:00:05"); err != nil || i.Name() != "eth5" {
					b.Fatal(err)
				}
			}
		})
	})
}
