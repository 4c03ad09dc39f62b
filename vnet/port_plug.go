package vnet

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/spf13/afero"
)

// PortActivator is implemented by Activators that plug ports: the
// kernel one, and the Recorder.
type PortActivator interface {
	// PlugPort connects a port: dev (a tap or veth of the caller's)
	// to the port's bridge, or a new macvtap device dev on the
	// port's pool device; then the port's bandwidth on it. It
	// returns what it did, for UnplugPort. run is the network's run
	// directory (where the Recorder writes).
	PlugPort(n *netxml.Network, p *netxml.Port, dev string, run RunDir) (PlugRecord, error)
	// UnplugPort undoes what PlugPort did.
	UnplugPort(r PlugRecord, run RunDir) error
}

// PlugRecord is what plugging a port did, kept beside the port file
// (ports/UUID.plug) so that any process can undo it.
type PlugRecord struct {
	Dev string `json:"dev"`
	// Bridge is the bridge Dev was put on ("" for a macvtap).
	Bridge string `json:"bridge,omitempty"`
	// Created says that Dev was made by the plug (a macvtap), so is
	// deleted by the unplug.
	Created bool `json:"created,omitempty"`
	// Egress and Ingress say which traffic control was put on Dev.
	Egress  bool `json:"egress,omitempty"`
	Ingress bool `json:"ingress,omitempty"`
}

func (n *Network) portActivator() (PortActivator, error) {
	pa, ok := n.c.act.(PortActivator)
	if !ok {
		return nil, fmt.Errorf("%w: the %s activator does not plug ports", ErrInvalidState, n.c.act.Name())
	}
	return pa, nil
}

func (c *Conn) readPlug(name, uuid string) (*PlugRecord, error) {
	b, err := afero.ReadFile(c.fs, c.plugFile(name, uuid))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r PlugRecord
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("plug record of port %s: %w", uuid, err)
	}
	return &r, nil
}

// Plug connects the port on the host: for a port on a bridge, dev (a
// tap or veth device that exists) is put on the bridge and set up; for
// a direct port, a macvtap device called dev ("" for lnvt and the
// start of the port's UUID) is made on the port's pool device, in the
// network's mode, with the port's MAC address. The port's bandwidth
// is then applied on dev with the kernel's traffic control (the
// traffic towards the guest shaped on dev's egress, the guest's own
// policed on its ingress; the other way round for a macvtap, whose
// host side is the guest's). A hostdev port is not plugged here.
func (p *Port) Plug(dev string) error {
	n := p.n
	pa, err := n.portActivator()
	if err != nil {
		return err
	}
	return n.c.changing(func() error {
		def, x, err := n.running()
		if err != nil {
			return err
		}
		cur, ok := x.ports[p.def.UUID]
		if !ok {
			return fmt.Errorf("%w: %s on network %s", ErrNoPort, p.def.UUID, n.name)
		}
		if r, err := n.c.readPlug(n.name, cur.UUID); err != nil {
			return err
		} else if r != nil {
			return fmt.Errorf("%w: port %s is plugged already (%s)", ErrInvalidState, cur.UUID, r.Dev)
		}
		if cur.Plug == nil || cur.Plug.Type == netxml.PlugHostdevPCI {
			return fmt.Errorf("%w: port %s: a hostdev port is given to the guest, not plugged on the host", ErrInvalidPort, cur.UUID)
		}
		if cur.Plug.Type == netxml.PlugDirect && dev == "" {
			dev = "lnvt" + cur.UUID[:8]
		}
		if dev == "" {
			return fmt.Errorf("%w: port %s: name the tap or veth device to put on %s", ErrInvalidPort, cur.UUID, cur.Plug.Bridge)
		}
		r, err := pa.PlugPort(def, cur, dev, n.c.runDirOf(n.name))
		if err != nil {
			return err
		}
		b, _ := json.Marshal(r)
		if err := n.c.writeAtomic(n.c.plugFile(n.name, cur.UUID), append(b, '\n')); err != nil {
			_ = pa.UnplugPort(r, n.c.runDirOf(n.name))
			return err
		}
		return nil
	})
}

// Plugged returns what plugging the port did (its device, and the
// bridge it was put on or that the device was made), nil when the port
// is not plugged.
func (p *Port) Plugged() (*PlugRecord, error) {
	return p.n.c.readPlug(p.n.name, p.def.UUID)
}

// Unplug undoes Plug: the macvtap device is deleted, or the device
// taken off the bridge, and the traffic control removed.
func (p *Port) Unplug() error {
	n := p.n
	return n.c.changing(func() error {
		def, x, err := n.running()
		if err != nil {
			return err
		}
		cur, ok := x.ports[p.def.UUID]
		if !ok {
			return fmt.Errorf("%w: %s on network %s", ErrNoPort, p.def.UUID, n.name)
		}
		r, err := n.c.readPlug(n.name, cur.UUID)
		if err != nil {
			return err
		}
		if r == nil {
			return fmt.Errorf("%w: port %s is not plugged", ErrInvalidState, cur.UUID)
		}
		return n.unplug(def, cur)
	})
}

// unplug undoes a port's plug if it has one (the caller holds the
// lock).
func (n *Network) unplug(def *netxml.Network, p *netxml.Port) error {
	r, err := n.c.readPlug(n.name, p.UUID)
	if err != nil || r == nil {
		return err
	}
	pa, err := n.portActivator()
	if err != nil {
		return err
	}
	if err := pa.UnplugPort(*r, n.c.runDirOf(n.name)); err != nil {
		return err
	}
	return n.c.remove(n.c.plugFile(n.name, p.UUID))
}

// PlugPort implements PortActivator: it records the plug.
func (r *Recorder) PlugPort(n *netxml.Network, p *netxml.Port, dev string, run RunDir) (PlugRecord, error) {
	rec := PlugRecord{Dev: dev}
	step := fmt.Sprintf("plug %s %s", p.UUID, dev)
	switch p.Plug.Type {
	case netxml.PlugDirect:
		rec.Created = true
		step += fmt.Sprintf(" macvtap on %s mode %s", p.Plug.Dev, p.Plug.Mode)
	default:
		rec.Bridge = p.Plug.Bridge
		step += " bridge " + p.Plug.Bridge
	}
	return rec, r.record(run, step)
}

// UnplugPort implements PortActivator.
func (r *Recorder) UnplugPort(rec PlugRecord, run RunDir) error {
	return r.record(run, "unplug "+rec.Dev)
}

// unplugAll undoes every plug of a network's ports (a destroy, which
// removes the ports with the run directory, leaves no macvtap or
// traffic control behind).
func (c *Conn) unplugAll(name string) error {
	pa, ok := c.act.(PortActivator)
	f, err := c.fs.Open(c.portsDir(name))
	if err != nil {
		return nil // no ports
	}
	names, _ := f.Readdirnames(-1)
	_ = f.Close()
	var errs []error
	for _, fn := range names {
		uuid, isPlug := strings.CutSuffix(fn, ".plug")
		if !isPlug {
			continue
		}
		r, err := c.readPlug(name, uuid)
		if err != nil || r == nil {
			errs = append(errs, err)
			continue
		}
		if ok {
			if err := pa.UnplugPort(*r, c.runDirOf(name)); err != nil {
				errs = append(errs, err)
				continue
			}
		}
		_ = c.fs.Remove(c.plugFile(name, uuid))
	}
	return errors.Join(errs...)
}
