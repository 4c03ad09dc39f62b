package ifxml

import "net/netip"

// Interface is one host interface: the root <interface> of a document,
// or one nested in a <bridge>, <bond> or <vlan>.
//
// Unset optional values are nil pointers, zero enums ("Unset"), empty
// strings and invalid netip.Addr values, so a document that leaves
// something out reads back into a model that leaves it out. Nested
// interfaces ("bare" ones: bridge ports and bond slaves) carry no Start,
// MTU or protocols; they take those of the top-level interface.
type Interface struct {
	Type Type
	// Name is the device name. libvirt's schema makes it optional for
	// a vlan, but its parser and this package need it for every type.
	Name string

	Start StartMode // top level only
	MTU   *uint32   // top level only
	IPv4  *IPv4     // <protocol family='ipv4'>, top level only
	IPv6  *IPv6     // <protocol family='ipv6'>, top level only

	Link *Link  // live link status; not on a bridge
	MAC  string // as written (either case); ethernet only

	Bridge *Bridge // required on a bridge, only there
	Bond   *Bond   // required on a bond, only there
	VLAN   *VLAN   // required on a vlan, only there
}

// IPv4 is the <protocol family='ipv4'> block.
type IPv4 struct {
	DHCP      *DHCP
	Addresses []Address
	// Gateway is the default route (<route gateway>); the zero Addr
	// means none.
	Gateway netip.Addr
}

// IPv6 is the <protocol family='ipv6'> block. An empty block means
// IPv6 with only a link-local address.
type IPv6 struct {
	Autoconf  bool // <autoconf/>: SLAAC
	DHCP      *DHCP
	Addresses []Address
	Gateway   netip.Addr // the zero Addr means none
}

// DHCP is a <dhcp> element.
type DHCP struct {
	PeerDNS *bool // peerdns='yes' or 'no'; nil when left out
}

// Address is an <ip> element: a static address with an optional prefix
// length.
type Address struct {
	Addr   netip.Addr
	Prefix *uint8 // 0-32 for IPv4, 0-128 for IPv6
}

// Link is the <link> element: live speed (Mb/s) and operational state.
type Link struct {
	Speed *uint32
	State LinkState
}

// Bridge is the <bridge> element of a bridge interface.
type Bridge struct {
	STP *bool // stp='on' or 'off'; nil when left out
	// Delay is the forward delay in seconds, as written: a
	// non-negative decimal such as "0" or "0.01"; "" when left out.
	Delay string
	// Ports are bare ethernet, vlan or bond interfaces, in order.
	Ports []*Interface
}

// Bond is the <bond> element of a bond interface.
type Bond struct {
	Mode BondMode
	// At most one of MIIMon and ARPMon is set.
	MIIMon *MIIMon
	ARPMon *ARPMon
	// Slaves are bare ethernet interfaces, at least one; for
	// active-backup the first is the primary.
	Slaves []*Interface
}

// MIIMon is the <miimon> element: MII link monitoring (times in ms).
type MIIMon struct {
	Freq      uint32
	DownDelay *uint32
	UpDelay   *uint32
	Carrier   Carrier
}

// ARPMon is the <arpmon> element: ARP link monitoring.
type ARPMon struct {
	Interval uint32     // ms
	Target   netip.Addr // one IPv4 address
	Validate ARPValidate
}

// VLAN is the <vlan> element of a vlan interface.
type VLAN struct {
	Tag    uint16 // 0-4095
	Device string // the parent device: <interface name='...'/>
}
