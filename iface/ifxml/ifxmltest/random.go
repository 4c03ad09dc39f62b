package ifxmltest

import (
	"fmt"
	"math/rand/v2"
	"net/netip"

	"github.com/lensnet/lensnet/iface/ifxml"
)

// Random returns a random interface that passes Validate. Every element
// and attribute the schema allows turns up with fair probability (each
// optional one absent about half the time), nesting included: bridges
// with ethernet, vlan and bond ports, bonds with ethernet slaves. Names
// are realistic (eth3, enp2s0, br0, bond1, eth0.42, vlan42) and
// distinct within the interface.
func Random(r *rand.Rand) *ifxml.Interface {
	g := &gen{r: r, used: map[string]bool{}}
	t := []ifxml.Type{ifxml.TypeEthernet, ifxml.TypeBridge, ifxml.TypeBond, ifxml.TypeVLAN}[r.IntN(4)]
	return g.iface(t, true)
}

type gen struct {
	r    *rand.Rand
	used map[string]bool
}

func (g *gen) maybe() bool { return g.r.IntN(2) == 0 }

// name returns a fresh name made by f, which draws a number.
func (g *gen) name(f func(n int) string) string {
	for {
		s := f(g.r.IntN(20))
		if !g.used[s] {
			g.used[s] = true
			return s
		}
	}
}

func (g *gen) ethName() string {
	return g.name(func(n int) string {
		if n%3 == 0 {
			return fmt.Sprintf("enp%ds%d", n/3, g.r.IntN(4))
		}
		return fmt.Sprintf("eth%d", n)
	})
}

func (g *gen) iface(t ifxml.Type, top bool) *ifxml.Interface {
	ifc := &ifxml.Interface{Type: t}
	switch t {
	case ifxml.TypeEthernet:
		ifc.Name = g.ethName()
		if g.maybe() {
			ifc.MAC = g.mac()
		}
	case ifxml.TypeBridge:
		ifc.Name = g.name(func(n int) string { return fmt.Sprintf([]string{"br%d", "virbr%d", "bridge%d"}[n%3], n) })
		ifc.Bridge = g.bridge()
	case ifxml.TypeBond:
		ifc.Name = g.name(func(n int) string { return fmt.Sprintf("bond%d", n) })
		ifc.Bond = g.bond()
	case ifxml.TypeVLAN:
		ifc.VLAN = &ifxml.VLAN{Tag: g.tag()}
		if g.maybe() {
			ifc.VLAN.Device = g.ethName()
			ifc.Name = g.name(func(int) string { return fmt.Sprintf("%s.%d", ifc.VLAN.Device, ifc.VLAN.Tag) })
		} else {
			ifc.VLAN.Device = g.name(func(n int) string { return fmt.Sprintf([]string{"eth%d", "bond%d"}[n%2], n) })
			ifc.Name = g.name(func(n int) string {
				if n%4 == 0 {
					return fmt.Sprintf("vlan%d", ifc.VLAN.Tag+uint16(n))
				}
				return fmt.Sprintf("vlan%d", ifc.VLAN.Tag)
			})
		}
	}
	if t != ifxml.TypeBridge && g.maybe() {
		ifc.Link = g.link()
	}
	if top {
		if g.maybe() {
			ifc.Start = ifxml.StartMode(1 + g.r.IntN(3))
		}
		if g.maybe() {
			ifc.MTU = new(g.pick32(0, 576, 1280, 1492, 1500, 9000, 65535, 1<<32-1))
		}
		if g.maybe() {
			ifc.IPv4 = g.ipv4()
		}
		if g.maybe() {
			ifc.IPv6 = g.ipv6()
		}
	}
	return ifc
}

func (g *gen) tag() uint16 {
	switch g.r.IntN(5) {
	case 0:
		return 0
	case 1:
		return 4095
	}
	return uint16(1 + g.r.IntN(4094))
}

func (g *gen) mac() string {
	b := make([]byte, 6)
	for i := range b {
		b[i] = byte(g.r.IntN(256))
	}
	f := "%02x:%02x:%02x:%02x:%02x:%02x"
	if g.r.IntN(4) == 0 {
		f = "%02X:%02X:%02X:%02X:%02X:%02X"
	}
	return fmt.Sprintf(f, b[0], b[1], b[2], b[3], b[4], b[5])
}

func (g *gen) pick32(vs ...uint32) uint32 {
	if g.r.IntN(4) == 0 {
		return g.r.Uint32()
	}
	return vs[g.r.IntN(len(vs))]
}

func (g *gen) link() *ifxml.Link {
	l := &ifxml.Link{}
	if g.maybe() {
		l.Speed = new(g.pick32(0, 10, 100, 1000, 10000, 100000))
	}
	if g.maybe() {
		l.State = ifxml.LinkState(1 + g.r.IntN(7))
	}
	return l
}

func (g *gen) bool() *bool {
	if g.maybe() {
		return nil
	}
	return new(g.maybe())
}

func (g *gen) dhcp() *ifxml.DHCP {
	if g.maybe() {
		return nil
	}
	return &ifxml.DHCP{PeerDNS: g.bool()}
}

func (g *gen) ipv4Addr() netip.Addr {
	var b [4]byte
	switch g.r.IntN(3) {
	case 0:
		b = [4]byte{192, 168, byte(g.r.IntN(256)), byte(g.r.IntN(256))}
	case 1:
		b = [4]byte{10, byte(g.r.IntN(256)), byte(g.r.IntN(256)), byte(1 + g.r.IntN(254))}
	default:
		for i := range b {
			b[i] = byte(g.r.IntN(256))
		}
	}
	return netip.AddrFrom4(b)
}

func (g *gen) ipv6Addr() netip.Addr {
	var b [16]byte
	switch g.r.IntN(4) {
	case 0: // 2001:db8::/32 with a small host part
		b[0], b[1], b[2], b[3] = 0x20, 0x01, 0x0d, 0xb8
		b[15] = byte(g.r.IntN(256))
	case 1: // link-local
		b[0], b[1] = 0xfe, 0x80
		for i := 8; i < 16; i++ {
			b[i] = byte(g.r.IntN(256))
		}
	case 2: // IPv4-mapped, written with a dotted quad
		return netip.AddrFrom16(g.ipv4Addr().As16())
	default:
		for i := range b {
			if g.maybe() {
				b[i] = byte(g.r.IntN(256))
			}
		}
	}
	return netip.AddrFrom16(b)
}

func (g *gen) addresses(v6 bool) []ifxml.Address {
	n := g.r.IntN(4)
	if n == 0 {
		return nil
	}
	max := 32
	if v6 {
		max = 128
	}
	as := make([]ifxml.Address, n)
	for i := range as {
		if v6 {
			as[i].Addr = g.ipv6Addr()
		} else {
			as[i].Addr = g.ipv4Addr()
		}
		if g.r.IntN(3) > 0 {
			as[i].Prefix = new(uint8(g.r.IntN(max + 1)))
		}
	}
	return as
}

func (g *gen) ipv4() *ifxml.IPv4 {
	p := &ifxml.IPv4{DHCP: g.dhcp(), Addresses: g.addresses(false)}
	if g.maybe() {
		p.Gateway = g.ipv4Addr()
	}
	return p
}

func (g *gen) ipv6() *ifxml.IPv6 {
	p := &ifxml.IPv6{Autoconf: g.maybe(), DHCP: g.dhcp(), Addresses: g.addresses(true)}
	if g.maybe() {
		p.Gateway = g.ipv6Addr()
	}
	return p
}

func (g *gen) bridge() *ifxml.Bridge {
	b := &ifxml.Bridge{STP: g.bool()}
	if g.maybe() {
		b.Delay = []string{"0", "0.01", "2", "2.5", "15", "30", fmt.Sprint(g.r.IntN(1000)), fmt.Sprintf("%d.%03d", g.r.IntN(100), g.r.IntN(1000))}[g.r.IntN(8)]
	}
	for range g.r.IntN(5) {
		t := []ifxml.Type{ifxml.TypeEthernet, ifxml.TypeEthernet, ifxml.TypeVLAN, ifxml.TypeBond}[g.r.IntN(4)]
		b.Ports = append(b.Ports, g.iface(t, false))
	}
	return b
}

func (g *gen) bond() *ifxml.Bond {
	b := &ifxml.Bond{}
	if g.r.IntN(4) > 0 {
		b.Mode = ifxml.BondMode(1 + g.r.IntN(7))
	}
	switch g.r.IntN(3) {
	case 0:
		m := &ifxml.MIIMon{Freq: g.pick32(0, 50, 100, 200)}
		if g.maybe() {
			m.DownDelay = new(g.pick32(0, 100, 200))
		}
		if g.maybe() {
			m.UpDelay = new(g.pick32(0, 10, 100, 200))
		}
		if g.maybe() {
			m.Carrier = ifxml.Carrier(1 + g.r.IntN(2))
		}
		b.MIIMon = m
	case 1:
		a := &ifxml.ARPMon{Interval: g.pick32(0, 100, 1000), Target: g.ipv4Addr()}
		if g.maybe() {
			a.Validate = ifxml.ARPValidate(1 + g.r.IntN(4))
		}
		b.ARPMon = a
	}
	for range 1 + g.r.IntN(4) {
		b.Slaves = append(b.Slaves, g.iface(ifxml.TypeEthernet, false))
	}
	return b
}
