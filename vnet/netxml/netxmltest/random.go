package netxmltest

import (
	"fmt"
	"math/rand/v2"
	"net/netip"

	"github.com/lensnet/lensnet/vnet/netxml"
)

// Options narrow what Random makes.
type Options struct {
	// Schema90 leaves out what libvirt 9.0's network.rng (Debian 12's
	// libvirt0) does not know: <title>, <description>, <domain
	// register> and <driver model>.
	Schema90 bool
}

// Random returns a random network that passes Validate, in canonical
// form. Every element and attribute of the model turns up with fair
// probability across forward modes: isolated, nat, route, open
// (owning a bridge, with IPs, DHCP, DNS, routes), bridge, private,
// vepa, passthrough and hostdev (pools, pf, driver, portgroups,
// virtualports).
func Random(r *rand.Rand) *netxml.Network { return RandomWith(r, Options{}) }

// RandomWith is Random with options.
func RandomWith(r *rand.Rand, o Options) *netxml.Network {
	g := &gen{r: r, o: o}
	return g.network()
}

type gen struct {
	r *rand.Rand
	o Options
}

func (g *gen) maybe() bool { return g.r.IntN(2) == 0 }

func (g *gen) boolp() *bool {
	if g.maybe() {
		return nil
	}
	return new(g.maybe())
}

func (g *gen) pick(words ...string) string { return words[g.r.IntN(len(words))] }

func (g *gen) uuid() string {
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", g.r.Uint32(), g.r.IntN(1<<16), g.r.IntN(1<<12), 0x8000|g.r.IntN(1<<14), g.r.Uint64()&(1<<48-1))
}

func (g *gen) mac() string {
	return fmt.Sprintf("52:54:00:%02x:%02x:%02x", g.r.IntN(256), g.r.IntN(256), g.r.IntN(256))
}

func (g *gen) network() *netxml.Network {
	n := &netxml.Network{Name: g.pick("default", "net0", "lab-nat", "routed_1", "ovs", "pool", "tftp-only", "name with space")}
	if g.maybe() {
		n.UUID = g.uuid()
	}
	if g.maybe() {
		n.TrustGuestRxFilters = g.boolp()
	}
	if g.r.IntN(4) == 0 {
		n.Connections = new(uint32(1 + g.r.IntN(20)))
	}
	if !g.o.Schema90 && g.r.IntN(3) == 0 {
		n.Title = g.pick("Lab network", "a <b> & 'c'")
		n.Description = g.pick("Several\nlines of text.", "x")
	}
	if g.r.IntN(4) == 0 {
		n.Metadata = g.pick(`<app1:foo xmlns:app1="http://foo.org/">fooish</app1:foo>`,
			"<a:x xmlns:a=\"urn:a\" k=\"v\">\n  <a:y/>\n</a:x>\n<b:z xmlns:b=\"urn:b\"/>")
	}
	mode := []netxml.ForwardMode{netxml.ForwardUnset, netxml.ForwardNAT, netxml.ForwardRoute, netxml.ForwardOpen,
		netxml.ForwardBridge, netxml.ForwardPrivate, netxml.ForwardVEPA, netxml.ForwardPassthrough, netxml.ForwardHostdev}[g.r.IntN(9)]
	owns := mode == netxml.ForwardUnset || mode.OwnsBridge()
	if owns {
		g.owned(n, mode)
	} else {
		g.pooled(n, mode)
	}
	if g.r.IntN(4) == 0 {
		n.VLAN = g.vlan()
	}
	if g.r.IntN(3) == 0 {
		n.PortIsolated = new(g.maybe())
	}
	if g.r.IntN(4) == 0 {
		n.DnsmasqOptions = []string{"foo=bar", "cname=*.apps.example.com,master.example.com"}[:1+g.r.IntN(2)]
	}
	for i := range g.r.IntN(3) {
		pg := netxml.PortGroup{Name: []string{"bob", "alice", "native"}[i], Default: i == 0 && g.maybe(), TrustGuestRxFilters: g.boolp()}
		if g.maybe() {
			pg.VLAN = g.vlan()
		}
		if g.maybe() {
			pg.VirtualPort = g.virtualport(true)
		}
		if g.maybe() {
			pg.Bandwidth = g.bandwidth()
		}
		n.PortGroups = append(n.PortGroups, pg)
	}
	if g.r.IntN(3) == 0 {
		n.VirtualPort = g.virtualport(false)
	}
	return n
}

// owned fills in a network that owns its bridge (isolated, nat, route
// or open).
func (g *gen) owned(n *netxml.Network, mode netxml.ForwardMode) {
	b := &netxml.Bridge{STP: new(g.r.IntN(4) != 0), Delay: new(uint64(g.r.IntN(3)))}
	if g.r.IntN(5) != 0 {
		b.Name = fmt.Sprintf("virbr%d", g.r.IntN(20))
	}
	if g.r.IntN(4) == 0 {
		b.Zone = g.pick("libvirt", "myzone", "trusted_1")
	}
	if g.r.IntN(4) == 0 {
		b.MACTableManager = netxml.MACTableManager(1 + g.r.IntN(2))
	}
	n.Bridge = b
	if mode != netxml.ForwardUnset {
		f := &netxml.Forward{Mode: mode}
		if mode != netxml.ForwardOpen && g.maybe() {
			f.Interfaces = []netxml.ForwardInterface{{Dev: g.pick("eth0", "eth1", "enp1s0")}}
			if g.r.IntN(4) == 0 {
				f.Interfaces[0].Connections = new(uint32(1 + g.r.IntN(5)))
			}
		}
		if mode == netxml.ForwardNAT && g.maybe() {
			nat := &netxml.NAT{IPv6: g.boolp()}
			if g.maybe() {
				nat.Address = &netxml.AddrRange{Start: netip.MustParseAddr("10.20.30.40"), End: netip.MustParseAddr("10.20.30.44")}
			}
			if g.maybe() || nat.IPv6 == nil && nat.Address == nil {
				nat.Port = &netxml.PortRange{Start: 1024, End: uint16(1024 + g.r.IntN(60000))}
			}
			f.NAT = nat
		}
		n.Forward = f
	}
	if g.maybe() {
		n.MTU = new(uint16(1280 + g.r.IntN(8000)))
	}
	if g.maybe() {
		n.MAC = g.mac()
	}
	if g.maybe() {
		n.IPv6 = g.r.IntN(4) == 0
	}
	if g.maybe() {
		d := &netxml.Domain{Name: g.pick("example.com", "lab"), LocalOnly: g.boolp()}
		if !g.o.Schema90 && d.LocalOnly != nil && *d.LocalOnly {
			d.Register = g.boolp()
		}
		n.Domain = d
	}
	if g.maybe() {
		n.Bandwidth = g.bandwidth()
	}
	// IPv4 and IPv6 addresses, DHCP on the first of each family
	nips := g.r.IntN(4)
	if mode == netxml.ForwardNAT || mode == netxml.ForwardRoute {
		nips = max(nips, 1)
	}
	dhcp4, dhcp6 := false, false
	for i := range nips {
		six := g.r.IntN(3) == 0
		var ip netxml.IP
		if six {
			ip = netxml.IP{Family: "ipv6", Address: netip.MustParseAddr(fmt.Sprintf("2001:db8:ac10:fd%02x::1", i))}
			if g.maybe() {
				ip.Prefix = new(uint8(64))
			}
		} else {
			ip = netxml.IP{Address: netip.MustParseAddr(fmt.Sprintf("192.168.%d.1", 100+i)), Family: g.pick("", "ipv4")}
			switch g.r.IntN(3) {
			case 0:
				ip.Netmask = netip.MustParseAddr("255.255.255.0")
			case 1:
				ip.Prefix = new(uint8(24))
			}
			if g.r.IntN(4) == 0 {
				ip.TFTPRoot = "/var/lib/tftproot"
			}
		}
		ip.LocalPtr = g.boolp()
		if six && !dhcp6 && g.maybe() {
			dhcp6 = true
			ip.DHCP = g.dhcp6(i)
		}
		if !six && !dhcp4 && g.maybe() {
			dhcp4 = true
			ip.DHCP = g.dhcp4(i)
		}
		n.IPs = append(n.IPs, ip)
	}
	if len(n.IPs) > 0 && g.maybe() {
		gw := n.IPs[0].Address.Next()
		r := netxml.Route{Gateway: gw, Metric: nil}
		if gw.Is6() {
			r.Family = "ipv6"
			r.Address = netip.MustParseAddr("2001:db8:ffff::")
			r.Prefix = new(uint8(48))
		} else {
			r.Family = g.pick("", "ipv4")
			r.Address = netip.MustParseAddr("10.99.0.0")
			if g.maybe() {
				r.Netmask = netip.MustParseAddr("255.255.0.0")
			} else {
				r.Prefix = new(uint8(16))
			}
		}
		if g.maybe() {
			r.Metric = new(uint32(1 + g.r.IntN(100)))
		}
		n.Routes = append(n.Routes, r)
	}
	if g.maybe() {
		n.DNS = g.dns()
	}
}

func (g *gen) lease() *netxml.Lease {
	switch g.r.IntN(5) {
	case 0:
		return &netxml.Lease{Expiry: 0}
	case 1:
		return &netxml.Lease{Expiry: uint64(120 + g.r.IntN(1000)), Unit: netxml.LeaseSeconds}
	case 2:
		return &netxml.Lease{Expiry: uint64(2 + g.r.IntN(100)), Unit: netxml.LeaseMinutes}
	case 3:
		return &netxml.Lease{Expiry: uint64(1 + g.r.IntN(48)), Unit: netxml.LeaseHours}
	}
	return nil
}

func (g *gen) dhcp4(i int) *netxml.DHCP {
	d := &netxml.DHCP{}
	net := 100 + i
	if g.r.IntN(4) != 0 {
		d.Ranges = append(d.Ranges, netxml.Range{Start: netip.MustParseAddr(fmt.Sprintf("192.168.%d.100", net)), End: netip.MustParseAddr(fmt.Sprintf("192.168.%d.200", net)), Lease: g.lease()})
	}
	for h := range g.r.IntN(4) {
		host := netxml.DHCPHost{IP: netip.MustParseAddr(fmt.Sprintf("192.168.%d.%d", net, 10+h)), Lease: g.lease()}
		switch g.r.IntN(3) {
		case 0:
			host.MAC = fmt.Sprintf("00:16:3e:77:e2:%02x", h)
		case 1:
			host.Name = fmt.Sprintf("host%d.example.com", h)
		default:
			host.MAC = fmt.Sprintf("00:16:3E:77:E2:%02X", h)
			host.Name = fmt.Sprintf("h%d", h)
		}
		d.Hosts = append(d.Hosts, host)
	}
	if len(d.Ranges)+len(d.Hosts) == 0 {
		d.Hosts = append(d.Hosts, netxml.DHCPHost{Name: "only", IP: netip.MustParseAddr(fmt.Sprintf("192.168.%d.5", net))})
	}
	if g.r.IntN(3) == 0 {
		d.BootP = &netxml.BootP{File: "pxeboot.img"}
		if g.maybe() {
			d.BootP.Server = netip.MustParseAddr("10.20.30.40")
		}
	}
	return d
}

func (g *gen) dhcp6(i int) *netxml.DHCP {
	d := &netxml.DHCP{}
	pfx := fmt.Sprintf("2001:db8:ac10:fd%02x::", i)
	if g.maybe() {
		d.Ranges = append(d.Ranges, netxml.Range{Start: netip.MustParseAddr(pfx + "1:10"), End: netip.MustParseAddr(pfx + "1:ff"), Lease: g.lease()})
	}
	for h := range 1 + g.r.IntN(3) {
		host := netxml.DHCPHost{IP: netip.MustParseAddr(fmt.Sprintf("%s2:%x", pfx, h+1))}
		switch g.r.IntN(3) {
		case 0:
			host.ID = fmt.Sprintf("0:3:0:1:0:16:3e:11:22:%x", h)
		case 1:
			host.Name = fmt.Sprintf("peter%d", h)
		default:
			host.ID = fmt.Sprintf("0:1:0:1:18:aa:62:fe:0:16:3e:44:55:%02x", h)
			host.Name = fmt.Sprintf("bob%d.xyz", h)
		}
		d.Hosts = append(d.Hosts, host)
	}
	return d
}

func (g *gen) dns() *netxml.DNS {
	d := &netxml.DNS{ForwardPlainNames: g.boolp()}
	if g.r.IntN(5) == 0 {
		d.Enable = new(false)
		return d
	}
	if g.maybe() {
		d.Enable = new(true)
	}
	for i := range g.r.IntN(3) {
		f := netxml.Forwarder{}
		switch g.r.IntN(3) {
		case 0:
			f.Addr = netip.MustParseAddr(fmt.Sprintf("8.8.%d.8", i))
		case 1:
			f.Domain = fmt.Sprintf("d%d.example.com", i)
		default:
			f.Domain = "example.com"
			f.Addr = netip.MustParseAddr("2001:4860:4860::8888")
		}
		d.Forwarders = append(d.Forwarders, f)
	}
	for i := range g.r.IntN(3) {
		d.TXTs = append(d.TXTs, netxml.TXT{Name: fmt.Sprintf("txt%d", i), Value: g.pick("example value", "a 'quoted' & <odd> value", "")})
	}
	for i := range g.r.IntN(3) {
		s := netxml.SRV{Service: g.pick("name", "ldap", "_sip"), Protocol: g.pick("tcp", "udp"), Domain: fmt.Sprintf("d%d", i)}
		if g.maybe() {
			s.Target = "."
			s.Port = uint16(1 + g.r.IntN(65535))
			s.Priority = uint16(g.r.IntN(20))
			s.Weight = uint16(g.r.IntN(20))
		}
		d.SRVs = append(d.SRVs, s)
	}
	for i := range g.r.IntN(3) {
		h := netxml.DNSHost{IP: netip.MustParseAddr(fmt.Sprintf("192.168.122.%d", 2+i)), Hostnames: []string{"host", "gateway", "names"}[:1+g.r.IntN(3)]}
		if g.maybe() {
			h.IP = netip.MustParseAddr(fmt.Sprintf("fd8f:1391:3a82:150::%x", i+1))
		}
		d.Hosts = append(d.Hosts, h)
	}
	if d.Enable == nil && d.ForwardPlainNames == nil && len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) == 0 {
		d.Enable = new(true)
	}
	return d
}

// pooled fills in a network that uses what the host has: a bridge, or
// a pool of devices.
func (g *gen) pooled(n *netxml.Network, mode netxml.ForwardMode) {
	f := &netxml.Forward{Mode: mode}
	n.Forward = f
	pool := func() {
		for i := range 1 + g.r.IntN(4) {
			fi := netxml.ForwardInterface{Dev: fmt.Sprintf("eth%d", i+1)}
			if g.r.IntN(5) == 0 {
				fi.Connections = new(uint32(1 + g.r.IntN(3)))
			}
			f.Interfaces = append(f.Interfaces, fi)
		}
	}
	pci := func() {
		for i := range 1 + g.r.IntN(4) {
			f.Addresses = append(f.Addresses, netxml.PCIAddress{Domain: 0, Bus: 3, Slot: uint8(g.r.IntN(32)), Function: uint8(i)})
		}
	}
	switch mode {
	case netxml.ForwardBridge:
		switch g.r.IntN(3) {
		case 0:
			n.Bridge = &netxml.Bridge{Name: g.pick("br0", "ovsbr0")}
			if g.maybe() {
				n.Bridge.MACTableManager = netxml.MACTableManager(1 + g.r.IntN(2))
			}
			if g.maybe() {
				n.Bandwidth = g.bandwidth()
			}
		case 1:
			pool()
		default:
			f.PF = "eth9"
		}
	case netxml.ForwardHostdev:
		f.Managed = g.maybe()
		if g.maybe() {
			pci()
		} else {
			f.PF = "eth2"
		}
		if g.maybe() {
			f.Driver = &netxml.Driver{Name: netxml.DriverName(1 + g.r.IntN(2))}
			if !g.o.Schema90 && g.maybe() {
				f.Driver.Model = "vfio-pci-igb"
			}
		}
	case netxml.ForwardPassthrough:
		switch g.r.IntN(3) {
		case 0:
			pool()
		case 1:
			pci()
		default:
			f.PF = "eth0"
		}
	default:
		if g.r.IntN(4) == 0 {
			f.PF = "eth0"
		} else {
			pool()
		}
	}
}

func (g *gen) bandwidth() *netxml.Bandwidth {
	b := &netxml.Bandwidth{}
	rate := func() *netxml.Rate {
		r := &netxml.Rate{Average: uint64(1 + g.r.IntN(100000))}
		if g.maybe() {
			r.Peak = r.Average * 2
		}
		if g.maybe() {
			r.Burst = uint64(1 + g.r.IntN(4096))
		}
		return r
	}
	if g.maybe() {
		b.Inbound = rate()
	}
	if g.maybe() || b.Inbound == nil {
		b.Outbound = rate()
	}
	return b
}

func (g *gen) vlan() *netxml.VLAN {
	v := &netxml.VLAN{}
	for i := range 1 + g.r.IntN(3) {
		v.Tags = append(v.Tags, netxml.VLANTag{ID: uint16(100*i + g.r.IntN(100))})
	}
	v.Trunk = len(v.Tags) > 1 || g.r.IntN(3) == 0
	if v.Trunk && g.maybe() {
		v.Tags[0].NativeMode = netxml.NativeMode(1 + g.r.IntN(2))
	}
	return v
}

func (g *gen) virtualport(untypedOK bool) *netxml.VirtualPort {
	t := netxml.VirtualPortType(1 + g.r.IntN(4))
	if untypedOK && g.r.IntN(3) == 0 {
		t = netxml.VirtualPortUnset
	}
	v := &netxml.VirtualPort{Type: t}
	switch t {
	case netxml.VirtualPort8021Qbg, netxml.VirtualPortUnset:
		if g.maybe() {
			v.ManagerID = new(uint8(g.r.IntN(256)))
		}
		if g.maybe() {
			v.TypeID = new(uint32(g.r.IntN(1 << 24)))
		}
		if g.maybe() {
			v.TypeIDVersion = new(uint8(g.r.IntN(256)))
		}
		if g.maybe() {
			v.InstanceID = g.uuid()
		}
		if t == netxml.VirtualPortUnset {
			v.ProfileID = "bob-profile"
		}
	case netxml.VirtualPort8021Qbh:
		if g.maybe() {
			v.ProfileID = "spongebob24"
		}
	case netxml.VirtualPortOpenvswitch:
		if g.maybe() {
			v.ProfileID = "ovs-profile"
		}
		if g.maybe() {
			v.InterfaceID = g.uuid()
		}
	case netxml.VirtualPortMidonet:
		v.InterfaceID = g.uuid()
	}
	return v
}
