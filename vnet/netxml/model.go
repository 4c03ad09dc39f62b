package netxml

import "net/netip"

// Network is one virtual network: the root <network> of a document.
//
// Unset optional values are nil pointers, zero enums ("Unset"), empty
// strings, empty slices and invalid netip.Addr values. A model read
// from a document is in canonical form: what libvirt fills in (a
// forward mode, the stp and delay of a bridge it owns, the forward
// device as the first interface of the pool) is filled in, and what
// libvirt drops (ipv6='no', an empty <dns/>, <nat/> or <dhcp/>) is
// dropped, so that writing and reading again gives the same model.
type Network struct {
	// Connections is the live count of guest interfaces using the
	// network (the connections attribute); not written in inactive
	// form.
	Connections *uint32
	// IPv6 is ipv6='yes': guest-to-guest IPv6 on a network with no
	// IPv6 address. ipv6='no' is the default and is not kept.
	IPv6                bool
	TrustGuestRxFilters *bool

	Name        string
	UUID        string // canonical form (lowercase, dashed); "" when not given
	Title       string // one line
	Description string
	// Metadata is the content of <metadata>: its child elements as
	// XML, one after another, each declaring the namespaces it uses;
	// "" for none.
	Metadata string

	Forward *Forward // nil: an isolated network
	Bridge  *Bridge
	MTU     *uint16
	MAC     string // the bridge's MAC address, lowercase
	Domain  *Domain
	DNS     *DNS

	VLAN      *VLAN
	Bandwidth *Bandwidth
	// PortIsolated is <port isolated='yes|no'/>.
	PortIsolated *bool

	IPs         []IP
	Routes      []Route
	VirtualPort *VirtualPort
	PortGroups  []PortGroup

	// DnsmasqOptions are the values of <dnsmasq:option> elements,
	// passed to dnsmasq as they are.
	DnsmasqOptions []string
}

// Forward is the <forward> element: how the network reaches the
// outside.
type Forward struct {
	Mode ForwardMode // never Unset in a valid model (libvirt's default is nat)
	// Managed is managed='yes' of a hostdev network; written for
	// hostdev only (as 'no' when false).
	Managed bool
	Driver  *Driver
	NAT     *NAT
	PF      string // <pf dev>: the physical function whose VFs make the pool
	// Interfaces is the pool of host interfaces (<interface dev>); a
	// nat or route network's forward dev is its one entry. The dev
	// attribute of <forward> is always the first entry.
	Interfaces []ForwardInterface
	// Addresses is the pool of PCI devices (hostdev, passthrough).
	Addresses []PCIAddress
}

// ForwardInterface is one <interface> of a forward pool.
type ForwardInterface struct {
	Dev         string
	Connections *uint32 // live
}

// PCIAddress is an <address type='pci'> of a forward pool.
type PCIAddress struct {
	Domain   uint32
	Bus      uint8
	Slot     uint8 // 0-31
	Function uint8 // 0-7
}

// Driver is the <driver> of a hostdev pool.
type Driver struct {
	Name  DriverName
	Model string // e.g. vfio-pci-igb (newer than libvirt 9.0's schema)
}

// NAT is the <nat> element of a nat network.
type NAT struct {
	IPv6    *bool      // ipv6='yes': NAT IPv6 too
	Address *AddrRange // <address start end>: IPv4 SNAT range
	Port    *PortRange // <port start end>
}

// AddrRange is an inclusive range of addresses.
type AddrRange struct{ Start, End netip.Addr }

// PortRange is an inclusive range of ports, 1-65535.
type PortRange struct{ Start, End uint16 }

// Bridge is the <bridge> element.
type Bridge struct {
	Name string
	Zone string // firewalld zone
	// STP and Delay are set (and only allowed) for networks whose
	// bridge libvirt creates: nat, route, open and isolated.
	STP             *bool
	Delay           *uint64 // seconds
	MACTableManager MACTableManager
}

// Domain is the <domain> element: the DNS domain of the network.
type Domain struct {
	Name      string
	LocalOnly *bool
	Register  *bool // register='yes' needs localOnly='yes'
}

// DNS is the <dns> element.
type DNS struct {
	Enable            *bool
	ForwardPlainNames *bool
	Forwarders        []Forwarder
	TXTs              []TXT
	SRVs              []SRV
	Hosts             []DNSHost
}

// Forwarder is a <forwarder>: where to send queries (for a domain).
type Forwarder struct {
	Domain string
	Addr   netip.Addr
}

// TXT is a <txt> record.
type TXT struct{ Name, Value string }

// SRV is an <srv> record. Port, Priority and Weight are 0 when not
// given, and need a Target.
type SRV struct {
	Service, Protocol, Domain, Target string
	Port, Priority, Weight            uint16
}

// DNSHost is a <host> of <dns>: an address and its names.
type DNSHost struct {
	IP        netip.Addr
	Hostnames []string
}

// IP is an <ip> element: an address of the bridge, with DHCP and TFTP.
type IP struct {
	// Family is the family attribute as given: "", "ipv4" or "ipv6"
	// (an IPv6 address needs "ipv6").
	Family  string
	Address netip.Addr
	Netmask netip.Addr // IPv4 only; exclusive with Prefix
	// Prefix is nil when not given (a prefix of 0 is not kept): the
	// subnet is then the netmask's, or the address's class (IPv4) or
	// /64 (IPv6).
	Prefix   *uint8
	LocalPtr *bool
	TFTPRoot string // IPv4 only
	DHCP     *DHCP
}

// DHCP is the <dhcp> element of an <ip>; it holds at least one range
// or host.
type DHCP struct {
	Ranges []Range
	Hosts  []DHCPHost
	BootP  *BootP // IPv4 only
}

// Range is a <range> of addresses DHCP hands out.
type Range struct {
	Start, End netip.Addr
	Lease      *Lease
}

// DHCPHost is a static <host> of <dhcp>: an IPv4 host has a MAC or a
// name, an IPv6 host an id (DUID) or a name, and every host an IP.
type DHCPHost struct {
	MAC   string // as written
	ID    string // DHCPv6 DUID, hex bytes separated by ':'
	Name  string
	IP    netip.Addr
	Lease *Lease
}

// Lease is a <lease>: Expiry 0 (with no unit) is an infinite lease;
// otherwise Unit is set (minutes when the document leaves it out).
type Lease struct {
	Expiry uint64
	Unit   LeaseUnit
}

// BootP is the <bootp> element: a network boot file and server.
type BootP struct {
	File   string
	Server netip.Addr
}

// Route is a static <route> to a network behind a guest.
type Route struct {
	Family  string // as given: "", "ipv4" or "ipv6"
	Address netip.Addr
	Netmask netip.Addr // IPv4 only; exclusive with Prefix
	Prefix  *uint8
	Gateway netip.Addr
	Metric  *uint32 // 1 or more
}

// VirtualPort is a <virtualport>: the type and its parameters. The
// network's own needs a type; a portgroup's may leave it out.
type VirtualPort struct {
	Type          VirtualPortType
	ManagerID     *uint8  // 802.1Qbg
	TypeID        *uint32 // 802.1Qbg, 0-16777215
	TypeIDVersion *uint8  // 802.1Qbg
	InstanceID    string  // 802.1Qbg, a UUID in canonical form
	ProfileID     string  // 802.1Qbh, openvswitch; at most 39 characters
	InterfaceID   string  // openvswitch, midonet, a UUID in canonical form
}

// Bandwidth is a <bandwidth> element with at least one direction.
type Bandwidth struct {
	Inbound, Outbound *Rate
}

// Rate is an <inbound> or <outbound>: average and peak in kB/s, burst
// in KiB; 0 is "not given". Floor belongs to a guest's interface and
// is refused in a network.
type Rate struct {
	Average, Peak, Floor, Burst uint64
}

// VLAN is a <vlan> element.
type VLAN struct {
	Trunk bool // trunk='yes'; needed for more than one tag
	Tags  []VLANTag
}

// VLANTag is a <tag>.
type VLANTag struct {
	ID         uint16 // 0-4095
	NativeMode NativeMode
}

// PortGroup is a <portgroup>: settings a guest interface picks by name.
type PortGroup struct {
	Name                string
	Default             bool
	TrustGuestRxFilters *bool
	VLAN                *VLAN
	VirtualPort         *VirtualPort
	Bandwidth           *Bandwidth
}
