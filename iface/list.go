package iface

import (
	"fmt"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/iface/ifxml"
)

// ListFlags select what List returns; 0 is ListActive|ListInactive.
type ListFlags uint

const (
	// ListInactive: defined interfaces that are down.
	ListInactive ListFlags = 1
	// ListActive: defined interfaces that are up.
	ListActive ListFlags = 2
	// ListTransient adds the interfaces the kernel has but no file
	// defines (a bridge made by hand, CreateXML's), active or not as
	// the other flags say; bridge ports, bond slaves and the loopback
	// are not listed.
	ListTransient ListFlags = 4
)

// List returns the interfaces the flags select, sorted by name.
func (c *Conn) List(flags ListFlags) ([]*Interface, error) {
	states := flags & (ListActive | ListInactive)
	if states == 0 {
		states = ListActive | ListInactive
	}
	names, err := c.Names()
	if err != nil {
		return nil, err
	}
	links, err := c.links()
	if err != nil {
		return nil, err
	}
	want := func(up bool) bool {
		return up && states&ListActive != 0 || !up && states&ListInactive != 0
	}
	var out []*Interface
	for _, n := range names {
		l, ok := links[n]
		if want(ok && active(l)) {
			out = append(out, &Interface{c: c, name: n})
		}
	}
	if flags&ListTransient != 0 {
		defined := map[string]bool{}
		for _, n := range names {
			defined[n] = true
			if m, err := c.model(n); err == nil {
				for _, k := range members(m) {
					defined[k] = true
				}
			}
		}
		for n, l := range links {
			if defined[n] || l.Master != "" || l.Kind == "loopback" {
				continue
			}
			if want(active(l)) {
				out = append(out, &Interface{c: c, name: n, transient: true})
			}
		}
	}
	slices.SortFunc(out, func(a, b *Interface) int { return strings.Compare(a.name, b.name) })
	return out, nil
}

// members are the names of an interface's ports, slaves and vlan
// parents, at any depth.
func members(m *ifxml.Interface) []string {
	var out []string
	var kids []*ifxml.Interface
	if m.Bridge != nil {
		kids = m.Bridge.Ports
	}
	if m.Bond != nil {
		kids = m.Bond.Slaves
	}
	for _, k := range kids {
		out = append(out, k.Name)
		out = append(out, members(k)...)
	}
	return out
}

// CreateXML brings up an interface from XML without writing any file
// (a transient interface, as libvirt's review of the API asked): the
// netlink engine applies it at once. ErrExists when a file defines
// the name or the kernel has such a device already (an ethernet
// interface must be a device the kernel has). Bad XML changes nothing.
func (c *Conn) CreateXML(xml []byte, file string) (*Interface, error) {
	m, err := ifxml.Parse(xml, file)
	if err != nil {
		return nil, err
	}
	if names, err := c.Names(); err == nil && slices.Contains(names, m.Name) {
		return nil, fmt.Errorf("%w: %s is defined (start it instead)", ErrExists, m.Name)
	}
	links, err := c.links()
	if err != nil {
		return nil, err
	}
	if _, ok := links[m.Name]; ok && m.Type != ifxml.TypeEthernet {
		return nil, fmt.Errorf("%w: the kernel has %s already", ErrExists, m.Name)
	}
	eng := netlinkEngine{}
	if err := c.activation(eng, "create", m, eng.Start); err != nil {
		return nil, err
	}
	return &Interface{c: c, name: m.Name, transient: true}, nil
}
