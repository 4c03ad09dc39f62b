package netxml

// skipped are the children of a domain's <interface> that say nothing
// to the network (the guest's device model, its PCI slot, boot order,
// ...): ParseInterface accepts and drops them, so that an interface
// cut from a domain's XML reads as it is.
var skipped = map[string]bool{
	"model": true, "target": true, "address": true, "alias": true, "driver": true, "boot": true,
	"rom": true, "link": true, "mtu": true, "filterref": true, "guest": true, "coalesce": true,
	"tune": true, "teaming": true, "backend": true, "ip": true, "route": true, "script": true,
	"downscript": true, "acpi": true, "backenddomain": true, "portForward": true,
}

// ParseInterface reads a guest's <interface type='network'> strictly:
// the type must be network; mac, source (network, portgroup, portid),
// virtualport, bandwidth (floor allowed), vlan, port and actual are
// read; the domain-only children listed in skipped are dropped; any
// other element or attribute is an error. name is the file name errors
// carry.
func ParseInterface(data []byte, name string) (*Interface, error) {
	rd, root, err := load(data, name, "interface")
	if err != nil {
		return nil, err
	}
	el, err := rd.open(root, "", "type", "trustGuestRxFilters")
	if err != nil {
		return nil, err
	}
	el.path = "<interface>"
	if err := el.noText(); err != nil {
		return nil, err
	}
	if t, err := el.need("type"); err != nil {
		return nil, err
	} else if t != "network" {
		return nil, el.attrErr("type", "a port is made for an interface of type 'network', not '"+t+"'")
	}
	in := &Interface{}
	rd.lines[in] = rd.line(root)
	if in.TrustGuestRxFilters, err = el.yesNo("trustGuestRxFilters", "yes", "no"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range root.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		if skipped[c.Tag] {
			continue
		}
		keys, ok := map[string][]string{
			"mac": {"address"}, "source": {"network", "portgroup", "portid"}, "virtualport": {"type"},
			"bandwidth": {}, "vlan": {"trunk"}, "port": {"isolated"}, "actual": {"type", "managed", "trustGuestRxFilters"},
		}[c.Tag]
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
		case "mac":
			in.MAC, err = macAttr(ce)
		case "source":
			err = rd.ifaceSource(ce, in)
		case "virtualport":
			in.VirtualPort, err = rd.virtualport(ce)
		case "bandwidth":
			in.Bandwidth, err = rd.bandwidthOf(ce, true)
		case "vlan":
			in.VLAN, err = rd.vlan(ce)
		case "port":
			in.Isolated, err = portIsolated(ce)
		case "actual":
			in.Actual, err = rd.actual(ce)
		}
		if err != nil {
			return nil, err
		}
	}
	if !seen["source"] {
		return nil, el.errorf("<source network> is missing")
	}
	if err := validateInterface(in, name, rd.lines); err != nil {
		return nil, err
	}
	return in, nil
}

func (rd *reader) ifaceSource(el *element, in *Interface) error {
	if err := el.leaf(); err != nil {
		return err
	}
	var err error
	if in.Network, err = el.need("network"); err != nil {
		return err
	}
	if msg := checkNetworkName(in.Network); msg != "" {
		return el.attrErr("network", msg)
	}
	if s, ok := el.get("portgroup"); ok {
		if msg := checkPortGroupName(s); msg != "" {
			return el.attrErr("portgroup", msg)
		}
		in.PortGroup = s
	}
	if s, ok := el.get("portid"); ok {
		u, msg := parseUUID(s)
		if msg != "" {
			return el.attrErr("portid", msg)
		}
		in.PortID = u
	}
	return nil
}

func (rd *reader) actual(el *element) (*Actual, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	a := &Actual{}
	rd.lines[a] = rd.line(el.e)
	if _, err := el.need("type"); err != nil {
		return nil, err
	}
	t, err := enum[PlugType](el, "type", actualWords)
	if err != nil {
		return nil, err
	}
	a.Plug.Type = t
	if a.TrustGuestRxFilters, err = el.yesNo("trustGuestRxFilters", "yes", "no"); err != nil {
		return nil, err
	}
	if _, ok := el.get("managed"); ok && t != PlugHostdevPCI {
		return nil, el.attrErr("managed", "managed is for an actual of type hostdev")
	}
	if a.Plug.Managed, err = el.yesNo("managed", "yes", "no"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		var keys []string
		switch {
		case c.Tag == "source" && (t == PlugNetwork || t == PlugBridge):
			keys = []string{"bridge", "macTableManager"}
		case c.Tag == "source" && t == PlugDirect:
			keys = []string{"dev", "mode"}
		case c.Tag == "source" || c.Tag == "bandwidth":
		case c.Tag == "driver" && t == PlugHostdevPCI:
			keys = []string{"name"}
		case c.Tag == "virtualport":
			keys = []string{"type"}
		case c.Tag == "vlan":
			keys = []string{"trunk"}
		case c.Tag == "port":
			keys = []string{"isolated"}
		default:
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, keys...)
		if err != nil {
			return nil, err
		}
		if err := ce.once(seen); err != nil {
			return nil, err
		}
		switch c.Tag {
		case "source":
			err = rd.actualSource(ce, &a.Plug)
		case "driver":
			if err = ce.leaf(); err == nil {
				if _, err = ce.need("name"); err == nil {
					a.Plug.Driver, err = enum[DriverName](ce, "name", driverWords)
				}
			}
		case "virtualport":
			a.VirtualPort, err = rd.virtualport(ce)
		case "bandwidth":
			a.Bandwidth, err = rd.bandwidthOf(ce, true)
		case "vlan":
			a.VLAN, err = rd.vlan(ce)
		case "port":
			a.Isolated, err = portIsolated(ce)
		}
		if err != nil {
			return nil, err
		}
	}
	if !seen["source"] {
		return nil, el.errorf("an <actual> needs a <source>")
	}
	return a, nil
}

func (rd *reader) actualSource(el *element, pl *Plug) error {
	var err error
	switch pl.Type {
	case PlugNetwork, PlugBridge:
		if err := el.leaf(); err != nil {
			return err
		}
		if pl.Bridge, err = devAttr(el, "bridge"); err != nil {
			return err
		}
		pl.MACTableManager, err = enum[MACTableManager](el, "macTableManager", macTableWords)
		return err
	case PlugDirect:
		if err := el.leaf(); err != nil {
			return err
		}
		if pl.Dev, err = devAttr(el, "dev"); err != nil {
			return err
		}
		if _, err := el.need("mode"); err != nil {
			return err
		}
		pl.Mode, err = enum[DirectMode](el, "mode", directWords)
		return err
	}
	if err := el.noText(); err != nil {
		return err
	}
	cs := el.e.ChildElements()
	if len(cs) != 1 || !plain(cs[0]) || cs[0].Tag != "address" {
		if len(cs) > 1 {
			return rd.unknown(cs[1], el.path)
		}
		if len(cs) == 1 {
			return rd.unknown(cs[0], el.path)
		}
		return el.errorf("a hostdev <source> needs an <address type='pci'>")
	}
	ae, err := rd.open(cs[0], el.path, "type", "domain", "bus", "slot", "function")
	if err != nil {
		return err
	}
	if err := ae.leaf(); err != nil {
		return err
	}
	pl.Address, err = pciAddress(ae)
	return err
}

// validateInterface checks an interface model (see Interface.Validate).
func validateInterface(in *Interface, file string, lines map[any]int) error {
	const p = "<interface>"
	if in == nil {
		return &Error{File: file, Element: p, Msg: "a nil interface"}
	}
	c := &checker{file: file, lines: lines, top: in}
	if in.MAC != "" {
		if err := c.mac(in.MAC, p+"/<mac>"); err != nil {
			return err
		}
	}
	if msg := checkNetworkName(in.Network); msg != "" {
		return c.at("<source>", p+"/<source>", "%s", msg)
	}
	if in.PortGroup != "" {
		if msg := checkPortGroupName(in.PortGroup); msg != "" {
			return c.at("<source>", p+"/<source>", "%s", msg)
		}
	}
	if in.PortID != "" {
		if err := c.uuid(in.PortID, "<source>", p+"/<source>"); err != nil {
			return err
		}
	}
	if err := c.portParts(in.VirtualPort, in.Bandwidth, 0, in.VLAN, nil, p); err != nil {
		return err
	}
	if a := in.Actual; a != nil {
		ap := p + "/<actual>"
		if err := c.portParts(a.VirtualPort, a.Bandwidth, 0, a.VLAN, &a.Plug, ap); err != nil {
			return err
		}
	}
	return nil
}

// Validate checks an interface model as ParseInterface checks a
// document.
func (in *Interface) Validate() error { return validateInterface(in, "", nil) }
