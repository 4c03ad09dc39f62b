package iface

import (
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/backends"
	"github.com/spf13/afero"
)

// Options say which root to open and with which regime.
type Options struct {
	// Fs holds the files; nil means the real disk under Root ("" is
	// /), every name kept inside it.
	Fs   afero.Fs
	Root string
	// Backend names the regime ("initscripts", "debian"); "" detects
	// it from the files present.
	Backend string
}

// Conn is an open root. Not safe for concurrent use.
type Conn struct {
	drv     backends.Driver
	backend string
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
	for _, r := range regimes {
		if opts.Backend == r.Name || (opts.Backend == "" && r.Detect(fs)) {
			d, err := r.Open(fs)
			if err != nil {
				return nil, err
			}
			return &Conn{drv: d, backend: r.Name}, nil
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
