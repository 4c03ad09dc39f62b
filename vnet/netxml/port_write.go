package netxml

import (
	"fmt"
	"io"
)

// Marshal returns the port in libvirt's canonical form, after
// Validate: children of <networkport> in the order uuid, owner (name,
// uuid), group, mac, virtualport, bandwidth (classID on it), vlan,
// port, rxfilters, plug; a hostdev-pci plug holds driver, then the
// address (domain bus slot function, in hex, no type).
func (p *Port) Marshal() ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	w := &writer{}
	w.open("networkport")
	w.text("uuid", p.UUID)
	w.open("owner")
	w.text("name", p.Owner.Name)
	w.text("uuid", p.Owner.UUID)
	w.close("owner")
	if p.Group != "" {
		w.text("group", p.Group)
	}
	w.leaf("mac", "address", p.MAC)
	w.virtualport(p.VirtualPort)
	w.bandwidthID(p.Bandwidth, p.ClassID)
	w.vlan(p.VLAN)
	if p.Isolated != nil {
		w.leaf("port", "isolated", yesNo(*p.Isolated))
	}
	if p.TrustGuestRxFilters != nil {
		w.leaf("rxfilters", "trustGuest", yesNo(*p.TrustGuestRxFilters))
	}
	if pl := p.Plug; pl != nil {
		w.plug(pl)
	}
	w.close("networkport")
	return w.buf.Bytes(), nil
}

// Write writes the port to w in libvirt's canonical form.
func (p *Port) Write(w io.Writer) error {
	b, err := p.Marshal()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

func (w *writer) plug(pl *Plug) {
	attrs := []string{"type", pl.Type.String()}
	switch pl.Type {
	case PlugNetwork, PlugBridge:
		attrs = append(attrs, "bridge", pl.Bridge)
		if pl.MACTableManager != MACTableUnset {
			attrs = append(attrs, "macTableManager", pl.MACTableManager.String())
		}
		w.leaf("plug", attrs...)
	case PlugDirect:
		w.leaf("plug", append(attrs, "dev", pl.Dev, "mode", pl.Mode.String())...)
	case PlugHostdevPCI:
		w.open("plug", optBool(attrs, "managed", pl.Managed)...)
		if pl.Driver != DriverUnset {
			w.leaf("driver", "name", pl.Driver.String())
		}
		w.pci("address", pl.Address, false)
		w.close("plug")
	}
}

// pci writes a PCI address element, with type='pci' when typed.
func (w *writer) pci(name string, a PCIAddress, typed bool) {
	var attrs []string
	if typed {
		attrs = []string{"type", "pci"}
	}
	w.leaf(name, append(attrs, "domain", fmt.Sprintf("0x%04x", a.Domain), "bus", fmt.Sprintf("0x%02x", a.Bus),
		"slot", fmt.Sprintf("0x%02x", a.Slot), "function", fmt.Sprintf("0x%x", a.Function))...)
}
