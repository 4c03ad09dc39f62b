package netxml

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/lensnet/lensnet/internal/xmlenum"
)

// Validate checks a model against the rules a document must meet: the
// schema's value rules, and libvirt's semantic checks (forward mode
// against bridge, MTU and pool; DHCP ranges inside their subnet; one
// DHCP block per family; static hosts unique by MAC, name and IP;
// routes through a gateway on the network...). Parse makes the same
// checks; Marshal makes them before writing. A model must also be in
// canonical form (see Network).
func (n *Network) Validate() error {
	return validate(n, "", nil)
}

// checker validates a model; lines, when it comes from a document,
// give the line of its parts.
type checker struct {
	file  string
	lines map[any]int
	n     *Network
	top   any // the model's root, for the default line (n when nil)
}

func validate(n *Network, file string, lines map[any]int) error {
	if n == nil {
		return &Error{File: file, Element: "<network>", Msg: "a nil network"}
	}
	c := &checker{file: file, lines: lines, n: n}
	return c.network()
}

// at is an error at the model part key (its line, or the network's),
// with path elem.
func (c *checker) at(key any, elem, format string, args ...any) error {
	line, ok := c.lines[key]
	if !ok && c.top != nil {
		line = c.lines[c.top]
	} else if !ok {
		line = c.lines[c.n]
	}
	return &Error{File: c.file, Line: line, Element: elem, Msg: fmt.Sprintf(format, args...)}
}

const root = "<network>"

func ipStep(ip *IP) string      { return stepOf("ip", "address", ip.Address.String()) }
func rangeStep(r *Range) string { return stepOf("range", "start", r.Start.String()) }
func hostStep(h *DHCPHost) string {
	switch {
	case h.MAC != "":
		return stepOf("host", "mac", h.MAC)
	case h.ID != "":
		return stepOf("host", "id", h.ID)
	case h.Name != "":
		return stepOf("host", "name", h.Name)
	}
	return stepOf("host", "ip", h.IP.String())
}

func (c *checker) network() error {
	n := c.n
	self := func(format string, args ...any) error { return c.at(n, root, format, args...) }
	if n.Name == "" {
		return self("a network needs a <name>")
	}
	if msg := checkNetworkName(n.Name); msg != "" {
		return c.at("<name>", root+"/<name>", "%s", msg)
	}
	if n.UUID != "" {
		if u, msg := parseUUID(n.UUID); msg != "" || u != n.UUID {
			return c.at("<uuid>", root+"/<uuid>", "%q is not a UUID in canonical form (lowercase, dashed)", n.UUID)
		}
	}
	if strings.ContainsAny(n.Title, "\r\n") {
		return c.at("<title>", root+"/<title>", "a title is one line")
	}
	if n.MAC != "" {
		if msg := checkMAC(n.MAC); msg != "" {
			return c.at("<mac>", root+"/<mac address>", "%s", msg)
		}
		if strings.ToLower(n.MAC) != n.MAC {
			return c.at("<mac>", root+"/<mac address>", "%q is not in canonical form (lowercase)", n.MAC)
		}
	}
	if n.Connections != nil && *n.Connections == 0 {
		return self("connections='0' is not kept: leave it out (canonical form)")
	}
	if n.MTU != nil && *n.MTU == 0 {
		return c.at("<mtu>", root+"/<mtu size>", "0 is out of range (1-65535)")
	}
	for _, o := range n.DnsmasqOptions {
		if strings.ContainsAny(o, "\n\r\x00") {
			return c.at("<options>", root+"/<dnsmasq:options>", "a dnsmasq option is one line: %q", o)
		}
	}
	mode := ForwardUnset
	if f := n.Forward; f != nil {
		if err := c.forward(f); err != nil {
			return err
		}
		mode = f.Mode
	}
	owns := mode == ForwardUnset || mode.OwnsBridge()
	if err := c.bridge(n.Bridge, mode, owns); err != nil {
		return err
	}
	if n.MTU != nil && !owns {
		return c.at("<mtu>", root+"/<mtu>", "an MTU is for networks that own their bridge (nat, route, open, isolated), not mode='%s'", mode)
	}
	if d := n.Domain; d != nil {
		if msg := checkDNSName(d.Name); msg != "" {
			return c.at("<domain>", root+"/<domain name>", "%s", msg)
		}
		if d.Register != nil && *d.Register && (d.LocalOnly == nil || !*d.LocalOnly) {
			return c.at("<domain>", root+"/<domain register>", "register='yes' needs localOnly='yes'")
		}
	}
	if err := c.dns(n.DNS); err != nil {
		return err
	}
	if err := c.vlan(n.VLAN, root); err != nil {
		return err
	}
	if err := c.bandwidth(n.Bandwidth, root); err != nil {
		return err
	}
	if n.Bandwidth != nil && !owns && (mode != ForwardBridge || n.Bridge == nil || n.Bridge.Name == "") {
		return c.at("<bandwidth>", root+"/<bandwidth>", "network-wide bandwidth needs a bridge (nat, route, open, isolated, or bridge mode with a bridge name), not mode='%s' here", mode)
	}
	if err := c.ips(mode); err != nil {
		return err
	}
	if err := c.routes(); err != nil {
		return err
	}
	if v := n.VirtualPort; v != nil {
		if v.Type == VirtualPortUnset {
			return c.at("<virtualport>", root+"/<virtualport>", "the network's <virtualport> needs a type")
		}
		if err := c.virtualport(v, root); err != nil {
			return err
		}
	}
	return c.portgroups()
}

func (c *checker) forward(f *Forward) error {
	path := root + "/<forward>"
	if !xmlenum.Valid(forwardWords, f.Mode) {
		return c.at(f, path, "the forward mode is missing or not valid (%s)", f.Mode)
	}
	if f.Managed && f.Mode != ForwardHostdev {
		return c.at(f, path, "managed applies to mode='hostdev' only, not mode='%s'", f.Mode)
	}
	if len(f.Interfaces) > 0 && len(f.Addresses) > 0 {
		return c.at(f, path, "a pool holds <interface> or <address> elements, not both")
	}
	seen := map[string]bool{}
	for _, i := range f.Interfaces {
		if msg := checkDev(i.Dev); msg != "" {
			return c.at(f, path+"/"+stepOf("interface", "dev", i.Dev), "%s", msg)
		}
		if i.Connections != nil && *i.Connections == 0 {
			return c.at(f, path+"/"+stepOf("interface", "dev", i.Dev), "connections='0' is not kept: leave it out (canonical form)")
		}
		if seen[i.Dev] {
			return c.at(f, path+"/"+stepOf("interface", "dev", i.Dev), "interface %s is listed twice in the pool", i.Dev)
		}
		seen[i.Dev] = true
	}
	for i, a := range f.Addresses {
		if a.Slot > 31 || a.Function > 7 {
			return c.at(f, path+"/<address>", "%s is not a PCI address (slot 0-31, function 0-7)", a)
		}
		for _, b := range f.Addresses[:i] {
			if a == b {
				return c.at(f, path+"/<address>", "PCI device %s is listed twice in the pool", a)
			}
		}
	}
	if f.PF != "" {
		if msg := checkDev(f.PF); msg != "" {
			return c.at(f, path+"/<pf dev>", "%s", msg)
		}
		if len(f.Addresses) > 0 {
			return c.at(f, path+"/<pf>", "a <pf> cannot be combined with an <address> pool")
		}
	}
	if d := f.Driver; d != nil {
		if d.Name != DriverUnset && !xmlenum.Valid(driverWords, d.Name) {
			return c.at(f, path+"/<driver name>", "not a driver name (%s)", d.Name)
		}
		if d.Name == DriverUnset && d.Model == "" {
			return c.at(f, path+"/<driver>", "a <driver> needs a name or a model")
		}
		if strings.ContainsAny(d.Model, " \t\r\n'\"<>&") {
			return c.at(f, path+"/<driver model>", "%q is not a driver model", d.Model)
		}
	}
	if nat := f.NAT; nat != nil {
		if f.Mode != ForwardNAT {
			return c.at(f, path+"/<nat>", "<nat> belongs to mode='nat' only, not mode='%s'", f.Mode)
		}
		if nat.IPv6 == nil && nat.Address == nil && nat.Port == nil {
			return c.at(f, path+"/<nat>", "an empty <nat> is not kept: leave it out")
		}
		if a := nat.Address; a != nil && (!a.Start.Is4() || !a.End.Is4() || a.End.Less(a.Start)) {
			return c.at(f, path+"/<nat>/<address>", "%s-%s is not a range of IPv4 addresses", a.Start, a.End)
		}
		if p := nat.Port; p != nil && (p.Start == 0 || p.End < p.Start) {
			return c.at(f, path+"/<nat>/<port>", "%d-%d is not a range of ports (1-65535)", p.Start, p.End)
		}
	}
	n := c.n
	switch f.Mode {
	case ForwardNAT, ForwardRoute:
		if len(n.IPs) == 0 {
			return c.at(f, path, "mode='%s' needs an <ip> address on the network", f.Mode)
		}
		fallthrough
	case ForwardOpen:
		if f.Mode == ForwardOpen && len(f.Interfaces) > 0 {
			return c.at(f, path, "mode='open' takes no forward dev: an open network does not restrict where traffic goes")
		}
		if len(f.Addresses) > 0 || f.PF != "" {
			return c.at(f, path, "mode='%s' takes no <address> pool and no <pf>", f.Mode)
		}
	case ForwardBridge, ForwardPrivate, ForwardVEPA, ForwardPassthrough:
		if len(f.Addresses) > 0 && f.Mode != ForwardPassthrough {
			return c.at(f, path, "a pool of PCI <address> elements is for mode='hostdev' or 'passthrough', not mode='%s'", f.Mode)
		}
	}
	if f.Driver != nil && f.Mode != ForwardHostdev {
		return c.at(f, path+"/<driver>", "a <driver> applies to mode='hostdev' only, not mode='%s'", f.Mode)
	}
	if f.Mode == ForwardHostdev && len(f.Interfaces) > 0 && f.PF == "" {
		return c.at(f, path, "a hostdev pool is a list of PCI <address> elements or a <pf>, not <interface> elements")
	}
	return nil
}

func (c *checker) bridge(b *Bridge, mode ForwardMode, owns bool) error {
	path := root + "/<bridge>"
	if b == nil {
		if owns {
			return c.at(c.n, path, "a network that owns its bridge has a <bridge> with stp and delay (canonical form)")
		}
		return nil
	}
	if b.Name != "" {
		if msg := checkDev(b.Name); msg != "" {
			return c.at(b, path, "%s", msg)
		}
	}
	if b.Zone != "" {
		if msg := checkZone(b.Zone); msg != "" {
			return c.at(b, path, "%s", msg)
		}
	}
	if b.MACTableManager != MACTableUnset && !xmlenum.Valid(macTableWords, b.MACTableManager) {
		return c.at(b, path, "not a MAC table manager (%s)", b.MACTableManager)
	}
	if owns {
		if b.STP == nil || b.Delay == nil {
			return c.at(b, path, "a network that owns its bridge has stp and delay set (canonical form)")
		}
		return nil
	}
	switch mode {
	case ForwardPrivate, ForwardVEPA, ForwardPassthrough, ForwardHostdev:
		return c.at(b, path, "mode='%s' uses no bridge: leave out <bridge>", mode)
	}
	// bridge mode
	if b.STP != nil || b.Delay != nil || b.Zone != "" {
		return c.at(b, path, "stp, delay and zone are for networks that own their bridge (nat, route, open, isolated), not mode='%s'", mode)
	}
	f := c.n.Forward
	if b.Name != "" && (len(f.Interfaces) > 0 || f.PF != "") {
		return c.at(b, path, "mode='bridge' takes a bridge name or a forward dev/pool, not both")
	}
	return nil
}

func (c *checker) dns(d *DNS) error {
	if d == nil {
		return nil
	}
	path := root + "/<dns>"
	if d.Enable == nil && d.ForwardPlainNames == nil && len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) == 0 {
		return c.at(d, path, "an empty <dns> is not kept: leave it out")
	}
	if d.Enable != nil && !*d.Enable && len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) > 0 {
		return c.at(d, path, "DNS is disabled (enable='no'): it cannot hold forwarders, txt, srv or host records")
	}
	for _, f := range d.Forwarders {
		if f.Domain == "" && !f.Addr.IsValid() {
			return c.at(d, path+"/<forwarder>", "a forwarder needs an addr, a domain or both")
		}
		if f.Domain != "" {
			if msg := checkDNSName(f.Domain); msg != "" {
				return c.at(d, path+"/<forwarder>", "%s", msg)
			}
		}
		if f.Addr.Zone() != "" {
			return c.at(d, path+"/<forwarder>", "%s: an address with a zone", f.Addr)
		}
	}
	for i := range d.TXTs {
		t := &d.TXTs[i]
		p := path + "/" + stepOf("txt", "name", t.Name)
		if msg := checkDNSName(t.Name); msg != "" {
			return c.at(t, p, "%s", msg)
		}
		for _, u := range d.TXTs[:i] {
			if u.Name == t.Name {
				return c.at(t, p, "a second TXT record named %s", t.Name)
			}
		}
	}
	for i := range d.SRVs {
		s := &d.SRVs[i]
		p := path + "/" + stepOf("srv", "service", s.Service)
		if s.Service == "" || len(s.Service) > 63 || strings.Trim(s.Service, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+/*") != "" {
			return c.at(s, p, "%q is not a service name (letters, digits and _ - + / *, at most 63)", s.Service)
		}
		if s.Protocol != "tcp" && s.Protocol != "udp" {
			return c.at(s, p, "the protocol %q is not tcp or udp", s.Protocol)
		}
		if s.Domain != "" {
			if msg := checkDNSName(s.Domain); msg != "" {
				return c.at(s, p, "%s", msg)
			}
		}
		if strings.ContainsAny(s.Target, " \t\r\n,") {
			return c.at(s, p, "%q is not a target host name", s.Target)
		}
		if s.Target == "" && (s.Port != 0 || s.Priority != 0 || s.Weight != 0) {
			return c.at(s, p, "port, priority and weight need a target")
		}
	}
	for i := range d.Hosts {
		h := &d.Hosts[i]
		p := path + "/" + stepOf("host", "ip", h.IP.String())
		if !h.IP.IsValid() || h.IP.Zone() != "" {
			return c.at(h, p, "a host needs an IP address")
		}
		if len(h.Hostnames) == 0 {
			return c.at(h, p, "a host needs at least one <hostname>")
		}
		for _, s := range h.Hostnames {
			if msg := checkDNSName(s); msg != "" {
				return c.at(h, p+"/<hostname>", "%s", msg)
			}
		}
	}
	return nil
}

func (c *checker) ips(mode ForwardMode) error {
	n := c.n
	var dhcp4, dhcp6 *IP
	for i := range n.IPs {
		ip := &n.IPs[i]
		p := root + "/" + ipStep(ip)
		if !ip.Address.IsValid() || ip.Address.Zone() != "" {
			return c.at(ip, p, "an <ip> needs an address")
		}
		switch ip.Family {
		case "", "ipv4":
			if !ip.Address.Is4() {
				return c.at(ip, p, "%s is not an IPv4 address: an IPv6 address needs family='ipv6'", ip.Address)
			}
		case "ipv6":
			if !ip.Address.Is6() {
				return c.at(ip, p, "%s is not an IPv6 address", ip.Address)
			}
		default:
			return c.at(ip, p, "the family %q is not ipv4 or ipv6", ip.Family)
		}
		if ip.Netmask.IsValid() {
			if ip.Address.Is6() {
				return c.at(ip, p, "an IPv6 address takes a prefix, not a netmask")
			}
			if _, ok := netmaskBits(ip.Netmask); !ok {
				return c.at(ip, p, "%s is not a netmask", ip.Netmask)
			}
			if ip.Prefix != nil {
				return c.at(ip, p, "give a netmask or a prefix, not both")
			}
		}
		if ip.Prefix != nil && (*ip.Prefix == 0 || *ip.Prefix > uint8(ip.Address.BitLen())) {
			return c.at(ip, p, "the prefix %d is out of range (1-%d)", *ip.Prefix, ip.Address.BitLen())
		}
		subnet, ok := ip.subnet()
		if !ok {
			return c.at(ip, p, "%s has no class: give a netmask or a prefix", ip.Address)
		}
		if ip.TFTPRoot != "" && ip.Address.Is6() {
			return c.at(ip, p+"/<tftp>", "<tftp> is for IPv4 only")
		}
		d := ip.DHCP
		if d == nil {
			continue
		}
		dp := p + "/<dhcp>"
		if len(d.Ranges) == 0 && len(d.Hosts) == 0 {
			return c.at(d, dp, "a <dhcp> needs a <range> or a <host>")
		}
		if ip.Address.Is4() {
			if dhcp4 != nil {
				return c.at(d, dp, "a second IPv4 <dhcp> (the first is in <ip address='%s'>): DHCP serves one IPv4 and one IPv6 subnet of a network", dhcp4.Address)
			}
			dhcp4 = ip
		} else {
			if dhcp6 != nil {
				return c.at(d, dp, "a second IPv6 <dhcp> (the first is in <ip address='%s'>): DHCP serves one IPv4 and one IPv6 subnet of a network", dhcp6.Address)
			}
			dhcp6 = ip
		}
		if b := d.BootP; b != nil {
			if ip.Address.Is6() {
				return c.at(d, dp+"/<bootp>", "<bootp> is for IPv4 only")
			}
			if b.File == "" {
				return c.at(d, dp+"/<bootp>", "a <bootp> needs a file")
			}
		}
		for j := range d.Ranges {
			r := &d.Ranges[j]
			if err := c.rangeIn(r, ip, subnet, dp+"/"+rangeStep(r)); err != nil {
				return err
			}
		}
		if err := c.hosts(ip, dp); err != nil {
			return err
		}
	}
	return nil
}

// rangeIn checks a DHCP range r of ip against subnet: same
// family, start before end, inside the subnet, and (IPv4) neither the
// network nor the broadcast address.
func (c *checker) rangeIn(r *Range, ip *IP, subnet netip.Prefix, path string) error {
	if !r.Start.IsValid() || !r.End.IsValid() {
		return c.at(r, path, "a range needs a start and an end")
	}
	if r.Start.Is4() != ip.Address.Is4() || r.End.Is4() != ip.Address.Is4() {
		return c.at(r, path, "the range %s-%s is not of its <ip>'s family", r.Start, r.End)
	}
	if r.End.Less(r.Start) {
		return c.at(r, path, "the range %s-%s ends before it starts", r.Start, r.End)
	}
	if !subnet.Contains(r.Start) || !subnet.Contains(r.End) {
		return c.at(r, path, "the range %s-%s is not inside the network %s", r.Start, r.End, subnet)
	}
	if r.Start.Is4() && subnet.Bits() < 31 {
		if r.Start == subnet.Addr() {
			return c.at(r, path, "the range %s-%s starts at the network address of %s", r.Start, r.End, subnet)
		}
		if r.End == broadcast(subnet) {
			return c.at(r, path, "the range %s-%s ends at the broadcast address of %s", r.Start, r.End, subnet)
		}
	}
	if l := r.Lease; l != nil {
		if err := c.lease(l, r, path); err != nil {
			return err
		}
	}
	return nil
}

func broadcast(p netip.Prefix) netip.Addr {
	b := p.Addr().As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	v |= 1<<(32-p.Bits()) - 1
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

func (c *checker) lease(l *Lease, key any, path string) error {
	if l.Expiry == 0 {
		if l.Unit != LeaseUnitUnset {
			return c.at(key, path+"/<lease>", "an infinite lease (expiry 0) has no unit (canonical form)")
		}
		return nil
	}
	if !xmlenum.Valid(leaseUnitWords, l.Unit) {
		return c.at(key, path+"/<lease>", "a lease needs a unit (canonical form)")
	}
	if l.Unit == LeaseSeconds && l.Expiry < 120 || l.Unit == LeaseMinutes && l.Expiry < 2 {
		return c.at(key, path+"/<lease>", "a lease lasts at least two minutes (dnsmasq's minimum)")
	}
	return nil
}

// hosts checks the static hosts of ip's <dhcp>: each well formed, of
// the ip's family, and none sharing a MAC address, id, name or IP
// with another.
func (c *checker) hosts(ip *IP, dp string) error {
	macs := map[string]bool{}
	ids := map[string]bool{}
	names := map[string]bool{}
	ips := map[netip.Addr]bool{}
	for i := range ip.DHCP.Hosts {
		h := &ip.DHCP.Hosts[i]
		p := dp + "/" + hostStep(h)
		switch {
		case ip.Address.Is6() && h.MAC != "":
			return c.at(h, p, "an IPv6 host is named by id (DUID) or name, not by MAC address")
		case ip.Address.Is4() && h.ID != "":
			return c.at(h, p, "a DHCP id (DUID) is for IPv6 hosts")
		case ip.Address.Is6() && h.ID == "" && h.Name == "":
			return c.at(h, p, "an IPv6 host needs an id or a name")
		case ip.Address.Is4() && h.MAC == "" && h.Name == "":
			return c.at(h, p, "an IPv4 host needs a mac or a name")
		case !h.IP.IsValid():
			return c.at(h, p, "a host needs an ip")
		case h.IP.Is4() != ip.Address.Is4():
			return c.at(h, p, "%s is not of its <ip>'s family", h.IP)
		}
		if h.MAC != "" {
			if msg := checkMAC(h.MAC); msg != "" {
				return c.at(h, p, "%s", msg)
			}
			if m := strings.ToLower(h.MAC); macs[m] {
				return c.at(h, p, "a second host with MAC address %s", h.MAC)
			} else {
				macs[m] = true
			}
		}
		if h.ID != "" {
			if msg := checkDUID(h.ID); msg != "" {
				return c.at(h, p, "%s", msg)
			}
			if ids[h.ID] {
				return c.at(h, p, "a second host with id %s", h.ID)
			}
			ids[h.ID] = true
		}
		if h.Name != "" {
			if !isAlnum(h.Name[0]) {
				return c.at(h, p, "%q: a host name starts with a letter or digit", h.Name)
			}
			if msg := checkDNSName(h.Name); msg != "" {
				return c.at(h, p, "%s", msg)
			}
			if names[h.Name] {
				return c.at(h, p, "a second host named %s", h.Name)
			}
			names[h.Name] = true
		}
		if ips[h.IP] {
			return c.at(h, p, "a second host with IP address %s", h.IP)
		}
		ips[h.IP] = true
		if l := h.Lease; l != nil {
			if err := c.lease(l, h, p); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *checker) routes() error {
	n := c.n
	for i := range n.Routes {
		r := &n.Routes[i]
		p := root + "/" + stepOf("route", "address", r.Address.String())
		if !r.Address.IsValid() || !r.Gateway.IsValid() {
			return c.at(r, p, "a route needs an address and a gateway")
		}
		six := r.Family == "ipv6"
		switch {
		case r.Family != "" && r.Family != "ipv4" && !six:
			return c.at(r, p, "the family %q is not ipv4 or ipv6", r.Family)
		case r.Address.Is6() != six:
			return c.at(r, p, "%s is not an IPv%d address", r.Address, map[bool]int{false: 4, true: 6}[six])
		case r.Gateway.Is6() != six:
			return c.at(r, p, "the gateway %s is not of the route's family", r.Gateway)
		case r.Netmask.IsValid() && (six || r.Prefix != nil):
			return c.at(r, p, "a netmask is for IPv4 routes without a prefix")
		case r.Metric != nil && *r.Metric == 0:
			return c.at(r, p, "the metric is 1 or more")
		}
		bits := r.Address.BitLen()
		if r.Prefix != nil {
			bits = int(*r.Prefix)
			if bits > r.Address.BitLen() {
				return c.at(r, p, "the prefix %d is out of range (0-%d)", bits, r.Address.BitLen())
			}
		} else if r.Netmask.IsValid() {
			var ok bool
			if bits, ok = netmaskBits(r.Netmask); !ok {
				return c.at(r, p, "%s is not a netmask", r.Netmask)
			}
		}
		if pr, _ := r.Address.Prefix(bits); pr.Addr() != r.Address {
			return c.at(r, p, "%s/%d is not a network address: its host bits are set", r.Address, bits)
		}
		reach := false
		for j := range n.IPs {
			if sub, ok := n.IPs[j].subnet(); ok && sub.Addr().Is4() == r.Gateway.Is4() && sub.Contains(r.Gateway) {
				reach = true
				break
			}
		}
		if !reach {
			return c.at(r, p, "the gateway %s is not on any of the network's subnets", r.Gateway)
		}
	}
	return nil
}

func (c *checker) virtualport(v *VirtualPort, parent string) error {
	p := parent + "/<virtualport>"
	if v.Type != VirtualPortUnset && !xmlenum.Valid(vportWords, v.Type) {
		return c.at(v, p, "not a virtualport type (%s)", v.Type)
	}
	allowed := map[VirtualPortType]string{
		VirtualPortUnset:       "mtTivp",
		VirtualPort8021Qbg:     "mtTi",
		VirtualPort8021Qbh:     "p",
		VirtualPortOpenvswitch: "pv",
		VirtualPortMidonet:     "v",
	}[v.Type]
	for _, x := range []struct {
		set  bool
		code byte
		name string
	}{
		{v.ManagerID != nil, 'm', "managerid"}, {v.TypeID != nil, 't', "typeid"},
		{v.TypeIDVersion != nil, 'T', "typeidversion"}, {v.InstanceID != "", 'i', "instanceid"},
		{v.ProfileID != "", 'p', "profileid"}, {v.InterfaceID != "", 'v', "interfaceid"},
	} {
		if x.set && !strings.ContainsRune(allowed, rune(x.code)) {
			return c.at(v, p+"/<parameters>", "a virtualport of type %s takes no %s", v.Type, x.name)
		}
	}
	if v.TypeID != nil && *v.TypeID > 0xffffff {
		return c.at(v, p+"/<parameters>", "the typeid %d is out of range (0-16777215)", *v.TypeID)
	}
	for _, u := range []string{v.InstanceID, v.InterfaceID} {
		if got, msg := parseUUID(u); u != "" && (msg != "" || got != u) {
			return c.at(v, p+"/<parameters>", "%q is not a UUID in canonical form", u)
		}
	}
	if len(v.ProfileID) > 39 {
		return c.at(v, p+"/<parameters>", "a profile id has at most 39 characters")
	}
	if v.Type == VirtualPortMidonet && v.InterfaceID == "" {
		return c.at(v, p, "a midonet virtualport needs an interfaceid")
	}
	if v.Type == VirtualPortUnset && v.empty() {
		return c.at(v, p, "a <virtualport> needs a type or parameters")
	}
	return nil
}

func (c *checker) bandwidth(b *Bandwidth, parent string) error {
	if b == nil {
		return nil
	}
	p := parent + "/<bandwidth>"
	if b.Inbound == nil && b.Outbound == nil {
		return c.at(b, p, "an empty <bandwidth> is not kept: leave it out")
	}
	for _, r := range []*Rate{b.Inbound, b.Outbound} {
		switch {
		case r == nil:
		case r.Floor != 0:
			return c.at(b, p, "floor is for a guest interface's bandwidth, not a network's or a portgroup's")
		case r.Average == 0:
			return c.at(b, p, "a rate needs an average")
		case r.Average > 1<<54 || r.Peak > 1<<54 || r.Burst >= 1<<22:
			return c.at(b, p, "a rate is out of range")
		}
	}
	return nil
}

func (c *checker) vlan(v *VLAN, parent string) error {
	if v == nil {
		return nil
	}
	p := parent + "/<vlan>"
	if len(v.Tags) == 0 {
		return c.at(v, p, "a <vlan> needs at least one <tag>")
	}
	native := 0
	for i, t := range v.Tags {
		if t.ID > 4095 {
			return c.at(v, p, "the tag %d is out of range (0-4095)", t.ID)
		}
		if t.NativeMode != NativeUnset {
			if !xmlenum.Valid(nativeWords, t.NativeMode) {
				return c.at(v, p, "not a native mode (%s)", t.NativeMode)
			}
			native++
		}
		for _, u := range v.Tags[:i] {
			if u.ID == t.ID {
				return c.at(v, p, "tag %d is listed twice", t.ID)
			}
		}
	}
	if native > 1 {
		return c.at(v, p, "a second native tag: one is allowed")
	}
	if !v.Trunk && (len(v.Tags) > 1 || native > 0) {
		return c.at(v, p, "more than one tag, or a native tag, needs trunk='yes'")
	}
	return nil
}

func (c *checker) portgroups() error {
	n := c.n
	names := map[string]bool{}
	def := ""
	for i := range n.PortGroups {
		pg := &n.PortGroups[i]
		p := root + "/" + stepOf("portgroup", "name", pg.Name)
		if msg := checkPortGroupName(pg.Name); msg != "" {
			return c.at(pg, p, "%s", msg)
		}
		if names[pg.Name] {
			return c.at(pg, p, "a second portgroup named %s", pg.Name)
		}
		names[pg.Name] = true
		if pg.Default {
			if def != "" {
				return c.at(pg, p, "a second default portgroup (%s is the default): one is allowed", def)
			}
			def = pg.Name
		}
		if v := pg.VirtualPort; v != nil {
			if err := c.virtualport(v, p); err != nil {
				return err
			}
		}
		if err := c.vlan(pg.VLAN, p); err != nil {
			return err
		}
		if err := c.bandwidth(pg.Bandwidth, p); err != nil {
			return err
		}
	}
	return nil
}
