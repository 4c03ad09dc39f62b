package iface

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/internal/kernel"
)

// kernel returns the handle on the network namespace the Conn works
// in (Options.NetNS; the process's own by default), opened on first use.
func (c *Conn) kernel() (*kernel.Handle, error) {
	if c.kern == nil {
		h, err := kernel.Open(c.netns)
		if err != nil {
			return nil, err
		}
		c.kern = h
	}
	return c.kern, nil
}

// Close releases what the Conn holds (its netlink sockets). It changes
// nothing.
func (c *Conn) Close() error {
	if c.kern != nil {
		err := c.kern.Close()
		c.kern = nil
		return err
	}
	return nil
}

// links returns the namespace's links by name.
func (c *Conn) links() (map[string]kernel.Link, error) {
	h, err := c.kernel()
	if err != nil {
		return nil, err
	}
	ls, err := h.Links()
	if err != nil {
		return nil, err
	}
	out := make(map[string]kernel.Link, len(ls))
	for _, l := range ls {
		out[l.Name] = l
	}
	return out, nil
}

// active tells whether a link is up as netcf and libvirt count it:
// administratively up and running (operationally up, or unknown as
// loopback and tun devices are); a bridge needs only to be up (it runs
// only once it has a port).
func active(l kernel.Link) bool {
	if !l.Up {
		return false
	}
	return l.Kind == "bridge" || l.OperState == "up" || l.OperState == "unknown"
}

// IsActive reports whether the interface is up in the kernel.
func (i *Interface) IsActive() (bool, error) {
	h, err := i.c.kernel()
	if err != nil {
		return false, err
	}
	l, err := h.Link(i.name)
	if errors.Is(err, kernel.ErrNoLink) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return active(l), nil
}

// Stats are an interface's traffic counters.
type Stats = kernel.Stats

// Stats returns the interface's counters: ErrInvalidState when the
// kernel has no such device.
func (i *Interface) Stats() (Stats, error) {
	h, err := i.c.kernel()
	if err != nil {
		return Stats{}, err
	}
	l, err := h.Link(i.name)
	if errors.Is(err, kernel.ErrNoLink) {
		return Stats{}, fmt.Errorf("%w: %s is not in the kernel", ErrInvalidState, i.name)
	}
	if err != nil {
		return Stats{}, err
	}
	return l.Stats, nil
}

// liveModel describes what the kernel has for name now: its type,
// MAC, MTU, link state, the addresses present, a bridge's ports, a
// bond's mode, monitor and slaves, a vlan's tag and parent. Start mode,
// dhcp and autoconf are configuration, not state: they are not there.
func (c *Conn) liveModel(name string) (*ifxml.Interface, error) {
	links, err := c.links()
	if err != nil {
		return nil, err
	}
	if _, ok := links[name]; !ok {
		return nil, fmt.Errorf("%w: %s is not in the kernel", ErrNoInterface, name)
	}
	m := liveIface(links, name, true, 0)
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("interface %s: the kernel's state has no interface XML: %w", name, err)
	}
	return m, nil
}

func liveIface(links map[string]kernel.Link, name string, top bool, depth int) *ifxml.Interface {
	l := links[name]
	m := &ifxml.Interface{Name: name}
	switch l.Kind {
	case "bridge":
		m.Type = ifxml.TypeBridge
	case "bond":
		m.Type = ifxml.TypeBond
	case "vlan":
		m.Type = ifxml.TypeVLAN
	default:
		m.Type = ifxml.TypeEthernet
	}
	if top {
		mtu := uint32(l.MTU)
		m.MTU = &mtu
		for _, p := range l.Addrs {
			prefix := uint8(p.Bits())
			a := ifxml.Address{Addr: p.Addr(), Prefix: &prefix}
			if p.Addr().Is4() {
				if m.IPv4 == nil {
					m.IPv4 = &ifxml.IPv4{}
				}
				m.IPv4.Addresses = append(m.IPv4.Addresses, a)
			} else {
				if m.IPv6 == nil {
					m.IPv6 = &ifxml.IPv6{}
				}
				m.IPv6.Addresses = append(m.IPv6.Addresses, a)
			}
		}
	}
	if m.Type != ifxml.TypeBridge {
		if st, ok := ifxml.ParseLinkState(l.OperState); ok {
			m.Link = &ifxml.Link{State: st}
		}
	}
	kids := func() []*ifxml.Interface {
		var names []string
		for n, k := range links {
			if k.Master == name {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		var out []*ifxml.Interface
		for _, n := range names {
			if depth < 4 {
				out = append(out, liveIface(links, n, false, depth+1))
			}
		}
		return out
	}
	switch m.Type {
	case ifxml.TypeEthernet:
		m.MAC = l.MAC
	case ifxml.TypeBridge:
		m.Bridge = &ifxml.Bridge{Ports: kids()}
		if b := l.Bridge; b != nil {
			stp := b.STP
			m.Bridge.STP = &stp
			m.Bridge.Delay = strconv.FormatFloat(b.ForwardDelay, 'f', -1, 64)
		}
	case ifxml.TypeBond:
		m.Bond = &ifxml.Bond{Slaves: kids()}
		if b := l.Bond; b != nil {
			m.Bond.Mode, _ = ifxml.ParseBondMode(b.Mode)
			switch {
			case b.MIIMon > 0:
				mm := &ifxml.MIIMon{Freq: uint32(b.MIIMon), Carrier: ifxml.CarrierIoctl}
				if b.UseCarrier {
					mm.Carrier = ifxml.CarrierNetif
				}
				if b.UpDelay > 0 {
					d := uint32(b.UpDelay)
					mm.UpDelay = &d
				}
				if b.DownDelay > 0 {
					d := uint32(b.DownDelay)
					mm.DownDelay = &d
				}
				m.Bond.MIIMon = mm
			case b.ARPInterval > 0 && len(b.ARPTargets) > 0:
				am := &ifxml.ARPMon{Interval: uint32(b.ARPInterval), Target: b.ARPTargets[0]}
				am.Validate, _ = ifxml.ParseARPValidate(b.ARPValidate)
				m.Bond.ARPMon = am
			}
		}
	case ifxml.TypeVLAN:
		if v := l.VLAN; v != nil {
			m.VLAN = &ifxml.VLAN{Tag: uint16(v.ID), Device: v.Parent}
		}
	}
	return m
}
