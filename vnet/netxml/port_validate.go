package netxml

import (
	"strings"

	"github.com/lensnet/lensnet/internal/xmlenum"
)

// Validate checks a port model against networkport.rng's value rules
// and libvirt's: a UUID, an owner with a UUID, a unicast MAC address,
// a floor on inbound traffic only, and a plug with what its type
// needs. ParsePort makes the same checks; Marshal makes them before
// writing.
func (p *Port) Validate() error { return validatePort(p, "", nil) }

const portRoot = "<networkport>"

func validatePort(p *Port, file string, lines map[any]int) error {
	if p == nil {
		return &Error{File: file, Element: portRoot, Msg: "a nil port"}
	}
	c := &checker{file: file, lines: lines, top: p}
	if err := c.uuid(p.UUID, "<uuid>", portRoot+"/<uuid>"); err != nil {
		return err
	}
	if err := c.uuid(p.Owner.UUID, "<uuid>", portRoot+"/<owner>/<uuid>"); err != nil {
		return err
	}
	if err := c.mac(p.MAC, portRoot+"/<mac>"); err != nil {
		return err
	}
	if p.Group != "" {
		if msg := checkPortGroupName(p.Group); msg != "" {
			return c.at("<group>", portRoot+"/<group>", "%s", msg)
		}
	}
	return c.portParts(p.VirtualPort, p.Bandwidth, p.ClassID, p.VLAN, p.Plug, portRoot)
}

func (c *checker) uuid(u, key, path string) error {
	if u == "" {
		return c.at(key, path, "a UUID is needed")
	}
	if got, msg := parseUUID(u); msg != "" || got != u {
		return c.at(key, path, "%q is not a UUID in canonical form", u)
	}
	return nil
}

func (c *checker) mac(m, path string) error {
	if m == "" {
		return c.at("<mac>", path, "a MAC address is needed")
	}
	if msg := checkMAC(m); msg != "" {
		return c.at("<mac>", path, "%s", msg)
	}
	if strings.ToLower(m) != m {
		return c.at("<mac>", path, "%q is not in canonical form (lowercase)", m)
	}
	return nil
}

// portParts checks what a port and a guest interface's <actual>
// share.
func (c *checker) portParts(v *VirtualPort, b *Bandwidth, classID uint32, vl *VLAN, pl *Plug, parent string) error {
	if v != nil {
		if err := c.virtualport(v, parent); err != nil {
			return err
		}
	}
	if err := c.vlan(vl, parent); err != nil {
		return err
	}
	if err := c.portBandwidth(b, classID, parent); err != nil {
		return err
	}
	if pl != nil {
		return c.plug(pl, parent)
	}
	return nil
}

func (c *checker) portBandwidth(b *Bandwidth, classID uint32, parent string) error {
	p := parent + "/<bandwidth>"
	if b == nil {
		if classID != 0 {
			return c.at(b, p, "a classID needs a rate")
		}
		return nil
	}
	if b.Inbound == nil && b.Outbound == nil {
		return c.at(b, p, "an empty <bandwidth> is not kept: leave it out")
	}
	for _, r := range []*Rate{b.Inbound, b.Outbound} {
		switch {
		case r == nil:
		case r.Floor != 0 && r == b.Outbound:
			return c.at(b, p, "floor is for inbound traffic only")
		case r.Average == 0 && r.Floor == 0:
			return c.at(b, p, "a rate needs an average")
		case r.Average > 1<<54 || r.Peak > 1<<54 || r.Floor > 1<<54 || r.Burst >= 1<<22:
			return c.at(b, p, "a rate is out of range")
		}
	}
	return nil
}

func (c *checker) plug(pl *Plug, parent string) error {
	p := parent + "/<plug>"
	switch pl.Type {
	case PlugNetwork, PlugBridge:
		if msg := checkDev(pl.Bridge); msg != "" {
			return c.at(pl, p, "%s", msg)
		}
		if pl.MACTableManager != MACTableUnset && !xmlenum.Valid(macTableWords, pl.MACTableManager) {
			return c.at(pl, p, "not a macTableManager (%s)", pl.MACTableManager)
		}
	case PlugDirect:
		if msg := checkDev(pl.Dev); msg != "" {
			return c.at(pl, p, "%s", msg)
		}
		if !xmlenum.Valid(directWords, pl.Mode) {
			return c.at(pl, p, "a direct plug needs a mode (bridge, private, vepa or passthrough)")
		}
	case PlugHostdevPCI:
		if pl.Driver != DriverUnset && !xmlenum.Valid(driverWords, pl.Driver) {
			return c.at(pl, p, "not a driver (%s)", pl.Driver)
		}
		if pl.Address.Slot > 31 || pl.Address.Function > 7 {
			return c.at(pl, p, "the PCI address %s is out of range", pl.Address)
		}
	default:
		return c.at(pl, p, "a plug needs a type (network, bridge, direct or hostdev-pci)")
	}
	return nil
}
