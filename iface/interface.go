package iface

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/spf13/afero"
)

// Interface is one top-level interface (a connection: a bridge with its
// ports, a bond with its slaves...) of a Conn. It holds only its name:
// every call reads what the files (or the kernel) say now.
type Interface struct {
	c         *Conn
	name      string
	transient bool
}

// IsTransient reports whether the interface is in the kernel only, no
// file defining it (made by CreateXML, or by hand).
func (i *Interface) IsTransient() bool { return i.transient }

// Name returns the interface's name.
func (i *Interface) Name() string { return i.name }

// Names returns the names of the interfaces the files define, sorted.
func (c *Conn) Names() ([]string, error) {
	if err := c.fresh(); err != nil {
		return nil, err
	}
	names, err := c.drv.List()
	return names, c.backendErr(err)
}

// LookupByName returns the interface the files define by that name
// (ErrNoInterface when none, or when it is a port or slave of another).
func (c *Conn) LookupByName(name string) (*Interface, error) {
	names, err := c.Names()
	if err != nil {
		return nil, err
	}
	if _, ok := slices.BinarySearch(names, name); !ok {
		return nil, fmt.Errorf("%w: %s", ErrNoInterface, name)
	}
	return &Interface{c: c, name: name}, nil
}

// LookupByMAC returns the interface with that MAC, compared without
// regard to case: ErrNoInterface when none has it, an
// *AmbiguousMACError naming them when several do.
func (c *Conn) LookupByMAC(mac string) (*Interface, error) {
	names, err := c.Names()
	if err != nil {
		return nil, err
	}
	src := c.macSource()
	var hits []string
	for _, n := range names {
		if m, err := src.mac(n); err == nil && strings.EqualFold(m, mac) {
			hits = append(hits, n)
		}
	}
	switch len(hits) {
	case 0:
		return nil, fmt.Errorf("%w: no interface has MAC %s", ErrNoInterface, mac)
	case 1:
		return &Interface{c: c, name: hits[0]}, nil
	}
	return nil, &AmbiguousMACError{MAC: mac, Names: hits}
}

// macs finds interfaces' MACs as MAC says, reading the kernel's links
// and the root's sysfs directory once for many lookups.
type macs struct {
	c     *Conn
	links map[string]string // kernel MACs by name
	sysfs map[string]bool   // names with a sysfs entry under the root
}

func (c *Conn) macSource() *macs {
	src := &macs{c: c, links: map[string]string{}, sysfs: map[string]bool{}}
	if ls, err := c.links(); err == nil {
		for n, l := range ls {
			src.links[n] = l.MAC
		}
	}
	if f, err := c.fs.Open("/sys/class/net"); err == nil {
		names, _ := f.Readdirnames(-1)
		_ = f.Close()
		for _, n := range names {
			src.sysfs[n] = true
		}
	}
	return src
}

func (src *macs) mac(name string) (string, error) {
	if m := src.links[name]; m != "" {
		return m, nil
	}
	if src.sysfs[name] {
		if b, err := afero.ReadFile(src.c.fs, "/sys/class/net/"+name+"/address"); err == nil {
			if m := strings.TrimSpace(string(b)); m != "" {
				return strings.ToLower(m), nil
			}
		}
	}
	m, err := src.c.cachedModel(name)
	if err != nil {
		return "", err
	}
	return strings.ToLower(m.MAC), nil
}

// MAC returns the interface's MAC address, lower case: the device's in
// the kernel, else as sysfs under the root shows it (as netcf read it),
// else the one its configuration sets; "" when none says.
func (i *Interface) MAC() (string, error) {
	if h, err := i.c.kernel(); err == nil {
		if l, err := h.Link(i.name); err == nil && l.MAC != "" {
			return l.MAC, nil
		}
	}
	src := &macs{c: i.c, sysfs: map[string]bool{i.name: true}}
	return src.mac(i.name)
}

// XMLFlags select what XMLDesc describes.
type XMLFlags uint

// XMLInactive asks for the configuration (the next start's), not what
// the kernel has now (libvirt's VIR_INTERFACE_XML_INACTIVE).
const XMLInactive XMLFlags = 1

// XMLDesc returns the interface as canonical interface XML: with
// XMLInactive its configuration; without, what the kernel has when the
// interface is active (libvirt's live XML: type, MAC, MTU, link state,
// the addresses present, ports and slaves, bond mode and monitor, vlan
// tag and parent), else its configuration. A transient interface has
// only the kernel's.
func (i *Interface) XMLDesc(flags XMLFlags) ([]byte, error) {
	live := flags&XMLInactive == 0
	if live {
		if up, err := i.IsActive(); err != nil || !up {
			live = false
		}
	}
	var m *ifxml.Interface
	var err error
	if !live {
		m, err = i.c.model(i.name)
		if errors.Is(err, ErrNoInterface) {
			live = true // transient
		} else if err == nil {
			return i.c.xmlOf(i.name, m)
		}
	}
	if live {
		m, err = i.c.liveModel(i.name)
	}
	if err != nil {
		return nil, err
	}
	return m.Marshal()
}

// xmlOf is a configuration's XML, written once per model read.
func (c *Conn) xmlOf(name string, m *ifxml.Interface) ([]byte, error) {
	if b, ok := c.xmls[name]; ok && c.models[name] == m {
		return slices.Clone(b), nil
	}
	b, err := m.Marshal()
	if err != nil {
		return nil, err
	}
	if c.xmls == nil {
		c.xmls = map[string][]byte{}
	}
	c.xmls[name] = b
	return slices.Clone(b), nil
}

// XML returns an interface's configuration as canonical interface XML.
func (c *Conn) XML(name string) ([]byte, error) {
	return (&Interface{c: c, name: name}).XMLDesc(XMLInactive)
}

// model reads an interface's configuration strictly.
// The model returned is shared (cached until the files change): it is
// not to be changed.
func (c *Conn) model(name string) (*ifxml.Interface, error) {
	if err := c.fresh(); err != nil {
		return nil, err
	}
	return c.cachedModel(name)
}

// cachedModel is model without the freshness check, for a call that
// made it once already.
func (c *Conn) cachedModel(name string) (*ifxml.Interface, error) {
	if m, ok := c.models[name]; ok {
		return m, nil
	}
	el, err := c.drv.Get(name)
	if err != nil {
		return nil, c.backendErr(err)
	}
	m, err := ifxml.FromElement(el, name)
	if err != nil {
		return nil, &BackendError{Backend: c.backend, Err: fmt.Errorf("interface %s: the files do not give valid interface XML: %w", name, err)}
	}
	if c.models == nil {
		c.models = map[string]*ifxml.Interface{}
	}
	c.models[name] = m
	return m, nil
}

// element is a model as an element for a driver.
func element(m *ifxml.Interface) (*etree.Element, error) {
	canon, err := m.Marshal()
	if err != nil {
		return nil, err
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(canon); err != nil {
		return nil, err
	}
	return doc.Root(), nil
}

// DefineXML writes an interface's configuration from XML, editing its
// existing definition in place, and returns it. file names the XML in
// errors. Bad XML is an *XMLError and changes nothing.
func (c *Conn) DefineXML(xml []byte, file string) (*Interface, error) {
	m, err := ifxml.Parse(xml, file)
	if err != nil {
		return nil, err
	}
	return c.define(m)
}

func (c *Conn) define(m *ifxml.Interface) (*Interface, error) {
	el, err := element(m)
	if err != nil {
		return nil, err
	}
	if err := c.changing(func() error { return c.drv.Define(el) }); err != nil {
		return nil, c.backendErr(err)
	}
	return &Interface{c: c, name: m.Name}, nil
}

// Define is DefineXML returning the name.
func (c *Conn) Define(xml []byte, file string) (string, error) {
	i, err := c.DefineXML(xml, file)
	if err != nil {
		return "", err
	}
	return i.name, nil
}

// Undefine removes the interface's configuration (its files or
// stanzas, and those of its ports and slaves).
func (i *Interface) Undefine() error {
	return i.c.backendErr(i.c.changing(func() error { return i.c.drv.Undefine(i.name) }))
}

// Undefine removes an interface's configuration by name.
func (c *Conn) Undefine(name string) error { return (&Interface{c: c, name: name}).Undefine() }
