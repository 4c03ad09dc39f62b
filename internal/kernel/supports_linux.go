package kernel

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/vishvananda/netlink/nl"
	"golang.org/x/sys/unix"
)

// parentKinds are the kinds a probe must put on a parent device.
var parentKinds = map[string]bool{"vlan": true, "macvlan": true, "macvtap": true, "ipvlan": true, "ipvtap": true}

// Supports returns nil if the kernel can create devices of kind
// ("bridge", "bond", "vlan", "veth", "macvlan", "macvtap", ...) in the
// handle's namespace, else an error saying why, such as "kernel
// cannot create bond devices: Unknown device type" (errors.Is finds
// ErrNotSupported). It finds out by creating a throwaway device of
// that kind (on a throwaway veth or bridge parent for the kinds that
// need one) and deleting it again, once per handle and kind. As with
// `ip link add`, the kernel may load the kind's module on the way.
func (h *Handle) Supports(kind string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err, ok := h.supports[kind]; ok {
		return err
	}
	err := h.probe(kind)
	if err == nil || errors.Is(err, ErrNotSupported) {
		h.supports[kind] = err // a definite answer; others may pass
	}
	return err
}

func (h *Handle) probe(kind string) error {
	if kind == "" || len(kind) > 32 {
		return &Error{Op: "probe device kind", Err: fmt.Errorf("invalid kind %q", kind)}
	}
	name := throwawayName()
	var parent string
	if parentKinds[kind] {
		parent = throwawayName()
		if err := h.newLink(parent, "veth", 0); err != nil {
			if err := h.newLink(parent, "bridge", 0); err != nil {
				return &Error{Op: "probe " + kind + " devices", Err: fmt.Errorf("no parent device to try it on: %w", kernelCause(err))}
			}
		}
		defer h.delLink(parent)
	}
	index := 0
	if parent != "" {
		m, err := h.getLink(parent, 0)
		if err != nil {
			return &Error{Op: "probe " + kind + " devices", Err: err}
		}
		index = int(nl.DeserializeIfInfomsg(m).Index)
	}
	err := h.newLink(name, kind, index)
	if err == nil {
		return h.delLink(name)
	}
	c := kernelCause(err)
	if errors.Is(err, unix.EOPNOTSUPP) {
		return &Error{Op: "kernel cannot create " + kind + " devices", Err: &cause{msg: c.Error(), sentinel: ErrNotSupported, errno: unix.EOPNOTSUPP}}
	}
	return &Error{Op: "probe " + kind + " devices", Err: c}
}

// newLink creates the device name of kind (on the device parent when
// not 0), with nothing else set but a vlan's tag.
func (h *Handle) newLink(name, kind string, parent int) error {
	linkinfo := nl.NewRtAttr(unix.IFLA_LINKINFO, nil)
	linkinfo.AddRtAttr(nl.IFLA_INFO_KIND, nl.NonZeroTerminated(kind))
	if kind == "vlan" {
		data := linkinfo.AddRtAttr(nl.IFLA_INFO_DATA, nil)
		data.AddRtAttr(nl.IFLA_VLAN_ID, nl.Uint16Attr(1))
	}
	data := []nl.NetlinkRequestData{nl.NewIfInfomsg(unix.AF_UNSPEC), nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(name)), linkinfo}
	if parent != 0 {
		data = append(data, nl.NewRtAttr(unix.IFLA_LINK, nl.Uint32Attr(uint32(parent))))
	}
	_, err := h.request(unix.RTM_NEWLINK, unix.NLM_F_CREATE|unix.NLM_F_EXCL|unix.NLM_F_ACK, 0, data...)
	return err
}

// delLink deletes the device name.
func (h *Handle) delLink(name string) error {
	_, err := h.request(unix.RTM_DELLINK, unix.NLM_F_ACK, 0,
		nl.NewIfInfomsg(unix.AF_UNSPEC), nl.NewRtAttr(unix.IFLA_IFNAME, nl.ZeroTerminated(name)))
	if err != nil {
		return &Error{Op: "delete probe device " + name, Link: name, Err: kernelCause(err)}
	}
	return nil
}

// throwawayName returns a fresh device name for a probe.
func throwawayName() string {
	b := make([]byte, 4)
	rand.Read(b)
	return "lnprobe" + hex.EncodeToString(b)
}
