package ifxml

import (
	"fmt"
	"net/netip"

	"github.com/beevik/etree"
)

// protocol reads a <protocol> block of either family.
func (rd *reader) protocol(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.open(e, parent, "family")
	if err != nil {
		return err
	}
	family, err := el.need("family")
	if err != nil {
		return err
	}
	if family != "ipv4" && family != "ipv6" {
		return el.attrErr("family", fmt.Sprintf("%q is not ipv4 or ipv6", family))
	}
	el.path = join(parent, "<protocol family='"+family+"'>")
	v6 := family == "ipv6"
	what := "protocol4"
	if v6 {
		what = "protocol6"
	}
	if err := el.once(seen, what); err != nil {
		return err
	}
	if err := el.noText(); err != nil {
		return err
	}
	rd.lines[loc{ifc, what}] = rd.line(e)

	var p struct {
		autoconf  bool
		dhcp      *DHCP
		addresses []Address
		gateway   netip.Addr
	}
	inner := map[string]bool{}
	for _, c := range e.ChildElements() {
		if c.Space != "" {
			return rd.unknown(c, el.path)
		}
		switch {
		case c.Tag == "autoconf" && v6:
			if _, err := rd.leaf(ifc, c, el.path, inner, "autoconf"); err != nil {
				return err
			}
			p.autoconf = true
		case c.Tag == "dhcp":
			cl, err := rd.leaf(ifc, c, el.path, inner, "dhcp", "peerdns")
			if err != nil {
				return err
			}
			d := &DHCP{}
			if d.PeerDNS, err = cl.yesNo("peerdns", "yes", "no"); err != nil {
				return err
			}
			p.dhcp = d
		case c.Tag == "ip":
			cl, err := rd.open(c, el.path, "address", "prefix")
			if err != nil {
				return err
			}
			if err := cl.noChildren(); err != nil {
				return err
			}
			if err := cl.noText(); err != nil {
				return err
			}
			var a Address
			if a.Addr, err = cl.addr("address", v6); err != nil {
				return err
			}
			max := uint64(32)
			if v6 {
				max = 128
			}
			n, err := cl.uint("prefix", max)
			if err != nil {
				return err
			}
			if n != nil {
				a.Prefix = new(uint8(*n))
			}
			p.addresses = append(p.addresses, a)
		case c.Tag == "route":
			cl, err := rd.leaf(ifc, c, el.path, inner, "route", "gateway")
			if err != nil {
				return err
			}
			if p.gateway, err = cl.addr("gateway", v6); err != nil {
				return err
			}
		default:
			return rd.unknown(c, el.path)
		}
	}
	if v6 {
		ifc.IPv6 = &IPv6{Autoconf: p.autoconf, DHCP: p.dhcp, Addresses: p.addresses, Gateway: p.gateway}
	} else {
		ifc.IPv4 = &IPv4{DHCP: p.dhcp, Addresses: p.addresses, Gateway: p.gateway}
	}
	return nil
}
