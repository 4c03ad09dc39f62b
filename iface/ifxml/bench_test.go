package ifxml_test

import (
	"fmt"
	"testing"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/stretchr/testify/require"
)

// bigBridge is a bridge with n ethernet ports, each with a MAC and a
// link, written canonically.
func bigBridge(b *testing.B, n int) []byte {
	ifc := &ifxml.Interface{Type: ifxml.TypeBridge, Name: "br0", Bridge: &ifxml.Bridge{STP: new(false)}}
	for i := range n {
		ifc.Bridge.Ports = append(ifc.Bridge.Ports, &ifxml.Interface{
			Type: ifxml.TypeEthernet,
			Name: fmt.Sprintf("eth%d", i),
			MAC:  fmt.Sprintf("52:54:00:%02x:%02x:%02x", i>>16&0xff, i>>8&0xff, i&0xff),
			Link: &ifxml.Link{Speed: new(uint32(1000)), State: ifxml.LinkUp},
		})
	}
	out, err := ifc.Marshal()
	require.NoError(b, err)
	return out
}

// BenchmarkReadWriteBridge reads and writes bridges of 10 to 10,000
// ports: the time per byte stays flat (linear).
func BenchmarkReadWriteBridge(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10000} {
		data := bigBridge(b, n)
		b.Run(fmt.Sprintf("ports=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				ifc, err := ifxml.Parse(data, "big.xml")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ifc.Marshal(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
