package kernel

import (
	"errors"
	"fmt"
	"math"
	"net"
	"net/netip"
	"slices"
	"strings"
	"syscall"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// CreateBridge creates the bridge name. stp, when not nil, turns the
// spanning tree protocol on or off; delay, when not nil, sets the
// forward delay in seconds (kept to centiseconds). Both go in the one
// request that creates the bridge; the kernel applies the delay
// before STP and, once STP is on, keeps the delay between 2 and 30
// seconds.
func (h *Handle) CreateBridge(name string, stp *bool, delay *float64) error {
	op := "create bridge " + name
	if !validName(name) {
		return &Error{Op: op, Link: name, Err: errInvalidName}
	}
	linkinfo := nl.NewRtAttr(unix.IFLA_LINKINFO, nil)
	linkinfo.AddRtAttr(nl.IFLA_INFO_KIND, nl.NonZeroTerminated("bridge"))
	data := linkinfo.AddRtAttr(nl.IFLA_INFO_DATA, nil)
	if delay != nil {
		cs := math.Round(*delay * userHZ)
		if !(cs >= 0 && cs <= math.MaxUint32) {
			return &Error{Op: op, Link: name, Err: fmt.Errorf("forward delay %v is not a number of seconds from 0", *delay)}
		}
		data.AddRtAttr(nl.IFLA_BR_FORWARD_DELAY, nl.Uint32Attr(uint32(cs)))
	}
	if stp != nil {
		on := uint32(0)
		if *stp {
			on = 1
		}
		data.AddRtAttr(nl.IFLA_BR_STP_STATE, nl.Uint32Attr(on))
	}
	_, err := h.request(unix.RTM_NEWLINK, unix.NLM_F_CREATE|unix.NLM_F_EXCL|unix.NLM_F_ACK, 0,
		nl.NewIfInfomsg(unix.AF_UNSPEC), nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(name)), linkinfo)
	return h.created(op, name, "bridge", err)
}

// CreateBond creates the bond name with the mode and link monitor of
// b.
func (h *Handle) CreateBond(name string, b BondSpec) error {
	op := "create bond " + name
	if !validName(name) {
		return &Error{Op: op, Link: name, Err: errInvalidName}
	}
	bond := netlink.NewLinkBond(netlink.LinkAttrs{Name: name})
	if b.Mode != "" {
		i := slices.Index(bondModes, b.Mode)
		if i < 0 {
			return &Error{Op: op, Link: name, Err: fmt.Errorf("unknown bond mode %q (want one of %s)", b.Mode, strings.Join(bondModes, ", "))}
		}
		bond.Mode = netlink.BondMode(i)
	}
	if b.MIIMon > 0 && b.ARPInterval > 0 {
		return &Error{Op: op, Link: name, Err: errors.New("the MII and ARP monitors exclude each other: set miimon or arp_interval, not both")}
	}
	for _, v := range []struct {
		name string
		val  int
		dst  *int
	}{{"miimon", b.MIIMon, &bond.Miimon}, {"updelay", b.UpDelay, &bond.UpDelay}, {"downdelay", b.DownDelay, &bond.DownDelay}, {"arp_interval", b.ARPInterval, &bond.ArpInterval}} {
		if v.val < 0 {
			return &Error{Op: op, Link: name, Err: fmt.Errorf("%s %d is negative", v.name, v.val)}
		}
		if v.val > 0 {
			*v.dst = v.val
		}
	}
	if b.UseCarrier != nil {
		bond.UseCarrier = 0
		if *b.UseCarrier {
			bond.UseCarrier = 1
		}
	}
	for _, t := range b.ARPTargets {
		if !t.Unmap().Is4() {
			return &Error{Op: op, Link: name, Err: fmt.Errorf("arp target %s is not an IPv4 address", t)}
		}
		bond.ArpIpTargets = append(bond.ArpIpTargets, net.IP(t.Unmap().AsSlice()))
	}
	if b.ARPValidate != "" {
		i := slices.Index(arpValidates, b.ARPValidate)
		if i < 0 {
			return &Error{Op: op, Link: name, Err: fmt.Errorf("unknown arp_validate %q (want one of %s)", b.ARPValidate, strings.Join(arpValidates, ", "))}
		}
		bond.ArpValidate = netlink.BondArpValidate(i)
	}
	return h.created(op, name, "bond", h.nh.LinkAdd(bond))
}

// CreateVLAN creates name, the vlan with tag id on parent.
func (h *Handle) CreateVLAN(name, parent string, id int) error {
	op := fmt.Sprintf("create vlan %s (tag %d on %s)", name, id, parent)
	if !validName(name) {
		return &Error{Op: op, Link: name, Err: errInvalidName}
	}
	if id < 0 || id > 4095 {
		return &Error{Op: op, Link: name, Err: fmt.Errorf("vlan tag %d is not in 0-4095", id)}
	}
	p, err := h.resolve(parent)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	vlan := &netlink.Vlan{LinkAttrs: netlink.LinkAttrs{Name: name, ParentIndex: p.Attrs().Index}, VlanId: id}
	return h.created(op, name, "vlan", h.nh.LinkAdd(vlan))
}

// CreateVeth creates the veth pair name and peer, both in the
// handle's namespace.
func (h *Handle) CreateVeth(name, peer string) error {
	op := fmt.Sprintf("create veth %s (peer %s)", name, peer)
	if !validName(name) {
		return &Error{Op: op, Link: name, Err: errInvalidName}
	}
	if !validName(peer) {
		return &Error{Op: op, Link: name, Err: fmt.Errorf("invalid peer name %q", peer)}
	}
	veth := &netlink.Veth{LinkAttrs: netlink.LinkAttrs{Name: name}, PeerName: peer}
	return h.created(op, name, "veth", h.nh.LinkAdd(veth))
}

// created gives a create step's failure its meaning: the name is
// taken, or the kernel cannot make devices of that kind.
func (h *Handle) created(op, name, kind string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EEXIST):
		return &Error{Op: op, Link: name, Err: &cause{msg: "a device called " + name + " already exists", sentinel: ErrExists, errno: unix.EEXIST}}
	case errors.Is(err, unix.EOPNOTSUPP):
		var e *Error
		if errors.As(h.Supports(kind), &e) && errors.Is(e, ErrNotSupported) {
			return &Error{Op: op, Link: name, Err: &cause{msg: e.Error(), sentinel: ErrNotSupported, errno: unix.EOPNOTSUPP}}
		}
	}
	return &Error{Op: op, Link: name, Err: kernelCause(err)}
}

// SetMaster enslaves name to the bridge or bond master; master ""
// releases it from whatever holds it.
func (h *Handle) SetMaster(name, master string) error {
	op := fmt.Sprintf("set master of %s to %s", name, master)
	if master == "" {
		op = "release " + name + " from its master"
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	if master == "" {
		return h.step(op, name, h.nh.LinkSetNoMaster(l))
	}
	m, err := h.resolve(master)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	return h.step(op, name, h.nh.LinkSetMaster(l, m))
}

// SetMAC sets the link-layer address of name (colon or dash
// separated hex).
func (h *Handle) SetMAC(name, mac string) error {
	op := fmt.Sprintf("set mac of %s to %q", name, mac)
	hw, err := net.ParseMAC(mac)
	if err != nil {
		return &Error{Op: op, Link: name, Err: errors.New("not a MAC address")}
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	return h.step(op, name, h.nh.LinkSetHardwareAddr(l, hw))
}

// SetMTU sets the MTU of name, in bytes.
func (h *Handle) SetMTU(name string, mtu int) error {
	op := fmt.Sprintf("set mtu of %s to %d", name, mtu)
	if mtu <= 0 {
		return &Error{Op: op, Link: name, Err: errors.New("an MTU is a positive number of bytes")}
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	return h.step(op, name, h.nh.LinkSetMTU(l, mtu))
}

// AddAddr adds the address p (host address and prefix length, such as
// 192.0.2.1/24) to name; an address already there is no error. IPv4
// addresses get the broadcast address of their subnet. The kernel
// adds the subnet's route only while the device is up.
func (h *Handle) AddAddr(name string, p netip.Prefix) error {
	op := fmt.Sprintf("add address %s to %s", p, name)
	addr, err := toAddr(p)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	if err := h.nh.AddrAdd(l, addr); err != nil && !errors.Is(err, unix.EEXIST) {
		return &Error{Op: op, Link: name, Err: kernelCause(err)}
	}
	return nil
}

// DelAddr removes the address p from name.
func (h *Handle) DelAddr(name string, p netip.Prefix) error {
	op := fmt.Sprintf("remove address %s from %s", p, name)
	addr, err := toAddr(p)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	err = h.nh.AddrDel(l, addr)
	if errors.Is(err, unix.EADDRNOTAVAIL) {
		return &Error{Op: op, Link: name, Err: &cause{msg: "the address is not on " + name, errno: unix.EADDRNOTAVAIL}}
	}
	return h.step(op, name, err)
}

// FlushAddrs removes every address from name, link-local ones
// included, as `ip addr flush` does.
func (h *Handle) FlushAddrs(name string) error {
	op := "remove the addresses of " + name
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	addrs, err := h.addrs(l)
	if err != nil {
		return &Error{Op: op, Link: name, Err: kernelCause(err)}
	}
	for _, p := range addrs[l.Attrs().Index] {
		if err := h.DelAddr(name, p); err != nil && !errors.Is(err, unix.EADDRNOTAVAIL) {
			return err
		}
	}
	return nil
}

// AddDefaultRoute adds a default route (IPv4 or IPv6, after gw's
// family) through gw on name in the main table; the same route
// already there is no error, another default route is. The kernel
// wants the device up and gw reachable on it.
func (h *Handle) AddDefaultRoute(name string, gw netip.Addr) error {
	op := fmt.Sprintf("add default route via %s on %s", gw, name)
	gw = gw.Unmap()
	if !gw.IsValid() || gw.Zone() != "" {
		return &Error{Op: op, Link: name, Err: errors.New("not a gateway address")}
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	route := &netlink.Route{LinkIndex: l.Attrs().Index, Gw: net.IP(gw.AsSlice())}
	err = h.nh.RouteAdd(route)
	if errors.Is(err, unix.EEXIST) && h.hasDefaultRoute(l.Attrs().Index, gw) {
		return nil
	}
	switch {
	case errors.Is(err, unix.EEXIST):
		return &Error{Op: op, Link: name, Err: &cause{msg: "another default route is present", sentinel: ErrExists, errno: unix.EEXIST}}
	case errors.Is(err, unix.ENETUNREACH):
		return &Error{Op: op, Link: name, Err: &cause{msg: "the gateway is not reachable: " + name + " must be up with an address in its subnet", errno: unix.ENETUNREACH}}
	case errors.Is(err, unix.ENETDOWN):
		return &Error{Op: op, Link: name, Err: &cause{msg: name + " is down", errno: unix.ENETDOWN}}
	}
	return h.step(op, name, err)
}

// hasDefaultRoute reports whether the main table has a default route
// via gw on the device index.
func (h *Handle) hasDefaultRoute(index int, gw netip.Addr) bool {
	family := netlink.FAMILY_V4
	if gw.Is6() {
		family = netlink.FAMILY_V6
	}
	routes, err := h.nh.RouteListFiltered(family, &netlink.Route{LinkIndex: index, Table: unix.RT_TABLE_MAIN}, netlink.RT_FILTER_OIF|netlink.RT_FILTER_TABLE)
	if err != nil {
		return false
	}
	for _, r := range routes {
		ones := 0
		if r.Dst != nil {
			ones, _ = r.Dst.Mask.Size()
		}
		if ones == 0 && r.Gw != nil && r.Gw.Equal(net.IP(gw.AsSlice())) {
			return true
		}
	}
	return false
}

// SetUp brings name administratively up (up true) or down.
func (h *Handle) SetUp(name string, up bool) error {
	op := "bring " + name + " down"
	if up {
		op = "bring " + name + " up"
	}
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	if up {
		return h.step(op, name, h.nh.LinkSetUp(l))
	}
	return h.step(op, name, h.nh.LinkSetDown(l))
}

// Delete removes the device name (both ends, for a veth pair).
func (h *Handle) Delete(name string) error {
	op := "delete " + name
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	return h.step(op, name, h.nh.LinkDel(l))
}

// resolve looks the device name up; its error is a cause naming it.
func (h *Handle) resolve(name string) (netlink.Link, error) {
	if !validName(name) {
		return nil, noLink(name)
	}
	l, err := h.nh.LinkByName(name)
	var nf netlink.LinkNotFoundError
	if errors.As(err, &nf) || errors.Is(err, unix.ENODEV) {
		return nil, noLink(name)
	}
	if err != nil {
		return nil, kernelCause(err)
	}
	return l, nil
}

// step wraps the kernel's answer to a step, nil for success.
func (h *Handle) step(op, name string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Op: op, Link: name, Err: kernelCause(err)}
}

func toAddr(p netip.Prefix) (*netlink.Addr, error) {
	if !p.IsValid() {
		return nil, errors.New("not an address with a prefix length")
	}
	ip := p.Addr().Unmap()
	bits := p.Bits()
	if p.Addr().Is4In6() {
		bits -= 96
	}
	if ip.Zone() != "" || bits < 0 {
		return nil, errors.New("not an address with a prefix length")
	}
	return &netlink.Addr{IPNet: &net.IPNet{IP: net.IP(ip.AsSlice()), Mask: net.CIDRMask(bits, ip.BitLen())}}, nil
}

var errInvalidName = errors.New("invalid device name (1 to 15 bytes, no '/', ':' or spaces)")

// validName reports whether the kernel takes name as a device name
// (dev_valid_name).
func validName(name string) bool {
	return name != "" && len(name) < unix.IFNAMSIZ && name != "." && name != ".." &&
		!strings.ContainsAny(name, "/: \t\n\v\f\r")
}

func noLink(name string) error {
	return &cause{msg: "no such device " + name, sentinel: ErrNoLink, errno: unix.ENODEV}
}

// kernelCause turns a netlink error into a cause: the kernel's own
// message (netlink's extended ack) when it sent one, else the errno's
// text.
func kernelCause(err error) error {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err
	}
	msg := errno.Error()
	if s, ok := strings.CutPrefix(err.Error(), msg+": "); ok && s != "" {
		msg = s
	}
	return &cause{msg: msg, errno: errno}
}
