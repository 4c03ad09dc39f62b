package vnet_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/vnet"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/require"
)

// TestPortAllocationProperties runs random sequences of create,
// delete, reclaim (by UUID and from a saved <actual>, after the port
// files were lost) and restarts (a new Conn) over pools of 1 to 64
// devices in every pool mode, and checks after each step: no
// exclusive device used twice, least-connection balance in shared
// modes, counts equal to the port files, and nothing left once every
// port is deleted.
func TestPortAllocationProperties(t *testing.T) {
	steps := 150
	if testing.Short() {
		steps = 60
	}
	for _, mode := range []string{"bridge", "private", "vepa", "passthrough", "hostdev"} {
		for _, size := range []int{1, 2, 5, 64} {
			t.Run(fmt.Sprintf("%s/%d", mode, size), func(t *testing.T) {
				seed := uint64(len(mode)*1000 + size)
				propertyRun(t, mode, size, steps, rand.New(rand.NewPCG(seed, 7)))
			})
		}
	}
}

func propertyRun(t *testing.T, mode string, size, steps int, r *rand.Rand) {
	root := t.TempDir()
	open := func() *vnet.Network {
		c, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
		require.NoError(t, err)
		n, err := c.LookupByName("p")
		require.NoError(t, err)
		return n
	}
	var netDoc []byte
	if mode == "hostdev" {
		var b []byte
		for i := range size {
			b = fmt.Appendf(b, "<address type='pci' domain='0' bus='%d' slot='%d' function='0'/>", i/32, i%32)
		}
		netDoc = fmt.Appendf(nil, "<network><name>p</name><forward mode='hostdev' managed='yes'>%s</forward></network>", b)
	} else {
		netDoc = poolXML("p", mode, size, "")
	}
	c, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
	require.NoError(t, err)
	n := started(t, c, netDoc)
	excl := mode == "passthrough" || mode == "hostdev"
	// the guests' saved interfaces with <actual>, by port UUID
	saved := map[string][]byte{}
	portsDir := filepath.Join(root, "run/lensnet/network/p/ports")

	check := func() {
		t.Helper()
		// the files are the truth
		files, _ := filepath.Glob(filepath.Join(portsDir, "*.xml"))
		count := map[string]int{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			p, err := netxml.ParsePort(b, f)
			require.NoError(t, err)
			k := p.Plug.Dev
			if p.Plug.Type == netxml.PlugHostdevPCI {
				k = p.Plug.Address.String()
			}
			count[k]++
		}
		require.Len(t, files, len(saved), "a port file per live port")
		u, err := n.Usage()
		require.NoError(t, err)
		require.Equal(t, len(files), u.Ports)
		require.Equal(t, count, u.Connections, "counts equal the port files")
		if excl {
			for k, v := range count {
				require.LessOrEqual(t, v, 1, "an exclusive device used twice: %s", k)
			}
		}
	}
	balanced := func() {
		// after creates only, a shared pool differs by one at most
		u, err := n.Usage()
		require.NoError(t, err)
		lo, hi := 1<<30, 0
		for i := range size {
			v := u.Connections[fmt.Sprintf("eth%d", i)]
			lo, hi = min(lo, v), max(hi, v)
		}
		require.LessOrEqual(t, hi-lo, 1, "least-connection balance: %v", u.Connections)
	}
	onlyCreates := true
	for range steps {
		switch op := r.IntN(10); {
		case op < 5: // create
			p, err := n.CreatePort(guest("p", "/>"), "g.xml", vnet.PortCreateFlags{})
			if excl && len(saved) == size {
				require.ErrorIs(t, err, vnet.ErrPoolExhausted)
				break
			}
			require.NoError(t, err)
			a, err := p.Actual()
			require.NoError(t, err)
			saved[p.UUID()] = fmt.Appendf(nil, "<interface type='network'><source network='p' portid='%s'/>%s</interface>", p.UUID(), a)
			if !excl && onlyCreates {
				balanced()
			}
		case op < 8 && len(saved) > 0: // delete
			onlyCreates = false
			u := pick(r, saved)
			p, err := n.LookupPort(u)
			require.NoError(t, err)
			require.NoError(t, p.Delete())
			delete(saved, u)
		case op == 8: // restart, maybe with the port files lost
			n = open()
			if r.IntN(2) == 0 {
				require.NoError(t, os.RemoveAll(portsDir))
			}
			for u, iface := range saved {
				p, err := n.CreatePort(iface, "saved.xml", vnet.PortCreateFlags{Reclaim: true})
				require.NoError(t, err)
				require.Equal(t, u, p.UUID())
			}
		case op == 9 && len(saved) > 0: // reclaim one by UUID: a no-op
			u := pick(r, saved)
			p, err := n.LookupPort(u)
			require.NoError(t, err)
			x, err := p.XML()
			require.NoError(t, err)
			q, err := n.CreatePort(x, "p.xml", vnet.PortCreateFlags{Reclaim: true})
			require.NoError(t, err)
			require.Equal(t, u, q.UUID())
		}
		check()
	}
	for u := range saved {
		p, err := n.LookupPort(u)
		require.NoError(t, err)
		require.NoError(t, p.Delete())
		delete(saved, u)
	}
	check()
	u, err := n.Usage()
	require.NoError(t, err)
	require.Equal(t, vnet.Usage{Connections: map[string]int{}}, u, "nothing leaked")
}

func pick(r *rand.Rand, m map[string][]byte) string {
	i := r.IntN(len(m))
	for k := range m {
		if i == 0 {
			return k
		}
		i--
	}
	panic("empty")
}
