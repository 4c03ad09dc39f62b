package netxml

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteOptions are the choices of the writer.
type WriteOptions struct {
	// Inactive writes the persistent form (libvirt's
	// VIR_NETWORK_XML_INACTIVE): no connection counts, and no pool
	// listed when a <pf> stands for it.
	Inactive bool
}

// Marshal returns the model in libvirt's canonical form (see the
// package documentation), live form, after Validate.
func (n *Network) Marshal() ([]byte, error) { return n.MarshalWith(WriteOptions{}) }

// MarshalWith returns the model in libvirt's canonical form, after
// Validate.
func (n *Network) MarshalWith(o WriteOptions) ([]byte, error) {
	if err := n.Validate(); err != nil {
		return nil, err
	}
	w := &writer{opts: o}
	w.network(n)
	return w.buf.Bytes(), nil
}

// Write writes the model to w in libvirt's canonical form (live), after
// Validate.
func (n *Network) Write(w io.Writer) error {
	b, err := n.Marshal()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

type writer struct {
	buf   bytes.Buffer
	depth int
	opts  WriteOptions
}

func (w *writer) indent() {
	for range w.depth {
		w.buf.WriteString("  ")
	}
}

// tag writes one line: "<name attrs...", closed by end ("/>" for a
// leaf, ">" for a container).
func (w *writer) tag(name, end string, attrs ...string) {
	w.indent()
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
	w.indent()
	w.buf.WriteString("</" + name + ">\n")
}

// text writes <name>text</name> on one line.
func (w *writer) text(name, s string) {
	w.indent()
	w.buf.WriteString("<" + name + ">" + escape(s) + "</" + name + ">\n")
}

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&apos;", "\"", "&quot;")

func escape(s string) string { return escaper.Replace(s) }

func u64(n uint64) string { return strconv.FormatUint(n, 10) }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// opt appends key=value when value is not "".
func opt(attrs []string, key, value string) []string {
	if value == "" {
		return attrs
	}
	return append(attrs, key, value)
}

func optBool(attrs []string, key string, b *bool) []string {
	if b == nil {
		return attrs
	}
	return append(attrs, key, yesNo(*b))
}

func (w *writer) network(n *Network) {
	var attrs []string
	if len(n.DnsmasqOptions) > 0 {
		attrs = append(attrs, "xmlns:dnsmasq", DnsmasqNS)
	}
	if n.Connections != nil && *n.Connections > 0 && !w.opts.Inactive {
		attrs = append(attrs, "connections", u64(uint64(*n.Connections)))
	}
	if n.IPv6 {
		attrs = append(attrs, "ipv6", "yes")
	}
	attrs = optBool(attrs, "trustGuestRxFilters", n.TrustGuestRxFilters)
	w.open("network", attrs...)
	w.text("name", n.Name)
	if n.UUID != "" {
		w.text("uuid", n.UUID)
	}
	if n.Title != "" {
		w.text("title", n.Title)
	}
	if n.Description != "" {
		w.text("description", n.Description)
	}
	if n.Metadata != "" {
		w.open("metadata")
		for _, line := range strings.Split(n.Metadata, "\n") {
			w.indent()
			w.buf.WriteString(line + "\n")
		}
		w.close("metadata")
	}
	mode := ForwardUnset
	if f := n.Forward; f != nil {
		w.forward(f)
		mode = f.Mode
	}
	owns := mode == ForwardUnset || mode.OwnsBridge()
	if b := n.Bridge; b != nil {
		attrs := opt(nil, "name", b.Name)
		attrs = opt(attrs, "zone", b.Zone)
		if owns {
			stp := "on"
			if b.STP != nil && !*b.STP {
				stp = "off"
			}
			var delay uint64
			if b.Delay != nil {
				delay = *b.Delay
			}
			attrs = append(attrs, "stp", stp, "delay", u64(delay))
		}
		if b.MACTableManager != MACTableUnset {
			attrs = append(attrs, "macTableManager", b.MACTableManager.String())
		}
		w.leaf("bridge", attrs...)
	}
	if n.MTU != nil {
		w.leaf("mtu", "size", u64(uint64(*n.MTU)))
	}
	if n.MAC != "" {
		w.leaf("mac", "address", n.MAC)
	}
	if d := n.Domain; d != nil {
		attrs := []string{"name", d.Name}
		attrs = optBool(attrs, "localOnly", d.LocalOnly)
		attrs = optBool(attrs, "register", d.Register)
		w.leaf("domain", attrs...)
	}
	w.dns(n.DNS)
	w.vlan(n.VLAN)
	w.bandwidth(n.Bandwidth)
	if n.PortIsolated != nil {
		w.leaf("port", "isolated", yesNo(*n.PortIsolated))
	}
	for i := range n.IPs {
		w.ip(&n.IPs[i])
	}
	for _, r := range n.Routes {
		attrs := opt(nil, "family", r.Family)
		attrs = append(attrs, "address", r.Address.String())
		if r.Netmask.IsValid() {
			attrs = append(attrs, "netmask", r.Netmask.String())
		}
		if r.Prefix != nil {
			attrs = append(attrs, "prefix", u64(uint64(*r.Prefix)))
		}
		attrs = append(attrs, "gateway", r.Gateway.String())
		if r.Metric != nil {
			attrs = append(attrs, "metric", u64(uint64(*r.Metric)))
		}
		w.leaf("route", attrs...)
	}
	w.virtualport(n.VirtualPort)
	for _, pg := range n.PortGroups {
		attrs := []string{"name", pg.Name}
		if pg.Default {
			attrs = append(attrs, "default", "yes")
		}
		attrs = optBool(attrs, "trustGuestRxFilters", pg.TrustGuestRxFilters)
		w.open("portgroup", attrs...)
		w.vlan(pg.VLAN)
		w.virtualport(pg.VirtualPort)
		w.bandwidth(pg.Bandwidth)
		w.close("portgroup")
	}
	if len(n.DnsmasqOptions) > 0 {
		w.open("dnsmasq:options")
		for _, o := range n.DnsmasqOptions {
			w.leaf("dnsmasq:option", "value", o)
		}
		w.close("dnsmasq:options")
	}
	w.close("network")
}

func (w *writer) forward(f *Forward) {
	var attrs []string
	if f.PF == "" && len(f.Interfaces) > 0 {
		attrs = append(attrs, "dev", f.Interfaces[0].Dev)
	}
	attrs = append(attrs, "mode", f.Mode.String())
	if f.Mode == ForwardHostdev {
		attrs = append(attrs, "managed", yesNo(f.Managed))
	}
	if len(f.Interfaces) == 0 && len(f.Addresses) == 0 && f.PF == "" && f.NAT == nil && f.Driver == nil {
		w.leaf("forward", attrs...)
		return
	}
	w.open("forward", attrs...)
	if d := f.Driver; d != nil {
		var attrs []string
		if d.Name != DriverUnset {
			attrs = append(attrs, "name", d.Name.String())
		}
		w.leaf("driver", opt(attrs, "model", d.Model)...)
	}
	if nat := f.NAT; nat != nil {
		attrs := optBool(nil, "ipv6", nat.IPv6)
		if nat.Address == nil && nat.Port == nil {
			w.leaf("nat", attrs...)
		} else {
			w.open("nat", attrs...)
			if a := nat.Address; a != nil {
				w.leaf("address", "start", a.Start.String(), "end", a.End.String())
			}
			if p := nat.Port; p != nil {
				w.leaf("port", "start", u64(uint64(p.Start)), "end", u64(uint64(p.End)))
			}
			w.close("nat")
		}
	}
	if f.PF != "" {
		w.leaf("pf", "dev", f.PF)
	}
	if f.PF == "" || !w.opts.Inactive {
		for _, i := range f.Interfaces {
			attrs := []string{"dev", i.Dev}
			if i.Connections != nil && *i.Connections > 0 && !w.opts.Inactive {
				attrs = append(attrs, "connections", u64(uint64(*i.Connections)))
			}
			w.leaf("interface", attrs...)
		}
		for _, a := range f.Addresses {
			w.leaf("address", "type", "pci",
				"domain", fmt.Sprintf("0x%04x", a.Domain), "bus", fmt.Sprintf("0x%02x", a.Bus),
				"slot", fmt.Sprintf("0x%02x", a.Slot), "function", fmt.Sprintf("0x%x", a.Function))
		}
	}
	w.close("forward")
}

func (w *writer) dns(d *DNS) {
	if d == nil {
		return
	}
	attrs := optBool(nil, "enable", d.Enable)
	attrs = optBool(attrs, "forwardPlainNames", d.ForwardPlainNames)
	if len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) == 0 {
		w.leaf("dns", attrs...)
		return
	}
	w.open("dns", attrs...)
	for _, f := range d.Forwarders {
		attrs := opt(nil, "domain", f.Domain)
		if f.Addr.IsValid() {
			attrs = append(attrs, "addr", f.Addr.String())
		}
		w.leaf("forwarder", attrs...)
	}
	for _, t := range d.TXTs {
		w.leaf("txt", "name", t.Name, "value", t.Value)
	}
	for _, s := range d.SRVs {
		attrs := []string{"service", s.Service, "protocol", s.Protocol}
		attrs = opt(attrs, "domain", s.Domain)
		attrs = opt(attrs, "target", s.Target)
		for _, x := range []struct {
			k string
			v uint16
		}{{"port", s.Port}, {"priority", s.Priority}, {"weight", s.Weight}} {
			if x.v != 0 {
				attrs = append(attrs, x.k, u64(uint64(x.v)))
			}
		}
		w.leaf("srv", attrs...)
	}
	for _, h := range d.Hosts {
		w.open("host", "ip", h.IP.String())
		for _, name := range h.Hostnames {
			w.text("hostname", name)
		}
		w.close("host")
	}
	w.close("dns")
}

func (w *writer) ip(ip *IP) {
	attrs := opt(nil, "family", ip.Family)
	attrs = append(attrs, "address", ip.Address.String())
	if ip.Netmask.IsValid() {
		attrs = append(attrs, "netmask", ip.Netmask.String())
	}
	if ip.Prefix != nil {
		attrs = append(attrs, "prefix", u64(uint64(*ip.Prefix)))
	}
	attrs = optBool(attrs, "localPtr", ip.LocalPtr)
	w.open("ip", attrs...)
	if ip.TFTPRoot != "" {
		w.leaf("tftp", "root", ip.TFTPRoot)
	}
	if d := ip.DHCP; d != nil {
		w.open("dhcp")
		for _, r := range d.Ranges {
			w.withLease("range", r.Lease, "start", r.Start.String(), "end", r.End.String())
		}
		for _, h := range d.Hosts {
			attrs := opt(nil, "mac", h.MAC)
			attrs = opt(attrs, "id", h.ID)
			attrs = opt(attrs, "name", h.Name)
			attrs = append(attrs, "ip", h.IP.String())
			w.withLease("host", h.Lease, attrs...)
		}
		if b := d.BootP; b != nil {
			attrs := []string{"file", b.File}
			if b.Server.IsValid() {
				attrs = append(attrs, "server", b.Server.String())
			}
			w.leaf("bootp", attrs...)
		}
		w.close("dhcp")
	}
	w.close("ip")
}

// withLease writes a range or host, with its lease inside.
func (w *writer) withLease(name string, l *Lease, attrs ...string) {
	if l == nil {
		w.leaf(name, attrs...)
		return
	}
	w.open(name, attrs...)
	if l.Expiry == 0 {
		w.leaf("lease", "expiry", "0")
	} else {
		w.leaf("lease", "expiry", u64(l.Expiry), "unit", l.Unit.String())
	}
	w.close(name)
}

func (w *writer) virtualport(v *VirtualPort) {
	if v == nil {
		return
	}
	var attrs []string
	if v.Type != VirtualPortUnset {
		attrs = append(attrs, "type", v.Type.String())
	}
	if v.empty() {
		w.leaf("virtualport", attrs...)
		return
	}
	w.open("virtualport", attrs...)
	var p []string
	if v.ManagerID != nil {
		p = append(p, "managerid", u64(uint64(*v.ManagerID)))
	}
	if v.TypeID != nil {
		p = append(p, "typeid", u64(uint64(*v.TypeID)))
	}
	if v.TypeIDVersion != nil {
		p = append(p, "typeidversion", u64(uint64(*v.TypeIDVersion)))
	}
	p = opt(p, "instanceid", v.InstanceID)
	p = opt(p, "interfaceid", v.InterfaceID)
	p = opt(p, "profileid", v.ProfileID)
	w.leaf("parameters", p...)
	w.close("virtualport")
}

func (w *writer) bandwidth(b *Bandwidth) { w.bandwidthID(b, 0) }

// bandwidthID writes a <bandwidth>, with its classID when not 0.
func (w *writer) bandwidthID(b *Bandwidth, classID uint32) {
	if b == nil {
		return
	}
	if classID != 0 {
		w.open("bandwidth", "classID", u64(uint64(classID)))
	} else {
		w.open("bandwidth")
	}
	for _, x := range []struct {
		name string
		r    *Rate
	}{{"inbound", b.Inbound}, {"outbound", b.Outbound}} {
		if x.r == nil {
			continue
		}
		var attrs []string
		if x.r.Average != 0 {
			attrs = append(attrs, "average", u64(x.r.Average))
		}
		if x.r.Peak != 0 {
			attrs = append(attrs, "peak", u64(x.r.Peak))
		}
		if x.r.Floor != 0 {
			attrs = append(attrs, "floor", u64(x.r.Floor))
		}
		if x.r.Burst != 0 {
			attrs = append(attrs, "burst", u64(x.r.Burst))
		}
		w.leaf(x.name, attrs...)
	}
	w.close("bandwidth")
}

func (w *writer) vlan(v *VLAN) {
	if v == nil {
		return
	}
	if v.Trunk {
		w.open("vlan", "trunk", "yes")
	} else {
		w.open("vlan")
	}
	for _, t := range v.Tags {
		attrs := []string{"id", u64(uint64(t.ID))}
		if t.NativeMode != NativeUnset {
			attrs = append(attrs, "nativeMode", t.NativeMode.String())
		}
		w.leaf("tag", attrs...)
	}
	w.close("vlan")
}
