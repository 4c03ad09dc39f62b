package ifxml

import (
	"fmt"
	"net/netip"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/internal/xmlenum"
)

// loc names an element of a model for the line table: the interface
// itself (elem "") or one of its child elements by tag ("start",
// "protocol4", "bond", "miimon", ...).
type loc struct {
	ifc  *Interface
	elem string
}

// ifaceStep is the path step of an interface: its tag with the type
// and name it has (those that are set).
func ifaceStep(t Type, name string) string {
	s := "<interface"
	if xmlenum.Valid(typeWords, t) {
		s += " type='" + t.String() + "'"
	}
	if name != "" && checkName(name) == "" {
		s += " name='" + name + "'"
	}
	return s + ">"
}

// iface reads an <interface> element: the root or a nested one.
func (rd *reader) iface(e *etree.Element, parent string) (*Interface, error) {
	el, err := rd.open(e, parent, "type", "name")
	if err != nil {
		return nil, err
	}
	ifc := &Interface{}
	ts, err := el.need("type")
	if err != nil {
		return nil, err
	}
	t, ok := xmlenum.Lookup[Type](typeWords, ts)
	if !ok {
		return nil, el.attrErr("type", fmt.Sprintf("%q is not an interface type (ethernet, bridge, bond or vlan)", ts))
	}
	ifc.Type = t
	el.path = join(parent, ifaceStep(ifc.Type, ""))
	if name, ok := el.get("name"); ok {
		if msg := checkName(name); msg != "" {
			return nil, el.attrErr("name", msg)
		}
		ifc.Name = name
	}
	el.path = join(parent, ifaceStep(ifc.Type, ifc.Name))
	if err := el.noText(); err != nil {
		return nil, err
	}
	rd.lines[loc{ifc, ""}] = rd.line(e)

	seen := map[string]bool{}
	for _, c := range e.ChildElements() {
		if c.Space != "" {
			return nil, rd.unknown(c, el.path)
		}
		var err error
		switch c.Tag {
		case "start":
			err = rd.start(ifc, c, el.path, seen)
		case "mtu":
			err = rd.mtu(ifc, c, el.path, seen)
		case "protocol":
			err = rd.protocol(ifc, c, el.path, seen)
		case "link":
			err = rd.link(ifc, c, el.path, seen)
		case "mac":
			err = rd.mac(ifc, c, el.path, seen)
		case "bridge":
			err = rd.bridge(ifc, c, el.path, seen)
		case "bond":
			err = rd.bond(ifc, c, el.path, seen)
		case "vlan":
			err = rd.vlan(ifc, c, el.path, seen)
		default:
			err = rd.unknown(c, el.path)
		}
		if err != nil {
			return nil, err
		}
	}
	return ifc, nil
}

// leaf opens an element that has attributes only, seen at most once
// among its siblings, and records its line.
func (rd *reader) leaf(ifc *Interface, e *etree.Element, parent string, seen map[string]bool, what string, attrs ...string) (*element, error) {
	el, err := rd.open(e, parent, attrs...)
	if err != nil {
		return nil, err
	}
	if err := el.once(seen, what); err != nil {
		return nil, err
	}
	if err := el.noChildren(); err != nil {
		return nil, err
	}
	if err := el.noText(); err != nil {
		return nil, err
	}
	rd.lines[loc{ifc, what}] = rd.line(e)
	return el, nil
}

func (rd *reader) start(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.leaf(ifc, e, parent, seen, "start", "mode")
	if err != nil {
		return err
	}
	if _, err := el.need("mode"); err != nil {
		return err
	}
	ifc.Start, err = enum[StartMode](el, "mode", startWords)
	return err
}

func (rd *reader) mtu(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.leaf(ifc, e, parent, seen, "mtu", "size")
	if err != nil {
		return err
	}
	n, err := el.needUint("size", maxUint32)
	if err != nil {
		return err
	}
	ifc.MTU = new(uint32(n))
	return nil
}

func (rd *reader) link(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.leaf(ifc, e, parent, seen, "link", "speed", "state")
	if err != nil {
		return err
	}
	l := &Link{}
	if l.Speed, err = u32(el.uint("speed", maxUint32)); err != nil {
		return err
	}
	if l.State, err = enum[LinkState](el, "state", linkStateWords); err != nil {
		return err
	}
	ifc.Link = l
	return nil
}

func (rd *reader) mac(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.leaf(ifc, e, parent, seen, "mac", "address")
	if err != nil {
		return err
	}
	a, err := el.need("address")
	if err != nil {
		return err
	}
	if msg := checkMAC(a); msg != "" {
		return el.attrErr("address", msg)
	}
	ifc.MAC = a
	return nil
}

const maxUint32 = 1<<32 - 1

// u32 narrows an optional number read with max maxUint32.
func u32(n *uint64, err error) (*uint32, error) {
	if n == nil || err != nil {
		return nil, err
	}
	return new(uint32(*n)), nil
}

// addr reads a required address attribute of the family.
func (el *element) addr(key string, v6 bool) (netip.Addr, error) {
	s, err := el.need(key)
	if err != nil {
		return netip.Addr{}, err
	}
	var a netip.Addr
	var msg string
	if v6 {
		a, msg = parseIPv6(s)
	} else {
		a, msg = parseIPv4(s)
	}
	if msg != "" {
		return netip.Addr{}, el.attrErr(key, msg)
	}
	return a, nil
}
