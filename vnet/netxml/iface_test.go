package netxml_test

import (
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInterfaceRoundTrip: guest interfaces read, write and read back
// to the same model; domain-only children are dropped.
func TestInterfaceRoundTrip(t *testing.T) {
	for _, c := range []struct{ name, in, out string }{
		{"plain", `<interface type='network'><source network='default'/></interface>`,
			"<interface type='network'>\n  <source network='default'/>\n</interface>\n"},
		{"domain parts dropped", `<interface type='network'>
  <mac address='52:54:00:AA:bb:cc'/>
  <source network='lab' portgroup='web'/>
  <model type='virtio'/>
  <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
  <bandwidth><inbound average='100' floor='50'/></bandwidth>
</interface>`, "<interface type='network'>\n  <mac address='52:54:00:aa:bb:cc'/>\n  <source network='lab' portgroup='web'/>\n  <bandwidth>\n    <inbound average='100' floor='50'/>\n  </bandwidth>\n</interface>\n"},
		{"actual direct", `<interface type='network' trustGuestRxFilters='yes'>
  <mac address='52:54:00:aa:bb:cc'/>
  <source network='pool' portid='5D744F21-ba4a-4d6e-bdb2-30a35ff3207d'/>
  <actual type='direct'>
    <source dev='eth1' mode='vepa'/>
    <virtualport type='802.1Qbg'><parameters managerid='11' typeid='1193047' typeidversion='2'/></virtualport>
    <vlan><tag id='7'/></vlan>
  </actual>
</interface>`, "<interface type='network' trustGuestRxFilters='yes'>\n  <mac address='52:54:00:aa:bb:cc'/>\n  <source network='pool' portid='5d744f21-ba4a-4d6e-bdb2-30a35ff3207d'/>\n  <actual type='direct'>\n    <source dev='eth1' mode='vepa'/>\n    <virtualport type='802.1Qbg'>\n      <parameters managerid='11' typeid='1193047' typeidversion='2'/>\n    </virtualport>\n    <vlan>\n      <tag id='7'/>\n    </vlan>\n  </actual>\n</interface>\n"},
		{"actual hostdev", `<interface type='network'><source network='h'/><actual type='hostdev' managed='yes'><driver name='vfio'/><source><address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x1'/></source></actual></interface>`,
			"<interface type='network'>\n  <source network='h'/>\n  <actual type='hostdev' managed='yes'>\n    <driver name='vfio'/>\n    <source>\n      <address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x1'/>\n    </source>\n  </actual>\n</interface>\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in, err := netxml.ParseInterface([]byte(c.in), "guest.xml")
			require.NoError(t, err)
			out, err := in.Marshal()
			require.NoError(t, err)
			assert.Equal(t, c.out, string(out))
			back, err := netxml.ParseInterface(out, "written.xml")
			require.NoError(t, err)
			assert.Equal(t, in, back)
		})
	}
}

func TestInterfaceBad(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"type", "<interface type='bridge'>\n<source bridge='x'/>\n</interface>", "g.xml:1: <interface type>: a port is made for an interface of type 'network', not 'bridge'"},
		{"no source", "<interface type='network'>\n</interface>", "g.xml:1: <interface>: <source network> is missing"},
		{"actual type", "<interface type='network'>\n<source network='n'/>\n<actual type='udp'/>\n</interface>", "g.xml:3: <interface>/<actual type>: \"udp\" is not one of network, bridge, direct, hostdev"},
		{"actual source", "<interface type='network'>\n<source network='n'/>\n<actual type='direct'>\n<source bridge='b'/>\n</actual>\n</interface>", "g.xml:4: <interface>/<actual>/<source bridge>: unknown attribute bridge"},
		{"unknown", "<interface type='network'>\n<source network='n'/>\n<frob/>\n</interface>", "g.xml:3: <interface>/<frob>: unknown element <frob> here"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := netxml.ParseInterface([]byte(c.doc), "g.xml")
			require.Error(t, err)
			assert.Equal(t, c.want, err.Error())
		})
	}
}

func FuzzReadInterface(f *testing.F) {
	f.Add([]byte(`<interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='pool' portgroup='g'/><actual type='direct'><source dev='eth1' mode='vepa'/></actual></interface>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := netxml.ParseInterface(data, "fuzz.xml")
		if err != nil {
			return
		}
		out, err := in.Marshal()
		require.NoError(t, err)
		back, err := netxml.ParseInterface(out, "written.xml")
		require.NoError(t, err, "%s", out)
		require.Equal(t, in, back)
	})
}
