package vnet

import (
	"crypto/rand"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/spf13/afero"
)

// Network is one network of a Conn, by name: every call reads what the
// files say now.
type Network struct {
	c    *Conn
	name string
}

// Name returns the network's name.
func (n *Network) Name() string { return n.name }

// entry is what the files say of one network: its configuration
// (persistent networks) and its running definition (active ones).
type entry struct {
	name         string
	config, live *netxml.Network
	autostart    bool
}

func (c *Conn) entry(name string) (*entry, error) {
	if err := checkName(name); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoNetwork, err)
	}
	e := &entry{name: name}
	var err error
	if e.config, err = c.readXML(c.configFile(name)); err != nil {
		return nil, err
	}
	if e.live, err = c.readXML(c.liveFile(name)); err != nil {
		return nil, err
	}
	if _, err := lstat(c, c.autostartFile(name)); err == nil {
		e.autostart = e.config != nil
	}
	if e.config == nil && e.live == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoNetwork, name)
	}
	return e, nil
}

// entries are every network, persistent or running, sorted by name.
func (c *Conn) entries() ([]*entry, error) {
	seen := map[string]bool{}
	var out []*entry
	for _, dir := range []string{c.configDir, c.stateDir} {
		for _, n := range c.names(dir) {
			if seen[n] {
				continue
			}
			seen[n] = true
			e, err := c.entry(n)
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b *entry) int { return strings.Compare(a.name, b.name) })
	return out, nil
}

// def is the definition that counts now: the running one when active.
func (e *entry) def() *netxml.Network {
	if e.live != nil {
		return e.live
	}
	return e.config
}

// LookupByName returns the network of that name (ErrNoNetwork).
func (c *Conn) LookupByName(name string) (*Network, error) {
	if _, err := c.entry(name); err != nil {
		return nil, err
	}
	return &Network{c: c, name: name}, nil
}

// LookupByUUID returns the network with that UUID (any case, with or
// without dashes).
func (c *Conn) LookupByUUID(uuid string) (*Network, error) {
	want := normUUID(uuid)
	es, err := c.entries()
	if err != nil {
		return nil, err
	}
	for _, e := range es {
		if normUUID(e.def().UUID) == want && want != "" {
			return &Network{c: c, name: e.name}, nil
		}
	}
	return nil, fmt.Errorf("%w: no network has UUID %s", ErrNoNetwork, uuid)
}

// Lookup finds a network by name, else by UUID (virsh's rule).
func (c *Conn) Lookup(nameOrUUID string) (*Network, error) {
	n, err := c.LookupByName(nameOrUUID)
	if err == nil {
		return n, nil
	}
	if u, uerr := c.LookupByUUID(nameOrUUID); uerr == nil {
		return u, nil
	}
	return nil, err
}

func normUUID(s string) string { return strings.ToLower(strings.ReplaceAll(s, "-", "")) }

// Define stores a persistent network's configuration (inactive; or,
// for a network that exists, its new configuration: a running network
// keeps running as it was, and the next start takes the new one).
// Missing UUID, bridge name (virbrN) and MAC are made and stored. file
// names the XML in errors.
func (c *Conn) Define(xml []byte, file string) (*Network, error) {
	n, err := c.parse(xml, file)
	if err != nil {
		return nil, err
	}
	err = c.changing(func() error {
		es, err := c.entries()
		if err != nil {
			return err
		}
		if err := c.prepare(n, es); err != nil {
			return err
		}
		return c.writeXML(c.configFile(n.Name), n, true)
	})
	if err != nil {
		return nil, err
	}
	return &Network{c: c, name: n.Name}, nil
}

// Create starts a transient network from XML: it runs at once and
// leaves no trace when destroyed.
func (c *Conn) Create(xml []byte, file string) (*Network, error) {
	n, err := c.parse(xml, file)
	if err != nil {
		return nil, err
	}
	err = c.changing(func() error {
		if _, err := c.entry(n.Name); err == nil {
			return fmt.Errorf("%w: %s", ErrExists, n.Name)
		}
		es, err := c.entries()
		if err != nil {
			return err
		}
		if err := c.prepare(n, es); err != nil {
			return err
		}
		return c.start(n, es)
	})
	if err != nil {
		return nil, err
	}
	return &Network{c: c, name: n.Name}, nil
}

func (c *Conn) parse(xml []byte, file string) (*netxml.Network, error) {
	n, err := netxml.Parse(xml, file)
	if err != nil {
		return nil, err
	}
	if err := checkName(n.Name); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := n.EnsureUUID(); err != nil {
		return nil, err
	}
	return n, nil
}

// prepare checks a definition against the other networks and fills in
// what libvirt fills in when it defines one: the bridge name and MAC
// of a network that owns its bridge (kept from its earlier definition
// when it has one).
func (c *Conn) prepare(n *netxml.Network, es []*entry) error {
	var others []*netxml.Network
	active := map[*netxml.Network]bool{}
	var old *entry
	for _, e := range es {
		if e.name == n.Name {
			old = e
			continue
		}
		d := e.def()
		others = append(others, d)
		active[d] = e.live != nil
	}
	if old != nil && normUUID(old.def().UUID) != normUUID(n.UUID) {
		return fmt.Errorf("%w: network %s has UUID %s", ErrExists, n.Name, old.def().UUID)
	}
	if owns(n) {
		if n.Bridge == nil {
			n.Bridge = &netxml.Bridge{}
		}
		if n.Bridge.Name == "" && old != nil && old.def().Bridge != nil {
			n.Bridge.Name = old.def().Bridge.Name
		}
		if n.Bridge.Name == "" {
			n.Bridge.Name = freeBridge(others)
		}
		if n.MAC == "" && old != nil {
			n.MAC = old.def().MAC
		}
		if n.MAC == "" {
			n.MAC = randomMAC()
		}
		if n.Bridge.STP == nil {
			on := true
			n.Bridge.STP = &on
		}
		if n.Bridge.Delay == nil {
			var zero uint64
			n.Bridge.Delay = &zero
		}
	}
	if err := netxml.CheckConflicts(n, others, func(o *netxml.Network) bool { return active[o] }); err != nil {
		return fmt.Errorf("%w: %v", ErrExists, err)
	}
	return n.Validate()
}

// freeBridge is the first virbrN no other network uses.
func freeBridge(others []*netxml.Network) string {
	used := map[string]bool{}
	for _, o := range others {
		if o.Bridge != nil {
			used[o.Bridge.Name] = true
		}
	}
	for i := 0; ; i++ {
		if name := fmt.Sprintf("virbr%d", i); !used[name] {
			return name
		}
	}
}

// randomMAC is a MAC in libvirt's 52:54:00 prefix.
func randomMAC() string {
	b := make([]byte, 3)
	_, _ = rand.Read(b)
	return fmt.Sprintf("52:54:00:%02x:%02x:%02x", b[0], b[1], b[2])
}

func (c *Conn) runDirOf(name string) RunDir {
	r := RunDir{Fs: c.fs, Dir: c.runDir(name)}
	if root, ok := c.fs.(interface{ Dir() string }); ok {
		r.HostDir = path.Join(root.Dir(), r.Dir)
	}
	return r
}

// start activates n and records it running. A run directory left by
// a start that was cut short is cleaned first.
func (c *Conn) start(n *netxml.Network, es []*entry) error {
	run := c.runDirOf(n.Name)
	if _, err := c.fs.Stat(run.Dir); err == nil {
		_ = c.act.Stop(n, run)
		if err := c.fs.RemoveAll(run.Dir); err != nil {
			return err
		}
	}
	if err := c.fs.MkdirAll(run.Dir, 0o700); err != nil {
		return err
	}
	if err := c.act.Start(n, run); err != nil {
		_ = c.act.Stop(n, run)
		_ = c.fs.RemoveAll(run.Dir)
		return err
	}
	return c.writeXML(c.liveFile(n.Name), n, false)
}

// Start starts a defined network (ErrInvalidState when it runs).
func (n *Network) Start() error {
	c := n.c
	return c.changing(func() error {
		e, err := c.entry(n.name)
		if err != nil {
			return err
		}
		if e.live != nil {
			return fmt.Errorf("%w: network %s is active already", ErrInvalidState, n.name)
		}
		es, err := c.entries()
		if err != nil {
			return err
		}
		if err := c.prepare(e.config, es); err != nil {
			return err
		}
		return c.start(e.config, es)
	})
}

// Destroy stops a running network, undoing what its start made; a
// transient network is gone afterwards.
func (n *Network) Destroy() error {
	c := n.c
	return c.changing(func() error {
		e, err := c.entry(n.name)
		if err != nil {
			return err
		}
		if e.live == nil {
			return fmt.Errorf("%w: network %s is not active", ErrInvalidState, n.name)
		}
		run := c.runDirOf(n.name)
		if err := c.unplugAll(n.name); err != nil {
			return err
		}
		if err := c.act.Stop(e.live, run); err != nil {
			return err
		}
		if err := c.fs.RemoveAll(run.Dir); err != nil {
			return err
		}
		return c.remove(c.liveFile(n.name))
	})
}

// Undefine removes a network's configuration (and autostart); a
// running network goes on, transient, until destroyed.
func (n *Network) Undefine() error {
	c := n.c
	return c.changing(func() error {
		e, err := c.entry(n.name)
		if err != nil {
			return err
		}
		if e.config == nil {
			return fmt.Errorf("%w: network %s is transient", ErrInvalidState, n.name)
		}
		if err := c.remove(c.autostartFile(n.name)); err != nil {
			return err
		}
		return c.remove(c.configFile(n.name))
	})
}

// SetAutostart makes a persistent network start with StartAutostart
// (a link in the autostart directory), or not.
func (n *Network) SetAutostart(on bool) error {
	c := n.c
	return c.changing(func() error {
		e, err := c.entry(n.name)
		if err != nil {
			return err
		}
		if e.config == nil {
			return fmt.Errorf("%w: network %s is transient: only persistent networks start on their own", ErrInvalidState, n.name)
		}
		link := c.autostartFile(n.name)
		if !on {
			return c.remove(link)
		}
		if _, err := lstat(c, link); err == nil {
			return nil
		}
		if err := c.fs.MkdirAll(path.Dir(link), 0o755); err != nil {
			return err
		}
		if l, ok := c.fs.(afero.Linker); ok {
			if err := l.SymlinkIfPossible("../"+n.name+".xml", link); err == nil {
				return nil
			}
		}
		// a file system without links: a file that says the same
		return afero.WriteFile(c.fs, link, []byte("../"+n.name+".xml\n"), 0o600)
	})
}

func lstat(c *Conn, p string) (fs.FileInfo, error) {
	if l, ok := c.fs.(interface {
		LstatIfPossible(string) (fs.FileInfo, bool, error)
	}); ok {
		fi, _, err := l.LstatIfPossible(p)
		return fi, err
	}
	return c.fs.Stat(p)
}

// Info is what virsh net-info shows.
type Info struct {
	Name, UUID                    string
	Active, Persistent, Autostart bool
	Bridge                        string
}

// Info returns the network's state.
func (n *Network) Info() (Info, error) {
	e, err := n.c.entry(n.name)
	if err != nil {
		return Info{}, err
	}
	d := e.def()
	in := Info{Name: n.name, UUID: d.UUID, Active: e.live != nil, Persistent: e.config != nil, Autostart: e.autostart}
	if d.Bridge != nil {
		in.Bridge = d.Bridge.Name
	}
	return in, nil
}

// UUID returns the network's UUID.
func (n *Network) UUID() (string, error) {
	in, err := n.Info()
	return in.UUID, err
}

// IsActive reports whether the network runs.
func (n *Network) IsActive() (bool, error) {
	in, err := n.Info()
	return in.Active, err
}

// XMLFlags select what XMLDesc describes.
type XMLFlags uint

// XMLInactive asks for the configuration the next start takes, not the
// running definition.
const XMLInactive XMLFlags = 1

// XMLDesc returns the network's XML: the running definition when it
// runs (unless XMLInactive), else its configuration.
func (n *Network) XMLDesc(flags XMLFlags) ([]byte, error) {
	e, err := n.c.entry(n.name)
	if err != nil {
		return nil, err
	}
	if flags&XMLInactive != 0 && e.config != nil {
		return e.config.MarshalWith(netxml.WriteOptions{Inactive: true})
	}
	if e.live != nil {
		live := copyNet(e.live)
		if u, err := n.Usage(); err == nil {
			if u.Ports > 0 {
				c := uint32(u.Ports)
				live.Connections = &c
			}
			if live.Forward != nil {
				for i := range live.Forward.Interfaces {
					if k := u.Connections[live.Forward.Interfaces[i].Dev]; k > 0 {
						c := uint32(k)
						live.Forward.Interfaces[i].Connections = &c
					}
				}
			}
		}
		return live.Marshal()
	}
	return e.config.MarshalWith(netxml.WriteOptions{Inactive: true})
}
