package vnet

import (
	"bytes"
	"crypto/rand"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/vnet/netxml"
)

// The errors of ports, for errors.Is.
var (
	// ErrNoPort: no port of that UUID on the network.
	ErrNoPort = errors.New("no such port")
	// ErrPortExists: a port of that UUID exists already (create it
	// with PortCreateFlags.Reclaim to take it back).
	ErrPortExists = errors.New("port already exists")
	// ErrPoolExhausted: every device a port could get is taken.
	ErrPoolExhausted = errors.New("device pool exhausted")
	// ErrPortConflict: a reclaimed port asks for what another port
	// holds.
	ErrPortConflict = errors.New("port conflicts with another port")
	// ErrOvercommit: the floors of the network's ports would exceed
	// its inbound bandwidth.
	ErrOvercommit = errors.New("bandwidth over-commit")
	// ErrInvalidPort: the port cannot be made on this network (no
	// such portgroup, conflicting virtualport parameters, a plug the
	// network cannot give...).
	ErrInvalidPort = errors.New("invalid port")
)

// PortCreateFlags are the options of CreatePort.
type PortCreateFlags struct {
	// Reclaim takes back what a port holds instead of allocating: a
	// port of the same UUID that exists is returned as it is; one
	// that does not is made again with the plug its XML gives (the
	// networkport's <plug>, or the guest interface's <actual>),
	// which must be free. Without Reclaim, a plug in the XML is an
	// error, as in libvirt.
	Reclaim bool
	// Owner is the owner of a port made from a guest interface
	// (networkport XML names its own): the guest's name and UUID.
	// nil gives an owner with no name and the nil UUID.
	Owner *netxml.PortOwner
}

// Port is one port of a network.
type Port struct {
	n   *Network
	def *netxml.Port
	// guest is the interface the port was made from in this
	// process, for Actual; nil otherwise.
	guest *netxml.Interface
}

// UUID returns the port's UUID.
func (p *Port) UUID() string { return p.def.UUID }

// Network returns the port's network.
func (p *Port) Network() *Network { return p.n }

// Def returns a copy of the port's model.
func (p *Port) Def() *netxml.Port {
	b, _ := p.def.Marshal()
	d, _ := netxml.ParsePort(b, "")
	return d
}

// XML returns the port as networkport XML (libvirt's canonical form).
func (p *Port) XML() ([]byte, error) { return p.def.Marshal() }

// Actual returns the guest interface's <actual> element: the plug
// (type and source) and the settings the port got that the guest did
// not ask for itself, coming from the portgroup or the network
// (virtualport, bandwidth, vlan, port isolation, trustGuestRxFilters).
// For a port not made from a guest interface by this Port's Conn
// (made from networkport XML, or looked up), the guest's own settings
// are not known and every setting of the port is given.
func (p *Port) Actual() ([]byte, error) {
	a := actualOf(p.def, p.guest)
	if a == nil {
		return nil, fmt.Errorf("%w: port %s has no plug", ErrInvalidPort, p.def.UUID)
	}
	return a.Marshal()
}

func actualOf(d *netxml.Port, g *netxml.Interface) *netxml.Actual {
	if d.Plug == nil {
		return nil
	}
	a := &netxml.Actual{Plug: *d.Plug, VirtualPort: d.VirtualPort, Bandwidth: d.Bandwidth, VLAN: d.VLAN,
		Isolated: d.Isolated, TrustGuestRxFilters: d.TrustGuestRxFilters}
	if g != nil {
		if same(a.VirtualPort, g.VirtualPort) {
			a.VirtualPort = nil
		}
		if same(a.Bandwidth, g.Bandwidth) {
			a.Bandwidth = nil
		}
		if same(a.VLAN, g.VLAN) {
			a.VLAN = nil
		}
		if same(a.Isolated, g.Isolated) {
			a.Isolated = nil
		}
		if same(a.TrustGuestRxFilters, g.TrustGuestRxFilters) {
			a.TrustGuestRxFilters = nil
		}
	}
	return a
}

// same reports whether two optional settings are equal (both unset
// counts).
func same[T any](a, b *T) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return reflect.DeepEqual(*a, *b)
}

// CreatePort makes a port on the running network from XML: libvirt's
// networkport XML, or a guest's <interface type='network'> (whose
// <source network> must name this network; its portid, if any, is the
// port's UUID). The port's settings are the XML's own, merged with its
// portgroup's (the default portgroup when none is named) and the
// network's; its plug is allocated (see the package documentation),
// its floor reserved, and the port kept as a file in the network's run
// directory. file names the XML in errors.
func (n *Network) CreatePort(data []byte, file string, flags PortCreateFlags) (*Port, error) {
	root, err := rootElement(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var req *netxml.Port
	var guest *netxml.Interface
	switch root {
	case "networkport":
		if req, err = netxml.ParsePort(data, file); err != nil {
			return nil, err
		}
	case "interface":
		if guest, err = netxml.ParseInterface(data, file); err != nil {
			return nil, err
		}
		if guest.Network != n.name {
			return nil, fmt.Errorf("%w: %s: the interface's network is %s, not %s", ErrInvalidPort, file, guest.Network, n.name)
		}
		if req, err = portOf(guest, flags.Owner); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: %s: <%s> is neither a <networkport> nor an <interface>", ErrInvalidPort, file, root)
	}
	p, err := n.createPort(req, flags.Reclaim)
	if err != nil {
		return nil, err
	}
	if guest != nil && p.def.UUID == req.UUID {
		p.guest = guest
	}
	return p, nil
}

// rootElement is the name of data's first element.
func rootElement(data []byte) (string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		t, err := d.Token()
		if err == io.EOF {
			return "", errors.New("no element")
		}
		if err != nil {
			return "", fmt.Errorf("not well-formed XML: %w", err)
		}
		if s, ok := t.(xml.StartElement); ok {
			return s.Name.Local, nil
		}
	}
}

// portOf is the port a guest interface asks for; with an <actual>,
// the port rebuilt from it (its settings where it has them, else the
// guest's).
func portOf(g *netxml.Interface, owner *netxml.PortOwner) (*netxml.Port, error) {
	p := &netxml.Port{UUID: g.PortID, MAC: g.MAC, Group: g.PortGroup,
		VirtualPort: g.VirtualPort, Bandwidth: g.Bandwidth, VLAN: g.VLAN, Isolated: g.Isolated, TrustGuestRxFilters: g.TrustGuestRxFilters}
	if owner != nil {
		p.Owner = *owner
	} else {
		p.Owner.UUID = "00000000-0000-0000-0000-000000000000"
	}
	if p.UUID == "" {
		p.UUID = newUUID()
	}
	if p.MAC == "" {
		p.MAC = randomMAC()
	}
	if a := g.Actual; a != nil {
		p.Plug = clone(&a.Plug)
		if a.VirtualPort != nil {
			p.VirtualPort = a.VirtualPort
		}
		if a.Bandwidth != nil {
			p.Bandwidth = a.Bandwidth
		}
		if a.VLAN != nil {
			p.VLAN = a.VLAN
		}
		if a.Isolated != nil {
			p.Isolated = a.Isolated
		}
		if a.TrustGuestRxFilters != nil {
			p.TrustGuestRxFilters = a.TrustGuestRxFilters
		}
	}
	return p, p.Validate()
}

func newUUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[:4], b[4:6], b[6:8], b[8:10], b[10:])
}

func (n *Network) createPort(req *netxml.Port, reclaim bool) (*Port, error) {
	c := n.c
	var out *Port
	err := c.changing(func() error {
		def, x, err := n.running()
		if err != nil {
			return err
		}
		if old, ok := x.ports[req.UUID]; ok {
			if !reclaim {
				return fmt.Errorf("%w: port %s on network %s", ErrPortExists, req.UUID, n.name)
			}
			out = &Port{n: n, def: old}
			return nil
		}
		switch {
		case reclaim && req.Plug == nil:
			return fmt.Errorf("%w: port %s: a reclaimed port needs its plug (a networkport <plug>, or the interface's <actual>)", ErrInvalidPort, req.UUID)
		case !reclaim && req.Plug != nil:
			return fmt.Errorf("%w: port %s: a port with a plug is reclaimed, not created: use the reclaim flag", ErrInvalidPort, req.UUID)
		}
		p := clone(req)
		if reclaim {
			if err := checkReclaim(def, x, p); err != nil {
				return err
			}
		} else {
			if err := merge(def, p); err != nil {
				return err
			}
			if err := allocate(def, x, p); err != nil {
				return err
			}
		}
		if err := reserve(def, x, p); err != nil {
			return err
		}
		if err := c.writePort(n.name, x, p, exclusive(def, p)); err != nil {
			return err
		}
		out = &Port{n: n, def: p}
		return nil
	})
	return out, err
}

// running returns the running network's definition and its port index
// (the caller holds the lock).
func (n *Network) running() (*netxml.Network, *portIndex, error) {
	e, err := n.c.entry(n.name)
	if err != nil {
		return nil, nil, err
	}
	if e.live == nil {
		return nil, nil, fmt.Errorf("%w: network %s is not active: ports live on running networks", ErrInvalidState, n.name)
	}
	x, err := n.c.index(n.name, e.live)
	if err != nil {
		return nil, nil, err
	}
	return e.live, x, nil
}

// Ports returns the network's ports, sorted by UUID.
func (n *Network) Ports() ([]*Port, error) {
	var out []*Port
	err := n.c.changing(func() error {
		_, x, err := n.running()
		if err != nil {
			return err
		}
		for _, p := range x.ports {
			out = append(out, &Port{n: n, def: p})
		}
		return nil
	})
	slices.SortFunc(out, func(a, b *Port) int { return strings.Compare(a.def.UUID, b.def.UUID) })
	return out, err
}

// LookupPort returns the port with that UUID (any case, dashed or
// not): ErrNoPort when the network has none.
func (n *Network) LookupPort(uuid string) (*Port, error) {
	u := canonUUID(uuid)
	var out *Port
	err := n.c.changing(func() error {
		_, x, err := n.running()
		if err != nil {
			return err
		}
		p, ok := x.ports[u]
		if !ok {
			return fmt.Errorf("%w: %s on network %s", ErrNoPort, uuid, n.name)
		}
		out = &Port{n: n, def: p}
		return nil
	})
	return out, err
}

func canonUUID(s string) string {
	h := normUUID(s)
	if len(h) != 32 {
		return s
	}
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// Delete removes the port, releasing exactly what its creation took
// (its device's connection, its floor and classID), and unplugs it
// first if it is plugged.
func (p *Port) Delete() error {
	n := p.n
	return n.c.changing(func() error {
		def, x, err := n.running()
		if err != nil {
			return err
		}
		cur, ok := x.ports[p.def.UUID]
		if !ok {
			return fmt.Errorf("%w: %s on network %s", ErrNoPort, p.def.UUID, n.name)
		}
		if err := n.unplug(def, cur); err != nil {
			return err
		}
		return n.c.removePort(n.name, x, cur)
	})
}

// Usage is what a network's ports take: Ports ports, Connections per
// device (bridge, pool device or PCI address), the inbound floor
// reserved (kB/s).
type Usage struct {
	Ports       int
	Connections map[string]int
	Floor       uint64
}

// Usage returns what the network's ports take now.
func (n *Network) Usage() (Usage, error) {
	var u Usage
	err := n.c.changing(func() error {
		_, x, err := n.running()
		if err != nil {
			return err
		}
		u = Usage{Ports: len(x.ports), Connections: map[string]int{}, Floor: x.floor}
		for k, v := range x.conns {
			u.Connections[k] = v
		}
		return nil
	})
	return u, err
}
