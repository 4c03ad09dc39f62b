package kernel

import (
	"errors"
	"fmt"
	"net"

	"github.com/vishvananda/netlink"
	"golang.org/x/sys/unix"
)

var macvtapModes = map[string]netlink.MacvlanMode{
	"bridge": netlink.MACVLAN_MODE_BRIDGE, "private": netlink.MACVLAN_MODE_PRIVATE,
	"vepa": netlink.MACVLAN_MODE_VEPA, "passthrough": netlink.MACVLAN_MODE_PASSTHRU,
}

// CreateMacvtap creates the macvtap device name on parent in mode
// ("bridge", "private", "vepa" or "passthrough"), with the MAC
// address mac ("" for the kernel's choice).
func (h *Handle) CreateMacvtap(name, parent, mode, mac string) error {
	op := fmt.Sprintf("create macvtap %s on %s (mode %s)", name, parent, mode)
	if !validName(name) {
		return &Error{Op: op, Link: name, Err: errInvalidName}
	}
	m, ok := macvtapModes[mode]
	if !ok {
		return &Error{Op: op, Link: name, Err: fmt.Errorf("unknown macvtap mode %q", mode)}
	}
	p, err := h.resolve(parent)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	attrs := netlink.LinkAttrs{Name: name, ParentIndex: p.Attrs().Index}
	if mac != "" {
		hw, err := net.ParseMAC(mac)
		if err != nil {
			return &Error{Op: op, Link: name, Err: errors.New("not a MAC address")}
		}
		attrs.HardwareAddr = hw
	}
	tap := &netlink.Macvtap{Macvlan: netlink.Macvlan{LinkAttrs: attrs, Mode: m}}
	return h.created(op, name, "macvtap", h.nh.LinkAdd(tap))
}

// SetEgressRate shapes what the device name sends: an htb root qdisc
// (handle 1:) whose one class 1:1 (the default) has rate Average,
// ceil Peak (Average when 0) and burst Burst, as libvirt sets it up.
// A root qdisc the device had is replaced.
func (h *Handle) SetEgressRate(name string, r Rate) error {
	op := "shape egress of " + name
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	_ = h.clearQdisc(l, netlink.HANDLE_ROOT)
	qd := netlink.NewHtb(netlink.QdiscAttrs{LinkIndex: l.Attrs().Index, Handle: netlink.MakeHandle(1, 0), Parent: netlink.HANDLE_ROOT})
	qd.Defcls = 1
	if err := h.nh.QdiscAdd(qd); err != nil {
		return &Error{Op: op, Link: name, Err: kernelCause(err)}
	}
	peak := r.Peak
	if peak == 0 {
		peak = r.Average
	}
	cattrs := netlink.HtbClassAttrs{Rate: r.Average * 8000, Ceil: peak * 8000, Buffer: uint32(r.Burst * 1024), Cbuffer: uint32(r.Burst * 1024)}
	cl := netlink.NewHtbClass(netlink.ClassAttrs{LinkIndex: l.Attrs().Index, Parent: netlink.MakeHandle(1, 0), Handle: netlink.MakeHandle(1, 1)}, cattrs)
	if err := h.nh.ClassAdd(cl); err != nil {
		_ = h.clearQdisc(l, netlink.HANDLE_ROOT)
		return &Error{Op: op, Link: name, Err: kernelCause(err)}
	}
	return nil
}

// SetIngressRate polices what the device name receives: an ingress
// qdisc with a match-all filter whose police action drops what
// exceeds Average (burst Burst, 10 KiB at least). Kernels without the
// police action (act_police) fail with an error ErrNotSupported finds.
func (h *Handle) SetIngressRate(name string, r Rate) error {
	op := "police ingress of " + name
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: op, Link: name, Err: err}
	}
	_ = h.clearQdisc(l, netlink.HANDLE_INGRESS)
	qd := &netlink.Ingress{QdiscAttrs: netlink.QdiscAttrs{LinkIndex: l.Attrs().Index, Handle: netlink.MakeHandle(0xffff, 0), Parent: netlink.HANDLE_INGRESS}}
	if err := h.nh.QdiscAdd(qd); err != nil {
		return &Error{Op: op, Link: name, Err: kernelCause(err)}
	}
	police := netlink.NewPoliceAction()
	police.Rate = uint32(min(r.Average*1000, 1<<32-1))
	police.Burst = uint32(max(r.Burst, 10) * 1024)
	police.ExceedAction = netlink.TC_POLICE_SHOT
	f := &netlink.U32{
		FilterAttrs: netlink.FilterAttrs{LinkIndex: l.Attrs().Index, Parent: netlink.MakeHandle(0xffff, 0), Priority: 1, Protocol: unix.ETH_P_ALL},
		Sel:         &netlink.TcU32Sel{Flags: netlink.TC_U32_TERMINAL, Nkeys: 1, Keys: []netlink.TcU32Key{{}}},
		Police:      police,
	}
	if err := h.nh.FilterAdd(f); err != nil {
		_ = h.clearQdisc(l, netlink.HANDLE_INGRESS)
		if errors.Is(err, unix.ENOENT) || errors.Is(err, unix.EOPNOTSUPP) {
			return &Error{Op: op, Link: name, Err: &cause{msg: "the kernel has no police action (act_police): " + kernelCause(err).Error(), sentinel: ErrNotSupported, errno: unix.EOPNOTSUPP}}
		}
		return &Error{Op: op, Link: name, Err: kernelCause(err)}
	}
	return nil
}

// ClearRates removes the root and ingress qdiscs of name (those the
// Set...Rate calls put there); a device without them is fine.
func (h *Handle) ClearRates(name string) error {
	l, err := h.resolve(name)
	if err != nil {
		return &Error{Op: "clear qdiscs of " + name, Link: name, Err: err}
	}
	for _, parent := range []uint32{netlink.HANDLE_ROOT, netlink.HANDLE_INGRESS} {
		if err := h.clearQdisc(l, parent); err != nil {
			return &Error{Op: "clear qdiscs of " + name, Link: name, Err: err}
		}
	}
	return nil
}

// clearQdisc deletes the qdisc of l at parent (root or ingress) if it
// has one of its own.
func (h *Handle) clearQdisc(l netlink.Link, parent uint32) error {
	qs, err := h.nh.QdiscList(l)
	if err != nil {
		return kernelCause(err)
	}
	for _, q := range qs {
		a := q.Attrs()
		if a.Parent == parent && a.Handle != 0 && (q.Type() == "htb" || q.Type() == "ingress" || q.Type() == "tbf") {
			if err := h.nh.QdiscDel(q); err != nil && !errors.Is(err, unix.ENOENT) && !errors.Is(err, unix.EINVAL) {
				return kernelCause(err)
			}
		}
	}
	return nil
}

// SupportsPolice returns nil if the kernel can police ingress traffic
// (act_police), else an error ErrNotSupported finds. It tries on a
// throwaway veth pair in the handle's namespace.
func (h *Handle) SupportsPolice() error {
	name := throwawayName()
	if err := h.CreateVeth(name, name[:len(name)-1]+"p"); err != nil {
		return err
	}
	defer func() { _ = h.Delete(name) }()
	return h.SetIngressRate(name, Rate{Average: 1000})
}
