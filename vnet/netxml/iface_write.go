package netxml

// Marshal returns the interface as XML, after Validate: <interface
// type='network' trustGuestRxFilters> holding mac, source, actual,
// virtualport, bandwidth, vlan, port.
func (in *Interface) Marshal() ([]byte, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	w := &writer{}
	w.open("interface", optBool([]string{"type", "network"}, "trustGuestRxFilters", in.TrustGuestRxFilters)...)
	if in.MAC != "" {
		w.leaf("mac", "address", in.MAC)
	}
	src := []string{"network", in.Network}
	src = opt(src, "portgroup", in.PortGroup)
	src = opt(src, "portid", in.PortID)
	w.leaf("source", src...)
	if in.Actual != nil {
		w.actual(in.Actual)
	}
	w.virtualport(in.VirtualPort)
	w.bandwidth(in.Bandwidth)
	w.vlan(in.VLAN)
	if in.Isolated != nil {
		w.leaf("port", "isolated", yesNo(*in.Isolated))
	}
	w.close("interface")
	return w.buf.Bytes(), nil
}

// Marshal returns the <actual> element alone, after checking it.
func (a *Actual) Marshal() ([]byte, error) {
	c := &checker{top: a}
	if err := c.portParts(a.VirtualPort, a.Bandwidth, 0, a.VLAN, &a.Plug, "<actual>"); err != nil {
		return nil, err
	}
	w := &writer{}
	w.actual(a)
	return w.buf.Bytes(), nil
}

func (w *writer) actual(a *Actual) {
	pl := &a.Plug
	attrs := []string{"type", actualWords[pl.Type]}
	if pl.Type == PlugHostdevPCI {
		attrs = optBool(attrs, "managed", pl.Managed)
	}
	w.open("actual", optBool(attrs, "trustGuestRxFilters", a.TrustGuestRxFilters)...)
	switch pl.Type {
	case PlugNetwork, PlugBridge:
		attrs := []string{"bridge", pl.Bridge}
		if pl.MACTableManager != MACTableUnset {
			attrs = append(attrs, "macTableManager", pl.MACTableManager.String())
		}
		w.leaf("source", attrs...)
	case PlugDirect:
		w.leaf("source", "dev", pl.Dev, "mode", pl.Mode.String())
	case PlugHostdevPCI:
		if pl.Driver != DriverUnset {
			w.leaf("driver", "name", pl.Driver.String())
		}
		w.open("source")
		w.pci("address", pl.Address, true)
		w.close("source")
	}
	w.virtualport(a.VirtualPort)
	w.bandwidth(a.Bandwidth)
	w.vlan(a.VLAN)
	if a.Isolated != nil {
		w.leaf("port", "isolated", yesNo(*a.Isolated))
	}
	w.close("actual")
}
