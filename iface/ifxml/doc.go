// Package ifxml is libvirt's host-interface XML (the "netcf" format,
// interface.rng serial 4) as a Go model: read strictly, validate, and
// write in libvirt's canonical form.
//
// # The model
//
// An [Interface] has a [Type] (ethernet, bridge, bond or vlan), a name,
// and the optional parts the schema allows: start mode, MTU, an IPv4
// and an IPv6 protocol block (DHCP, static addresses with optional
// prefixes, a default gateway; SLAAC for IPv6), link status, MAC
// address, and the type's own element: [Bridge] (STP, forward delay,
// ports), [Bond] (mode, MII or ARP monitor, slaves) or [VLAN] (tag,
// parent device). Something left out of a document is left out of the
// model: nil pointers, zero ("Unset") enums, empty strings, invalid
// netip.Addr values. The structs are plain, so reflect.DeepEqual and
// testify's Equal compare models.
//
// Numbers keep their exact values and the bridge delay its text;
// addresses are netip.Addr values, written back in their standard text
// form (RFC 5952 for IPv6); the MAC address keeps its text and case.
//
// # Reading
//
// [Read] and [Parse] take one document and return the first problem as
// an [*Error] that prints on one line as
//
//	file:line: element path: what is wrong
//
// for example
//
//	bond.xml:7: <interface type='bond' name='bond0'>/<bond>: a bond needs at least one <interface>
//
// The line is that of the offending element (or text, or syntax
// error). Reading is strict where libvirt's parser is lax, to match the
// schema: the document must be well-formed XML with one <interface>
// root and no DOCTYPE; no element, attribute or text may stand where
// the schema has no place for it (libvirt ignores, for example, <start>
// on a bridge port; here it is an error); no element may repeat where
// the schema allows one (<mtu>, a protocol family, <route> in a family,
// <dhcp>, <miimon>...); every value is checked: device names
// ([a-zA-Z0-9_.\-\\:/]+, at most 15 bytes as the kernel's IFNAMSIZ
// wants), MAC addresses, IPv4 dotted quads, IPv6 addresses without a
// zone, prefixes (0-32, 0-128), unsigned 32-bit numbers written as
// digits, VLAN tags (0-4095), enums, and delays (digits with an
// optional fraction). Nesting follows the schema: only the top-level
// interface carries start, mtu and protocols; a MAC only on ethernet;
// no link on a bridge; bridge ports are bare ethernet, vlan or bond
// interfaces, bond slaves bare ethernet ones (at least one); a bond has
// at most one monitor; the parent device of a vlan has a name and
// nothing else. Like libvirt's parser, and unlike the schema, a vlan
// needs a name too. Comments and white space are ignored.
//
// [Interface.Validate] makes the same checks on a model built in Go;
// its errors carry no file or line.
//
// # The canonical form
//
// [Interface.Write] and [Interface.Marshal] validate the model, then
// write what libvirt's formatter writes, so that each of libvirt's own
// fixtures (tests/interfaceschemadata) reads and writes back byte for
// byte:
//
//   - elements in a fixed order: start, mtu, the IPv4 protocol, the IPv6
//     protocol, link (never on a bridge), then mac (ethernet) or the
//     bridge, bond or vlan element; inside a protocol: autoconf, dhcp,
//     the ip elements in order, route; inside a bond: miimon or arpmon,
//     then the slaves in order; bridge ports in order;
//   - attributes in a fixed order: interface type, name; link speed,
//     state; ip address, prefix; bridge stp, delay; miimon freq,
//     downdelay, updelay, carrier; arpmon interval, target, validate;
//   - single quotes, two spaces of indent a level, one element a line,
//     a final newline;
//   - leaf elements (start, mtu, dhcp, autoconf, ip, route, link, mac,
//     miimon, arpmon, the vlan's parent device) self-close; containers
//     (interface, protocol, bridge, bond, vlan) always take an open and
//     a close tag on lines of their own, even when empty, so a bare port
//     is written as "<interface type='ethernet' name='eth1'>" followed
//     by "</interface>".
//
// Where this form differs from libvirt's output: libvirt writes the two
// protocol blocks in the order it read them, here IPv4 always comes
// first; libvirt leaves out an mtu, prefix, updelay or downdelay of 0
// and an empty <link/>, here they are kept as read.
//
// The subpackage ifxmltest makes random valid models for property
// tests.
package ifxml
