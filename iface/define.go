package iface

import (
	"fmt"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/iface/ifxml"
)

// Names returns the names of the interfaces the files define (bridge
// ports and bond slaves are part of their connection), sorted.
func (c *Conn) Names() ([]string, error) { return c.drv.List() }

// XML returns an interface's configuration as canonical interface XML.
// What the files say is read strictly: files that give no valid
// interface are an error naming them.
func (c *Conn) XML(name string) ([]byte, error) {
	m, err := c.model(name)
	if err != nil {
		return nil, err
	}
	return m.Marshal()
}

func (c *Conn) model(name string) (*ifxml.Interface, error) {
	el, err := c.drv.Get(name)
	if err != nil {
		return nil, err
	}
	m, err := ifxml.FromElement(el, name)
	if err != nil {
		return nil, fmt.Errorf("interface %s: the files do not give valid interface XML: %w", name, err)
	}
	return m, nil
}

// Define writes an interface's configuration from XML (file names the
// XML in errors), editing its existing definition in place, and
// returns its name. Bad XML is an error and changes nothing.
func (c *Conn) Define(xml []byte, file string) (string, error) {
	m, err := ifxml.Parse(xml, file)
	if err != nil {
		return "", err
	}
	canon, err := m.Marshal()
	if err != nil {
		return "", err
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(canon); err != nil {
		return "", err
	}
	if err := c.drv.Define(doc.Root()); err != nil {
		return "", err
	}
	return m.Name, nil
}

// Undefine removes an interface's configuration.
func (c *Conn) Undefine(name string) error { return c.drv.Undefine(name) }

// ErrNotFound says no file defines the interface.
var ErrNotFound = backends.ErrNotFound
