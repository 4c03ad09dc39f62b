package vnet

import (
	"fmt"
	"slices"

	"github.com/lensnet/lensnet/vnet/netxml"
)

// exclusive reports whether a port's plug keeps its device for itself:
// passthrough, private with an 802.1Qbh virtualport, and hostdev.
func exclusive(n *netxml.Network, p *netxml.Port) bool {
	pl := p.Plug
	if pl == nil {
		return false
	}
	switch pl.Type {
	case netxml.PlugHostdevPCI:
		return true
	case netxml.PlugDirect:
		return pl.Mode == netxml.DirectPassthrough ||
			pl.Mode == netxml.DirectPrivate && p.VirtualPort != nil && p.VirtualPort.Type == netxml.VirtualPort8021Qbh
	}
	return false
}

// mode is the network's forward mode, ForwardUnset for isolated.
func mode(n *netxml.Network) netxml.ForwardMode {
	if n.Forward == nil {
		return netxml.ForwardUnset
	}
	return n.Forward.Mode
}

// directModes are the macvtap modes of the pool modes.
var directModes = map[netxml.ForwardMode]netxml.DirectMode{
	netxml.ForwardBridge:      netxml.DirectBridge,
	netxml.ForwardPrivate:     netxml.DirectPrivate,
	netxml.ForwardVEPA:        netxml.DirectVEPA,
	netxml.ForwardPassthrough: netxml.DirectPassthrough,
}

// merge fills in a port's settings from its portgroup (the one named,
// else the network's default) and the network: the port's own win
// over the portgroup's, which win over the network's; virtualports
// are merged, and the same parameter given two values is an error.
func merge(n *netxml.Network, p *netxml.Port) error {
	var pg *netxml.PortGroup
	for i := range n.PortGroups {
		g := &n.PortGroups[i]
		if p.Group != "" && g.Name == p.Group || p.Group == "" && g.Default {
			pg = g
		}
	}
	if p.Group != "" && pg == nil {
		return fmt.Errorf("%w: network %s has no portgroup %s", ErrInvalidPort, n.Name, p.Group)
	}
	var vps []*netxml.VirtualPort
	vps = append(vps, p.VirtualPort)
	if pg != nil {
		p.Group = pg.Name
		vps = append(vps, pg.VirtualPort)
		if p.Bandwidth == nil && pg.Bandwidth != nil {
			p.Bandwidth = clone(pg.Bandwidth)
		}
		if p.VLAN == nil && pg.VLAN != nil {
			p.VLAN = clone(pg.VLAN)
		}
		if p.TrustGuestRxFilters == nil && pg.TrustGuestRxFilters != nil {
			p.TrustGuestRxFilters = new(*pg.TrustGuestRxFilters)
		}
	}
	vps = append(vps, n.VirtualPort)
	vp, err := mergeVirtualPorts(vps...)
	if err != nil {
		return fmt.Errorf("%w: network %s: %v", ErrInvalidPort, n.Name, err)
	}
	p.VirtualPort = vp
	if p.VLAN == nil && n.VLAN != nil {
		p.VLAN = clone(n.VLAN)
	}
	if p.TrustGuestRxFilters == nil && n.TrustGuestRxFilters != nil {
		p.TrustGuestRxFilters = new(*n.TrustGuestRxFilters)
	}
	if p.Isolated == nil && n.PortIsolated != nil {
		p.Isolated = new(*n.PortIsolated)
	}
	return nil
}

func clone[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

// mergeVirtualPorts merges virtualports (nil ones skipped): the type
// and each parameter may be given by several, with one value.
func mergeVirtualPorts(vps ...*netxml.VirtualPort) (*netxml.VirtualPort, error) {
	var out *netxml.VirtualPort
	for _, v := range vps {
		if v == nil {
			continue
		}
		if out == nil {
			out = clone(v)
			continue
		}
		if v.Type != netxml.VirtualPortUnset {
			if out.Type != netxml.VirtualPortUnset && out.Type != v.Type {
				return nil, fmt.Errorf("conflicting virtualport types %s and %s", out.Type, v.Type)
			}
			out.Type = v.Type
		}
		if err := mergePtr(&out.ManagerID, v.ManagerID, "managerid"); err != nil {
			return nil, err
		}
		if err := mergePtr(&out.TypeID, v.TypeID, "typeid"); err != nil {
			return nil, err
		}
		if err := mergePtr(&out.TypeIDVersion, v.TypeIDVersion, "typeidversion"); err != nil {
			return nil, err
		}
		for _, f := range []struct {
			dst  *string
			src  string
			name string
		}{{&out.InstanceID, v.InstanceID, "instanceid"}, {&out.ProfileID, v.ProfileID, "profileid"}, {&out.InterfaceID, v.InterfaceID, "interfaceid"}} {
			if f.src == "" {
				continue
			}
			if *f.dst != "" && *f.dst != f.src {
				return nil, fmt.Errorf("conflicting virtualport %s %q and %q", f.name, *f.dst, f.src)
			}
			*f.dst = f.src
		}
	}
	return out, nil
}

func mergePtr[T comparable](dst **T, src *T, name string) error {
	if src == nil {
		return nil
	}
	if *dst != nil && **dst != *src {
		return fmt.Errorf("conflicting virtualport %s %v and %v", name, **dst, *src)
	}
	*dst = new(*src)
	return nil
}

// allocate chooses the port's plug on the network: the network's
// bridge, the pool device with the fewest connections (bridge,
// private, vepa), a free device (passthrough, 802.1Qbh private,
// hostdev).
func allocate(n *netxml.Network, x *portIndex, p *netxml.Port) error {
	m := mode(n)
	switch {
	case m == netxml.ForwardUnset || m.OwnsBridge():
		p.Plug = &netxml.Plug{Type: netxml.PlugNetwork, Bridge: n.Bridge.Name, MACTableManager: n.Bridge.MACTableManager}
		return nil
	case m == netxml.ForwardBridge && n.Bridge != nil && n.Bridge.Name != "":
		p.Plug = &netxml.Plug{Type: netxml.PlugBridge, Bridge: n.Bridge.Name, MACTableManager: n.Bridge.MACTableManager}
		return nil
	case m == netxml.ForwardHostdev:
		f := n.Forward
		if len(f.Addresses) == 0 {
			return fmt.Errorf("%w: network %s: a pool of the VFs of %s is not supported: list the PCI addresses", ErrInvalidPort, n.Name, f.PF)
		}
		pl := &netxml.Plug{Type: netxml.PlugHostdevPCI, Managed: new(f.Managed)}
		if f.Driver != nil {
			pl.Driver = f.Driver.Name
		}
		for _, a := range f.Addresses {
			if x.conns[a.String()] == 0 {
				pl.Address = a
				p.Plug = pl
				return nil
			}
		}
		return fmt.Errorf("%w: network %s: all %d PCI devices are in use", ErrPoolExhausted, n.Name, len(f.Addresses))
	}
	dm, ok := directModes[m]
	if !ok || len(n.Forward.Interfaces) == 0 {
		return fmt.Errorf("%w: network %s (mode %s) has no device pool", ErrInvalidPort, n.Name, m)
	}
	p.Plug = &netxml.Plug{Type: netxml.PlugDirect, Mode: dm}
	pool := n.Forward.Interfaces
	if exclusive(n, p) {
		for _, d := range pool {
			if x.conns[d.Dev] == 0 {
				p.Plug.Dev = d.Dev
				return nil
			}
		}
		p.Plug = nil
		return fmt.Errorf("%w: network %s: all %d devices are in use (%s gives each port a device of its own)", ErrPoolExhausted, n.Name, len(pool), m)
	}
	best := ""
	for _, d := range pool {
		if _, held := x.holder[d.Dev]; !held && (best == "" || x.conns[d.Dev] < x.conns[best]) {
			best = d.Dev
		}
	}
	if best == "" {
		p.Plug = nil
		return fmt.Errorf("%w: network %s: every device is held by a port alone", ErrPoolExhausted, n.Name)
	}
	p.Plug.Dev = best
	return nil
}

// checkReclaim checks that a plug a port brings back is one the
// network could have given it, and is not another port's.
func checkReclaim(n *netxml.Network, x *portIndex, p *netxml.Port) error {
	want := &netxml.Port{VirtualPort: p.VirtualPort}
	m := mode(n)
	pl := p.Plug
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: port %s: reclaimed plug %s: %s", ErrInvalidPort, p.UUID, pl.Type, fmt.Sprintf(format, args...))
	}
	switch {
	case m == netxml.ForwardUnset || m.OwnsBridge() || m == netxml.ForwardBridge && n.Bridge != nil && n.Bridge.Name != "":
		if err := allocate(n, x, want); err != nil {
			return err
		}
		if pl.Type != want.Plug.Type || pl.Bridge != want.Plug.Bridge {
			return bad("network %s plugs into %s %s", n.Name, want.Plug.Type, want.Plug.Bridge)
		}
	case m == netxml.ForwardHostdev:
		if pl.Type != netxml.PlugHostdevPCI || !slices.Contains(n.Forward.Addresses, pl.Address) {
			return bad("%s is not in network %s's PCI pool", pl.Address, n.Name)
		}
	default:
		dm := directModes[m]
		if pl.Type != netxml.PlugDirect || pl.Mode != dm {
			return bad("network %s plugs macvtap devices in mode %s", n.Name, dm)
		}
		if !slices.ContainsFunc(n.Forward.Interfaces, func(i netxml.ForwardInterface) bool { return i.Dev == pl.Dev }) {
			return bad("%s is not in network %s's pool", pl.Dev, n.Name)
		}
	}
	k := plugKey(pl)
	if h, ok := x.holder[k]; ok {
		return fmt.Errorf("%w: port %s: %s is held by port %s", ErrPortConflict, p.UUID, k, h)
	}
	if exclusive(n, p) && x.conns[k] > 0 {
		return fmt.Errorf("%w: port %s: %s, which it would hold alone, is used by %d other ports", ErrPortConflict, p.UUID, k, x.conns[k])
	}
	return nil
}

// reserve checks a port's floor against the network's inbound rate
// (its peak, else its average), which the floors of all its ports may
// not exceed, and gives a port with a floor a classID (the first free
// from 3, as libvirt numbers them) unless it brings one back.
func reserve(n *netxml.Network, x *portIndex, p *netxml.Port) error {
	floor := floorOf(p.Bandwidth)
	if floor == 0 {
		return nil
	}
	m := mode(n)
	if !(m == netxml.ForwardUnset || m.OwnsBridge()) {
		return fmt.Errorf("%w: port %s: a floor needs a network with a bridge of its own (nat, route, open or isolated), not mode %s", ErrInvalidPort, p.UUID, m)
	}
	if n.Bandwidth == nil || n.Bandwidth.Inbound == nil {
		return fmt.Errorf("%w: port %s: a floor needs the network's inbound bandwidth, and network %s has none", ErrInvalidPort, p.UUID, n.Name)
	}
	limit := n.Bandwidth.Inbound.Average
	if pk := n.Bandwidth.Inbound.Peak; pk != 0 {
		limit = pk
	}
	if x.floor+floor > limit {
		return fmt.Errorf("%w: port %s: inbound floors would total %d kB/s, over network %s's %d", ErrOvercommit, p.UUID, x.floor+floor, n.Name, limit)
	}
	if p.ClassID != 0 {
		if h, ok := x.classIDs[p.ClassID]; ok {
			return fmt.Errorf("%w: port %s: classID %d is port %s's", ErrPortConflict, p.UUID, p.ClassID, h)
		}
		return nil
	}
	id := uint32(3)
	for x.classIDs[id] != "" {
		id++
	}
	p.ClassID = id
	return nil
}
