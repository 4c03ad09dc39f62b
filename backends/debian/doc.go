// Package debian is the driver for Debian's ifupdown configuration:
// /etc/network/interfaces, the files its "source" (a glob, relative to
// /etc/network) and "source-directory" (the names run-parts takes)
// lines name, recursively, and /etc/network/interfaces.d, all read
// through the Interfaces lens. debian.xf holds the per-stanza mapping
// as xform rules; the Go code joins stanzas into interfaces and
// interfaces into connections (a bridge with its ports, a bond with
// its slaves, a bridge over a bond over ethernets).
//
// # Reading
//
// An interface is every "iface NAME inet|inet6 METHOD" stanza of that
// name, in any file and any order (an inet6 stanza before the inet one
// reads both). Options are read in both styles (bond-slaves and
// bond_slaves, bridge-ports, vlan-raw-device...). One stanza, the main
// one, holds the interface's own options (hwaddress, with or without
// "ether", mtu, bridge_*, bond_*, vlan_raw_device): the first of the
// first inet and first inet6 stanzas that has any, else the first
// inet one. The type is bridge with bridge_ports, bond with
// bond_slaves or slaves naming it as bond-master, vlan with
// vlan_raw_device or a DEV.TAG name, else ethernet.
//
// Start mode: an auto (or allow-auto) line naming the interface, among
// any other names, is onboot; allow-hotplug is hotplug; neither is
// none.
//
// Addresses: inet dhcp is <dhcp/>; inet static an address (A/P or A
// with a dotted netmask) and gateway; inet loopback 127.0.0.1/8; inet
// manual nothing. inet6 auto is <autoconf/>; autoconf is also on for
// any other inet6 stanza but loopback unless netcf's "pre-up echo 0 >
// /proc/sys/net/ipv6/conf/NAME/autoconf" line is there; netcf's "up
// /sbin/ifconfig NAME inet6 add A/P" lines are more addresses.
//
// Bonds: bond_use_carrier 1 is netif and 0 ioctl (netcf reads both as
// ioctl); the bond_primary slave goes first. Bridges: bridge_ports
// none is no port; netcf's "pre-up ifup PORT"/"post-down ifdown PORT"
// lines for bond and VLAN ports are structure, written and removed
// with the ports. A port or slave with a stanza of its own reads its
// MAC (and a bond port its bond options) from it.
//
// # Writing: lossless encodings
//
//   - Several IPv4 addresses, and dhcp with addresses: one stanza per
//     address after the first ("iface NAME inet static", one address
//     each), which ifupdown documents and applies together; dhcp is an
//     "inet dhcp" stanza of its own. IPv6 secondaries likewise (netcf's
//     ifconfig lines are read, and kept when the XML keeps them, but
//     never started: ifconfig is not installed on current Debian).
//     Addresses keep their stanzas: a stanza holding two address lines
//     (or netcf's lines) keeps holding that many.
//   - Start mode none is no line (as netcf writes it); no <start> is
//     written as none and reads back as <start mode='none'/>: ifupdown
//     has no third state, and every invented line would be one that
//     ifupdown either acts on or passes to scripts. This is the one
//     normalisation.
//   - peerdns has no ifupdown meaning: it is a "peerdns yes|no" option
//     line in the dhcp stanza, which ifupdown only exports to scripts.
//   - A port's or slave's MAC gets an "iface PORT inet manual" stanza
//     with hwaddress (netcf drops it); bond and VLAN ports always get
//     one. Slaves with no stanza and no MAC get none.
//   - An empty <protocol family='ipv4'/> is "inet manual", which reads
//     as no IPv4 protocol.
//
// Define edits in place: lines keep their text when they still say
// what the XML says (CIDR or netmask, "ether" or not, dash or
// underscore style, "none" with bond-master slaves); unknown options,
// comments and their order stay; options the XML no longer implies go;
// new options follow the stanza's style (underscores, as netcf, unless
// it uses dashes). New stanzas go after the interface's last stanza
// (in its file), a new interface at the end of /etc/network/interfaces
// after its auto or allow-hotplug line. Taking a port or slave from
// another bridge or bond is an error naming both. Undefine removes the
// connection's stanzas, its names from auto and allow-hotplug lines
// (a line keeps its other names) and bonding aliases in
// /etc/modprobe.d, where define adds them for new bonds, as netcf does.
//
// A file that does not parse is an error, with its file:line:col, for
// every interface its text declares (for every interface when it is
// /etc/network/interfaces); the others still read.
//
// Known limit: when define or undefine removes a stanza, the lens
// gives each later stanza of the same file the layout (indentation,
// trailing comments and blank lines) of the stanza before it, as
// Augeas does: their options and values are kept, not their exact
// bytes. Adding and changing stanzas keeps every other byte.
package debian
