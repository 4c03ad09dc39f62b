package netxml

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/beevik/etree"
)

// network reads the root element.
func (rd *reader) network(root *etree.Element) (*Network, error) {
	el, err := rd.openNS(root, "", true, "connections", "ipv6", "trustGuestRxFilters")
	if err != nil {
		return nil, err
	}
	el.path = "<network>"
	if err := el.noText(); err != nil {
		return nil, err
	}
	n := &Network{}
	rd.lines[n] = rd.line(root)
	if c, err := el.uint("connections", 0, 1<<32-1); err != nil {
		return nil, err
	} else if c != nil && *c > 0 { // libvirt does not write 0
		n.Connections = new(uint32(*c))
	}
	v6, err := el.yesNo("ipv6", "yes", "no")
	if err != nil {
		return nil, err
	}
	n.IPv6 = v6 != nil && *v6
	if n.TrustGuestRxFilters, err = el.yesNo("trustGuestRxFilters", "yes", "no"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	haveName := false
	for _, c := range root.ChildElements() {
		if c.NamespaceURI() == DnsmasqNS && c.Tag == "options" {
			o, err := rd.open(c, el.path)
			if err != nil {
				return nil, err
			}
			if err := o.once(seen); err != nil {
				return nil, err
			}
			if n.DnsmasqOptions, err = rd.dnsmasq(o); err != nil {
				return nil, err
			}
			continue
		}
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		var allowed []string
		switch c.Tag {
		case "bridge":
			allowed = []string{"name", "zone", "stp", "delay", "macTableManager"}
		case "mtu":
			allowed = []string{"size"}
		case "mac":
			allowed = []string{"address"}
		case "domain":
			allowed = []string{"name", "localOnly", "register"}
		case "forward":
			allowed = []string{"dev", "mode", "managed"}
		case "dns":
			allowed = []string{"enable", "forwardPlainNames"}
		case "port":
			allowed = []string{"isolated"}
		case "ip":
			allowed = []string{"address", "netmask", "prefix", "family", "localPtr"}
		case "route":
			allowed = []string{"family", "address", "netmask", "prefix", "gateway", "metric"}
		case "portgroup":
			allowed = []string{"name", "default", "trustGuestRxFilters"}
		case "virtualport":
			allowed = []string{"type"}
		case "vlan":
			allowed = []string{"trunk"}
		case "name", "uuid", "title", "description", "metadata", "bandwidth":
		default:
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, allowed...)
		if err != nil {
			return nil, err
		}
		switch c.Tag {
		case "ip", "route", "portgroup":
		default:
			rd.lines["<"+c.Tag+">"] = rd.line(c)
			if err := ce.once(seen); err != nil {
				return nil, err
			}
		}
		switch c.Tag {
		case "name":
			s, err := ce.text()
			if err != nil {
				return nil, err
			}
			if msg := checkNetworkName(s); msg != "" {
				return nil, ce.errorf("%s", msg)
			}
			n.Name, haveName = s, true
		case "uuid":
			s, err := ce.text()
			if err != nil {
				return nil, err
			}
			u, msg := parseUUID(s)
			if msg != "" {
				return nil, ce.errorf("%s", msg)
			}
			n.UUID = u
		case "title":
			if n.Title, err = ce.text(); err != nil {
				return nil, err
			}
			if strings.ContainsAny(n.Title, "\r\n") {
				return nil, ce.errorf("a title is one line")
			}
		case "description":
			if n.Description, err = ce.text(); err != nil {
				return nil, err
			}
		case "metadata":
			if n.Metadata, err = rd.metadata(ce); err != nil {
				return nil, err
			}
		case "bridge":
			if n.Bridge, err = rd.bridge(ce); err != nil {
				return nil, err
			}
		case "mtu":
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			sz, err := ce.needUint("size", 1, 65535)
			if err != nil {
				return nil, err
			}
			n.MTU = new(uint16(sz))
		case "mac":
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			s, err := ce.need("address")
			if err != nil {
				return nil, err
			}
			if msg := checkMAC(s); msg != "" {
				return nil, ce.attrErr("address", msg)
			}
			n.MAC = strings.ToLower(s)
		case "domain":
			if n.Domain, err = rd.domain(ce); err != nil {
				return nil, err
			}
		case "forward":
			if n.Forward, err = rd.forward(ce); err != nil {
				return nil, err
			}
		case "dns":
			if n.DNS, err = rd.dns(ce); err != nil {
				return nil, err
			}
		case "port":
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			if n.PortIsolated, err = ce.yesNo("isolated", "yes", "no"); err != nil {
				return nil, err
			}
		case "ip":
			ip, err := rd.ip(ce)
			if err != nil {
				return nil, err
			}
			n.IPs = append(n.IPs, *ip)
		case "route":
			r, err := rd.route(ce)
			if err != nil {
				return nil, err
			}
			n.Routes = append(n.Routes, *r)
		case "portgroup":
			pg, err := rd.portgroup(ce)
			if err != nil {
				return nil, err
			}
			n.PortGroups = append(n.PortGroups, *pg)
		case "virtualport":
			if n.VirtualPort, err = rd.virtualport(ce); err != nil {
				return nil, err
			}
			if n.VirtualPort != nil && n.VirtualPort.Type == VirtualPortUnset {
				return nil, ce.errorf("the network's <virtualport> needs a type")
			}
		case "bandwidth":
			if n.Bandwidth, err = rd.bandwidth(ce); err != nil {
				return nil, err
			}
		case "vlan":
			if n.VLAN, err = rd.vlan(ce); err != nil {
				return nil, err
			}
		}
	}
	if !haveName {
		return nil, &Error{File: rd.file, Line: rd.line(root), Element: "<network>", Msg: "a network needs a <name>"}
	}
	// canonical form: a bridge the network owns has stp (on unless
	// said off) and a delay (0 unless given)
	if n.Forward == nil || n.Forward.Mode.OwnsBridge() {
		if n.Bridge == nil {
			n.Bridge = &Bridge{}
		}
		if n.Bridge.STP == nil {
			n.Bridge.STP = new(true)
		}
		if n.Bridge.Delay == nil {
			n.Bridge.Delay = new(uint64(0))
		}
	}
	// lines of list items, now that the slices are final
	for i, c := range childrenNamed(root, "ip") {
		rd.lineIP(&n.IPs[i], c)
	}
	for i, c := range childrenNamed(root, "route") {
		rd.lines[&n.Routes[i]] = rd.line(c)
	}
	for i, c := range childrenNamed(root, "portgroup") {
		rd.lines[&n.PortGroups[i]] = rd.line(c)
	}
	if n.Forward != nil {
		rd.lines[n.Forward] = rd.line(root.SelectElement("forward"))
	}
	if n.DNS != nil {
		rd.lineDNS(n.DNS, root.SelectElement("dns"))
	}
	return n, nil
}

// childrenNamed returns the children of e called tag, in no namespace.
func childrenNamed(e *etree.Element, tag string) []*etree.Element {
	var out []*etree.Element
	for _, c := range e.ChildElements() {
		if c.Tag == tag && plain(c) {
			out = append(out, c)
		}
	}
	return out
}

func (rd *reader) lineIP(ip *IP, e *etree.Element) {
	rd.lines[ip] = rd.line(e)
	if ip.DHCP == nil {
		return
	}
	d := e.SelectElement("dhcp")
	rd.lines[ip.DHCP] = rd.line(d)
	for i, c := range childrenNamed(d, "range") {
		rd.lines[&ip.DHCP.Ranges[i]] = rd.line(c)
	}
	for i, c := range childrenNamed(d, "host") {
		rd.lines[&ip.DHCP.Hosts[i]] = rd.line(c)
	}
}

func (rd *reader) lineDNS(d *DNS, e *etree.Element) {
	rd.lines[d] = rd.line(e)
	for i, c := range childrenNamed(e, "host") {
		rd.lines[&d.Hosts[i]] = rd.line(c)
	}
	for i, c := range childrenNamed(e, "txt") {
		rd.lines[&d.TXTs[i]] = rd.line(c)
	}
	for i, c := range childrenNamed(e, "srv") {
		rd.lines[&d.SRVs[i]] = rd.line(c)
	}
}

// dnsmasq reads <dnsmasq:options>: <dnsmasq:option value> children.
func (rd *reader) dnsmasq(el *element) ([]string, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	var opts []string
	for _, c := range el.e.ChildElements() {
		if c.NamespaceURI() != DnsmasqNS || c.Tag != "option" {
			return nil, rd.unknown(c, el.path)
		}
		o, err := rd.open(c, el.path, "value")
		if err != nil {
			return nil, err
		}
		if err := o.leaf(); err != nil {
			return nil, err
		}
		v, err := o.need("value")
		if err != nil {
			return nil, err
		}
		if strings.ContainsAny(v, "\n\r\x00") {
			return nil, o.attrErr("value", "a dnsmasq option is one line")
		}
		opts = append(opts, v)
	}
	return opts, nil
}

func (rd *reader) bridge(el *element) (*Bridge, error) {
	if err := el.leaf(); err != nil {
		return nil, err
	}
	b := &Bridge{}
	rd.lines[b] = rd.line(el.e)
	var err error
	if s, ok := el.get("name"); ok {
		if msg := checkDev(s); msg != "" {
			return nil, el.attrErr("name", msg)
		}
		b.Name = s
	}
	if s, ok := el.get("zone"); ok {
		if msg := checkZone(s); msg != "" {
			return nil, el.attrErr("zone", msg)
		}
		b.Zone = s
	}
	if b.STP, err = el.yesNo("stp", "on", "off"); err != nil {
		return nil, err
	}
	if b.Delay, err = el.uint("delay", 0, 1<<63-1); err != nil {
		return nil, err
	}
	if b.MACTableManager, err = enum[MACTableManager](el, "macTableManager", macTableWords); err != nil {
		return nil, err
	}
	return b, nil
}

func (rd *reader) domain(el *element) (*Domain, error) {
	if err := el.leaf(); err != nil {
		return nil, err
	}
	d := &Domain{}
	s, err := el.need("name")
	if err != nil {
		return nil, err
	}
	if msg := checkDNSName(s); msg != "" {
		return nil, el.attrErr("name", msg)
	}
	d.Name = s
	if d.LocalOnly, err = el.yesNo("localOnly", "yes", "no"); err != nil {
		return nil, err
	}
	if d.Register, err = el.yesNo("register", "yes", "no"); err != nil {
		return nil, err
	}
	return d, nil
}

// metadata reads <metadata>: each child element must be in a namespace
// of its own; its XML is kept, each child declaring what it uses.
func (rd *reader) metadata(el *element) (string, error) {
	if err := el.noText(); err != nil {
		return "", err
	}
	var parts []string
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		ns := c.NamespaceURI()
		if ns == "" {
			return "", rd.errorf(c, el.path, "<"+c.FullTag()+">", "an element of <metadata> needs a namespace of its own")
		}
		if seen[ns] {
			return "", rd.errorf(c, el.path, "<"+c.FullTag()+">", "a second element of namespace %s: one is allowed", ns)
		}
		seen[ns] = true
		s, err := rd.metaElement(c, el.path)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n"), nil
}

// metaElement writes one metadata element as libvirt keeps it:
// namespace declarations first, double quotes, elements that hold only
// elements indented by two spaces a level.
func (rd *reader) metaElement(top *etree.Element, path string) (string, error) {
	var b strings.Builder
	var write func(e *etree.Element, depth int, decl map[string]string) error
	write = func(e *etree.Element, depth int, decl map[string]string) error {
		// declarations: those written on e, then those e and its
		// attributes use that no ancestor here declared
		own := map[string]string{}
		var names []string
		add := func(prefix string) error {
			if _, ok := decl[prefix]; ok {
				return nil
			}
			if _, ok := own[prefix]; ok {
				return nil
			}
			if prefix == "xml" {
				return nil
			}
			uri := e.NamespaceURI()
			if prefix != e.Space {
				uri = nsOf(e, prefix)
			}
			if uri == "" && prefix != "" {
				return rd.errorf(e, path, "<"+e.FullTag()+">", "namespace prefix %s is not declared", prefix)
			}
			own[prefix] = uri
			names = append(names, prefix)
			return nil
		}
		for _, a := range e.Attr {
			if a.Space == "xmlns" {
				if err := add(a.Key); err != nil {
					return err
				}
			} else if a.Space == "" && a.Key == "xmlns" {
				if err := add(""); err != nil {
					return err
				}
			}
		}
		if err := add(e.Space); err != nil {
			return err
		}
		for _, a := range e.Attr {
			if a.Space != "" && a.Space != "xmlns" {
				if err := add(a.Space); err != nil {
					return err
				}
			}
		}
		b.WriteString("<" + e.FullTag())
		for _, p := range names {
			if p == "" {
				b.WriteString(` xmlns="` + metaEscape(own[p], true) + `"`)
			} else {
				b.WriteString(" xmlns:" + p + `="` + metaEscape(own[p], true) + `"`)
			}
		}
		for _, a := range e.Attr {
			if a.Space == "xmlns" || a.Space == "" && a.Key == "xmlns" {
				continue
			}
			b.WriteString(" " + a.FullKey() + `="` + metaEscape(a.Value, true) + `"`)
		}
		inner := map[string]string{}
		for k, v := range decl {
			inner[k] = v
		}
		for k, v := range own {
			inner[k] = v
		}
		kids := e.ChildElements()
		text := false
		for _, t := range e.Child {
			if cd, ok := t.(*etree.CharData); ok && strings.TrimSpace(cd.Data) != "" {
				text = true
			}
		}
		switch {
		case len(e.Child) == 0 || len(kids) == 0 && !text:
			b.WriteString("/>")
		case len(kids) > 0 && !text:
			b.WriteString(">")
			for _, k := range kids {
				b.WriteString("\n" + strings.Repeat("  ", depth+1))
				if err := write(k, depth+1, inner); err != nil {
					return err
				}
			}
			b.WriteString("\n" + strings.Repeat("  ", depth) + "</" + e.FullTag() + ">")
		default:
			b.WriteString(">")
			for _, t := range e.Child {
				switch t := t.(type) {
				case *etree.CharData:
					b.WriteString(metaEscape(t.Data, false))
				case *etree.Element:
					if err := write(t, depth, inner); err != nil {
						return err
					}
				}
			}
			b.WriteString("</" + e.FullTag() + ">")
		}
		return nil
	}
	if err := write(top, 0, map[string]string{}); err != nil {
		return "", err
	}
	return b.String(), nil
}

// nsOf returns the namespace prefix is bound to at e.
func nsOf(e *etree.Element, prefix string) string {
	for p := e; p != nil; p = p.Parent() {
		for _, a := range p.Attr {
			if a.Space == "xmlns" && a.Key == prefix || prefix == "" && a.Space == "" && a.Key == "xmlns" {
				return a.Value
			}
		}
	}
	return ""
}

var (
	metaText = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#13;")
	metaAttr = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\r", "&#13;", "\n", "&#10;", "\t", "&#9;")
)

func metaEscape(s string, attr bool) string {
	if attr {
		return metaAttr.Replace(s)
	}
	return metaText.Replace(s)
}

// addr reads attribute key as an address of family (0, 4 or 6).
func (el *element) addr(key string, family int) (netip.Addr, error) {
	s, ok := el.get(key)
	if !ok {
		return netip.Addr{}, nil
	}
	a, msg := parseAddr(s, family)
	if msg != "" {
		return netip.Addr{}, el.attrErr(key, msg)
	}
	return a, nil
}

// needAddr reads required attribute key as an address.
func (el *element) needAddr(key string, family int) (netip.Addr, error) {
	if _, err := el.need(key); err != nil {
		return netip.Addr{}, err
	}
	return el.addr(key, family)
}

func (rd *reader) forward(el *element) (*Forward, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	f := &Forward{Mode: ForwardNAT}
	if _, ok := el.get("mode"); ok {
		m, err := enum[ForwardMode](el, "mode", forwardWords)
		if err != nil {
			return nil, err
		}
		f.Mode = m
	}
	managed, err := el.yesNo("managed", "yes", "no")
	if err != nil {
		return nil, err
	}
	if managed != nil {
		if f.Mode != ForwardHostdev {
			return nil, el.attrErr("managed", fmt.Sprintf("managed applies to mode='hostdev' only, not mode='%s'", f.Mode))
		}
		f.Managed = *managed
	}
	dev, hasDev := el.get("dev")
	if hasDev {
		if msg := checkDev(dev); msg != "" {
			return nil, el.attrErr("dev", msg)
		}
	}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		switch c.Tag {
		case "interface":
			ce, err := rd.open(c, el.path, "dev", "connections")
			if err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			d, err := ce.need("dev")
			if err != nil {
				return nil, err
			}
			if msg := checkDev(d); msg != "" {
				return nil, ce.attrErr("dev", msg)
			}
			fi := ForwardInterface{Dev: d}
			if cn, err := ce.uint("connections", 0, 1<<32-1); err != nil {
				return nil, err
			} else if cn != nil && *cn > 0 {
				fi.Connections = new(uint32(*cn))
			}
			if len(f.Addresses) > 0 {
				return nil, ce.errorf("a pool holds <interface> or <address> elements, not both")
			}
			if len(f.Interfaces) == 0 && hasDev && d != dev {
				return nil, ce.errorf("the first <interface dev='%s'> must match <forward dev='%s'>", d, dev)
			}
			for _, x := range f.Interfaces {
				if x.Dev == d {
					return nil, ce.errorf("interface %s is listed twice in the pool", d)
				}
			}
			f.Interfaces = append(f.Interfaces, fi)
		case "address":
			ce, err := rd.open(c, el.path, "type", "domain", "bus", "slot", "function", "connections")
			if err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			a, err := pciAddress(ce)
			if err != nil {
				return nil, err
			}
			if len(f.Interfaces) > 0 {
				return nil, ce.errorf("a pool holds <interface> or <address> elements, not both")
			}
			for _, x := range f.Addresses {
				if x == a {
					return nil, ce.errorf("PCI device %s is listed twice in the pool", a)
				}
			}
			f.Addresses = append(f.Addresses, a)
		case "pf":
			ce, err := rd.open(c, el.path, "dev")
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			d, err := ce.need("dev")
			if err != nil {
				return nil, err
			}
			if msg := checkDev(d); msg != "" {
				return nil, ce.attrErr("dev", msg)
			}
			f.PF = d
		case "driver":
			ce, err := rd.open(c, el.path, "name", "model")
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			d := &Driver{}
			if d.Name, err = enum[DriverName](ce, "name", driverWords); err != nil {
				return nil, err
			}
			if m, ok := ce.get("model"); ok {
				if m == "" || strings.ContainsAny(m, " \t\r\n'\"<>&") {
					return nil, ce.attrErr("model", fmt.Sprintf("%q is not a driver model", m))
				}
				d.Model = m
			}
			if d.Name == DriverUnset && d.Model == "" {
				return nil, ce.errorf("a <driver> needs a name or a model")
			}
			f.Driver = d
		case "nat":
			ce, err := rd.open(c, el.path, "ipv6")
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if f.Mode != ForwardNAT {
				return nil, ce.errorf("<nat> belongs to mode='nat' only, not mode='%s'", f.Mode)
			}
			if f.NAT, err = rd.nat(ce); err != nil {
				return nil, err
			}
		default:
			return nil, rd.unknown(c, el.path)
		}
	}
	if hasDev && len(f.Interfaces) == 0 {
		if len(f.Addresses) > 0 || f.PF != "" {
			return nil, el.attrErr("dev", "dev cannot be combined with an <address> pool or a <pf>")
		}
		f.Interfaces = []ForwardInterface{{Dev: dev}}
	}
	// libvirt's parser (not net-update, which may add a second) lets
	// a nat or route network forward through one device only
	if (f.Mode == ForwardNAT || f.Mode == ForwardRoute) && len(f.Interfaces) > 1 {
		return nil, el.errorf("mode='%s' forwards through one device at most, not %d", f.Mode, len(f.Interfaces))
	}
	return f, nil
}

func pciAddress(el *element) (PCIAddress, error) {
	t, err := el.need("type")
	if err != nil {
		return PCIAddress{}, err
	}
	if t != "pci" {
		return PCIAddress{}, el.attrErr("type", fmt.Sprintf("%q is not pci, the one address type of a pool", t))
	}
	var a PCIAddress
	for _, f := range []struct {
		key string
		max uint64
		set func(uint64)
	}{
		{"domain", 0xffffffff, func(v uint64) { a.Domain = uint32(v) }},
		{"bus", 0xff, func(v uint64) { a.Bus = uint8(v) }},
		{"slot", 0x1f, func(v uint64) { a.Slot = uint8(v) }},
		{"function", 7, func(v uint64) { a.Function = uint8(v) }},
	} {
		s, ok := el.get(f.key)
		if !ok {
			continue
		}
		v, msg := parseNum(s, f.max)
		if msg != "" {
			return PCIAddress{}, el.attrErr(f.key, msg)
		}
		f.set(v)
	}
	if _, err := el.uint("connections", 0, 1<<32-1); err != nil {
		return PCIAddress{}, err
	}
	return a, nil
}

// String is the address as lspci shows it: 0000:03:00.1.
func (a PCIAddress) String() string {
	return fmt.Sprintf("%04x:%02x:%02x.%x", a.Domain, a.Bus, a.Slot, a.Function)
}

func (rd *reader) nat(el *element) (*NAT, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	n := &NAT{}
	var err error
	if n.IPv6, err = el.yesNo("ipv6", "yes", "no"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "address" && c.Tag != "port" {
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, "start", "end")
		if err != nil {
			return nil, err
		}
		if err := ce.once(seen); err != nil {
			return nil, err
		}
		if err := ce.leaf(); err != nil {
			return nil, err
		}
		if c.Tag == "address" {
			s, err := ce.needAddr("start", 4)
			if err != nil {
				return nil, err
			}
			e, err := ce.needAddr("end", 4)
			if err != nil {
				return nil, err
			}
			if e.Less(s) {
				return nil, ce.errorf("the range %s-%s ends before it starts", s, e)
			}
			n.Address = &AddrRange{s, e}
		} else {
			s, err := ce.needUint("start", 1, 65535)
			if err != nil {
				return nil, err
			}
			e, err := ce.needUint("end", 1, 65535)
			if err != nil {
				return nil, err
			}
			if e < s {
				return nil, ce.errorf("the port range %d-%d ends before it starts", s, e)
			}
			n.Port = &PortRange{uint16(s), uint16(e)}
		}
	}
	if n.IPv6 == nil && n.Address == nil && n.Port == nil {
		return nil, nil // libvirt drops an empty <nat/>
	}
	return n, nil
}
