package netxml

import (
	"fmt"
	"slices"
	"strings"
)

// Sections and commands of Update, as virsh net-update names them.
var (
	updateSections = []string{"bridge", "domain", "ip", "ip-dhcp-host", "ip-dhcp-range", "forward", "forward-interface", "forward-pf", "portgroup", "dns-host", "dns-txt", "dns-srv"}
	updateCommands = []string{"add-first", "add-last", "add", "modify", "delete"}
)

// Update changes one section of the network as libvirt's net-update
// does (virsh net-update NETWORK COMMAND SECTION XML): command is
// add-first, add-last (or add), modify or delete; section is
// ip-dhcp-host, ip-dhcp-range, forward-interface, portgroup, dns-host,
// dns-txt or dns-srv (libvirt supports no other); fragment is the XML
// of one element of the section (<host>, <range>, <interface>,
// <portgroup>, <host>, <txt> or <srv>). parentIndex picks the <ip> of
// the DHCP sections, counting from 0; -1 picks the one with DHCP (else
// the first IPv4, else the first IPv6).
//
// Adding refuses a duplicate, modifying and deleting need a match
// (deleting matches on whatever attributes the fragment gives). The
// update is all or nothing: on error the network is unchanged. Errors
// are *Error values; those about the fragment carry its line.
func (n *Network) Update(section, command string, parentIndex int, fragment []byte) error {
	if !slices.Contains(updateSections, section) {
		return &Error{Msg: fmt.Sprintf("%q is not a network section (%s)", section, strings.Join(updateSections, ", "))}
	}
	if !slices.Contains(updateCommands, command) {
		return &Error{Msg: fmt.Sprintf("%q is not an update command (%s)", command, strings.Join(updateCommands, ", "))}
	}
	if command == "add" {
		command = "add-last"
	}
	// work on a copy, kept only if all goes well
	data, err := n.Marshal()
	if err != nil {
		return err
	}
	c, err := Parse(data, "")
	if err != nil {
		return err
	}
	u := &updater{n: c, cmd: command, name: n.Name}
	switch section {
	case "ip-dhcp-host":
		err = u.dhcpHost(parentIndex, fragment)
	case "ip-dhcp-range":
		err = u.dhcpRange(parentIndex, fragment)
	case "forward-interface":
		err = u.forwardInterface(fragment)
	case "portgroup":
		err = u.portgroup(fragment)
	case "dns-host":
		err = u.dnsHost(fragment)
	case "dns-txt":
		err = u.dnsTXT(fragment)
	case "dns-srv":
		err = u.dnsSRV(fragment)
	default:
		return &Error{Element: root, Msg: fmt.Sprintf("the %s section cannot be updated, only redefined", section)}
	}
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	*n = *c
	return nil
}

type updater struct {
	n    *Network
	cmd  string
	name string
}

func (u *updater) errorf(elem, format string, args ...any) error {
	return &Error{Element: elem, Msg: fmt.Sprintf(format, args...)}
}

func (u *updater) add() bool { return u.cmd == "add-first" || u.cmd == "add-last" }

// at is where an add puts its element among n.
func (u *updater) at(n int) int {
	if u.cmd == "add-last" {
		return n
	}
	return 0
}

// fragment reads the update's XML, whose root must be <tag>.
func fragment(data []byte, tag string, allowed ...string) (*element, error) {
	rd, r, err := load(data, "fragment", tag)
	if err != nil {
		return nil, err
	}
	return rd.open(r, "", allowed...)
}

// ipFor returns the <ip> a DHCP update works on.
func (u *updater) ipFor(parentIndex int) (*IP, error) {
	ips := u.n.IPs
	if parentIndex >= 0 {
		if parentIndex >= len(ips) {
			return nil, u.errorf(root, "no <ip> at index %d (the network has %d)", parentIndex, len(ips))
		}
		return &ips[parentIndex], nil
	}
	for i := range ips {
		if ips[i].DHCP != nil {
			return &ips[i], nil
		}
	}
	for _, six := range []bool{false, true} {
		for i := range ips {
			if ips[i].Address.Is6() == six {
				return &ips[i], nil
			}
		}
	}
	return nil, u.errorf(root, "the network has no <ip> to hold DHCP")
}

// checkMultiDHCP refuses to add DHCP to ip when another <ip> of its
// family has some.
func (u *updater) checkMultiDHCP(ip *IP) error {
	for i := range u.n.IPs {
		o := &u.n.IPs[i]
		if o != ip && o.DHCP != nil && o.Address.Is4() == ip.Address.Is4() {
			return u.errorf(root+"/"+ipStep(ip), "DHCP is in <ip address='%s'> already: a network serves DHCP on one subnet of each family", o.Address)
		}
	}
	return nil
}

func (u *updater) dhcpHost(parentIndex int, data []byte) error {
	ip, err := u.ipFor(parentIndex)
	if err != nil {
		return err
	}
	el, err := fragment(data, "host", "mac", "id", "name", "ip")
	if err != nil {
		return err
	}
	h, err := el.rd.dhcpHost(el, ip.family(), u.cmd == "delete")
	if err != nil {
		return err
	}
	path := root + "/" + ipStep(ip) + "/<dhcp>"
	var hosts []DHCPHost
	if ip.DHCP != nil {
		hosts = ip.DHCP.Hosts
	}
	same := func(x *DHCPHost) bool {
		return h.MAC != "" && strings.EqualFold(h.MAC, x.MAC) || h.IP.IsValid() && h.IP == x.IP || h.Name != "" && h.Name == x.Name
	}
	switch u.cmd {
	case "modify":
		i := slices.IndexFunc(hosts, func(x DHCPHost) bool { return same(&x) })
		if i < 0 {
			return u.errorf(path, "no host matches %s", describeHost(h))
		}
		hosts[i] = *h
	case "add-first", "add-last":
		if err := u.checkMultiDHCP(ip); err != nil {
			return err
		}
		if slices.ContainsFunc(hosts, func(x DHCPHost) bool { return same(&x) }) {
			return u.errorf(path, "a host matching %s exists already", describeHost(h))
		}
		if ip.DHCP == nil {
			ip.DHCP = &DHCP{}
		}
		ip.DHCP.Hosts = slices.Insert(hosts, u.at(len(hosts)), *h)
	case "delete":
		i := slices.IndexFunc(hosts, func(x DHCPHost) bool {
			return (h.MAC == "" || x.MAC == "" || strings.EqualFold(h.MAC, x.MAC)) &&
				(h.Name == "" || h.Name == x.Name) && (!h.IP.IsValid() || h.IP == x.IP) &&
				(h.ID == "" || h.ID == x.ID)
		})
		if i < 0 {
			return u.errorf(path, "no host matches %s", describeHost(h))
		}
		ip.DHCP.Hosts = slices.Delete(hosts, i, i+1)
		u.dropEmptyDHCP(ip)
	}
	return nil
}

func (u *updater) dropEmptyDHCP(ip *IP) {
	if d := ip.DHCP; d != nil && len(d.Ranges) == 0 && len(d.Hosts) == 0 {
		ip.DHCP = nil
	}
}

func describeHost(h *DHCPHost) string {
	var parts []string
	for _, kv := range [][2]string{{"mac", h.MAC}, {"id", h.ID}, {"name", h.Name}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"='"+kv[1]+"'")
		}
	}
	if h.IP.IsValid() {
		parts = append(parts, "ip='"+h.IP.String()+"'")
	}
	return "<host " + strings.Join(parts, " ") + ">"
}

func (u *updater) dhcpRange(parentIndex int, data []byte) error {
	ip, err := u.ipFor(parentIndex)
	if err != nil {
		return err
	}
	if u.cmd == "modify" {
		return u.errorf(root+"/"+ipStep(ip)+"/<dhcp>", "a DHCP range cannot be modified, only added or deleted")
	}
	el, err := fragment(data, "range", "start", "end")
	if err != nil {
		return err
	}
	r, err := el.rd.dhcpRange(el, 0)
	if err != nil {
		return err
	}
	path := root + "/" + ipStep(ip) + "/<dhcp>"
	if r.Start.Is4() != ip.Address.Is4() || r.End.Is4() != ip.Address.Is4() {
		return u.errorf(path, "the range %s-%s is not of the family of <ip address='%s'>", r.Start, r.End, ip.Address)
	}
	subnet, _ := ip.subnet()
	c := &checker{n: u.n}
	if err := c.rangeIn(r, ip, subnet, path+"/"+rangeStep(r)); err != nil {
		return err
	}
	var ranges []Range
	if ip.DHCP != nil {
		ranges = ip.DHCP.Ranges
	}
	i := slices.IndexFunc(ranges, func(x Range) bool { return x.Start == r.Start && x.End == r.End })
	if u.add() {
		if err := u.checkMultiDHCP(ip); err != nil {
			return err
		}
		if i >= 0 {
			return u.errorf(path, "the range %s-%s exists already", r.Start, r.End)
		}
		if ip.DHCP == nil {
			ip.DHCP = &DHCP{}
		}
		ip.DHCP.Ranges = slices.Insert(ranges, u.at(len(ranges)), *r)
		return nil
	}
	if i < 0 {
		return u.errorf(path, "no range %s-%s", r.Start, r.End)
	}
	ip.DHCP.Ranges = slices.Delete(ranges, i, i+1)
	u.dropEmptyDHCP(ip)
	return nil
}

func (u *updater) forwardInterface(data []byte) error {
	path := root + "/<forward>"
	if u.cmd == "modify" {
		return u.errorf(path, "a forward interface cannot be modified, only added or deleted")
	}
	el, err := fragment(data, "interface", "dev")
	if err != nil {
		return err
	}
	if err := el.leaf(); err != nil {
		return err
	}
	dev, err := el.need("dev")
	if err != nil {
		return err
	}
	if msg := checkDev(dev); msg != "" {
		return el.attrErr("dev", msg)
	}
	f := u.n.Forward
	if f == nil {
		return u.errorf(root, "the network has no <forward> to hold interfaces")
	}
	i := slices.IndexFunc(f.Interfaces, func(x ForwardInterface) bool { return x.Dev == dev })
	if u.add() {
		if i >= 0 {
			return u.errorf(path, "interface %s is in the pool already", dev)
		}
		f.Interfaces = slices.Insert(f.Interfaces, u.at(len(f.Interfaces)), ForwardInterface{Dev: dev})
		return nil
	}
	if i < 0 {
		return u.errorf(path, "no interface %s in the pool", dev)
	}
	if c := f.Interfaces[i].Connections; c != nil && *c > 0 {
		return u.errorf(path, "interface %s is in use by %d guest interfaces", dev, *c)
	}
	f.Interfaces = slices.Delete(f.Interfaces, i, i+1)
	return nil
}

func (u *updater) portgroup(data []byte) error {
	el, err := fragment(data, "portgroup", "name", "default", "trustGuestRxFilters")
	if err != nil {
		return err
	}
	pg, err := el.rd.portgroup(el)
	if err != nil {
		return err
	}
	pgs := u.n.PortGroups
	i := slices.IndexFunc(pgs, func(x PortGroup) bool { return x.Name == pg.Name })
	def := slices.IndexFunc(pgs, func(x PortGroup) bool { return x.Default })
	path := root + "/" + stepOf("portgroup", "name", pg.Name)
	switch {
	case i < 0 && !u.add():
		return u.errorf(path, "no portgroup named %s", pg.Name)
	case i >= 0 && u.add():
		return u.errorf(path, "a portgroup named %s exists already", pg.Name)
	case u.cmd != "delete" && pg.Default && def >= 0 && def != i:
		return u.errorf(path, "portgroup %s is the default already: one is allowed", pgs[def].Name)
	}
	switch u.cmd {
	case "modify":
		pgs[i] = *pg
	case "delete":
		u.n.PortGroups = slices.Delete(pgs, i, i+1)
	default:
		u.n.PortGroups = slices.Insert(pgs, u.at(len(pgs)), *pg)
	}
	return nil
}

func (u *updater) dns() *DNS {
	if u.n.DNS == nil {
		u.n.DNS = &DNS{}
	}
	return u.n.DNS
}

// dropEmptyDNS keeps the canonical form: no empty <dns>.
func (u *updater) dropEmptyDNS() {
	d := u.n.DNS
	if d != nil && d.Enable == nil && d.ForwardPlainNames == nil && len(d.Forwarders)+len(d.TXTs)+len(d.SRVs)+len(d.Hosts) == 0 {
		u.n.DNS = nil
	}
}

func (u *updater) dnsHost(data []byte) error {
	el, err := fragment(data, "host", "ip")
	if err != nil {
		return err
	}
	h, err := el.rd.dnsHost(el, !u.add())
	if err != nil {
		return err
	}
	d := u.dns()
	defer u.dropEmptyDNS()
	path := root + "/<dns>"
	found, idx := 0, -1
	for i, x := range d.Hosts {
		match := h.IP.IsValid() && x.IP == h.IP
		if u.cmd == "delete" && !match {
			for _, name := range h.Hostnames {
				if slices.Contains(x.Hostnames, name) {
					match = true
				}
			}
		}
		if match {
			found++
			idx = i
		}
	}
	switch {
	case u.add() && found > 0:
		return u.errorf(path, "a DNS host with address %s exists already", h.IP)
	case u.add():
		d.Hosts = slices.Insert(d.Hosts, u.at(len(d.Hosts)), *h)
		return nil
	case found == 0:
		return u.errorf(path, "no DNS host matches")
	case found > 1:
		return u.errorf(path, "%d DNS hosts match: give the one to %s exactly", found, u.cmd)
	case u.cmd == "modify":
		if !h.IP.IsValid() || len(h.Hostnames) == 0 {
			return u.errorf(path, "a modified DNS host needs its ip and at least one <hostname>")
		}
		d.Hosts[idx] = *h
	default:
		d.Hosts = slices.Delete(d.Hosts, idx, idx+1)
	}
	return nil
}

func (u *updater) dnsTXT(data []byte) error {
	el, err := fragment(data, "txt", "name", "value")
	if err != nil {
		return err
	}
	t, err := el.rd.txt(el, !u.add())
	if err != nil {
		return err
	}
	d := u.dns()
	defer u.dropEmptyDNS()
	path := root + "/<dns>"
	i := slices.IndexFunc(d.TXTs, func(x TXT) bool { return x.Name == t.Name })
	switch {
	case u.add() && i >= 0:
		return u.errorf(path, "a TXT record named %s exists already", t.Name)
	case u.add():
		d.TXTs = slices.Insert(d.TXTs, u.at(len(d.TXTs)), *t)
	case i < 0:
		return u.errorf(path, "no TXT record named %s", t.Name)
	case u.cmd == "modify":
		if _, ok := el.get("value"); !ok {
			return u.errorf(path, "a modified TXT record needs its value")
		}
		d.TXTs[i].Value = t.Value
	default:
		d.TXTs = slices.Delete(d.TXTs, i, i+1)
	}
	return nil
}

func (u *updater) dnsSRV(data []byte) error {
	path := root + "/<dns>"
	if u.cmd == "modify" {
		return u.errorf(path, "an SRV record cannot be modified, only added or deleted")
	}
	el, err := fragment(data, "srv", "service", "protocol", "domain", "target", "port", "priority", "weight")
	if err != nil {
		return err
	}
	s, err := el.rd.srv(el, !u.add())
	if err != nil {
		return err
	}
	d := u.dns()
	defer u.dropEmptyDNS()
	found, idx := 0, -1
	for i, x := range d.SRVs {
		if (s.Domain == "" || s.Domain == x.Domain) && (s.Service == "" || s.Service == x.Service) &&
			(s.Protocol == "" || s.Protocol == x.Protocol) && (s.Target == "" || s.Target == x.Target) {
			found++
			idx = i
		}
	}
	switch {
	case u.add() && found > 0:
		return u.errorf(path, "an SRV record matching all the given fields exists already")
	case u.add():
		d.SRVs = slices.Insert(d.SRVs, u.at(len(d.SRVs)), *s)
	case found == 0:
		return u.errorf(path, "no SRV record matches")
	case found > 1:
		return u.errorf(path, "%d SRV records match: give more fields", found)
	default:
		d.SRVs = slices.Delete(d.SRVs, idx, idx+1)
	}
	return nil
}
