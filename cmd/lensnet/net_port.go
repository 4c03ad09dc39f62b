package main

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/vnet"
	"github.com/lensnet/lensnet/vnet/netxml"
)

// lensnet net port-*: the ports of a running network (vnet's Port), as
// virsh's net-port-* commands have them, and lensnet's own plug, unplug
// and usage.

// The JSON results of the port verbs. Their field names are part of
// lensnet's interface.
type (
	// portStatusJSON is what port-create, port-delete, port-plug and
	// port-unplug did: Status is "created", "deleted", "plugged" or
	// "unplugged".
	portStatusJSON struct {
		Network string `json:"network"`
		UUID    string `json:"uuid"`
		Status  string `json:"status"`
		File    string `json:"file,omitempty"`   // port-create: the XML's file
		Actual  string `json:"actual,omitempty"` // port-create: the guest's <actual>
		Dev     string `json:"dev,omitempty"`    // port-plug, port-unplug: the device
		Bridge  string `json:"bridge,omitempty"` // the bridge dev is put on or taken off
		Link    string `json:"link,omitempty"`   // port-plug: a macvtap's pool device
		Mode    string `json:"mode,omitempty"`   // port-plug: a macvtap's mode
	}
	// portJSON is one port of port-list.
	portJSON struct {
		UUID      string `json:"uuid"`
		OwnerName string `json:"owner_name,omitempty"`
		OwnerUUID string `json:"owner_uuid"`
		MAC       string `json:"mac"`
		Group     string `json:"group,omitempty"`
		Plug      string `json:"plug"`   // network, bridge, direct or hostdev-pci
		Device    string `json:"device"` // bridge, pool device or PCI address
		Mode      string `json:"mode,omitempty"`
	}
	// portXMLJSON is port-dumpxml's result.
	portXMLJSON struct {
		Network string `json:"network"`
		UUID    string `json:"uuid"`
		XML     string `json:"xml"`
	}
	// portUsageJSON is port-usage's result.
	portUsageJSON struct {
		Network string            `json:"network"`
		Ports   int               `json:"ports"`
		Devices []deviceUsageJSON `json:"devices"`
		Floor   uint64            `json:"floor"`
		Inbound uint64            `json:"inbound,omitempty"`
	}
	deviceUsageJSON struct {
		Device      string `json:"device"`
		Connections int    `json:"connections"`
	}
)

// nilUUID is the owner UUID of a port whose owner has none given.
const nilUUID = "00000000-0000-0000-0000-000000000000"

// portCreate is virsh net-port-create NETWORK FILE.
func (x *netRun) portCreate(args []string, o opts) int {
	b, file, err := x.readXML(args[1])
	if err != nil {
		return x.fail(err)
	}
	var flags vnet.PortCreateFlags
	flags.Reclaim = o.has("reclaim")
	if o.has("owner-name") || o.has("owner-uuid") {
		if rootName(b) == "networkport" {
			return x.usageErr("port-create", "--owner-name and --owner-uuid are for a guest interface: networkport XML names its own owner")
		}
		flags.Owner = &netxml.PortOwner{Name: o["owner-name"], UUID: cmp.Or(o["owner-uuid"], nilUUID)}
	}
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	p, err := n.CreatePort(b, file, flags)
	if err != nil {
		return x.fail(err)
	}
	actual, err := p.Actual()
	if err != nil {
		return x.fail(err)
	}
	text := fmt.Sprintf("Network port %s created from %s\n", p.UUID(), file)
	if o.has("actual") {
		text = string(actual)
	}
	return x.print(text, portStatusJSON{Network: n.Name(), UUID: p.UUID(), Status: "created", File: file, Actual: string(actual)})
}

// rootName is the name of the XML's first element, "" when it has none
// (CreatePort says what is wrong with it).
func rootName(b []byte) string {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		t, err := d.Token()
		if err != nil {
			return ""
		}
		if s, ok := t.(xml.StartElement); ok {
			return s.Name.Local
		}
	}
}

// portList is virsh net-port-list: a table of one column, UUID.
func (x *netRun) portList(args []string, o opts) int {
	if o.has("table") && o.has("uuid") {
		return x.usageErr("port-list", "--table and --uuid exclude each other")
	}
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	ports, err := n.Ports()
	if err != nil {
		return x.fail(err)
	}
	rows := [][]string{{"UUID"}}
	out := []portJSON{}
	var uuids strings.Builder
	for _, p := range ports {
		d := p.Def()
		rows = append(rows, []string{p.UUID()})
		uuids.WriteString(p.UUID() + "\n")
		j := portJSON{UUID: d.UUID, OwnerName: d.Owner.Name, OwnerUUID: d.Owner.UUID, MAC: d.MAC, Group: d.Group}
		if pl := d.Plug; pl != nil {
			j.Plug = pl.Type.String()
			switch pl.Type {
			case netxml.PlugDirect:
				j.Device, j.Mode = pl.Dev, pl.Mode.String()
			case netxml.PlugHostdevPCI:
				j.Device = pl.Address.String()
			default:
				j.Device = pl.Bridge
			}
		}
		out = append(out, j)
	}
	text := table(rows)
	if o.has("uuid") {
		text = uuids.String()
	}
	return x.print(text, out)
}

// port looks up the port args[1] of the network args[0].
func (x *netRun) port(args []string) (*vnet.Network, *vnet.Port, error) {
	n, err := x.lookup(args[0])
	if err != nil {
		return nil, nil, err
	}
	p, err := n.LookupPort(args[1])
	if err != nil {
		return nil, nil, err
	}
	return n, p, nil
}

// portDumpxml is virsh net-port-dumpxml.
func (x *netRun) portDumpxml(args []string, _ opts) int {
	n, p, err := x.port(args)
	if err != nil {
		return x.fail(err)
	}
	b, err := p.XML()
	if err != nil {
		return x.fail(err)
	}
	return x.print(string(b), portXMLJSON{Network: n.Name(), UUID: p.UUID(), XML: string(b)})
}

// portDelete is virsh net-port-delete.
func (x *netRun) portDelete(args []string, _ opts) int {
	n, p, err := x.port(args)
	if err != nil {
		return x.fail(err)
	}
	if err := p.Delete(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Network port %s deleted\n", p.UUID()),
		portStatusJSON{Network: n.Name(), UUID: p.UUID(), Status: "deleted"})
}

// portPlug plugs a port, and says what it made.
func (x *netRun) portPlug(args []string, _ opts) int {
	n, p, err := x.port(args)
	if err != nil {
		return x.fail(err)
	}
	dev := ""
	if len(args) == 3 {
		dev = args[2]
	}
	if err := p.Plug(dev); err != nil {
		return x.fail(err)
	}
	r, err := p.Plugged()
	if err != nil {
		return x.fail(err)
	}
	if r == nil {
		return x.fail(errors.New("the port's plug record is gone"))
	}
	out := portStatusJSON{Network: n.Name(), UUID: p.UUID(), Status: "plugged", Dev: r.Dev, Bridge: r.Bridge}
	text := fmt.Sprintf("Network port %s plugged: %s on bridge %s\n", p.UUID(), r.Dev, r.Bridge)
	if pl := p.Def().Plug; r.Created && pl != nil {
		out.Link, out.Mode = pl.Dev, pl.Mode.String()
		text = fmt.Sprintf("Network port %s plugged: macvtap %s on %s, mode %s\n", p.UUID(), r.Dev, pl.Dev, out.Mode)
	}
	return x.print(text, out)
}

// portUnplug unplugs a port, and says what it undid.
func (x *netRun) portUnplug(args []string, _ opts) int {
	n, p, err := x.port(args)
	if err != nil {
		return x.fail(err)
	}
	r, err := p.Plugged()
	if err != nil {
		return x.fail(err)
	}
	if err := p.Unplug(); err != nil {
		return x.fail(err)
	}
	// Unplug failed when there was no record
	text := fmt.Sprintf("Network port %s unplugged: %s taken off bridge %s\n", p.UUID(), r.Dev, r.Bridge)
	if r.Created {
		text = fmt.Sprintf("Network port %s unplugged: macvtap %s deleted\n", p.UUID(), r.Dev)
	}
	return x.print(text, portStatusJSON{Network: n.Name(), UUID: p.UUID(), Status: "unplugged", Dev: r.Dev, Bridge: r.Bridge})
}

// portUsage prints the connections per device, the network's own
// devices first (its bridge, or its pool in pool order, those with no
// port included), then the floor reserved.
func (x *netRun) portUsage(args []string, _ opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	u, err := n.Usage()
	if err != nil {
		return x.fail(err)
	}
	def, err := liveDef(n)
	if err != nil {
		return x.fail(err)
	}
	var devs []string
	switch f := def.Forward; {
	case f == nil || f.Mode.OwnsBridge() || f.Mode == netxml.ForwardBridge && def.Bridge != nil && def.Bridge.Name != "":
		if def.Bridge != nil && def.Bridge.Name != "" {
			devs = append(devs, def.Bridge.Name)
		}
	default:
		for _, i := range f.Interfaces {
			devs = append(devs, i.Dev)
		}
		for _, a := range f.Addresses {
			devs = append(devs, a.String())
		}
	}
	var others []string
	for d := range u.Connections {
		if !slices.Contains(devs, d) {
			others = append(others, d)
		}
	}
	slices.Sort(others)
	devs = append(devs, others...)

	out := portUsageJSON{Network: n.Name(), Ports: u.Ports, Devices: []deviceUsageJSON{}, Floor: u.Floor}
	rows := [][]string{{"Device", "Connections"}}
	for _, d := range devs {
		rows = append(rows, []string{d, fmt.Sprint(u.Connections[d])})
		out.Devices = append(out.Devices, deviceUsageJSON{Device: d, Connections: u.Connections[d]})
	}
	if b := def.Bandwidth; b != nil && b.Inbound != nil {
		out.Inbound = cmp.Or(b.Inbound.Peak, b.Inbound.Average)
	}
	var b strings.Builder
	b.WriteString(table(rows))
	fmt.Fprintf(&b, "\n%-15s %d\n", "Ports:", u.Ports)
	if out.Inbound != 0 {
		fmt.Fprintf(&b, "%-15s %d of %d kB/s reserved\n", "Floor:", u.Floor, out.Inbound)
	} else {
		fmt.Fprintf(&b, "%-15s %d kB/s reserved (no inbound bandwidth)\n", "Floor:", u.Floor)
	}
	return x.print(b.String(), out)
}
