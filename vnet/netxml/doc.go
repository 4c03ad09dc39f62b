// Package netxml is libvirt's virtual-network XML (network.rng,
// libvirt 11.3's network format) as a Go model: read strictly with
// positioned errors, checked as libvirt's parser and network driver
// check it, written in libvirt's canonical form, and updated as
// libvirt's net-update updates it.
//
// # The model
//
// A [Network] holds what libvirt's format holds: the root attributes
// (ipv6, trustGuestRxFilters, the live connections count), name, uuid,
// title, description, metadata (kept as XML), bridge, mtu, mac,
// domain, forward (mode, pool of interfaces or PCI addresses, pf,
// driver, nat address and port ranges), dns (forwarders, txt, srv and
// host records), vlan, bandwidth, port isolation, ip (address, netmask
// or prefix, tftp, dhcp ranges and static hosts with leases, bootp),
// static routes, virtualport, portgroups and dnsmasq options (the
// namespace [DnsmasqNS]). Something left out of a document is left out
// of the model: nil pointers, zero ("Unset") enums, empty strings,
// invalid netip.Addr values. The structs are plain, so
// reflect.DeepEqual and testify's Equal compare models.
//
// A model read from a document is in canonical form: it holds what
// libvirt would write back. Reading fills in libvirt's defaults (a
// <forward> without mode is nat; a bridge the network owns — nat,
// route, open, isolated — has stp on and delay 0 unless given; a
// lease without unit is in minutes; <forward dev='x'/> is a pool of
// one interface x) and drops what libvirt drops (ipv6='no', prefix
// 0, connections 0, an empty <dns/>, <dhcp/>, <nat/>, <bandwidth/> or
// <port/>; what libvirt ignores, such as managed on a forward mode
// other than hostdev, is refused instead). The network's MAC address is lowercased; a DHCP host's MAC
// keeps its case, as libvirt keeps it; the UUID takes its dashed
// lowercase form. [Network.EnsureUUID] gives a network without one a
// random UUID, as libvirt does when it defines one; reading never
// invents one.
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
//	lab.xml:5: <network>/<ip address='192.168.1.1'>/<dhcp>/<range start='192.168.2.10'>: the range 192.168.2.10-192.168.2.20 is not inside the network 192.168.1.0/24
//
// Reading is strict: one well-formed <network> root, no DOCTYPE or
// processing instructions, no element, attribute or text the schema
// has no place for (namespace declarations, <metadata> content and
// <dnsmasq:options> aside), no element twice where one is allowed,
// every value checked as its schema type and as libvirt's parser reads
// it. Then come libvirt's semantic checks, in [Network.Validate]: the
// forward mode against bridge, MTU, bandwidth and pool (no stp, delay
// or zone on a host bridge, no bridge at all in private, vepa,
// passthrough and hostdev mode, no forward dev in open mode, a nat or
// route network needs an address and one device at most), no device or
// PCI address twice in a pool, DNS records only when DNS is enabled,
// DHCP ranges of their <ip>'s family, inside its subnet, in order and
// clear of the network and broadcast addresses, one <dhcp> per family,
// static hosts unique by MAC address, id, name and IP, leases of two
// minutes at least, route gateways on one of the network's subnets,
// portgroup names unique and one default.
//
// Checks that need the host's other networks (a name or UUID taken, a
// bridge name taken, a subnet overlapping a running network's) are in
// [CheckConflicts].
//
// # Writing
//
// [Network.Marshal], [Network.MarshalWith] and [Network.Write] write
// libvirt's canonical form, which every libvirt 11.3 network test
// output matches byte for byte:
//
//   - two spaces of indentation a level, attributes in single quotes,
//     one element a line, &apos; &quot; &lt; &gt; &amp; escaped;
//   - children of <network> in the order name, uuid, title,
//     description, metadata, forward, bridge, mtu, mac, domain, dns,
//     vlan, bandwidth, port, ip..., route..., virtualport,
//     portgroup..., dnsmasq:options (xmlns:dnsmasq on the root then);
//   - <forward dev mode managed> (dev from the pool's first interface,
//     unless a pf stands for the pool; managed for hostdev only, 'yes'
//     or 'no'), then driver, nat, pf, the pool; self-closed when empty;
//   - <bridge name zone stp delay macTableManager>, stp and delay only
//     (and always) for a bridge the network owns;
//   - <ip family address netmask prefix localPtr> is never self-closed:
//     an empty one is written <ip ...> and </ip> on two lines; inside,
//     tftp then dhcp (ranges, hosts with attributes mac id name ip,
//     bootp);
//   - <lease expiry='0'/> for an infinite lease, else expiry and unit;
//   - <dns enable forwardPlainNames> with forwarders (domain before
//     addr), txt, srv (service protocol domain target port priority
//     weight, the numbers left out when 0), hosts;
//   - <portgroup> holds vlan, virtualport, bandwidth, and is never
//     self-closed; <parameters> lists managerid typeid typeidversion
//     instanceid interfaceid profileid, numbers in decimal;
//   - PCI addresses as domain='0x0000' bus='0x03' slot='0x00'
//     function='0x1';
//   - metadata elements as libvirt's XML library writes them: double
//     quotes, each top element declaring the namespaces it uses.
//
// [WriteOptions.Inactive] writes the persistent form: no connection
// counts, no pool when a <pf> stands for it.
//
// # Updating
//
// [Network.Update] is virsh net-update for the sections libvirt can
// update: ip-dhcp-host, ip-dhcp-range, forward-interface, portgroup,
// dns-host, dns-txt and dns-srv, with add-first, add-last (add),
// modify and delete, matching entries as libvirt matches them. An
// update is all or nothing.
package netxml
