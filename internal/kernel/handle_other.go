//go:build !linux

package kernel

import "net/netip"

// Handle talks to one network namespace. Network namespaces are
// Linux's: elsewhere Open returns ErrUnsupportedOS and no Handle
// exists.
type Handle struct{}

// Open returns ErrUnsupportedOS: the kernel layer works on Linux
// only.
func Open(ns string) (*Handle, error) { return nil, ErrUnsupportedOS }

// Close does nothing.
func (h *Handle) Close() error { return nil }

// Links returns ErrUnsupportedOS.
func (h *Handle) Links() ([]Link, error) { return nil, ErrUnsupportedOS }

// Link returns ErrUnsupportedOS.
func (h *Handle) Link(name string) (Link, error) { return Link{}, ErrUnsupportedOS }

// Supports returns ErrUnsupportedOS.
func (h *Handle) Supports(kind string) error { return ErrUnsupportedOS }

// CreateBridge returns ErrUnsupportedOS.
func (h *Handle) CreateBridge(name string, stp *bool, delay *float64) error {
	return ErrUnsupportedOS
}

// CreateBond returns ErrUnsupportedOS.
func (h *Handle) CreateBond(name string, b BondSpec) error { return ErrUnsupportedOS }

// CreateVLAN returns ErrUnsupportedOS.
func (h *Handle) CreateVLAN(name, parent string, id int) error { return ErrUnsupportedOS }

// CreateVeth returns ErrUnsupportedOS.
func (h *Handle) CreateVeth(name, peer string) error { return ErrUnsupportedOS }

// SetMaster returns ErrUnsupportedOS.
func (h *Handle) SetMaster(name, master string) error { return ErrUnsupportedOS }

// SetMAC returns ErrUnsupportedOS.
func (h *Handle) SetMAC(name, mac string) error { return ErrUnsupportedOS }

// SetMTU returns ErrUnsupportedOS.
func (h *Handle) SetMTU(name string, mtu int) error { return ErrUnsupportedOS }

// AddAddr returns ErrUnsupportedOS.
func (h *Handle) AddAddr(name string, p netip.Prefix) error { return ErrUnsupportedOS }

// DelAddr returns ErrUnsupportedOS.
func (h *Handle) DelAddr(name string, p netip.Prefix) error { return ErrUnsupportedOS }

// FlushAddrs returns ErrUnsupportedOS.
func (h *Handle) FlushAddrs(name string) error { return ErrUnsupportedOS }

// AddDefaultRoute returns ErrUnsupportedOS.
func (h *Handle) AddDefaultRoute(name string, gw netip.Addr) error { return ErrUnsupportedOS }

// SetUp returns ErrUnsupportedOS.
func (h *Handle) SetUp(name string, up bool) error { return ErrUnsupportedOS }

// Delete returns ErrUnsupportedOS.
func (h *Handle) Delete(name string) error { return ErrUnsupportedOS }

// SetSysctl returns ErrUnsupportedOS.
func (h *Handle) SetSysctl(key, value string) error { return ErrUnsupportedOS }

// Sysctl returns ErrUnsupportedOS.
func (h *Handle) Sysctl(key string) (string, error) { return "", ErrUnsupportedOS }

// CreateMacvtap returns ErrUnsupportedOS.
func (h *Handle) CreateMacvtap(name, parent, mode, mac string) error { return ErrUnsupportedOS }

// SetEgressRate returns ErrUnsupportedOS.
func (h *Handle) SetEgressRate(name string, r Rate) error { return ErrUnsupportedOS }

// SetIngressRate returns ErrUnsupportedOS.
func (h *Handle) SetIngressRate(name string, r Rate) error { return ErrUnsupportedOS }

// ClearRates returns ErrUnsupportedOS.
func (h *Handle) ClearRates(name string) error { return ErrUnsupportedOS }

// SupportsPolice returns ErrUnsupportedOS.
func (h *Handle) SupportsPolice() error { return ErrUnsupportedOS }
