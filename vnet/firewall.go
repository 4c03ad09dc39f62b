package vnet

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"github.com/lensnet/lensnet/vnet/netxml"
)

// The firewall of a network is one nftables table of its own (family
// inet), which destroy deletes whole: other tables, the host's and
// other networks', are never read or changed. nat masquerades the
// network's subnets towards everything else (through forward dev when
// given, to the nat address and port ranges when given) and lets
// guests' connections out and their answers back in; route lets the
// subnets' traffic through both ways; isolated drops everything that
// would cross the bridge to or from another device; open has no table.

const tableFamily = "inet"

var unsafeTableChars = regexp.MustCompile(`[^A-Za-z0-9_-]`)

// tableName is the network's table: "lensnet-" and its name, made
// safe for nft, with a hash of the name when it had to change.
func tableName(name string) string {
	safe := unsafeTableChars.ReplaceAllString(name, "_")
	if safe != name {
		sum := sha256.Sum256([]byte(name))
		safe += "-" + hex.EncodeToString(sum[:3])
	}
	return "lensnet-" + safe
}

// firewallScript returns the nft script that makes the network's table
// (deleting an earlier one of the same name in the same transaction),
// or "" for a network that needs none.
func firewallScript(n *netxml.Network) (table, script string) {
	mode := "isolated"
	if n.Forward != nil {
		mode = n.Forward.Mode.String()
	}
	if mode != "nat" && mode != "route" && mode != "isolated" {
		return "", ""
	}
	br := quote(n.Bridge.Name)
	dev := ""
	if n.Forward != nil && len(n.Forward.Interfaces) > 0 {
		dev = n.Forward.Interfaces[0].Dev
	}
	var subnets []netip.Prefix
	for _, ip := range n.IPs {
		if p, ok := ip.Subnet(); ok {
			subnets = append(subnets, p.Masked())
		}
	}
	table = tableName(n.Name)
	var b strings.Builder
	fmt.Fprintf(&b, "table %s %s {}\ndelete table %s %s\ntable %s %s {\n", tableFamily, table, tableFamily, table, tableFamily, table)
	fmt.Fprintf(&b, "\tchain forward {\n\t\ttype filter hook forward priority filter; policy accept;\n")
	fmt.Fprintf(&b, "\t\tiifname %s oifname %s accept\n", br, br)
	out := ""
	if dev != "" {
		out = " oifname " + quote(dev)
	}
	in := ""
	if dev != "" {
		in = " iifname " + quote(dev)
	}
	for _, p := range subnets {
		fam := family(p)
		switch mode {
		case "nat":
			if p.Addr().Is6() && !natIPv6(n) {
				// IPv6 is routed, not NATed
				fmt.Fprintf(&b, "\t\tiifname %s%s %s saddr %s accept\n", br, out, fam, p)
				fmt.Fprintf(&b, "\t\toifname %s%s %s daddr %s accept\n", br, in, fam, p)
				continue
			}
			fmt.Fprintf(&b, "\t\tiifname %s%s %s saddr %s accept\n", br, out, fam, p)
			fmt.Fprintf(&b, "\t\toifname %s%s %s daddr %s ct state established,related accept\n", br, in, fam, p)
		case "route":
			fmt.Fprintf(&b, "\t\tiifname %s%s %s saddr %s accept\n", br, out, fam, p)
			fmt.Fprintf(&b, "\t\toifname %s%s %s daddr %s accept\n", br, in, fam, p)
		}
	}
	fmt.Fprintf(&b, "\t\tiifname %s drop\n\t\toifname %s drop\n\t}\n", br, br)
	if mode == "nat" {
		fmt.Fprintf(&b, "\tchain postrouting {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n")
		for _, p := range subnets {
			if p.Addr().Is6() && !natIPv6(n) {
				continue
			}
			fam := family(p)
			match := fmt.Sprintf("%s saddr %s %s daddr != %s%s", fam, p, fam, p, out)
			if fam == "ip" {
				// not to multicast or broadcast, as libvirt
				match += " ip daddr != { 224.0.0.0/24, 255.255.255.255 }"
			}
			to, ports := natTarget(n, p)
			if ports != "" {
				fmt.Fprintf(&b, "\t\t%s meta l4proto { tcp, udp } %s to %s\n", match, to.verb, to.addrs+":"+ports)
			}
			if to.addrs != "" {
				fmt.Fprintf(&b, "\t\t%s %s to %s\n", match, to.verb, to.addrs)
			} else {
				fmt.Fprintf(&b, "\t\t%s masquerade\n", match)
			}
		}
		fmt.Fprintf(&b, "\t}\n")
	}
	b.WriteString("}\n")
	return table, b.String()
}

type natTo struct{ verb, addrs string }

// natTarget is masquerade, or snat to the nat address range, and the
// port range when given.
func natTarget(n *netxml.Network, p netip.Prefix) (natTo, string) {
	to := natTo{verb: "masquerade"}
	var ports string
	if nat := n.Forward.NAT; nat != nil {
		if nat.Address != nil && p.Addr().Is4() {
			to = natTo{verb: "snat ip", addrs: nat.Address.Start.String()}
			if nat.Address.End != nat.Address.Start {
				to.addrs += "-" + nat.Address.End.String()
			}
		}
		if nat.Port != nil {
			ports = fmt.Sprintf("%d-%d", nat.Port.Start, nat.Port.End)
		}
	}
	return to, ports
}

func natIPv6(n *netxml.Network) bool {
	return n.Forward != nil && n.Forward.NAT != nil && n.Forward.NAT.IPv6 != nil && *n.Forward.NAT.IPv6
}

func family(p netip.Prefix) string {
	if p.Addr().Is4() {
		return "ip"
	}
	return "ip6"
}

// quote writes a device name as an nft string.
func quote(s string) string { return `"` + s + `"` }
