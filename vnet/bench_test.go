package vnet_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/lensnet/lensnet/vnet"
)

// BenchmarkNATLifecycle times define, start, destroy and undefine of a
// NAT network (bridge, nftables table, dnsmasq) in a test namespace.
func BenchmarkNATLifecycle(b *testing.B) {
	ns, _ := kerneltest.NS(b)
	root, err := os.MkdirTemp("", "lensnet-vnet-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(root)
	_ = os.Chmod(root, 0o755)
	c, err := vnet.Open(vnet.Options{Root: root, NetNS: ns})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	xml := []byte(natXML("nat"))
	for _, step := range []string{"define", "start", "destroy", "undefine"} {
		b.Run(step, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				n, err := c.LookupByName("lab")
				if step == "define" && err == nil {
					_ = n.Undefine()
				}
				if step == "start" || step == "destroy" || step == "undefine" {
					if n == nil {
						n, _ = c.Define(xml, "lab.xml")
					}
				}
				if step == "destroy" {
					if up, _ := n.IsActive(); !up {
						_ = n.Start()
					}
				}
				b.StartTimer()
				switch step {
				case "define":
					_, err = c.Define(xml, "lab.xml")
				case "start":
					err = n.Start()
				case "destroy":
					err = n.Destroy()
				case "undefine":
					err = n.Undefine()
				}
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if step == "start" {
					_ = n.Destroy()
				}
				b.StartTimer()
			}
		})
	}
}

// BenchmarkDnsmasqStartup is dnsmasq's own start-up and stop with a
// small configuration (the floor of a network's start), for comparison.
func BenchmarkDnsmasqStartup(b *testing.B) {
	ns, h := kerneltest.NS(b)
	if err := h.CreateBridge("db0", nil, nil); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	conf := filepath.Join(dir, "d.conf")
	pid := filepath.Join(dir, "d.pid")
	if err := os.WriteFile(conf, []byte("interface=db0\nbind-dynamic\nexcept-interface=lo\nno-resolv\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		out, err := exec.Command("ip", "netns", "exec", ns, "dnsmasq", "--conf-file="+conf, "--pid-file="+pid).CombinedOutput()
		if err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		b.StopTimer()
		_ = exec.Command("sh", "-c", "kill $(cat "+pid+")").Run()
		b.StartTimer()
	}
}

// BenchmarkListDump lists 1,000 defined networks and dumps one.
func BenchmarkListDump(b *testing.B) {
	root := b.TempDir()
	c, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
	if err != nil {
		b.Fatal(err)
	}
	for i := range 1000 {
		x := fmt.Sprintf(`<network><name>net%d</name><forward mode='nat'/><bridge name='vb%d'/><ip address='10.%d.%d.1' prefix='24'/></network>`, i, i, i/250, i%250)
		if _, err := c.Define([]byte(x), "n.xml"); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("list", func(b *testing.B) {
		for b.Loop() {
			if l, err := c.List(0); err != nil || len(l) != 1000 {
				b.Fatal(len(l), err)
			}
		}
	})
	b.Run("dumpxml", func(b *testing.B) {
		for b.Loop() {
			n, err := c.Lookup("net500")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := n.XMLDesc(0); err != nil {
				b.Fatal(err)
			}
		}
	})
}
