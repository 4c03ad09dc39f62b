package ifxml_test

import (
	"bytes"
	"errors"
	"net/netip"
	"testing"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func eth(name string) *ifxml.Interface {
	return &ifxml.Interface{Type: ifxml.TypeEthernet, Name: name}
}

// TestValidateModels checks models built in Go: their errors have no
// file or line, and Write refuses them.
func TestValidateModels(t *testing.T) {
	v4 := netip.MustParseAddr("192.0.2.1")
	v6 := netip.MustParseAddr("2001:db8::1")
	for _, c := range []struct {
		name string
		ifc  *ifxml.Interface
		want string
	}{
		{"no type", &ifxml.Interface{Name: "eth0"}, "<interface name='eth0'>: the interface type is missing or not valid (Type(0))"},
		{"type out of range", &ifxml.Interface{Type: 9, Name: "eth0"}, "<interface name='eth0'>: the interface type is missing or not valid (Type(9))"},
		{"no name", &ifxml.Interface{Type: ifxml.TypeEthernet}, "<interface type='ethernet'>: an interface needs a name"},
		{"bad name", eth("eth 0"), `<interface type='ethernet'>: "eth 0" is not a device name (letters, digits and _ . - \ : / only)`},
		{"start out of range", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", Start: 7}, "<interface type='ethernet' name='eth0'>/<start mode>: StartMode(7) is not valid"},
		{"ipv4 prefix", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", IPv4: &ifxml.IPv4{Addresses: []ifxml.Address{{Addr: v4, Prefix: new(uint8(33))}}}},
			"<interface type='ethernet' name='eth0'>/<protocol family='ipv4'>/<ip prefix>: 33 is out of range (0-32)"},
		{"ipv6 prefix", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", IPv6: &ifxml.IPv6{Addresses: []ifxml.Address{{Addr: v6, Prefix: new(uint8(200))}}}},
			"<interface type='ethernet' name='eth0'>/<protocol family='ipv6'>/<ip prefix>: 200 is out of range (0-128)"},
		{"ipv6 in ipv4", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", IPv4: &ifxml.IPv4{Addresses: []ifxml.Address{{Addr: v6}}}},
			"<interface type='ethernet' name='eth0'>/<protocol family='ipv4'>/<ip address>: 2001:db8::1 is not an IPv4 address"},
		{"missing address", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", IPv6: &ifxml.IPv6{Addresses: []ifxml.Address{{}}}},
			"<interface type='ethernet' name='eth0'>/<protocol family='ipv6'>/<ip address>: the address is missing"},
		{"ipv6 zone", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", IPv6: &ifxml.IPv6{Gateway: netip.MustParseAddr("fe80::1%eth0")}},
			"<interface type='ethernet' name='eth0'>/<protocol family='ipv6'>/<route gateway>: fe80::1%eth0 is not an IPv6 address (no zone)"},
		{"ipv4 gateway in ipv6", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", IPv6: &ifxml.IPv6{Gateway: v4}},
			"<interface type='ethernet' name='eth0'>/<protocol family='ipv6'>/<route gateway>: 192.0.2.1 is not an IPv6 address (no zone)"},
		{"bad mac", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", MAC: "52:54:00:00:00"},
			`<interface type='ethernet' name='eth0'>/<mac address>: "52:54:00:00:00" is not a MAC address (xx:xx:xx:xx:xx:xx)`},
		{"link state", &ifxml.Interface{Type: ifxml.TypeEthernet, Name: "eth0", Link: &ifxml.Link{State: 8}},
			"<interface type='ethernet' name='eth0'>/<link state>: LinkState(8) is not valid"},
		{"mac on bond", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", MAC: "52:54:00:00:00:01", Bond: &ifxml.Bond{Slaves: []*ifxml.Interface{eth("eth0")}}},
			"<interface type='bond' name='bond0'>/<mac>: a bond takes no <mac>: only an ethernet interface has one"},
		{"bridge without bridge", &ifxml.Interface{Type: ifxml.TypeBridge, Name: "br0"}, "<interface type='bridge' name='br0'>: a bridge interface needs a <bridge> element"},
		{"vlan on a bridge", &ifxml.Interface{Type: ifxml.TypeBridge, Name: "br0", Bridge: &ifxml.Bridge{}, VLAN: &ifxml.VLAN{Tag: 1, Device: "eth0"}},
			"<interface type='bridge' name='br0'>/<vlan>: a bridge takes no <vlan>: only a vlan interface has one"},
		{"bad delay", &ifxml.Interface{Type: ifxml.TypeBridge, Name: "br0", Bridge: &ifxml.Bridge{Delay: "soon"}},
			`<interface type='bridge' name='br0'>/<bridge delay>: "soon" is not a non-negative decimal number (like 15 or 0.01)`},
		{"nil port", &ifxml.Interface{Type: ifxml.TypeBridge, Name: "br0", Bridge: &ifxml.Bridge{Ports: []*ifxml.Interface{nil}}},
			"<interface type='bridge' name='br0'>/<bridge>/<interface>: a nil interface"},
		{"mtu on a port", &ifxml.Interface{Type: ifxml.TypeBridge, Name: "br0", Bridge: &ifxml.Bridge{Ports: []*ifxml.Interface{{Type: ifxml.TypeEthernet, Name: "eth0", MTU: new(uint32(1500))}}}},
			"<interface type='bridge' name='br0'>/<bridge>/<interface type='ethernet' name='eth0'>/<mtu>: a bridge port takes no <mtu>: only the top-level interface has one"},
		{"bond without slaves", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{}},
			"<interface type='bond' name='bond0'>/<bond>: a bond needs at least one <interface>"},
		{"bond mode", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{Mode: 8, Slaves: []*ifxml.Interface{eth("eth0")}}},
			"<interface type='bond' name='bond0'>/<bond mode>: BondMode(8) is not valid"},
		{"two monitors", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{MIIMon: &ifxml.MIIMon{}, ARPMon: &ifxml.ARPMon{Target: v4}, Slaves: []*ifxml.Interface{eth("eth0")}}},
			"<interface type='bond' name='bond0'>/<bond>/<arpmon>: a bond takes at most one of <miimon> and <arpmon>"},
		{"arp target missing", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{ARPMon: &ifxml.ARPMon{}, Slaves: []*ifxml.Interface{eth("eth0")}}},
			"<interface type='bond' name='bond0'>/<bond>/<arpmon target>: the address is missing"},
		{"carrier", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{MIIMon: &ifxml.MIIMon{Carrier: 3}, Slaves: []*ifxml.Interface{eth("eth0")}}},
			"<interface type='bond' name='bond0'>/<bond>/<miimon carrier>: Carrier(3) is not valid"},
		{"validate", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{ARPMon: &ifxml.ARPMon{Target: v4, Validate: 5}, Slaves: []*ifxml.Interface{eth("eth0")}}},
			"<interface type='bond' name='bond0'>/<bond>/<arpmon validate>: ARPValidate(5) is not valid"},
		{"bridge as a slave", &ifxml.Interface{Type: ifxml.TypeBond, Name: "bond0", Bond: &ifxml.Bond{Slaves: []*ifxml.Interface{{Type: ifxml.TypeBridge, Name: "br0", Bridge: &ifxml.Bridge{}}}}},
			"<interface type='bond' name='bond0'>/<bond>/<interface type='bridge' name='br0'>: a bond slave must be an ethernet interface, not a bridge"},
		{"vlan tag", &ifxml.Interface{Type: ifxml.TypeVLAN, Name: "eth0.5000", VLAN: &ifxml.VLAN{Tag: 5000, Device: "eth0"}},
			"<interface type='vlan' name='eth0.5000'>/<vlan tag>: 5000 is out of range (0-4095)"},
		{"vlan device", &ifxml.Interface{Type: ifxml.TypeVLAN, Name: "vlan5", VLAN: &ifxml.VLAN{Tag: 5}},
			"<interface type='vlan' name='vlan5'>/<vlan>: a <vlan> needs its parent device: <interface name='...'/>"},
		{"vlan device name", &ifxml.Interface{Type: ifxml.TypeVLAN, Name: "vlan5", VLAN: &ifxml.VLAN{Tag: 5, Device: "a-very-long-device"}},
			`<interface type='vlan' name='vlan5'>/<vlan>/<interface name>: "a-very-long-device" is too long for a device name (at most 15 characters)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.ifc.Validate()
			require.Error(t, err)
			var e *ifxml.Error
			require.True(t, errors.As(err, &e))
			assert.Zero(t, e.Line)
			assert.Empty(t, e.File)
			assert.Equal(t, c.want, err.Error())
			var buf bytes.Buffer
			assert.Equal(t, err, c.ifc.Write(&buf), "Write validates")
			assert.Zero(t, buf.Len(), "and writes nothing")
		})
	}
}

// TestValidateAcceptsEdges checks values at the edges of their ranges.
func TestValidateAcceptsEdges(t *testing.T) {
	ifc := &ifxml.Interface{
		Type: ifxml.TypeVLAN, Name: "a_b-c.d\\e:f/g12", MTU: new(uint32(1<<32 - 1)),
		IPv4: &ifxml.IPv4{Addresses: []ifxml.Address{{Addr: netip.MustParseAddr("0.0.0.0"), Prefix: new(uint8(32))}}},
		IPv6: &ifxml.IPv6{Addresses: []ifxml.Address{{Addr: netip.MustParseAddr("::ffff:1.2.3.4"), Prefix: new(uint8(128))}}},
		VLAN: &ifxml.VLAN{Tag: 4095, Device: "x"},
	}
	require.NoError(t, ifc.Validate())
}

func TestErrorFormat(t *testing.T) {
	for _, c := range []struct {
		e    ifxml.Error
		want string
	}{
		{ifxml.Error{File: "x.xml", Line: 3, Element: "<interface type='ethernet'>/<mtu size>", Msg: `"abc" is not a number`}, `x.xml:3: <interface type='ethernet'>/<mtu size>: "abc" is not a number`},
		{ifxml.Error{Line: 3, Element: "<a>", Msg: "m"}, "3: <a>: m"},
		{ifxml.Error{File: "x.xml", Msg: "m"}, "x.xml: m"},
		{ifxml.Error{Element: "<a>", Msg: "m"}, "<a>: m"},
		{ifxml.Error{Msg: "m"}, "m"},
	} {
		assert.Equal(t, c.want, c.e.Error())
	}
}
