package ifxml

import (
	"bytes"
	"io"
	"strconv"
	"strings"
)

// Marshal returns the model in libvirt's canonical form (see the
// package documentation), after Validate.
func (ifc *Interface) Marshal() ([]byte, error) {
	if err := ifc.Validate(); err != nil {
		return nil, err
	}
	w := &writer{}
	w.iface(ifc, true)
	return w.buf.Bytes(), nil
}

// Write writes the model to w in libvirt's canonical form, after
// Validate.
func (ifc *Interface) Write(w io.Writer) error {
	b, err := ifc.Marshal()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

type writer struct {
	buf   bytes.Buffer
	depth int
}

// tag writes one line: "<name attrs...", closed by end ("/>" for a
// leaf, ">" for a container).
func (w *writer) tag(name, end string, attrs ...string) {
	for range w.depth {
		w.buf.WriteString("  ")
	}
	w.buf.WriteByte('<')
	w.buf.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		w.buf.WriteByte(' ')
		w.buf.WriteString(attrs[i])
		w.buf.WriteString("='")
		w.buf.WriteString(escape(attrs[i+1]))
		w.buf.WriteByte('\'')
	}
	w.buf.WriteString(end)
	w.buf.WriteByte('\n')
}

func (w *writer) leaf(name string, attrs ...string) { w.tag(name, "/>", attrs...) }

func (w *writer) open(name string, attrs ...string) {
	w.tag(name, ">", attrs...)
	w.depth++
}

func (w *writer) close(name string) {
	w.depth--
	for range w.depth {
		w.buf.WriteString("  ")
	}
	w.buf.WriteString("</" + name + ">\n")
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&apos;", "\"", "&quot;")

func escape(s string) string { return escaper.Replace(s) }

func u32s(n uint32) string { return strconv.FormatUint(uint64(n), 10) }

func (w *writer) iface(ifc *Interface, top bool) {
	w.open("interface", "type", ifc.Type.String(), "name", ifc.Name)
	if top {
		if ifc.Start != StartUnset {
			w.leaf("start", "mode", ifc.Start.String())
		}
		if ifc.MTU != nil {
			w.leaf("mtu", "size", u32s(*ifc.MTU))
		}
		if p := ifc.IPv4; p != nil {
			w.open("protocol", "family", "ipv4")
			w.protocol(false, p.DHCP, p.Addresses, p.Gateway.IsValid(), p.Gateway.String())
		}
		if p := ifc.IPv6; p != nil {
			w.open("protocol", "family", "ipv6")
			w.protocol(p.Autoconf, p.DHCP, p.Addresses, p.Gateway.IsValid(), p.Gateway.String())
		}
	}
	if l := ifc.Link; l != nil && ifc.Type != TypeBridge {
		var attrs []string
		if l.Speed != nil {
			attrs = append(attrs, "speed", u32s(*l.Speed))
		}
		if l.State != LinkStateUnset {
			attrs = append(attrs, "state", l.State.String())
		}
		w.leaf("link", attrs...)
	}
	switch ifc.Type {
	case TypeEthernet:
		if ifc.MAC != "" {
			w.leaf("mac", "address", ifc.MAC)
		}
	case TypeBridge:
		w.bridge(ifc.Bridge)
	case TypeBond:
		w.bond(ifc.Bond)
	case TypeVLAN:
		w.open("vlan", "tag", strconv.Itoa(int(ifc.VLAN.Tag)))
		w.leaf("interface", "name", ifc.VLAN.Device)
		w.close("vlan")
	}
	w.close("interface")
}

// protocol writes the inside of an open <protocol> and closes it:
// autoconf, dhcp, the addresses in order, the gateway.
func (w *writer) protocol(autoconf bool, dhcp *DHCP, addrs []Address, hasGW bool, gw string) {
	if autoconf {
		w.leaf("autoconf")
	}
	if dhcp != nil {
		if dhcp.PeerDNS != nil {
			w.leaf("dhcp", "peerdns", choose(*dhcp.PeerDNS, "yes", "no"))
		} else {
			w.leaf("dhcp")
		}
	}
	for _, a := range addrs {
		if a.Prefix != nil {
			w.leaf("ip", "address", a.Addr.String(), "prefix", strconv.Itoa(int(*a.Prefix)))
		} else {
			w.leaf("ip", "address", a.Addr.String())
		}
	}
	if hasGW {
		w.leaf("route", "gateway", gw)
	}
	w.close("protocol")
}

func choose(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func (w *writer) bridge(b *Bridge) {
	var attrs []string
	if b.STP != nil {
		attrs = append(attrs, "stp", choose(*b.STP, "on", "off"))
	}
	if b.Delay != "" {
		attrs = append(attrs, "delay", b.Delay)
	}
	w.open("bridge", attrs...)
	for _, p := range b.Ports {
		w.iface(p, false)
	}
	w.close("bridge")
}

func (w *writer) bond(b *Bond) {
	var attrs []string
	if b.Mode != BondModeUnset {
		attrs = append(attrs, "mode", b.Mode.String())
	}
	w.open("bond", attrs...)
	if m := b.MIIMon; m != nil {
		attrs := []string{"freq", u32s(m.Freq)}
		if m.DownDelay != nil {
			attrs = append(attrs, "downdelay", u32s(*m.DownDelay))
		}
		if m.UpDelay != nil {
			attrs = append(attrs, "updelay", u32s(*m.UpDelay))
		}
		if m.Carrier != CarrierUnset {
			attrs = append(attrs, "carrier", m.Carrier.String())
		}
		w.leaf("miimon", attrs...)
	}
	if a := b.ARPMon; a != nil {
		attrs := []string{"interval", u32s(a.Interval), "target", a.Target.String()}
		if a.Validate != ValidateUnset {
			attrs = append(attrs, "validate", a.Validate.String())
		}
		w.leaf("arpmon", attrs...)
	}
	for _, s := range b.Slaves {
		w.iface(s, false)
	}
	w.close("bond")
}
