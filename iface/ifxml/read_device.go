package ifxml

import (
	"github.com/beevik/etree"
)

// bridge reads the <bridge> element and its ports.
func (rd *reader) bridge(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.open(e, parent, "stp", "delay")
	if err != nil {
		return err
	}
	if err := el.once(seen, "bridge"); err != nil {
		return err
	}
	if err := el.noText(); err != nil {
		return err
	}
	rd.lines[loc{ifc, "bridge"}] = rd.line(e)
	b := &Bridge{}
	if b.STP, err = el.yesNo("stp", "on", "off"); err != nil {
		return err
	}
	if d, ok := el.get("delay"); ok {
		if msg := checkDelay(d); msg != "" {
			return el.attrErr("delay", msg)
		}
		b.Delay = d
	}
	for _, c := range e.ChildElements() {
		if c.Space != "" || c.Tag != "interface" {
			return rd.unknown(c, el.path)
		}
		port, err := rd.iface(c, el.path)
		if err != nil {
			return err
		}
		b.Ports = append(b.Ports, port)
	}
	ifc.Bridge = b
	return nil
}

// bond reads the <bond> element, its monitor and its slaves.
func (rd *reader) bond(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.open(e, parent, "mode")
	if err != nil {
		return err
	}
	if err := el.once(seen, "bond"); err != nil {
		return err
	}
	if err := el.noText(); err != nil {
		return err
	}
	rd.lines[loc{ifc, "bond"}] = rd.line(e)
	b := &Bond{}
	if b.Mode, err = enum[BondMode](el, "mode", bondModeWords); err != nil {
		return err
	}
	inner := map[string]bool{}
	for _, c := range e.ChildElements() {
		if c.Space != "" {
			return rd.unknown(c, el.path)
		}
		switch c.Tag {
		case "miimon":
			cl, err := rd.leaf(ifc, c, el.path, inner, "miimon", "freq", "downdelay", "updelay", "carrier")
			if err != nil {
				return err
			}
			m := &MIIMon{}
			n, err := cl.needUint("freq", maxUint32)
			if err != nil {
				return err
			}
			m.Freq = uint32(n)
			if m.DownDelay, err = u32(cl.uint("downdelay", maxUint32)); err != nil {
				return err
			}
			if m.UpDelay, err = u32(cl.uint("updelay", maxUint32)); err != nil {
				return err
			}
			if m.Carrier, err = enum[Carrier](cl, "carrier", carrierWords); err != nil {
				return err
			}
			b.MIIMon = m
		case "arpmon":
			cl, err := rd.leaf(ifc, c, el.path, inner, "arpmon", "interval", "target", "validate")
			if err != nil {
				return err
			}
			a := &ARPMon{}
			n, err := cl.needUint("interval", maxUint32)
			if err != nil {
				return err
			}
			a.Interval = uint32(n)
			if a.Target, err = cl.addr("target", false); err != nil {
				return err
			}
			if a.Validate, err = enum[ARPValidate](cl, "validate", validateWords); err != nil {
				return err
			}
			b.ARPMon = a
		case "interface":
			slave, err := rd.iface(c, el.path)
			if err != nil {
				return err
			}
			b.Slaves = append(b.Slaves, slave)
		default:
			return rd.unknown(c, el.path)
		}
	}
	ifc.Bond = b
	return nil
}

// vlan reads the <vlan> element and its parent device.
func (rd *reader) vlan(ifc *Interface, e *etree.Element, parent string, seen map[string]bool) error {
	el, err := rd.open(e, parent, "tag")
	if err != nil {
		return err
	}
	if err := el.once(seen, "vlan"); err != nil {
		return err
	}
	if err := el.noText(); err != nil {
		return err
	}
	rd.lines[loc{ifc, "vlan"}] = rd.line(e)
	v := &VLAN{}
	n, err := el.needUint("tag", maxTag)
	if err != nil {
		return err
	}
	v.Tag = uint16(n)
	inner := map[string]bool{}
	for _, c := range e.ChildElements() {
		if c.Space != "" || c.Tag != "interface" {
			return rd.unknown(c, el.path)
		}
		for _, a := range c.Attr {
			if a.FullKey() != "name" {
				return rd.errorf(c, el.path, "<interface "+a.FullKey()+">", "unknown attribute %s: the parent device of a vlan has a name only", a.FullKey())
			}
		}
		cl, err := rd.leaf(ifc, c, el.path, inner, "device", "name")
		if err != nil {
			return err
		}
		name, err := cl.need("name")
		if err != nil {
			return err
		}
		if msg := checkName(name); msg != "" {
			return cl.attrErr("name", msg)
		}
		v.Device = name
	}
	ifc.VLAN = v
	return nil
}

const maxTag = 4095
