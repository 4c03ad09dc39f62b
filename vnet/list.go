package vnet

import (
	"fmt"

	"github.com/lensnet/lensnet/internal/dnsmasq"
	"github.com/lensnet/lensnet/vnet/netxml"
)

// ListFlags select networks as libvirt's virConnectListAllNetworks
// flags do; within each pair, none set means both.
type ListFlags uint

const (
	ListInactive    ListFlags = 1
	ListActive      ListFlags = 2
	ListPersistent  ListFlags = 4
	ListTransient   ListFlags = 8
	ListAutostart   ListFlags = 16
	ListNoAutostart ListFlags = 32
)

func (f ListFlags) pick(yes, no ListFlags, v bool) bool {
	if f&(yes|no) == 0 {
		return true
	}
	return v && f&yes != 0 || !v && f&no != 0
}

// List returns the networks the flags select, sorted by name.
func (c *Conn) List(flags ListFlags) ([]*Network, error) {
	es, err := c.entries()
	if err != nil {
		return nil, err
	}
	var out []*Network
	for _, e := range es {
		if flags.pick(ListActive, ListInactive, e.live != nil) &&
			flags.pick(ListPersistent, ListTransient, e.config != nil) &&
			flags.pick(ListAutostart, ListNoAutostart, e.autostart) {
			out = append(out, &Network{c: c, name: e.name})
		}
	}
	return out, nil
}

// UpdateFlags say which definition an update changes.
type UpdateFlags uint

const (
	// UpdateLive changes the running network (its dnsmasq: DHCP hosts
	// and ranges, DNS hosts) without restarting it.
	UpdateLive UpdateFlags = 1
	// UpdateConfig changes the stored configuration.
	UpdateConfig UpdateFlags = 2
)

// Update changes one section of the network as virsh net-update does
// (section ip-dhcp-host, ip-dhcp-range, dns-host, dns-txt, dns-srv,
// forward-interface, portgroup; command add-first, add-last, add,
// modify, delete; parentIndex picks the <ip>, -1 the one with DHCP).
// With no flag it changes the running network when active, else the
// configuration.
func (n *Network) Update(section, command string, parentIndex int, fragment []byte, flags UpdateFlags) error {
	c := n.c
	return c.changing(func() error {
		e, err := c.entry(n.name)
		if err != nil {
			return err
		}
		if flags == 0 {
			flags = UpdateConfig
			if e.live != nil {
				flags = UpdateLive
			}
		}
		if flags&UpdateLive != 0 && e.live == nil {
			return fmt.Errorf("%w: network %s is not active", ErrInvalidState, n.name)
		}
		if flags&UpdateConfig != 0 && e.config == nil {
			return fmt.Errorf("%w: network %s is transient", ErrInvalidState, n.name)
		}
		var live, config *netxml.Network
		if flags&UpdateLive != 0 {
			live = copyNet(e.live)
			if err := live.Update(section, command, parentIndex, fragment); err != nil {
				return err
			}
		}
		if flags&UpdateConfig != 0 {
			config = copyNet(e.config)
			if err := config.Update(section, command, parentIndex, fragment); err != nil {
				return err
			}
		}
		if live != nil {
			if err := c.act.Update(live, c.runDirOf(n.name)); err != nil {
				return err
			}
			if err := c.writeXML(c.liveFile(n.name), live, false); err != nil {
				return err
			}
		}
		if config != nil {
			return c.writeXML(c.configFile(n.name), config, true)
		}
		return nil
	})
}

// copyNet copies a definition through its XML.
func copyNet(n *netxml.Network) *netxml.Network {
	b, err := n.Marshal()
	if err != nil {
		return n
	}
	m, err := netxml.Parse(b, n.Name)
	if err != nil {
		return n
	}
	return m
}

// Lease is one DHCP lease of a running network.
type Lease = dnsmasq.Lease

// Leases returns the DHCP leases of a running network's dnsmasq.
func (n *Network) Leases() ([]Lease, error) {
	e, err := n.c.entry(n.name)
	if err != nil {
		return nil, err
	}
	if e.live == nil {
		return nil, fmt.Errorf("%w: network %s is not active", ErrInvalidState, n.name)
	}
	run := n.c.runDirOf(n.name)
	if run.HostDir == "" {
		return nil, nil
	}
	return dnsmasq.Leases(filesIn(run).Leases)
}

// StartAutostart starts every persistent network marked autostart that
// is not running (for a boot unit), and returns their names; a network
// that fails is skipped and its error joined.
func (c *Conn) StartAutostart() ([]string, error) {
	es, err := c.entries()
	if err != nil {
		return nil, err
	}
	var started []string
	var errs []error
	for _, e := range es {
		if !e.autostart || e.live != nil {
			continue
		}
		if err := (&Network{c: c, name: e.name}).Start(); err != nil {
			errs = append(errs, err)
			continue
		}
		started = append(started, e.name)
	}
	if len(errs) > 0 {
		return started, fmt.Errorf("autostart: %w", joinErrs(errs))
	}
	return started, nil
}
