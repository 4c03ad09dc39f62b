package backends

import (
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/afero"

	"github.com/beevik/etree"
)

// Driver is one configuration regime on one root.
//
// A connection is a top-level interface with what is enslaved to it: a
// bridge with its ports, a bond with its slaves, a bridge over a bond
// over ethernets. Enslaved interfaces are not listed on their own.
type Driver interface {
	// Name is the regime's name ("initscripts", "debian").
	Name() string
	// List returns the names of the connections the files define,
	// sorted.
	List() ([]string, error)
	// Get returns the connection's interface XML, read from the files:
	// an <interface> element, not yet validated. ErrNotFound when no
	// file defines a top-level interface of that name.
	Get(name string) (*etree.Element, error)
	// Define writes the files for a validated interface XML (an
	// <interface> root), editing an existing definition in place, and
	// saves them.
	Define(el *etree.Element) error
	// Undefine removes the connection's definition and saves.
	Undefine(name string) error
	// Files lists the root-relative paths of every file the driver
	// manages now (for transactions).
	Files() ([]string, error)
	// Reload reads the files again (another process changed them).
	Reload() error
}

// ErrNotFound says no file defines the interface.
var ErrNotFound = errors.New("no such interface")

// Regime is a registered driver: how to tell a root is its, and how
// to open it. Drivers register themselves in init, as database/sql's
// do; the API finds them with Regimes.
type Regime struct {
	Name   string
	Detect func(fs afero.Fs) bool
	Open   func(fs afero.Fs) (Driver, error)
}

var (
	regimesMu sync.Mutex
	regimes   []Regime
)

// Register makes a regime available; a second one of the same name
// panics (a programming error, as in database/sql).
func Register(r Regime) {
	regimesMu.Lock()
	defer regimesMu.Unlock()
	for _, o := range regimes {
		if o.Name == r.Name {
			panic("backends: Register called twice for " + r.Name)
		}
	}
	regimes = append(regimes, r)
}

// Regimes returns the registered regimes sorted by name.
func Regimes() []Regime {
	regimesMu.Lock()
	defer regimesMu.Unlock()
	out := slices.Clone(regimes)
	slices.SortFunc(out, func(a, b Regime) int { return strings.Compare(a.Name, b.Name) })
	return out
}
