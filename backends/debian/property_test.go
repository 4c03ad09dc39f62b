package debian

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/backends/backendstest"
	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/stretchr/testify/require"
)

// TestRoundTripRandom: XML to files to XML is the identity for random
// interfaces of every shape the schema allows (link aside; a missing
// start mode reads as none, and an IPv4 protocol with nothing in it,
// written as inet manual, as none), and undefine leaves no stanza
// behind.
func TestRoundTripRandom(t *testing.T) {
	root := emptyRoot(t)
	n := 300
	if testing.Short() {
		n = 50
	}
	adjust := func(want *ifxml.Interface) {
		if want.Start == ifxml.StartUnset {
			want.Start = ifxml.StartNone
		}
		if v4 := want.IPv4; v4 != nil && v4.DHCP == nil && len(v4.Addresses) == 0 && !v4.Gateway.IsValid() {
			want.IPv4 = nil // inet manual: no IPv4 protocol
		}
	}
	backendstest.RoundTrip(t, openDir(t, root), 7, n, adjust, func(i int) {
		b, err := os.ReadFile(filepath.Join(root, "etc/network/interfaces"))
		require.NoError(t, err)
		require.NotContains(t, string(b), "iface ", "case %d left a stanza", i)
	})
}
