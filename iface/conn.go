package iface

import (
	"fmt"
	"path"
	"strings"

	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/spf13/afero"
)

// Options say which root to open, with which regime and which
// activation engine.
type Options struct {
	// Fs holds the files; nil means the real disk under Root ("" is
	// /), every name kept inside it.
	Fs   afero.Fs
	Root string
	// Backend names the regime ("initscripts", "debian"); "" detects
	// it from the files present.
	Backend string
	// StateDir is where transactions and the lock live, inside the
	// root; "" is /var/lib/lensnet/iface.
	StateDir string
	// NetNS is the network namespace whose kernel state the Conn reads
	// and changes: "" for the process's own, a name as `ip netns add`
	// makes them, or a path.
	NetNS string
	// Engine brings interfaces up and down: "netlink" (applies the XML
	// through the kernel directly), "ifupdown" (the distribution's ifup
	// and ifdown), or "" for ifupdown where ifup is on PATH and the
	// root is the real one, netlink otherwise.
	Engine string
}

// DefaultStateDir is where a root's transaction and lock are kept.
const DefaultStateDir = "/var/lib/lensnet/iface"

// Conn is an open root. Not safe for concurrent use; separate Conns,
// in one process or several, may change one root at once (see Lock).
type Conn struct {
	drv      backends.Driver
	backend  string
	fs       afero.Fs
	stateDir string
	netns    string
	realRoot bool           // the files are the host's own (/)
	rootDir  string         // Options.Root when the files are on disk there
	kern     *kernel.Handle // opened on first use
	engine   Engine
	loaded   stamp                       // how the files looked when the driver read them
	models   map[string]*ifxml.Interface // read since then
	xmls     map[string][]byte           // and written
	inChange bool                        // in a change, under the lock: no reload on read
	dirs     []string                    // the directories of the files the driver manages
}

// Open opens a root with its regime.
func Open(opts Options) (*Conn, error) {
	fs, err := backends.FS(opts.Fs, opts.Root)
	if err != nil {
		return nil, err
	}
	regimes := backends.Regimes()
	var names []string
	for _, r := range regimes {
		names = append(names, r.Name)
	}
	c := &Conn{fs: fs, stateDir: opts.StateDir, netns: opts.NetNS, realRoot: opts.Fs == nil && (opts.Root == "" || opts.Root == "/")}
	if opts.Fs == nil {
		c.rootDir = opts.Root
	}
	if c.engine, err = newEngine(opts); err != nil {
		return nil, err
	}
	if c.stateDir == "" {
		c.stateDir = DefaultStateDir
	}
	c.stateDir = path.Clean("/" + c.stateDir)
	for _, r := range regimes {
		if opts.Backend == r.Name || (opts.Backend == "" && r.Detect(fs)) {
			d, err := r.Open(fs)
			if err != nil {
				return nil, &BackendError{Backend: r.Name, Err: err}
			}
			c.drv, c.backend = d, r.Name
			c.loaded = c.stamp()
			return c, nil
		}
	}
	if opts.Backend != "" {
		return nil, fmt.Errorf("no backend %q (there are: %s)", opts.Backend, strings.Join(names, ", "))
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no backend registered (import a package under backends/)")
	}
	return nil, fmt.Errorf("no network configuration regime found in the root (backends tried: %s)", strings.Join(names, ", "))
}

// Backend is the name of the regime in use.
func (c *Conn) Backend() string { return c.backend }
