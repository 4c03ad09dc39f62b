package kernel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"slices"
	"strings"
	"syscall"

	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// Links returns every device in the namespace, sorted by name.
func (h *Handle) Links() ([]Link, error) {
	msgs, err := h.request(unix.RTM_GETLINK, unix.NLM_F_DUMP, unix.RTM_NEWLINK, nl.NewIfInfomsg(unix.AF_UNSPEC))
	if err != nil {
		return nil, &Error{Op: "list links", Err: kernelCause(err)}
	}
	names := map[int]string{}
	raw := make([]netlink.Link, 0, len(msgs))
	for _, m := range msgs {
		l, err := netlink.LinkDeserialize(nil, m)
		if err != nil {
			return nil, &Error{Op: "list links", Err: err}
		}
		raw = append(raw, l)
		names[l.Attrs().Index] = l.Attrs().Name
	}
	addrs, err := h.addrs(nil)
	if err != nil {
		return nil, &Error{Op: "list addresses", Err: kernelCause(err)}
	}
	links := make([]Link, len(raw))
	for i, l := range raw {
		links[i] = convert(l, msgs[i], func(index int) string { return names[index] })
		links[i].Addrs = addrs[links[i].Index]
	}
	slices.SortFunc(links, func(a, b Link) int { return strings.Compare(a.Name, b.Name) })
	return links, nil
}

// Link returns the device called name; the error is ErrNoLink (with
// errors.Is) when there is none.
func (h *Handle) Link(name string) (Link, error) {
	m, err := h.getLink(name, 0)
	if err != nil {
		return Link{}, &Error{Op: "read link " + name, Link: name, Err: err}
	}
	l, err := netlink.LinkDeserialize(nil, m)
	if err != nil {
		return Link{}, &Error{Op: "read link " + name, Link: name, Err: err}
	}
	link := convert(l, m, h.nameOf)
	addrs, err := h.addrs(l)
	if err != nil {
		return Link{}, &Error{Op: "read addresses of " + name, Link: name, Err: kernelCause(err)}
	}
	link.Addrs = addrs[link.Index]
	return link, nil
}

// getLink asks the kernel for one device, by name or (name "") by
// index, and returns the answer's payload.
func (h *Handle) getLink(name string, index int) ([]byte, error) {
	msg := nl.NewIfInfomsg(unix.AF_UNSPEC)
	data := []nl.NetlinkRequestData{msg}
	if name != "" {
		if !validName(name) {
			return nil, noLink(name)
		}
		data = append(data, nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(name)))
	} else {
		msg.Index = int32(index)
	}
	msgs, err := h.request(unix.RTM_GETLINK, unix.NLM_F_ACK, unix.RTM_NEWLINK, data...)
	switch {
	case errors.Is(err, unix.ENODEV) || err == nil && len(msgs) == 0:
		if name == "" {
			name = fmt.Sprintf("with index %d", index)
		}
		return nil, noLink(name)
	case err != nil:
		return nil, kernelCause(err)
	case len(msgs) > 1:
		return nil, fmt.Errorf("the kernel answered with %d devices", len(msgs))
	}
	return msgs[0], nil
}

// nameOf returns the name of the device with that index, "" if none.
func (h *Handle) nameOf(index int) string {
	m, err := h.getLink("", index)
	if err != nil {
		return ""
	}
	l, err := netlink.LinkDeserialize(nil, m)
	if err != nil {
		return ""
	}
	return l.Attrs().Name
}

// addrs returns the addresses of one device (or every device, link
// nil) by device index.
func (h *Handle) addrs(link netlink.Link) (map[int][]netip.Prefix, error) {
	var list []netlink.Addr
	var err error
	for try := 0; try < 5; try++ {
		list, err = h.nh.AddrList(link, netlink.FAMILY_ALL)
		if !errors.Is(err, netlink.ErrDumpInterrupted) {
			break
		}
	}
	if err != nil {
		return nil, err
	}
	byIndex := map[int][]netip.Prefix{}
	for _, a := range list {
		if a.IPNet == nil {
			continue
		}
		ip, ok := netip.AddrFromSlice(a.IP)
		if !ok {
			continue
		}
		bits, _ := a.Mask.Size()
		byIndex[a.LinkIndex] = append(byIndex[a.LinkIndex], netip.PrefixFrom(ip.Unmap(), bits))
	}
	return byIndex, nil
}

// convert turns netlink's view of a device (and the raw message it
// came from, for what netlink does not decode) into a Link.
func convert(l netlink.Link, m []byte, nameOf func(int) string) Link {
	a := l.Attrs()
	link := Link{
		Name:      a.Name,
		Kind:      l.Type(),
		Index:     a.Index,
		MTU:       a.MTU,
		Up:        a.Flags&net.FlagUp != 0,
		OperState: operState(a.OperState),
	}
	if len(a.HardwareAddr) > 0 {
		link.MAC = strings.ToLower(a.HardwareAddr.String())
	}
	if a.MasterIndex != 0 {
		link.Master = nameOf(a.MasterIndex)
	}
	if s := a.Statistics; s != nil {
		link.Stats = Stats{
			RxBytes: s.RxBytes, TxBytes: s.TxBytes,
			RxPackets: s.RxPackets, TxPackets: s.TxPackets,
			RxErrors: s.RxErrors, TxErrors: s.TxErrors,
			RxDropped: s.RxDropped, TxDropped: s.TxDropped,
		}
	}
	switch l := l.(type) {
	case *netlink.Device:
		link.Kind = "device"
		if a.EncapType == "loopback" {
			link.Kind = "loopback"
		}
	case *netlink.Tuntap:
		link.Kind = "tun"
		if l.Mode == netlink.TUNTAP_MODE_TAP {
			link.Kind = "tap"
		}
	case *netlink.Bridge:
		link.Bridge = bridgeInfo(m)
	case *netlink.Bond:
		link.Bond = bondInfo(l)
	case *netlink.Vlan:
		link.VLAN = &VLANInfo{ID: l.VlanId}
		if a.ParentIndex != 0 {
			link.VLAN.Parent = nameOf(a.ParentIndex)
		}
	}
	return link
}

// operState names the operational state as `ip link` does, in lower
// case.
func operState(s netlink.LinkOperState) string {
	switch s {
	case netlink.OperUp:
		return "up"
	case netlink.OperDown:
		return "down"
	case netlink.OperLowerLayerDown:
		return "lowerlayerdown"
	case netlink.OperDormant:
		return "dormant"
	case netlink.OperNotPresent:
		return "notpresent"
	case netlink.OperTesting:
		return "testing"
	}
	return "unknown"
}

// bridgeInfo reads IFLA_BR_STP_STATE and IFLA_BR_FORWARD_DELAY from a
// link message, which netlink's Bridge type does not decode. The
// delay comes in clock_t units (USER_HZ, 100 a second).
func bridgeInfo(m []byte) *BridgeInfo {
	info := &BridgeInfo{}
	for _, data := range nested(m[unix.SizeofIfInfomsg:], unix.IFLA_LINKINFO, unix.IFLA_INFO_DATA) {
		if len(data.Value) < 4 {
			continue
		}
		v := binary.NativeEndian.Uint32(data.Value)
		switch data.Attr.Type & nlaTypeMask {
		case nl.IFLA_BR_STP_STATE:
			info.STP = v != 0
		case nl.IFLA_BR_FORWARD_DELAY:
			info.ForwardDelay = float64(v) / userHZ
		}
	}
	return info
}

// userHZ is the kernel's clock_t rate, in which bridge times travel.
const userHZ = 100

// nested returns the attributes inside the attribute reached by path
// (each an attribute type inside the previous one) in b.
func nested(b []byte, path ...uint16) []syscall.NetlinkRouteAttr {
	attrs, err := nl.ParseRouteAttr(b)
	if err != nil {
		return nil
	}
	for _, want := range path {
		var next []syscall.NetlinkRouteAttr
		for _, a := range attrs {
			if a.Attr.Type&nlaTypeMask == want {
				if next, err = nl.ParseRouteAttr(a.Value); err != nil {
					return nil
				}
				break
			}
		}
		attrs = next
	}
	return attrs
}

// bondModes and arpValidates are the kernel's names, by value (netlink
// prints arp_validate "all" as "none").
var (
	bondModes    = []string{"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"}
	arpValidates = []string{"none", "active", "backup", "all", "filter", "filter_active", "filter_backup"}
)

func bondInfo(b *netlink.Bond) *BondInfo {
	info := &BondInfo{
		Mode:        nameAt(bondModes, int(b.Mode)),
		MIIMon:      max(b.Miimon, 0),
		UpDelay:     max(b.UpDelay, 0),
		DownDelay:   max(b.DownDelay, 0),
		UseCarrier:  b.UseCarrier == 1,
		ARPInterval: max(b.ArpInterval, 0),
		ARPValidate: nameAt(arpValidates, int(b.ArpValidate)),
	}
	for _, ip := range b.ArpIpTargets {
		if a, ok := netip.AddrFromSlice(ip); ok {
			info.ARPTargets = append(info.ARPTargets, a.Unmap())
		}
	}
	return info
}

func nameAt(names []string, i int) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return fmt.Sprint(i)
}

// nlaTypeMask leaves an attribute's type without its flags.
const nlaTypeMask = ^uint16(unix.NLA_F_NESTED | unix.NLA_F_NET_BYTEORDER)
