package netxml

import (
	"fmt"
	"net/netip"
)

// ip reads an <ip> element.
func (rd *reader) ip(el *element) (*IP, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	ip := &IP{}
	var err error
	fam, hasFam := el.get("family")
	if hasFam && fam != "ipv4" && fam != "ipv6" {
		return nil, el.attrErr("family", fmt.Sprintf("%q is not ipv4 or ipv6", fam))
	}
	ip.Family = fam
	want := 4
	if fam == "ipv6" {
		want = 6
	}
	if ip.Address, err = el.needAddr("address", 0); err != nil {
		return nil, err
	}
	if want == 6 && !ip.Address.Is6() || want == 4 && !ip.Address.Is4() {
		msg := fmt.Sprintf("%s is not an IPv%d address", ip.Address, want)
		if !hasFam {
			msg += ": an IPv6 address needs family='ipv6'"
		}
		return nil, el.attrErr("address", msg)
	}
	if _, ok := el.get("netmask"); ok {
		if want == 6 {
			return nil, el.attrErr("netmask", "an IPv6 address takes a prefix, not a netmask")
		}
		if ip.Netmask, err = el.addr("netmask", 4); err != nil {
			return nil, err
		}
		if _, ok := netmaskBits(ip.Netmask); !ok {
			return nil, el.attrErr("netmask", fmt.Sprintf("%s is not a netmask (contiguous ones, then zeros)", ip.Netmask))
		}
	}
	max := uint64(32)
	if want == 6 {
		max = 128
	}
	if p, err := el.uint("prefix", 0, max); err != nil {
		return nil, err
	} else if p != nil {
		if ip.Netmask.IsValid() {
			return nil, el.attrErr("prefix", "give a netmask or a prefix, not both")
		}
		if *p > 0 { // libvirt does not keep a prefix of 0
			ip.Prefix = new(uint8(*p))
		}
	}
	if ip.LocalPtr, err = el.yesNo("localPtr", "yes", "no"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		switch c.Tag {
		case "tftp":
			ce, err := rd.open(c, el.path, "root")
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			if want == 6 {
				return nil, ce.errorf("<tftp> is for IPv4 only")
			}
			if ip.TFTPRoot, err = ce.need("root"); err != nil {
				return nil, err
			}
			if ip.TFTPRoot == "" {
				return nil, ce.attrErr("root", "the TFTP root cannot be empty")
			}
		case "dhcp":
			ce, err := rd.open(c, el.path)
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if ip.DHCP, err = rd.dhcp(ce, ip); err != nil {
				return nil, err
			}
		default:
			return nil, rd.unknown(c, el.path)
		}
	}
	return ip, nil
}

// family is 4 or 6: the family of the ip's address.
func (ip *IP) family() int {
	if ip.Address.Is6() {
		return 6
	}
	return 4
}

func (rd *reader) dhcp(el *element, ip *IP) (*DHCP, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	d := &DHCP{}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		switch c.Tag {
		case "range":
			ce, err := rd.open(c, el.path, "start", "end")
			if err != nil {
				return nil, err
			}
			r, err := rd.dhcpRange(ce, ip.family())
			if err != nil {
				return nil, err
			}
			d.Ranges = append(d.Ranges, *r)
		case "host":
			ce, err := rd.open(c, el.path, "mac", "id", "name", "ip")
			if err != nil {
				return nil, err
			}
			h, err := rd.dhcpHost(ce, ip.family(), false)
			if err != nil {
				return nil, err
			}
			d.Hosts = append(d.Hosts, *h)
		case "bootp":
			ce, err := rd.open(c, el.path, "file", "server")
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			if ip.family() == 6 {
				return nil, ce.errorf("<bootp> is for IPv4 only")
			}
			b := &BootP{}
			if b.File, err = ce.need("file"); err != nil {
				return nil, err
			}
			if b.File == "" {
				return nil, ce.attrErr("file", "the boot file cannot be empty")
			}
			if b.Server, err = ce.addr("server", 0); err != nil {
				return nil, err
			}
			d.BootP = b
		default:
			return nil, rd.unknown(c, el.path)
		}
	}
	if len(d.Ranges) == 0 && len(d.Hosts) == 0 {
		if d.BootP != nil {
			return nil, el.errorf("a <dhcp> with <bootp> needs a <range> or a <host>")
		}
		return nil, nil // libvirt drops an empty <dhcp/>
	}
	return d, nil
}

func (rd *reader) dhcpRange(el *element, family int) (*Range, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	r := &Range{}
	var err error
	if r.Start, err = el.needAddr("start", family); err != nil {
		return nil, err
	}
	if r.End, err = el.needAddr("end", family); err != nil {
		return nil, err
	}
	if r.Lease, err = rd.leaseChild(el); err != nil {
		return nil, err
	}
	return r, nil
}

// leaseChild reads the optional <lease> child of a range or host.
func (rd *reader) leaseChild(el *element) (*Lease, error) {
	var lease *Lease
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "lease" {
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, "expiry", "unit")
		if err != nil {
			return nil, err
		}
		if err := ce.once(seen); err != nil {
			return nil, err
		}
		if err := ce.leaf(); err != nil {
			return nil, err
		}
		exp, err := ce.needUint("expiry", 0, 1<<63-1)
		if err != nil {
			return nil, err
		}
		unit, err := enum[LeaseUnit](ce, "unit", leaseUnitWords)
		if err != nil {
			return nil, err
		}
		if unit == LeaseUnitUnset {
			unit = LeaseMinutes
		}
		if exp == 0 {
			unit = LeaseUnitUnset // infinite: libvirt writes no unit
		} else if unit == LeaseSeconds && exp < 120 || unit == LeaseMinutes && exp < 2 {
			return nil, ce.errorf("a lease lasts at least two minutes (dnsmasq's minimum)")
		}
		lease = &Lease{Expiry: exp, Unit: unit}
	}
	return lease, nil
}

// dhcpHost reads a <host> of <dhcp> in an <ip> of family. partial
// (for net-update's delete) lets any one of mac, name and ip stand
// for the host.
func (rd *reader) dhcpHost(el *element, family int, partial bool) (*DHCPHost, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	h := &DHCPHost{}
	var err error
	if s, ok := el.get("mac"); ok {
		if family == 6 {
			return nil, el.attrErr("mac", "an IPv6 host is named by id (DUID) or name, not by MAC address")
		}
		if msg := checkMAC(s); msg != "" {
			return nil, el.attrErr("mac", msg)
		}
		h.MAC = s
	}
	if s, ok := el.get("id"); ok {
		if family == 4 {
			return nil, el.attrErr("id", "a DHCP id (DUID) is for IPv6 hosts")
		}
		if msg := checkDUID(s); msg != "" {
			return nil, el.attrErr("id", msg)
		}
		h.ID = s
	}
	if s, ok := el.get("name"); ok {
		if s == "" || !isAlnum(s[0]) {
			return nil, el.attrErr("name", fmt.Sprintf("%q: a host name starts with a letter or digit", s))
		}
		if msg := checkDNSName(s); msg != "" {
			return nil, el.attrErr("name", msg)
		}
		h.Name = s
	}
	if h.IP, err = el.addr("ip", 0); err != nil {
		return nil, err
	}
	if h.IP.IsValid() && (family == 4) != h.IP.Is4() {
		return nil, el.attrErr("ip", fmt.Sprintf("%s is not an IPv%d address like its <ip>", h.IP, family))
	}
	if h.Lease, err = rd.leaseChild(el); err != nil {
		return nil, err
	}
	if partial {
		if h.MAC == "" && h.Name == "" && !h.IP.IsValid() && h.ID == "" {
			return nil, el.errorf("a host needs at least one of mac, id, name and ip")
		}
		return h, nil
	}
	switch {
	case family == 6 && h.ID == "" && h.Name == "":
		return nil, el.errorf("an IPv6 host needs an id or a name")
	case family == 4 && h.MAC == "" && h.Name == "":
		return nil, el.errorf("an IPv4 host needs a mac or a name")
	case !h.IP.IsValid():
		return nil, el.errorf("attribute ip is missing")
	}
	return h, nil
}

// subnet is the ip's network: address and prefix (libvirt's rule when
// neither netmask nor prefix is given: the class for IPv4, /64 for
// IPv6).
func (ip *IP) subnet() (netip.Prefix, bool) {
	bits := -1
	switch {
	case ip.Prefix != nil:
		bits = int(*ip.Prefix)
	case ip.Netmask.IsValid():
		bits, _ = netmaskBits(ip.Netmask)
	case ip.Address.Is6():
		bits = 64
	case ip.Address.Is4():
		switch b := ip.Address.As4()[0]; {
		case b&0x80 == 0:
			bits = 8
		case b&0xc0 == 0x80:
			bits = 16
		case b&0xe0 == 0xc0:
			bits = 24
		}
	}
	if bits < 0 {
		return netip.Prefix{}, false
	}
	p, err := ip.Address.Prefix(bits)
	return p, err == nil
}

// Subnet returns the network of the ip, as libvirt derives it: from
// the prefix, the netmask, or by default the address's class (IPv4) or
// /64 (IPv6). false: no subnet can be derived (a class D or E IPv4
// address with neither).
func (ip *IP) Subnet() (netip.Prefix, bool) { return ip.subnet() }
