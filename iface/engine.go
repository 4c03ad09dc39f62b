package iface

import (
	"errors"
	"fmt"
	"net/netip"
	"os/exec"
	"strconv"
	"strings"
	"syscall"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/internal/kernel"
)

// Engine brings an interface up and down from its XML: the netlink
// engine applies the XML to the kernel itself, the ifupdown engine runs
// the distribution's ifup and ifdown, which read the files.
type Engine interface {
	Name() string
	Start(c *Conn, m *ifxml.Interface) error
	Stop(c *Conn, m *ifxml.Interface) error
}

// newEngine picks the engine the options name.
func newEngine(opts Options) (Engine, error) {
	switch opts.Engine {
	case "netlink":
		return netlinkEngine{}, nil
	case "ifupdown":
		return newIfupdown(), nil
	case "":
		realRoot := opts.Fs == nil && (opts.Root == "" || opts.Root == "/")
		if _, err := exec.LookPath("ifup"); err == nil && realRoot {
			return newIfupdown(), nil
		}
		return netlinkEngine{}, nil
	}
	return nil, fmt.Errorf("no engine %q (there are: netlink, ifupdown)", opts.Engine)
}

// Engine returns the name of the engine in use.
func (c *Conn) Engine() string { return c.engine.Name() }

// Start brings the interface up ("ifup", libvirt's virInterfaceCreate)
// from its configuration; a transient interface from what the kernel has.
func (i *Interface) Start() error {
	m, err := i.c.model(i.name)
	if err != nil {
		return err
	}
	return i.c.activation(i.c.engine, "start", m, i.c.engine.Start)
}

// Stop brings the interface down ("ifdown", virInterfaceDestroy): its
// addresses go, and the devices its start made (bridge, bond, vlan)
// are removed. A transient interface goes away.
func (i *Interface) Stop() error {
	m, err := i.c.model(i.name)
	eng := i.c.engine
	if errors.Is(err, ErrNoInterface) {
		// transient: what the kernel has, through netlink
		if m, err = i.c.liveModel(i.name); err != nil {
			return err
		}
		eng = netlinkEngine{}
	} else if err != nil {
		return err
	}
	return i.c.activation(eng, "stop", m, eng.Stop)
}

// activation runs one engine step, as an *ActivationError when it fails.
func (c *Conn) activation(eng Engine, op string, m *ifxml.Interface, f func(*Conn, *ifxml.Interface) error) error {
	err := f(c, m)
	if err == nil {
		return nil
	}
	var ae *ActivationError
	if errors.As(err, &ae) {
		return err
	}
	return &ActivationError{Engine: eng.Name(), Interface: m.Name, Op: op, Err: err}
}

// netlinkEngine applies the XML to the kernel through netlink: it
// creates the bridge, bond or vlan, enslaves ports and slaves, sets MAC
// and MTU, brings the devices up, then adds the static addresses and the
// default routes (the kernel wants a device up, with an address in the
// gateway's subnet, before a route). It runs no DHCP client: dhcp and
// autoconf are the kernel's and the network's business once the device
// is up.
type netlinkEngine struct{}

func (netlinkEngine) Name() string { return "netlink" }

// guard refuses to apply another system's files (a root other than
// /) to this system's own network namespace: the netlink engine acts
// on such a root only inside a namespace named by Options.NetNS.
func (c *Conn) guard() error {
	if !c.realRoot && c.netns == "" {
		return fmt.Errorf("%w: the root is not /, so its interfaces are not this system's: name a network namespace to start or stop them in (Options.NetNS, --netns)", ErrInvalidState)
	}
	return nil
}

func (e netlinkEngine) Start(c *Conn, m *ifxml.Interface) error {
	if err := c.guard(); err != nil {
		return err
	}
	h, err := c.kernel()
	if err != nil {
		return err
	}
	var made []string
	if err := e.device(h, m, &made); err != nil {
		for k := len(made) - 1; k >= 0; k-- {
			_ = h.Delete(made[k])
		}
		return err
	}
	if m.MTU != nil {
		if err := h.SetMTU(m.Name, int(*m.MTU)); err != nil {
			return err
		}
	}
	if err := h.SetUp(m.Name, true); err != nil {
		return err
	}
	for _, p := range prefixes(m) {
		if err := h.AddAddr(m.Name, p); err != nil {
			return err
		}
	}
	for _, gw := range gateways(m) {
		if err := h.AddDefaultRoute(m.Name, gw); err != nil {
			return err
		}
	}
	return nil
}

// device makes sure m's device exists, with its ports or slaves
// enslaved and up; made collects the devices it created.
func (e netlinkEngine) device(h *kernel.Handle, m *ifxml.Interface, made *[]string) error {
	_, err := h.Link(m.Name)
	exists := err == nil
	if err != nil && !errors.Is(err, kernel.ErrNoLink) {
		return err
	}
	switch m.Type {
	case ifxml.TypeEthernet:
		if !exists {
			return fmt.Errorf("no device %s (an ethernet interface is a device the kernel has)", m.Name)
		}
		if m.MAC != "" {
			if err := h.SetMAC(m.Name, strings.ToLower(m.MAC)); err != nil {
				return err
			}
		}
	case ifxml.TypeBridge:
		if !exists {
			var delay *float64
			if m.Bridge.Delay != "" {
				d, err := strconv.ParseFloat(m.Bridge.Delay, 64)
				if err != nil {
					return err
				}
				delay = &d
			}
			if err := h.CreateBridge(m.Name, m.Bridge.STP, delay); err != nil {
				return err
			}
			*made = append(*made, m.Name)
		}
		for _, p := range m.Bridge.Ports {
			if err := e.device(h, p, made); err != nil {
				return err
			}
			if err := h.SetMaster(p.Name, m.Name); err != nil {
				return err
			}
			if err := h.SetUp(p.Name, true); err != nil {
				return err
			}
		}
	case ifxml.TypeBond:
		if !exists {
			if err := h.CreateBond(m.Name, bondSpec(m.Bond)); err != nil {
				return err
			}
			*made = append(*made, m.Name)
		}
		for _, s := range m.Bond.Slaves {
			if err := e.device(h, s, made); err != nil {
				return err
			}
			if err := h.SetUp(s.Name, false); err != nil { // the kernel enslaves only down devices
				return err
			}
			if err := h.SetMaster(s.Name, m.Name); err != nil {
				return err
			}
		}
	case ifxml.TypeVLAN:
		if !exists {
			if _, err := h.Link(m.VLAN.Device); err != nil {
				return err
			}
			if err := h.CreateVLAN(m.Name, m.VLAN.Device, int(m.VLAN.Tag)); err != nil {
				return err
			}
			*made = append(*made, m.Name)
		}
		if err := h.SetUp(m.VLAN.Device, true); err != nil {
			return err
		}
	}
	return nil
}

func bondSpec(b *ifxml.Bond) kernel.BondSpec {
	var s kernel.BondSpec
	if b.Mode != ifxml.BondModeUnset {
		s.Mode = b.Mode.String()
	}
	if mm := b.MIIMon; mm != nil {
		s.MIIMon = int(mm.Freq)
		if mm.UpDelay != nil {
			s.UpDelay = int(*mm.UpDelay)
		}
		if mm.DownDelay != nil {
			s.DownDelay = int(*mm.DownDelay)
		}
		if mm.Carrier != ifxml.CarrierUnset {
			netif := mm.Carrier == ifxml.CarrierNetif
			s.UseCarrier = &netif
		}
	}
	if am := b.ARPMon; am != nil {
		s.ARPInterval = int(am.Interval)
		s.ARPTargets = []netip.Addr{am.Target}
		if am.Validate != ifxml.ValidateUnset {
			s.ARPValidate = am.Validate.String()
		}
	}
	return s
}

// prefixes are the static addresses of m with their prefixes: an IPv4
// address without one takes its class's (as initscripts' ipcalc
// does), an IPv6 one /64.
func prefixes(m *ifxml.Interface) []netip.Prefix {
	var out []netip.Prefix
	add := func(as []ifxml.Address) {
		for _, a := range as {
			bits := 64
			if a.Addr.Is4() {
				switch b := a.Addr.As4()[0]; {
				case b < 128:
					bits = 8
				case b < 192:
					bits = 16
				default:
					bits = 24
				}
			}
			if a.Prefix != nil {
				bits = int(*a.Prefix)
			}
			out = append(out, netip.PrefixFrom(a.Addr, bits))
		}
	}
	if m.IPv4 != nil {
		add(m.IPv4.Addresses)
	}
	if m.IPv6 != nil {
		add(m.IPv6.Addresses)
	}
	return out
}

func gateways(m *ifxml.Interface) []netip.Addr {
	var out []netip.Addr
	if m.IPv4 != nil && m.IPv4.Gateway.IsValid() {
		out = append(out, m.IPv4.Gateway)
	}
	if m.IPv6 != nil && m.IPv6.Gateway.IsValid() {
		out = append(out, m.IPv6.Gateway)
	}
	return out
}

func (e netlinkEngine) Stop(c *Conn, m *ifxml.Interface) error {
	if err := c.guard(); err != nil {
		return err
	}
	h, err := c.kernel()
	if err != nil {
		return err
	}
	if _, err := h.Link(m.Name); errors.Is(err, kernel.ErrNoLink) {
		return nil // down already
	}
	for _, p := range prefixes(m) {
		if err := h.DelAddr(m.Name, p); err != nil && !errors.Is(err, kernel.ErrNoLink) && !gone(err) {
			return err
		}
	}
	return e.down(h, m)
}

// gone reports an address that was not there to remove.
func gone(err error) bool {
	return errors.Is(err, syscall.EADDRNOTAVAIL) || errors.Is(err, syscall.ENODEV)
}

// down takes m's device down, releases its ports or slaves (taking
// those it made down too) and removes the devices start makes.
func (e netlinkEngine) down(h *kernel.Handle, m *ifxml.Interface) error {
	if err := h.SetUp(m.Name, false); err != nil && !errors.Is(err, kernel.ErrNoLink) {
		return err
	}
	var kids []*ifxml.Interface
	switch {
	case m.Bridge != nil:
		kids = m.Bridge.Ports
	case m.Bond != nil:
		kids = m.Bond.Slaves
	}
	for _, k := range kids {
		if err := h.SetMaster(k.Name, ""); err != nil && !errors.Is(err, kernel.ErrNoLink) {
			return err
		}
		if err := e.down(h, k); err != nil {
			return err
		}
	}
	if m.Type != ifxml.TypeEthernet {
		if err := h.Delete(m.Name); err != nil && !errors.Is(err, kernel.ErrNoLink) {
			return err
		}
	}
	return nil
}

// ifupdownEngine runs the distribution's ifup and ifdown (inside the
// Conn's network namespace with `ip netns exec` when it names one). As
// netcf did, a bridge's ports are brought up before it and down after
// it on RHEL, whose ifup-eth does not do it.
type ifupdownEngine struct{ up, down string }

func newIfupdown() ifupdownEngine { return ifupdownEngine{up: "ifup", down: "ifdown"} }

func (ifupdownEngine) Name() string { return "ifupdown" }

func (e ifupdownEngine) run(c *Conn, op, tool, name string) error {
	args := []string{tool}
	if c.backend == "debian" && !c.realRoot && c.rootDir != "" {
		// Debian's ifup reads another root's interfaces file, with
		// its state kept there too
		args = append(args, "-i", c.rootDir+"/etc/network/interfaces", "--state-dir", c.rootDir+"/run/network")
	}
	args = append(args, name)
	if c.netns != "" {
		args = append([]string{"ip", "netns", "exec", c.netns}, args...)
	}
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		return &ActivationError{Engine: "ifupdown", Interface: name, Op: op, Output: string(out), Err: fmt.Errorf("%s: %w", strings.Join(args, " "), err)}
	}
	return nil
}

func (e ifupdownEngine) Start(c *Conn, m *ifxml.Interface) error {
	if c.backend == "initscripts" && m.Bridge != nil {
		for _, p := range m.Bridge.Ports {
			if err := e.run(c, "start", e.up, p.Name); err != nil {
				return err
			}
		}
	}
	return e.run(c, "start", e.up, m.Name)
}

func (e ifupdownEngine) Stop(c *Conn, m *ifxml.Interface) error {
	if err := e.run(c, "stop", e.down, m.Name); err != nil {
		return err
	}
	if c.backend == "initscripts" && m.Bridge != nil {
		for _, p := range m.Bridge.Ports {
			if err := e.run(c, "stop", e.down, p.Name); err != nil {
				return err
			}
		}
	}
	return nil
}
