package kernel

import (
	"net/netip"
	"slices"
)

// Link is one network device as the kernel has it now.
type Link struct {
	// Name is the interface name (eth0, br0, bond0.12).
	Name string
	// Kind is the device kind: "bridge", "bond", "vlan", "veth",
	// "macvlan", "macvtap", "loopback", "tun", "tap", "device" (a
	// physical or otherwise kind-less device, such as an ethernet
	// card), or netlink's name for any other kind ("dummy",
	// "vxlan", "ipvlan", ...).
	Kind string
	// Index is the kernel's interface index.
	Index int
	// MAC is the link-layer address in lower case with colons, ""
	// when the device has none.
	MAC string
	// MTU is the maximum transmission unit in bytes.
	MTU int
	// Up tells whether the device is administratively up (IFF_UP).
	Up bool
	// OperState is the RFC 2863 operational state as `ip link`
	// shows it in lower case: "up", "down", "unknown",
	// "lowerlayerdown", "dormant", "notpresent" or "testing".
	OperState string
	// Master is the name of the bridge or bond the device is
	// enslaved to, "" when none.
	Master string
	// Bridge holds a bridge's settings; nil for other kinds.
	Bridge *BridgeInfo
	// Bond holds a bond's settings; nil for other kinds.
	Bond *BondInfo
	// VLAN holds a vlan's tag and parent; nil for other kinds.
	VLAN *VLANInfo
	// Addrs holds every IPv4 and IPv6 address on the device, in the
	// kernel's order, including link-local ones (fe80::/10 and
	// 169.254.0.0/16); [Link.GlobalAddrs] leaves those out and
	// [IsLinkLocal] tells them apart.
	Addrs []netip.Prefix
	// Stats holds the device's counters since it was created.
	Stats Stats
}

// BridgeInfo is a bridge's spanning-tree settings.
type BridgeInfo struct {
	// STP tells whether the spanning tree protocol is on.
	STP bool
	// ForwardDelay is the forward delay in seconds, as libvirt's
	// <bridge delay> gives it. The kernel keeps centiseconds, so a
	// value has at most two decimals; with STP on it keeps the delay
	// between 2 and 30 seconds whatever was asked.
	ForwardDelay float64
}

// BondInfo is a bond's mode and link monitoring, with the names and
// units of the kernel's bonding options (milliseconds for times).
type BondInfo struct {
	// Mode is the bonding mode's name: "balance-rr",
	// "active-backup", "balance-xor", "broadcast", "802.3ad",
	// "balance-tlb" or "balance-alb".
	Mode string
	// MIIMon is the MII link monitoring interval; 0 when off.
	MIIMon int
	// UpDelay and DownDelay are the MII monitor's delays before a
	// slave is enabled or disabled after a link change.
	UpDelay, DownDelay int
	// UseCarrier tells whether the MII monitor reads the carrier
	// state (libvirt's carrier="netif") rather than MII/ethtool
	// ioctls (carrier="ioctl").
	UseCarrier bool
	// ARPInterval is the ARP monitoring interval; 0 when off.
	ARPInterval int
	// ARPTargets are the addresses the ARP monitor probes.
	ARPTargets []netip.Addr
	// ARPValidate is the ARP validation mode: "none", "active",
	// "backup", "all", "filter", "filter_active" or "filter_backup".
	ARPValidate string
}

// VLANInfo is an 802.1Q vlan's tag and the device it sits on.
type VLANInfo struct {
	// ID is the vlan tag, 0 to 4095.
	ID int
	// Parent is the name of the underlying device.
	Parent string
}

// Stats are a device's traffic counters.
type Stats struct {
	RxBytes, TxBytes     uint64
	RxPackets, TxPackets uint64
	RxErrors, TxErrors   uint64
	RxDropped, TxDropped uint64
}

// BondSpec is what CreateBond sets: the mode and either the MII or
// the ARP link monitor. Zero fields are left to the kernel's defaults.
type BondSpec struct {
	// Mode is a mode's name as in BondInfo.Mode; "" leaves the
	// kernel's default (balance-rr).
	Mode string
	// MIIMon, UpDelay and DownDelay set the MII monitor, in
	// milliseconds.
	MIIMon, UpDelay, DownDelay int
	// UseCarrier, when not nil, sets use_carrier (true for
	// libvirt's carrier="netif", false for "ioctl").
	UseCarrier *bool
	// ARPInterval sets the ARP monitor's interval in milliseconds,
	// ARPTargets the IPv4 addresses it probes and ARPValidate ("" for
	// the default) how replies are checked. The MII and ARP monitors
	// exclude each other.
	ARPInterval int
	ARPTargets  []netip.Addr
	ARPValidate string
}

// IsLinkLocal reports whether p is a link-local address: IPv6
// fe80::/10 or IPv4 169.254.0.0/16. The kernel gives every IPv6
// device an fe80:: address of its own when it comes up; no
// configuration asked for it.
func IsLinkLocal(p netip.Prefix) bool {
	return p.Addr().IsLinkLocalUnicast()
}

// GlobalAddrs returns l.Addrs without the link-local addresses: the
// addresses a configuration would hold.
func (l Link) GlobalAddrs() []netip.Prefix {
	return slices.DeleteFunc(slices.Clone(l.Addrs), IsLinkLocal)
}
