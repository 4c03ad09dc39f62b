package netxml

import (
	"fmt"
	"io"
	"strings"
)

// ReadPort reads one networkport document from r. name is the file
// name errors carry. See ParsePort.
func ReadPort(r io.Reader, name string) (*Port, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ParsePort(data, name)
}

// ParsePort reads one networkport document strictly, as Parse reads a
// network: one well-formed <networkport> root, no element, attribute
// or text networkport.rng has no place for, no element twice, valid
// values; then Port.Validate. The first problem is an *Error with the
// line of the offending element.
func ParsePort(data []byte, name string) (*Port, error) {
	rd, root, err := load(data, name, "networkport")
	if err != nil {
		return nil, err
	}
	el, err := rd.open(root, "")
	if err != nil {
		return nil, err
	}
	el.path = "<networkport>"
	p, err := rd.port(el)
	if err != nil {
		return nil, err
	}
	if err := validatePort(p, name, rd.lines); err != nil {
		return nil, err
	}
	return p, nil
}

func (rd *reader) port(el *element) (*Port, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	p := &Port{}
	rd.lines[p] = rd.line(el.e)
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		allowed := map[string][]string{
			"uuid": {}, "owner": {}, "group": {}, "mac": {"address"}, "rxfilters": {"trustGuest"},
			"virtualport": {"type"}, "bandwidth": {"classID"}, "vlan": {"trunk"}, "port": {"isolated"},
			"plug": {"type", "bridge", "macTableManager", "dev", "mode", "managed"},
		}
		keys, ok := allowed[c.Tag]
		if !ok {
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, keys...)
		if err != nil {
			return nil, err
		}
		if err := ce.once(seen); err != nil {
			return nil, err
		}
		rd.lines["<"+c.Tag+">"] = rd.line(c)
		switch c.Tag {
		case "uuid":
			if p.UUID, err = uuidText(ce); err != nil {
				return nil, err
			}
		case "owner":
			if p.Owner, err = rd.owner(ce); err != nil {
				return nil, err
			}
		case "group":
			if p.Group, err = ce.text(); err != nil {
				return nil, err
			}
			if msg := checkPortGroupName(p.Group); msg != "" {
				return nil, ce.errorf("%s", msg)
			}
		case "mac":
			if p.MAC, err = macAttr(ce); err != nil {
				return nil, err
			}
		case "rxfilters":
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			if _, err := ce.need("trustGuest"); err != nil {
				return nil, err
			}
			if p.TrustGuestRxFilters, err = ce.yesNo("trustGuest", "yes", "no"); err != nil {
				return nil, err
			}
		case "virtualport":
			if p.VirtualPort, err = rd.virtualport(ce); err != nil {
				return nil, err
			}
		case "bandwidth":
			if p.Bandwidth, p.ClassID, err = rd.portBandwidth(ce); err != nil {
				return nil, err
			}
		case "vlan":
			if p.VLAN, err = rd.vlan(ce); err != nil {
				return nil, err
			}
		case "port":
			if p.Isolated, err = portIsolated(ce); err != nil {
				return nil, err
			}
		case "plug":
			if p.Plug, err = rd.plug(ce); err != nil {
				return nil, err
			}
		}
	}
	for _, need := range []string{"uuid", "owner", "mac"} {
		if !seen[need] {
			return nil, el.errorf("<%s> is missing", need)
		}
	}
	return p, nil
}

// uuidText reads an element holding a UUID.
func uuidText(el *element) (string, error) {
	s, err := el.text()
	if err != nil {
		return "", err
	}
	u, msg := parseUUID(strings.TrimSpace(s))
	if msg != "" {
		return "", el.errorf("%s", msg)
	}
	return u, nil
}

// macAttr reads <mac address>, lowercased.
func macAttr(el *element) (string, error) {
	if err := el.leaf(); err != nil {
		return "", err
	}
	s, err := el.need("address")
	if err != nil {
		return "", err
	}
	if msg := checkMAC(s); msg != "" {
		return "", el.attrErr("address", msg)
	}
	return strings.ToLower(s), nil
}

func portIsolated(el *element) (*bool, error) {
	if err := el.leaf(); err != nil {
		return nil, err
	}
	return el.yesNo("isolated", "yes", "no")
}

func (rd *reader) owner(el *element) (PortOwner, error) {
	var o PortOwner
	if err := el.noText(); err != nil {
		return o, err
	}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "name" && c.Tag != "uuid" {
			return o, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path)
		if err != nil {
			return o, err
		}
		if err := ce.once(seen); err != nil {
			return o, err
		}
		if c.Tag == "name" {
			if o.Name, err = ce.text(); err != nil {
				return o, err
			}
		} else if o.UUID, err = uuidText(ce); err != nil {
			return o, err
		}
	}
	if !seen["name"] || !seen["uuid"] {
		return o, el.errorf("an <owner> needs a <name> and a <uuid>")
	}
	return o, nil
}

// portBandwidth reads a port's <bandwidth classID>: a floor allowed.
func (rd *reader) portBandwidth(el *element) (*Bandwidth, uint32, error) {
	id, err := el.uint("classID", 1, 1<<32-1)
	if err != nil {
		return nil, 0, err
	}
	b, err := rd.bandwidthOf(el, true)
	if err != nil {
		return nil, 0, err
	}
	if b == nil {
		if id != nil {
			return nil, 0, el.attrErr("classID", "a classID needs a rate")
		}
		return nil, 0, nil
	}
	if id != nil {
		return b, uint32(*id), nil
	}
	return b, 0, nil
}

func (rd *reader) plug(el *element) (*Plug, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	pl := &Plug{}
	rd.lines[pl] = rd.line(el.e)
	if _, err := el.need("type"); err != nil {
		return nil, err
	}
	var err error
	if pl.Type, err = enum[PlugType](el, "type", plugWords); err != nil {
		return nil, err
	}
	allowed := map[PlugType][]string{
		PlugNetwork: {"type", "bridge", "macTableManager"}, PlugBridge: {"type", "bridge", "macTableManager"},
		PlugDirect: {"type", "dev", "mode"}, PlugHostdevPCI: {"type", "managed"},
	}[pl.Type]
	for k := range el.attrs {
		if !contains(allowed, k) {
			return nil, el.attrErr(k, fmt.Sprintf("a plug of type %s takes no %s", pl.Type, k))
		}
	}
	switch pl.Type {
	case PlugNetwork, PlugBridge:
		if err := el.leaf(); err != nil {
			return nil, err
		}
		if pl.Bridge, err = devAttr(el, "bridge"); err != nil {
			return nil, err
		}
		if pl.MACTableManager, err = enum[MACTableManager](el, "macTableManager", macTableWords); err != nil {
			return nil, err
		}
	case PlugDirect:
		if err := el.leaf(); err != nil {
			return nil, err
		}
		if pl.Dev, err = devAttr(el, "dev"); err != nil {
			return nil, err
		}
		if _, err := el.need("mode"); err != nil {
			return nil, err
		}
		if pl.Mode, err = enum[DirectMode](el, "mode", directWords); err != nil {
			return nil, err
		}
	case PlugHostdevPCI:
		if pl.Managed, err = el.yesNo("managed", "yes", "no"); err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, c := range el.e.ChildElements() {
			if !plain(c) || c.Tag != "driver" && c.Tag != "address" {
				return nil, rd.unknown(c, el.path)
			}
			keys := []string{"name"}
			if c.Tag == "address" {
				keys = []string{"domain", "bus", "slot", "function"}
			}
			ce, err := rd.open(c, el.path, keys...)
			if err != nil {
				return nil, err
			}
			if err := ce.once(seen); err != nil {
				return nil, err
			}
			if err := ce.leaf(); err != nil {
				return nil, err
			}
			if c.Tag == "driver" {
				if _, err := ce.need("name"); err != nil {
					return nil, err
				}
				if pl.Driver, err = enum[DriverName](ce, "name", driverWords); err != nil {
					return nil, err
				}
			} else if pl.Address, err = pciFields(ce); err != nil {
				return nil, err
			}
		}
		if !seen["address"] {
			return nil, el.errorf("a hostdev-pci plug needs an <address>")
		}
	}
	return pl, nil
}

// devAttr reads a required device name attribute.
func devAttr(el *element, key string) (string, error) {
	s, err := el.need(key)
	if err != nil {
		return "", err
	}
	if msg := checkDev(s); msg != "" {
		return "", el.attrErr(key, msg)
	}
	return s, nil
}

// pciFields reads the domain, bus, slot and function of a PCI address.
func pciFields(el *element) (PCIAddress, error) {
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
	return a, nil
}
