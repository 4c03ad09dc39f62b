package netxml_test

import (
	"fmt"
	"net/netip"
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/require"
)

// bigNetwork is a NAT network on a /16 with n static DHCP hosts,
// written canonically.
func bigNetwork(b *testing.B, n int) []byte {
	d := &netxml.DHCP{Ranges: []netxml.Range{{Start: netip.MustParseAddr("10.0.200.1"), End: netip.MustParseAddr("10.0.255.254")}}}
	for i := range n {
		d.Hosts = append(d.Hosts, netxml.DHCPHost{
			MAC:  fmt.Sprintf("52:54:00:%02x:%02x:%02x", i>>16&0xff, i>>8&0xff, i&0xff),
			Name: fmt.Sprintf("vm%d", i),
			IP:   netip.AddrFrom4([4]byte{10, 0, byte(1 + i>>8), byte(i)}),
		})
	}
	nw := &netxml.Network{Name: "big", Forward: &netxml.Forward{Mode: netxml.ForwardNAT},
		Bridge: &netxml.Bridge{Name: "virbr0", STP: new(true), Delay: new(uint64(0))},
		IPs:    []netxml.IP{{Address: netip.MustParseAddr("10.0.0.1"), Prefix: new(uint8(16)), DHCP: d}}}
	out, err := nw.Marshal()
	require.NoError(b, err)
	return out
}

// BenchmarkReadWriteDHCPHosts reads and writes networks of 10 to 10,000
// static DHCP hosts (the figure is 1,000): the time per byte
// stays flat (linear).
func BenchmarkReadWriteDHCPHosts(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		data := bigNetwork(b, n)
		b.Run(fmt.Sprintf("hosts=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				nw, err := netxml.Parse(data, "big.xml")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := nw.Marshal(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
