package iface

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/internal/files"
	"github.com/spf13/afero"
)

// BridgeOptions are virsh iface-bridge's options.
type BridgeOptions struct {
	NoSTP   bool // STP is on unless this is set
	Delay   int  // forward delay in seconds, written only with STP on
	NoStart bool // define only (Bridge does not start the bridge yet: see Start)
}

// Bridge puts a new bridge over an interface, as virsh iface-bridge
// does: the interface's configuration becomes the bridge's (start mode,
// MTU, addresses: the IP configuration moves to the bridge) and the
// interface, with its MAC, bond or VLAN, becomes the bridge's one
// port. The bridge name must be free and the interface no bridge.
// What the files were is recorded in the state directory, so that
// Unbridge can give them their exact bytes back.
func (c *Conn) Bridge(ifname, brname string, opts BridgeOptions) (*Interface, error) {
	m, err := c.model(ifname)
	if err != nil {
		return nil, err
	}
	if m.Type == ifxml.TypeBridge {
		return nil, fmt.Errorf("interface %s is a bridge already", ifname)
	}
	if names, err := c.Names(); err == nil {
		for _, n := range names {
			if n == brname {
				return nil, fmt.Errorf("%w: %s", ErrExists, brname)
			}
		}
	}
	on := !opts.NoSTP
	br := &ifxml.Interface{Type: ifxml.TypeBridge, Name: brname, Start: m.Start, MTU: m.MTU, IPv4: m.IPv4, IPv6: m.IPv6,
		Bridge: &ifxml.Bridge{STP: &on}}
	if on {
		br.Bridge.Delay = strconv.Itoa(opts.Delay)
	}
	port := &ifxml.Interface{Type: m.Type, Name: m.Name, MAC: m.MAC, Bond: m.Bond, VLAN: m.VLAN}
	br.Bridge.Ports = []*ifxml.Interface{port}
	if err := br.Validate(); err != nil {
		return nil, err
	}
	el, err := element(br)
	if err != nil {
		return nil, err
	}
	err = c.changing(func() error {
		before, err := c.readManaged()
		if err != nil {
			return err
		}
		if err := c.drv.Define(el); err != nil {
			return c.backendErr(err)
		}
		after, err := c.readManaged()
		if err != nil {
			return err
		}
		rec := bridgeRecord{Port: ifname, Files: map[string]fileChange{}}
		for p, b := range before {
			if a, ok := after[p]; !ok || a != b {
				rec.Files[p] = fileChange{Before: ptr(b), After: ptrIf(a, ok)}
			}
		}
		for p, a := range after {
			if _, ok := before[p]; !ok {
				rec.Files[p] = fileChange{After: ptr(a)}
			}
		}
		return c.writeRecord(brname, &rec)
	})
	if err != nil {
		return nil, err
	}
	return &Interface{c: c, name: brname}, nil
}

// Unbridge takes a bridge with exactly one port away, as virsh
// iface-unbridge does: the port gets the bridge's configuration back
// (start mode, MTU, addresses). When the files are still what Bridge
// made of them, they get back the exact bytes they had before it;
// otherwise the bridge is undefined and the port defined from the
// bridge's XML. It returns the port.
func (c *Conn) Unbridge(brname string) (*Interface, error) {
	m, err := c.model(brname)
	if err != nil {
		return nil, err
	}
	if m.Type != ifxml.TypeBridge || m.Bridge == nil {
		return nil, fmt.Errorf("interface %s is not a bridge", brname)
	}
	switch len(m.Bridge.Ports) {
	case 0:
		return nil, fmt.Errorf("bridge %s has no interface attached", brname)
	case 1:
	default:
		return nil, fmt.Errorf("bridge %s has several interfaces attached", brname)
	}
	p := m.Bridge.Ports[0]
	port := &ifxml.Interface{Type: p.Type, Name: p.Name, MAC: p.MAC, Bond: p.Bond, VLAN: p.VLAN,
		Start: m.Start, MTU: m.MTU, IPv4: m.IPv4, IPv6: m.IPv6}
	if err := port.Validate(); err != nil {
		return nil, err
	}
	el, err := element(port)
	if err != nil {
		return nil, err
	}
	err = c.changing(func() error {
		rec, err := c.readRecord(brname)
		if err != nil {
			return err
		}
		if rec != nil && rec.Port == p.Name && c.stillAfter(rec) {
			for f, ch := range rec.Files {
				if ch.Before == nil {
					if err := c.fs.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
						return err
					}
				} else if err := files.WriteFile(c.fs, f, *ch.Before, files.Overwrite); err != nil {
					return err
				}
			}
			if err := c.reload(); err != nil {
				return err
			}
		} else {
			if err := c.drv.Undefine(brname); err != nil {
				return c.backendErr(err)
			}
			if err := c.drv.Define(el); err != nil {
				return c.backendErr(err)
			}
		}
		return c.removeRecord(brname)
	})
	if err != nil {
		return nil, err
	}
	return &Interface{c: c, name: p.Name}, nil
}

// bridgeRecord is what Bridge changed: each file's bytes before and
// after (nil: no such file).
type bridgeRecord struct {
	Port  string                `json:"port"`
	Files map[string]fileChange `json:"files"`
}

type fileChange struct {
	Before *string `json:"before"`
	After  *string `json:"after"`
}

func ptr(s string) *string { return &s }

func ptrIf(s string, ok bool) *string {
	if !ok {
		return nil
	}
	return &s
}

func (c *Conn) recordPath(br string) string { return path.Join(c.stateDir, "bridges", br+".json") }

func (c *Conn) writeRecord(br string, rec *bridgeRecord) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	if err := c.fs.MkdirAll(path.Dir(c.recordPath(br)), 0o700); err != nil {
		return err
	}
	return files.WriteFile(c.fs, c.recordPath(br), string(b), files.Overwrite)
}

func (c *Conn) readRecord(br string) (*bridgeRecord, error) {
	b, err := afero.ReadFile(c.fs, c.recordPath(br))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var rec bridgeRecord
	if json.Unmarshal(b, &rec) != nil {
		return nil, nil // a damaged record is no record: define instead
	}
	return &rec, nil
}

func (c *Conn) removeRecord(br string) error {
	if err := c.fs.Remove(c.recordPath(br)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// stillAfter reports whether every file is as Bridge left it.
func (c *Conn) stillAfter(rec *bridgeRecord) bool {
	for f, ch := range rec.Files {
		b, err := afero.ReadFile(c.fs, f)
		switch {
		case ch.After == nil && errors.Is(err, fs.ErrNotExist):
		case ch.After != nil && err == nil && string(b) == *ch.After:
		default:
			return false
		}
	}
	return true
}

// readManaged reads every file the backend manages.
func (c *Conn) readManaged() (map[string]string, error) {
	list, err := c.drv.Files()
	if err != nil {
		return nil, c.backendErr(err)
	}
	out := map[string]string{}
	for _, p := range list {
		b, err := afero.ReadFile(c.fs, p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		out[p] = string(b)
	}
	return out, nil
}
