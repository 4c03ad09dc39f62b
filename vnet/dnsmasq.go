package vnet

import (
	"fmt"
	"math/big"
	"net/netip"
	"strconv"
	"strings"

	"github.com/lensnet/lensnet/internal/dnsmasq"
	"github.com/lensnet/lensnet/vnet/netxml"
)

// dnsmasqFiles are the files of a network's dnsmasq, on the host's disk.
type dnsmasqFiles struct {
	Conf, Pid, Leases, Hosts, AddnHosts string
}

func filesIn(run RunDir) dnsmasqFiles {
	return dnsmasqFiles{
		Conf:      run.HostFile("dnsmasq.conf"),
		Pid:       run.HostFile("dnsmasq.pid"),
		Leases:    run.HostFile("dnsmasq.leases"),
		Hosts:     run.HostFile("dnsmasq.hostsfile"),
		AddnHosts: run.HostFile("dnsmasq.addnhosts"),
	}
}

// needsDnsmasq reports whether a network runs a dnsmasq: one whose
// bridge it owns and that has an address.
func needsDnsmasq(n *netxml.Network) bool {
	return owns(n) && len(n.IPs) > 0
}

func dnsEnabled(n *netxml.Network) bool {
	return n.DNS == nil || n.DNS.Enable == nil || *n.DNS.Enable
}

// dnsmasqConfig is the dnsmasq configuration of a network, with the
// settings libvirt gives dnsmasq for the same XML: DNS (domain,
// forwarders, records), DHCP (ranges with leases, hosts in a hosts
// file, boot and TFTP), router advertisements, bound to the network's
// bridge only. The hosts file and the DNS hosts file are returned too.
func dnsmasqConfig(n *netxml.Network, f dnsmasqFiles) (conf, hosts, addnHosts string, err error) {
	var c dnsmasq.Conf
	add := func(k, v string) {
		if err == nil {
			err = c.Add(k, v)
		}
	}
	flag := func(k string) {
		if err == nil {
			err = c.Flag(k)
		}
	}
	if e := c.Comment("dnsmasq configuration of network " + n.Name + ", written by lensnet"); e != nil {
		return "", "", "", e
	}
	flag("strict-order")
	dnsOn := dnsEnabled(n)
	if !dnsOn {
		add("port", "0")
	}
	if dnsOn && n.DNS != nil {
		for _, fw := range n.DNS.Forwarders {
			switch {
			case fw.Domain != "" && fw.Addr.IsValid():
				add("server", "/"+fw.Domain+"/"+fw.Addr.String())
			case fw.Domain != "":
				add("server", "/"+fw.Domain+"/#")
			case fw.Addr.IsValid():
				add("server", fw.Addr.String())
			}
		}
		for _, fw := range n.DNS.Forwarders {
			if fw.Domain == "" && fw.Addr.IsValid() {
				flag("no-resolv")
				break
			}
		}
	}
	if dnsOn && n.Domain != nil && n.Domain.Name != "" {
		if n.Domain.LocalOnly != nil && *n.Domain.LocalOnly {
			add("local", "/"+n.Domain.Name+"/")
		}
		add("domain", n.Domain.Name)
		flag("expand-hosts")
	}
	if dnsOn && n.DNS != nil && n.DNS.ForwardPlainNames != nil && !*n.DNS.ForwardPlainNames {
		flag("domain-needed")
		add("local", "//")
	}
	if dnsOn {
		for _, ip := range n.IPs {
			if ip.LocalPtr != nil && *ip.LocalPtr {
				if p, ok := ip.Subnet(); ok {
					add("local", "/"+ptrDomain(p)+"/")
				}
			}
		}
	}
	add("except-interface", "lo")
	flag("bind-dynamic")
	add("interface", n.Bridge.Name)
	if dnsOn && n.DNS != nil {
		for _, s := range n.DNS.SRVs {
			add("srv-host", srvHost(s))
		}
		for _, t := range n.DNS.TXTs {
			add("txt-record", t.Name+","+t.Value)
		}
	}
	if n.Forward == nil {
		// isolated: no default route, no upstream DNS, no default
		// route by router advertisements
		add("dhcp-option", "3")
		flag("no-resolv")
		add("ra-param", "*,0,0")
	}
	var leases big.Int
	haveV4DHCP, haveV6DHCP, haveHosts := false, false, false
	var hostLines []string
	for _, ip := range n.IPs {
		if ip.Address.Is4() {
			if ip.TFTPRoot != "" {
				flag("enable-tftp")
				add("tftp-root", ip.TFTPRoot)
			}
		}
		if ip.DHCP == nil {
			if ip.Address.Is6() {
				continue // ra-only below
			}
			continue
		}
		p, _ := ip.Subnet()
		for _, r := range ip.DHCP.Ranges {
			v := r.Start.String() + "," + r.End.String()
			if ip.Address.Is4() {
				v += "," + netmask(p.Bits())
			} else {
				v += "," + strconv.Itoa(p.Bits())
			}
			if r.Lease != nil {
				v += "," + leaseTime(*r.Lease)
			}
			add("dhcp-range", v)
			leases.Add(&leases, rangeSize(r.Start, r.End))
		}
		if len(ip.DHCP.Ranges) == 0 && len(ip.DHCP.Hosts) > 0 {
			if ip.Address.Is4() {
				add("dhcp-range", ip.Address.String()+",static")
			} else {
				add("dhcp-range", ip.Address.String()+",static,"+strconv.Itoa(p.Bits()))
			}
		}
		if ip.Address.Is4() {
			haveV4DHCP = true
			flag("dhcp-no-override")
			flag("dhcp-authoritative")
			if b := ip.DHCP.BootP; b != nil {
				v := b.File
				if b.Server.IsValid() {
					v += ",," + b.Server.String()
				}
				add("dhcp-boot", v)
			}
		} else {
			haveV6DHCP = true
		}
		for _, h := range ip.DHCP.Hosts {
			haveHosts = true
			hostLines = append(hostLines, hostLine(h, ip.Address.Is6()))
		}
	}
	if leases.Sign() > 0 {
		add("dhcp-lease-max", leases.String())
	}
	if haveV4DHCP || haveV6DHCP || haveHosts {
		add("dhcp-hostsfile", f.Hosts)
		add("dhcp-leasefile", f.Leases)
	}
	if dnsOn {
		add("addn-hosts", f.AddnHosts)
	}
	if n.MTU != nil {
		add("dhcp-option", "option:mtu,"+strconv.Itoa(int(*n.MTU)))
	}
	for _, ip := range n.IPs {
		if ip.Address.Is6() && ip.DHCP == nil {
			add("dhcp-range", ip.Address.String()+",ra-only")
		}
	}
	if haveV6DHCP {
		flag("enable-ra")
	}
	for _, o := range n.DnsmasqOptions {
		k, v, hasValue := strings.Cut(o, "=")
		if hasValue {
			add(k, v)
		} else {
			flag(k)
		}
	}
	if err != nil {
		return "", "", "", fmt.Errorf("network %s: dnsmasq configuration: %w", n.Name, err)
	}
	var ah strings.Builder
	if dnsOn && n.DNS != nil {
		for _, h := range n.DNS.Hosts {
			fmt.Fprintf(&ah, "%s\t%s\n", h.IP, strings.Join(h.Hostnames, "\t"))
		}
	}
	hs := strings.Join(hostLines, "\n")
	if hs != "" {
		hs += "\n"
	}
	return c.String(), hs, ah.String(), nil
}

// hostLine is a dhcp-hostsfile line: MAC,IP,NAME for IPv4;
// id:DUID,NAME,[IP] (or NAME,[IP]) for IPv6, as libvirt writes them.
func hostLine(h netxml.DHCPHost, v6 bool) string {
	var parts []string
	switch {
	case h.MAC != "":
		parts = append(parts, h.MAC)
	case h.ID != "":
		parts = append(parts, "id:"+h.ID)
	}
	ip := ""
	if h.IP.IsValid() {
		ip = h.IP.String()
		if v6 {
			ip = "[" + ip + "]"
		}
	}
	if v6 {
		if h.Name != "" {
			parts = append(parts, h.Name)
		}
		if ip != "" {
			parts = append(parts, ip)
		}
	} else {
		if ip != "" {
			parts = append(parts, ip)
		}
		if h.Name != "" {
			parts = append(parts, h.Name)
		}
	}
	if h.Lease != nil {
		parts = append(parts, leaseTime(*h.Lease))
	}
	return strings.Join(parts, ",")
}

func srvHost(s netxml.SRV) string {
	v := "_" + s.Service + "._" + s.Protocol
	if s.Domain != "" {
		v += "." + s.Domain
	}
	if s.Target != "" {
		v += "," + s.Target
		if s.Port != 0 || s.Priority != 0 || s.Weight != 0 {
			port := int(s.Port)
			if port == 0 {
				port = 1 // what libvirt gives dnsmasq for a record with no port
			}
			v += "," + strconv.Itoa(port)
		}
		if s.Priority != 0 || s.Weight != 0 {
			v += "," + strconv.Itoa(int(s.Priority))
		}
		if s.Weight != 0 {
			v += "," + strconv.Itoa(int(s.Weight))
		}
	}
	return v
}

func leaseTime(l netxml.Lease) string {
	if l.Expiry == 0 {
		return "infinite"
	}
	unit := "m"
	switch l.Unit.String() {
	case "seconds":
		unit = "s"
	case "hours":
		unit = "h"
	}
	return strconv.FormatUint(l.Expiry, 10) + unit
}

func netmask(bits int) string {
	var b [4]byte
	for i := 0; i < bits; i++ {
		b[i/8] |= 0x80 >> (i % 8)
	}
	return netip.AddrFrom4(b).String()
}

// rangeSize is the number of addresses from a to b.
func rangeSize(a, b netip.Addr) *big.Int {
	x := new(big.Int).SetBytes(a.AsSlice())
	y := new(big.Int).SetBytes(b.AsSlice())
	n := new(big.Int).Sub(y, x)
	return n.Add(n, big.NewInt(1))
}

// ptrDomain is the reverse DNS domain of a subnet (whole octets or
// nibbles).
func ptrDomain(p netip.Prefix) string {
	b := p.Masked().Addr().AsSlice()
	var parts []string
	if p.Addr().Is4() {
		for i := p.Bits()/8 - 1; i >= 0; i-- {
			parts = append(parts, strconv.Itoa(int(b[i])))
		}
		return strings.Join(parts, ".") + ".in-addr.arpa"
	}
	for i := p.Bits()/4 - 1; i >= 0; i-- {
		nib := b[i/2]
		if i%2 == 0 {
			nib >>= 4
		}
		parts = append(parts, strconv.FormatInt(int64(nib&0xf), 16))
	}
	return strings.Join(parts, ".") + ".ip6.arpa"
}
