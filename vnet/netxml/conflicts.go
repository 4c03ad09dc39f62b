package netxml

import "fmt"

// CheckConflicts checks n against the other networks of the host, as
// libvirt's network driver does when it defines or starts a network:
//
//   - a name and a UUID belong to one network: n may not take the name
//     of another network with a different UUID, nor the UUID of one
//     with a different name (the same name and UUID is n itself,
//     redefined, and is skipped);
//   - a bridge name belongs to one network, defined or running;
//   - n's subnets may not overlap those of a running network, for
//     networks that own their bridge (nat, route, open, isolated).
//
// active reports whether another network is running; nil means none
// is. The error is an *Error naming the other network.
func CheckConflicts(n *Network, others []*Network, active func(*Network) bool) error {
	fail := func(elem, format string, args ...any) error {
		return &Error{Element: elem, Msg: fmt.Sprintf(format, args...)}
	}
	for _, o := range others {
		if o == nil || o == n {
			continue
		}
		sameName := o.Name == n.Name
		sameUUID := o.UUID != "" && o.UUID == n.UUID
		switch {
		case sameName && sameUUID:
			continue // n itself
		case sameName && n.UUID != "" && o.UUID != "":
			return fail(root+"/<name>", "network %s exists already with UUID %s", o.Name, o.UUID)
		case sameName:
			continue // a redefinition that leaves the UUID to the old one
		case sameUUID:
			return fail(root+"/<uuid>", "UUID %s belongs to network %s already", o.UUID, o.Name)
		}
		if n.Bridge != nil && n.Bridge.Name != "" && o.Bridge != nil && o.Bridge.Name == n.Bridge.Name && ownsBridge(n) {
			return fail(root+"/<bridge>", "bridge %s is network %s's already", n.Bridge.Name, o.Name)
		}
		if active == nil || !active(o) || !ownsBridge(n) || !ownsBridge(o) {
			continue
		}
		for i := range n.IPs {
			a, ok := n.IPs[i].subnet()
			if !ok {
				continue
			}
			for j := range o.IPs {
				b, ok := o.IPs[j].subnet()
				if ok && a.Overlaps(b) {
					return fail(root+"/"+ipStep(&n.IPs[i]), "the subnet %s overlaps %s of running network %s", a, b, o.Name)
				}
			}
		}
	}
	return nil
}

// ownsBridge reports whether the network's bridge is its own (nat,
// route, open, isolated), rather than a host bridge it connects to.
func ownsBridge(n *Network) bool {
	return n.Forward == nil || n.Forward.Mode.OwnsBridge()
}
