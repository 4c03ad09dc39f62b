package netxml

import "github.com/lensnet/lensnet/internal/xmlenum"

// Port is a network port: the root <networkport> of libvirt's
// networkport document (networkport.rng), the record of one guest
// interface's connection to a network.
//
// As with Network, unset optional values are nil pointers, zero enums
// and empty strings, and a model read from a document is in canonical
// form.
type Port struct {
	UUID  string // canonical form
	Owner PortOwner
	// Group is the portgroup the port's settings came from; "" for
	// none.
	Group string
	MAC   string // lowercase

	VirtualPort *VirtualPort
	// Bandwidth is the port's merged bandwidth; its inbound rate may
	// carry a floor.
	Bandwidth *Bandwidth
	// ClassID is the bandwidth's classID attribute (the traffic
	// control class of a floor reservation); 0 for none.
	ClassID  uint32
	VLAN     *VLAN
	Isolated *bool // <port isolated>
	// TrustGuestRxFilters is <rxfilters trustGuest>.
	TrustGuestRxFilters *bool
	// Plug is how the port is connected; nil for a port not plugged
	// into anything yet (a port to create, not one to reclaim).
	Plug *Plug
}

// PortOwner is the <owner> of a port: the guest's name and UUID.
type PortOwner struct {
	Name string
	UUID string // canonical form
}

// Plug is the <plug> of a port. Which fields count depends on Type:
// Bridge and MACTableManager for network and bridge, Dev and Mode for
// direct, Managed, Driver and Address for hostdev-pci.
type Plug struct {
	Type PlugType

	Bridge          string
	MACTableManager MACTableManager

	Dev  string
	Mode DirectMode

	Managed *bool
	Driver  DriverName
	Address PCIAddress
}

// PlugType is the type attribute of <plug>.
type PlugType uint8

const (
	PlugUnset PlugType = iota
	// PlugNetwork: a bridge the network owns.
	PlugNetwork
	// PlugBridge: a host bridge the network uses.
	PlugBridge
	// PlugDirect: a macvtap device on a host device.
	PlugDirect
	// PlugHostdevPCI: a PCI device given to the guest.
	PlugHostdevPCI
)

var plugWords = []string{"", "network", "bridge", "direct", "hostdev-pci"}

func (t PlugType) String() string { return xmlenum.Word(plugWords, t, "PlugType") }

// DirectMode is the macvtap mode of a direct plug.
type DirectMode uint8

const (
	DirectUnset DirectMode = iota
	DirectBridge
	DirectPrivate
	DirectVEPA
	DirectPassthrough
)

var directWords = []string{"", "bridge", "private", "vepa", "passthrough"}

func (m DirectMode) String() string { return xmlenum.Word(directWords, m, "DirectMode") }

// ParseDirectMode returns the direct mode a word names.
func ParseDirectMode(s string) (DirectMode, bool) { return xmlenum.Lookup[DirectMode](directWords, s) }
