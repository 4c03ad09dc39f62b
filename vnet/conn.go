package vnet

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/spf13/afero"
	"golang.org/x/sys/unix"
)

// Default places, inside the root.
const (
	DefaultConfigDir = "/etc/lensnet/networks"
	DefaultStateDir  = "/run/lensnet/network"
)

// Options say where networks are kept and where they are activated.
type Options struct {
	// Fs holds the files; nil means the real disk under Root ("" is
	// /), every name kept inside it.
	Fs   afero.Fs
	Root string
	// ConfigDir and StateDir place the configuration and the runtime
	// state inside the root; "" for the defaults.
	ConfigDir, StateDir string
	// NetNS is the network namespace the networks are activated in:
	// "" for the process's own, a name as `ip netns add` makes them,
	// or a path.
	NetNS string
	// Activator starts and stops networks; nil for the real one
	// (netlink, dnsmasq, nftables in NetNS).
	Activator Activator
}

// Conn is an open set of networks. Not safe for concurrent use;
// separate Conns, in one process or several, may change the networks at
// once: every change takes the state directory's lock.
type Conn struct {
	fs                  afero.Fs
	configDir, stateDir string
	act                 Activator
	// ports is each network's port index, as read from its ports
	// directory (see port_index.go).
	ports map[string]*portIndex
}

// Open opens the networks of a root.
func Open(opts Options) (*Conn, error) {
	fsys := opts.Fs
	if fsys == nil {
		root := opts.Root
		if root == "" {
			root = "/"
		}
		r, err := files.NewRoot(root)
		if err != nil {
			return nil, err
		}
		fsys = r
	}
	c := &Conn{fs: fsys, configDir: opts.ConfigDir, stateDir: opts.StateDir, act: opts.Activator}
	if c.configDir == "" {
		c.configDir = DefaultConfigDir
	}
	if c.stateDir == "" {
		c.stateDir = DefaultStateDir
	}
	if c.act == nil {
		a, err := newKernelActivator(opts.NetNS)
		if err != nil {
			return nil, err
		}
		c.act = a
	}
	return c, nil
}

// Close releases what the Conn holds.
func (c *Conn) Close() error { return c.act.Close() }

func (c *Conn) configFile(name string) string { return path.Join(c.configDir, name+".xml") }
func (c *Conn) autostartFile(name string) string {
	return path.Join(c.configDir, "autostart", name+".xml")
}
func (c *Conn) liveFile(name string) string { return path.Join(c.stateDir, name+".xml") }
func (c *Conn) runDir(name string) string   { return path.Join(c.stateDir, name) }

// lock takes the state directory's lock for one change.
func (c *Conn) lock() (func(), error) {
	if err := c.fs.MkdirAll(c.stateDir, 0o755); err != nil {
		return nil, err
	}
	f, err := c.fs.OpenFile(path.Join(c.stateDir, ".lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	fd, ok := f.(interface{ Fd() uintptr })
	if !ok {
		_ = f.Close()
		return func() {}, nil
	}
	for {
		err = unix.Flock(int(fd.Fd()), unix.LOCK_EX)
		if !errors.Is(err, unix.EINTR) {
			break
		}
	}
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	return func() { _ = f.Close() }, nil
}

// changing runs a change under the lock.
func (c *Conn) changing(f func() error) error {
	unlock, err := c.lock()
	if err != nil {
		return err
	}
	defer unlock()
	return f()
}

// readXML reads a stored definition, nil when there is none.
func (c *Conn) readXML(p string) (*netxml.Network, error) {
	b, err := afero.ReadFile(c.fs, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	n, err := netxml.Parse(b, p)
	if err != nil {
		return nil, fmt.Errorf("stored definition %s: %w", p, err)
	}
	return n, nil
}

// writeXML stores a definition atomically, root-only.
func (c *Conn) writeXML(p string, n *netxml.Network, inactive bool) error {
	b, err := n.MarshalWith(netxml.WriteOptions{Inactive: inactive})
	if err != nil {
		return err
	}
	if err := c.fs.MkdirAll(path.Dir(p), 0o755); err != nil {
		return err
	}
	if err := files.WriteFile(c.fs, p, string(b), files.Overwrite); err != nil {
		return err
	}
	return c.fs.Chmod(p, 0o600)
}

func (c *Conn) remove(p string) error {
	if err := c.fs.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// names lists the names of the .xml files of a directory.
func (c *Conn) names(dir string) []string {
	f, err := c.fs.Open(dir)
	if err != nil {
		return nil
	}
	defer f.Close()
	list, _ := f.Readdirnames(-1)
	var out []string
	for _, n := range list {
		if name, ok := strings.CutSuffix(n, ".xml"); ok && checkName(name) == nil {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
