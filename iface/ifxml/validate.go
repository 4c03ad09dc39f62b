package ifxml

import (
	"fmt"
	"net/netip"

	"github.com/lensnet/lensnet/internal/xmlenum"
)

// Validate checks a model against the rules a document must meet (the
// schema's, and libvirt's parser's on names): the same checks Parse
// makes, for models built in Go. Write validates before writing.
func (ifc *Interface) Validate() error {
	return validate(ifc, "", nil)
}

// role is where an interface stands: the root, a bridge port or a bond
// slave.
type role uint8

const (
	top role = iota
	port
	slave
)

// checker validates a model; lines, when it comes from a document,
// give the line of its elements.
type checker struct {
	file  string
	lines map[loc]int
}

func validate(ifc *Interface, file string, lines map[loc]int) error {
	c := &checker{file: file, lines: lines}
	return c.iface(ifc, "", top)
}

// errorf is an error at element elem (see loc) of ifc, whose path is
// path.
func (c *checker) errorf(ifc *Interface, elem, path, format string, args ...any) error {
	line, ok := c.lines[loc{ifc, elem}]
	if !ok {
		line = c.lines[loc{ifc, ""}]
	}
	return &Error{File: c.file, Line: line, Element: path, Msg: fmt.Sprintf(format, args...)}
}

var typeElem = map[Type]string{TypeBridge: "bridge", TypeBond: "bond", TypeVLAN: "vlan"}

func (c *checker) iface(ifc *Interface, parent string, r role) error {
	if ifc == nil {
		return &Error{File: c.file, Element: join(parent, "<interface>"), Msg: "a nil interface"}
	}
	path := join(parent, ifaceStep(ifc.Type, ifc.Name))
	fail := func(elem, step, format string, args ...any) error {
		return c.errorf(ifc, elem, join(path, step), format, args...)
	}
	self := func(format string, args ...any) error {
		return c.errorf(ifc, "", path, format, args...)
	}
	if !xmlenum.Valid(typeWords, ifc.Type) {
		return self("the interface type is missing or not valid (%s)", ifc.Type)
	}
	if ifc.Name == "" {
		return self("an interface needs a name")
	}
	if msg := checkName(ifc.Name); msg != "" {
		return self("%s", msg)
	}
	switch {
	case r == port && ifc.Type == TypeBridge:
		return self("a bridge port must be an ethernet, vlan or bond interface, not a bridge")
	case r == slave && ifc.Type != TypeEthernet:
		return self("a bond slave must be an ethernet interface, not %s", article(ifc.Type))
	}
	if r != top {
		where := "a bridge port"
		if r == slave {
			where = "a bond slave"
		}
		switch {
		case ifc.Start != StartUnset:
			return fail("start", "<start>", "%s takes no <start>: only the top-level interface has one", where)
		case ifc.MTU != nil:
			return fail("mtu", "<mtu>", "%s takes no <mtu>: only the top-level interface has one", where)
		case ifc.IPv4 != nil:
			return fail("protocol4", "<protocol family='ipv4'>", "%s takes no <protocol>: only the top-level interface has addresses", where)
		case ifc.IPv6 != nil:
			return fail("protocol6", "<protocol family='ipv6'>", "%s takes no <protocol>: only the top-level interface has addresses", where)
		}
	}
	if ifc.Start != StartUnset && !xmlenum.Valid(startWords, ifc.Start) {
		return fail("start", "<start mode>", "%s is not valid", ifc.Start)
	}
	if ifc.IPv4 != nil {
		if err := c.protocol(ifc, path, "protocol4", false, ifc.IPv4.Addresses, ifc.IPv4.Gateway); err != nil {
			return err
		}
	}
	if ifc.IPv6 != nil {
		if err := c.protocol(ifc, path, "protocol6", true, ifc.IPv6.Addresses, ifc.IPv6.Gateway); err != nil {
			return err
		}
	}
	if ifc.Link != nil {
		if ifc.Type == TypeBridge {
			return fail("link", "<link>", "a bridge takes no <link>")
		}
		if s := ifc.Link.State; s != LinkStateUnset && !xmlenum.Valid(linkStateWords, s) {
			return fail("link", "<link state>", "%s is not valid", s)
		}
	}
	if ifc.MAC != "" {
		if ifc.Type != TypeEthernet {
			return fail("mac", "<mac>", "%s takes no <mac>: only an ethernet interface has one", article(ifc.Type))
		}
		if msg := checkMAC(ifc.MAC); msg != "" {
			return fail("mac", "<mac address>", "%s", msg)
		}
	}
	for _, t := range []Type{TypeBridge, TypeBond, TypeVLAN} {
		has := t == TypeBridge && ifc.Bridge != nil || t == TypeBond && ifc.Bond != nil || t == TypeVLAN && ifc.VLAN != nil
		el := typeElem[t]
		switch {
		case has && ifc.Type != t:
			return fail(el, "<"+el+">", "%s takes no <%s>: only a %s interface has one", article(ifc.Type), el, t)
		case !has && ifc.Type == t:
			return self("a %s interface needs a <%s> element", t, el)
		}
	}
	switch ifc.Type {
	case TypeBridge:
		return c.bridge(ifc, path)
	case TypeBond:
		return c.bond(ifc, path)
	case TypeVLAN:
		return c.vlan(ifc, path)
	}
	return nil
}

func (c *checker) protocol(ifc *Interface, parent, elem string, v6 bool, addrs []Address, gw netip.Addr) error {
	family, max := "ipv4", 32
	if v6 {
		family, max = "ipv6", 128
	}
	path := join(parent, "<protocol family='"+family+"'>")
	for _, a := range addrs {
		if msg := checkAddr(a.Addr, v6); msg != "" {
			return c.errorf(ifc, elem, join(path, "<ip address>"), "%s", msg)
		}
		if a.Prefix != nil && int(*a.Prefix) > max {
			return c.errorf(ifc, elem, join(path, "<ip prefix>"), "%d is out of range (0-%d)", *a.Prefix, max)
		}
	}
	if gw.IsValid() {
		if msg := checkAddr(gw, v6); msg != "" {
			return c.errorf(ifc, elem, join(path, "<route gateway>"), "%s", msg)
		}
	}
	return nil
}

func (c *checker) bridge(ifc *Interface, parent string) error {
	path := join(parent, "<bridge>")
	b := ifc.Bridge
	if b.Delay != "" {
		if msg := checkDelay(b.Delay); msg != "" {
			return c.errorf(ifc, "bridge", join(parent, "<bridge delay>"), "%s", msg)
		}
	}
	for _, p := range b.Ports {
		if err := c.iface(p, path, port); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) bond(ifc *Interface, parent string) error {
	path := join(parent, "<bond>")
	b := ifc.Bond
	if b.Mode != BondModeUnset && !xmlenum.Valid(bondModeWords, b.Mode) {
		return c.errorf(ifc, "bond", join(parent, "<bond mode>"), "%s is not valid", b.Mode)
	}
	if b.MIIMon != nil && b.ARPMon != nil {
		return c.errorf(ifc, "arpmon", join(path, "<arpmon>"), "a bond takes at most one of <miimon> and <arpmon>")
	}
	if m := b.MIIMon; m != nil && m.Carrier != CarrierUnset && !xmlenum.Valid(carrierWords, m.Carrier) {
		return c.errorf(ifc, "miimon", join(path, "<miimon carrier>"), "%s is not valid", m.Carrier)
	}
	if a := b.ARPMon; a != nil {
		if msg := checkAddr(a.Target, false); msg != "" {
			return c.errorf(ifc, "arpmon", join(path, "<arpmon target>"), "%s", msg)
		}
		if a.Validate != ValidateUnset && !xmlenum.Valid(validateWords, a.Validate) {
			return c.errorf(ifc, "arpmon", join(path, "<arpmon validate>"), "%s is not valid", a.Validate)
		}
	}
	if len(b.Slaves) == 0 {
		return c.errorf(ifc, "bond", path, "a bond needs at least one <interface>")
	}
	for _, s := range b.Slaves {
		if err := c.iface(s, path, slave); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) vlan(ifc *Interface, parent string) error {
	path := join(parent, "<vlan>")
	v := ifc.VLAN
	if v.Tag > maxTag {
		return c.errorf(ifc, "vlan", join(parent, "<vlan tag>"), "%d is out of range (0-%d)", v.Tag, maxTag)
	}
	if v.Device == "" {
		return c.errorf(ifc, "vlan", path, "a <vlan> needs its parent device: <interface name='...'/>")
	}
	if msg := checkName(v.Device); msg != "" {
		return c.errorf(ifc, "device", join(path, "<interface name>"), "%s", msg)
	}
	return nil
}

// article is "a bond", "an ethernet"...
func article(t Type) string {
	if t == TypeEthernet {
		return "an ethernet"
	}
	return "a " + t.String()
}
