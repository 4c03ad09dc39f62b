package netxml

// Interface is a guest's <interface type='network'> as a domain holds
// it: what a guest asks of a network port. Only the parts a network
// reads are kept (see ParseInterface for what is skipped).
type Interface struct {
	TrustGuestRxFilters *bool
	MAC                 string // lowercase; "" to have one made
	// Network, PortGroup and PortID are the <source> attributes:
	// the network's name, the portgroup asked for ("" for the
	// default) and the port the interface holds ("" before it has
	// one).
	Network, PortGroup, PortID string

	VirtualPort *VirtualPort
	Bandwidth   *Bandwidth // the inbound rate may carry a floor
	VLAN        *VLAN
	Isolated    *bool // <port isolated>

	// Actual is what the network gave the interface, as the guest's
	// manager saved it; nil before it has a port.
	Actual *Actual
}

// Actual is a guest interface's <actual type>: the connection a port
// made, and the settings that came from the network or its portgroup
// rather than from the guest.
//
// The plug's type gives the actual type: network, bridge, direct, or
// hostdev for PlugHostdevPCI. Its XML is
//
//	<actual type='network|bridge'> <source bridge='NAME' [macTableManager]/>
//	<actual type='direct'>         <source dev='DEV' mode='MODE'/>
//	<actual type='hostdev' managed='yes|no'>
//	                               <driver name='vfio|kvm'/>
//	                               <source><address type='pci' .../></source>
//
// then virtualport, bandwidth, vlan and port, as in a port.
type Actual struct {
	Plug                Plug
	TrustGuestRxFilters *bool
	VirtualPort         *VirtualPort
	Bandwidth           *Bandwidth
	VLAN                *VLAN
	Isolated            *bool
}

var actualWords = []string{"", "network", "bridge", "direct", "hostdev"}
