package vnet

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/spf13/afero"
)

// The ports of a running network are files in its run directory,
// ports/UUID.xml (networkport XML), one a port, written atomically
// when a port is created and removed when it is deleted: they are the
// truth, in every process. A Conn keeps an index of them per network
// (the ports, connections per device, floor reserved, classIDs taken)
// so that an operation costs the same however many ports there are.
//
// The index stays true across processes through ports/.gen, a random
// token every change writes (under the state directory's lock) before
// it touches a port file: an operation that finds a token other than
// the one its index was read at (another process changed the ports,
// or /run was wiped, or the network restarted) reads the directory
// again. A token missing means the index is read again too.

const (
	portsDir = "ports"
	genFile  = ".gen"
)

// portIndex is what a network's port files say.
type portIndex struct {
	gen   string
	ports map[string]*netxml.Port // by UUID
	// conns counts the ports on each device or bridge (a plug's
	// Bridge or Dev, or a PCI address's String()).
	conns map[string]int
	// holder is the port holding each device of an exclusive plug
	// (passthrough, 802.1Qbh private, hostdev).
	holder   map[string]string
	floor    uint64 // inbound floors reserved
	classIDs map[uint32]string
}

func newPortIndex() *portIndex {
	return &portIndex{ports: map[string]*netxml.Port{}, conns: map[string]int{}, holder: map[string]string{}, classIDs: map[uint32]string{}}
}

func (c *Conn) portsDir(name string) string       { return path.Join(c.runDir(name), portsDir) }
func (c *Conn) portFile(name, uuid string) string { return path.Join(c.portsDir(name), uuid+".xml") }
func (c *Conn) plugFile(name, uuid string) string { return path.Join(c.portsDir(name), uuid+".plug") }

func (c *Conn) readGen(name string) string {
	b, err := afero.ReadFile(c.fs, path.Join(c.portsDir(name), genFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// index returns the network's port index, read again from the
// directory when it changed since (the caller holds the lock).
func (c *Conn) index(name string, def *netxml.Network) (*portIndex, error) {
	gen := c.readGen(name)
	if x := c.ports[name]; x != nil && gen != "" && x.gen == gen {
		return x, nil
	}
	x := newPortIndex()
	dir := c.portsDir(name)
	f, err := c.fs.Open(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err == nil {
		list, err := f.Readdirnames(-1)
		f.Close()
		if err != nil {
			return nil, err
		}
		for _, n := range list {
			if strings.HasPrefix(n, tempPrefix) {
				_ = c.fs.Remove(path.Join(dir, n)) // left by a crash: we hold the lock
				continue
			}
			uuid, ok := strings.CutSuffix(n, ".xml")
			if !ok || strings.HasPrefix(n, ".") {
				continue
			}
			p := path.Join(dir, n)
			b, err := afero.ReadFile(c.fs, p)
			if err != nil {
				return nil, err
			}
			port, err := netxml.ParsePort(b, p)
			if err != nil {
				return nil, fmt.Errorf("stored port %s: %w", p, err)
			}
			if port.UUID != uuid {
				return nil, fmt.Errorf("stored port %s holds port %s", p, port.UUID)
			}
			x.add(port, exclusive(def, port))
		}
	}
	if gen == "" {
		if gen, err = c.bumpGen(name); err != nil {
			return nil, err
		}
	}
	x.gen = gen
	if c.ports == nil {
		c.ports = map[string]*portIndex{}
	}
	c.ports[name] = x
	return x, nil
}

// bumpGen writes a new token for the network's ports and returns it.
func (c *Conn) bumpGen(name string) (string, error) {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	gen := hex.EncodeToString(b)
	if err := c.fs.MkdirAll(c.portsDir(name), 0o700); err != nil {
		return "", err
	}
	return gen, afero.WriteFile(c.fs, path.Join(c.portsDir(name), genFile), []byte(gen+"\n"), 0o600)
}

// plugKey is the device a plug takes: the bridge, the pool device or
// the PCI address.
func plugKey(pl *netxml.Plug) string {
	if pl == nil {
		return ""
	}
	switch pl.Type {
	case netxml.PlugNetwork, netxml.PlugBridge:
		return pl.Bridge
	case netxml.PlugDirect:
		return pl.Dev
	case netxml.PlugHostdevPCI:
		return pl.Address.String()
	}
	return ""
}

func (x *portIndex) add(p *netxml.Port, excl bool) {
	x.ports[p.UUID] = p
	if k := plugKey(p.Plug); k != "" {
		x.conns[k]++
		if excl {
			x.holder[k] = p.UUID
		}
	}
	x.floor += floorOf(p.Bandwidth)
	if p.ClassID != 0 {
		x.classIDs[p.ClassID] = p.UUID
	}
}

func (x *portIndex) remove(p *netxml.Port) {
	delete(x.ports, p.UUID)
	if k := plugKey(p.Plug); k != "" {
		if x.conns[k]--; x.conns[k] <= 0 {
			delete(x.conns, k)
		}
		if x.holder[k] == p.UUID {
			delete(x.holder, k)
		}
	}
	x.floor -= floorOf(p.Bandwidth)
	if p.ClassID != 0 && x.classIDs[p.ClassID] == p.UUID {
		delete(x.classIDs, p.ClassID)
	}
}

func floorOf(b *netxml.Bandwidth) uint64 {
	if b == nil || b.Inbound == nil {
		return 0
	}
	return b.Inbound.Floor
}

// writePort stores a port (after a new token), and the index follows.
func (c *Conn) writePort(name string, x *portIndex, p *netxml.Port, excl bool) error {
	b, err := p.Marshal()
	if err != nil {
		return err
	}
	gen, err := c.bumpGen(name)
	if err != nil {
		delete(c.ports, name)
		return err
	}
	if err := c.writeAtomic(c.portFile(name, p.UUID), b); err != nil {
		delete(c.ports, name)
		return err
	}
	x.gen = gen
	x.add(p, excl)
	return nil
}

// removePort deletes a port's file (after a new token), and the index
// follows.
func (c *Conn) removePort(name string, x *portIndex, p *netxml.Port) error {
	gen, err := c.bumpGen(name)
	if err != nil {
		delete(c.ports, name)
		return err
	}
	if err := c.remove(c.portFile(name, p.UUID)); err != nil {
		delete(c.ports, name)
		return err
	}
	x.gen = gen
	x.remove(p)
	return nil
}

// tempPrefix begins the temporary files of writeAtomic.
const tempPrefix = ".tmp-"

// writeAtomic writes a file of the ports directory atomically: a
// temporary file beside it, synced, renamed over it. The caller holds
// the lock, so the temporary name is free (one left by a crash is
// removed when the directory is next read). files.WriteFile does the
// same but looks for stale temporary files in the whole directory at
// every write, which would make a port's creation cost grow with the
// number of ports.
func (c *Conn) writeAtomic(name string, data []byte) error {
	tmp := path.Join(path.Dir(name), tempPrefix+path.Base(name))
	f, err := c.fs.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = c.fs.Rename(tmp, name)
	}
	if err != nil {
		_ = c.fs.Remove(tmp)
	}
	return err
}
