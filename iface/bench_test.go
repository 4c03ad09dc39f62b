package iface_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

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

func benchSizes(b *testing.B, f func(b *testing.B, n int)) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { f(b, n) })
	}
}

// BenchmarkReadAll opens a root of n connections and reads every
// interface as canonical XML: what `virsh iface-list --all` followed by
// iface-dumpxml of each costs.
func BenchmarkReadAll(b *testing.B) {
	benchSizes(b, func(b *testing.B, n int) {
		root := rhelConnections(b, n)
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
	benchSizes(b, func(b *testing.B, n int) {
		root := rhelConnections(b, n)
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
	benchSizes(b, func(b *testing.B, n int) {
		root := rhelConnections(b, n)
		for b.Loop() {
			cmd := exec.Command(augtool, "-r", root, "-A", "-t", "Shellvars incl /etc/sysconfig/network-scripts/ifcfg-*", "print", "/files")
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, out)
			}
		}
	})
}
