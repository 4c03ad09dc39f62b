package vnet

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/netip"
	"os"

	"github.com/lensnet/lensnet/internal/dnsmasq"
	"github.com/lensnet/lensnet/internal/files"
	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/nft"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/spf13/afero"
)

// kernelActivator is the real Activator: netlink for the bridge,
// nftables for the firewall, dnsmasq for DHCP and DNS, in one network
// namespace.
type kernelActivator struct {
	netns string
	h     *kernel.Handle // opened on first use
}

func newKernelActivator(netns string) (*kernelActivator, error) {
	return &kernelActivator{netns: netns}, nil
}

func (a *kernelActivator) Name() string { return "kernel" }

func (a *kernelActivator) handle() (*kernel.Handle, error) {
	if a.h == nil {
		h, err := kernel.Open(a.netns)
		if err != nil {
			return nil, err
		}
		a.h = h
	}
	return a.h, nil
}

func (a *kernelActivator) Close() error {
	if a.h != nil {
		err := a.h.Close()
		a.h = nil
		return err
	}
	return nil
}

// made is what a start made, kept in the run directory ("made.json")
// as it goes, for the stop that undoes it.
type made struct {
	Bridge  string `json:"bridge,omitempty"`  // created by the network
	Table   string `json:"table,omitempty"`   // nftables table (inet)
	Dnsmasq bool   `json:"dnsmasq,omitempty"` // started
}

func readMade(run RunDir) made {
	var m made
	if b, err := afero.ReadFile(run.Fs, run.File("made.json")); err == nil {
		_ = json.Unmarshal(b, &m)
	}
	return m
}

func writeMade(run RunDir, m made) error {
	b, _ := json.Marshal(m)
	return files.WriteFile(run.Fs, run.File("made.json"), string(b), files.Overwrite)
}

func (a *kernelActivator) Start(n *netxml.Network, run RunDir) error {
	h, err := a.handle()
	if err != nil {
		return err
	}
	var m made
	mode := "isolated"
	if n.Forward != nil {
		mode = n.Forward.Mode.String()
	}
	switch {
	case owns(n):
		br := n.Bridge.Name
		var delay *float64
		if n.Bridge.Delay != nil {
			d := float64(*n.Bridge.Delay)
			delay = &d
		}
		if err := h.CreateBridge(br, n.Bridge.STP, delay); err != nil {
			return fmt.Errorf("network %s: %w", n.Name, err)
		}
		m.Bridge = br
		if err := writeMade(run, m); err != nil {
			return err
		}
		if n.MAC != "" {
			if err := h.SetMAC(br, n.MAC); err != nil {
				return err
			}
		}
		if n.MTU != nil {
			if err := h.SetMTU(br, int(*n.MTU)); err != nil {
				return err
			}
		}
		if err := h.SetUp(br, true); err != nil {
			return err
		}
		for _, ip := range n.IPs {
			p, ok := ip.Subnet()
			if !ok {
				continue
			}
			if err := h.AddAddr(br, netip.PrefixFrom(ip.Address, p.Bits())); err != nil {
				return err
			}
		}
	case mode == "bridge" && n.Bridge != nil && n.Bridge.Name != "":
		if _, err := h.Link(n.Bridge.Name); err != nil {
			return fmt.Errorf("network %s: the host bridge %s it connects to: %w", n.Name, n.Bridge.Name, err)
		}
		return nil
	default:
		return nil // macvtap and hostdev pools: nothing on the host until ports come
	}
	if table, script := firewallScript(n); table != "" {
		m.Table = table
		if err := writeMade(run, m); err != nil {
			return err
		}
		if err := nft.Apply(a.netns, script); err != nil {
			return fmt.Errorf("network %s: firewall: %w", n.Name, err)
		}
	}
	if mode == "nat" || mode == "route" {
		for _, ip := range n.IPs {
			key := "net.ipv4.ip_forward"
			if ip.Address.Is6() {
				key = "net.ipv6.conf.all.forwarding"
			}
			if err := h.SetSysctl(key, "1"); err != nil {
				return fmt.Errorf("network %s: forwarding: %w", n.Name, err)
			}
		}
	}
	if needsDnsmasq(n) {
		if err := a.writeDnsmasq(n, run); err != nil {
			return err
		}
		m.Dnsmasq = true
		if err := writeMade(run, m); err != nil {
			return err
		}
		f := filesIn(run)
		if _, err := dnsmasq.Start(dnsmasq.Options{NetNS: a.netns, ConfFile: f.Conf, PidFile: f.Pid}); err != nil {
			return fmt.Errorf("network %s: %w", n.Name, err)
		}
	}
	return nil
}

// writeDnsmasq writes the configuration and hosts files; dnsmasq reads
// the hosts files after dropping root, so they are readable by all.
func (a *kernelActivator) writeDnsmasq(n *netxml.Network, run RunDir) error {
	if run.HostDir == "" {
		return fmt.Errorf("network %s: dnsmasq needs its files on disk", n.Name)
	}
	f := filesIn(run)
	conf, hosts, addn, err := dnsmasqConfig(n, f)
	if err != nil {
		return err
	}
	if err := run.Fs.Chmod(run.Dir, 0o755); err != nil {
		return err
	}
	for name, text := range map[string]string{"dnsmasq.conf": conf, "dnsmasq.hostsfile": hosts, "dnsmasq.addnhosts": addn} {
		if err := files.WriteFile(run.Fs, run.File(name), text, files.Overwrite); err != nil {
			return err
		}
		if err := run.Fs.Chmod(run.File(name), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (a *kernelActivator) Stop(n *netxml.Network, run RunDir) error {
	m := readMade(run)
	var errs []error
	if m.Dnsmasq {
		f := filesIn(run)
		if err := (dnsmasq.Options{NetNS: a.netns, ConfFile: f.Conf, PidFile: f.Pid}).Stop(); err != nil {
			errs = append(errs, err)
		}
	}
	if m.Table != "" {
		if err := nft.DeleteTable(a.netns, tableFamily, m.Table); err != nil {
			errs = append(errs, err)
		}
	}
	if m.Bridge != "" {
		h, err := a.handle()
		if err == nil {
			err = h.Delete(m.Bridge)
		}
		if err != nil && !errors.Is(err, kernel.ErrNoLink) {
			errs = append(errs, err)
		}
	}
	if err := run.Fs.Remove(run.File("made.json")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Update rewrites dnsmasq's files for a changed running network: hosts
// changes are taken by a reload (SIGHUP), a changed configuration (the
// ranges) by restarting dnsmasq alone; the bridge and firewall stay.
func (a *kernelActivator) Update(n *netxml.Network, run RunDir) error {
	if !needsDnsmasq(n) || !readMade(run).Dnsmasq {
		return nil
	}
	f := filesIn(run)
	old, _ := os.ReadFile(f.Conf)
	if err := a.writeDnsmasq(n, run); err != nil {
		return err
	}
	o := dnsmasq.Options{NetNS: a.netns, ConfFile: f.Conf, PidFile: f.Pid}
	now, _ := os.ReadFile(f.Conf)
	if string(old) == string(now) {
		return o.Reload()
	}
	if err := o.Stop(); err != nil {
		return err
	}
	_, err := dnsmasq.Start(o)
	return err
}
