package vnet

import (
	"fmt"
	"path"
	"strings"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/spf13/afero"
)

// Activator starts and stops networks. Start records what it makes in
// the network's run directory as it goes, so that Stop, in any process,
// undoes exactly that, also after a start that failed or was cut short.
type Activator interface {
	// Name says which activator it is ("kernel", "record").
	Name() string
	Start(n *netxml.Network, run RunDir) error
	Stop(n *netxml.Network, run RunDir) error
	// Update applies a changed definition to a running network without
	// restarting it (DHCP hosts and ranges, DNS hosts).
	Update(n *netxml.Network, run RunDir) error
	Close() error
}

// RunDir is a network's run directory: Dir inside Fs, HostDir the same
// directory on the host's disk ("" when Fs is not the disk), for the
// files programs such as dnsmasq read.
type RunDir struct {
	Fs      afero.Fs
	Dir     string
	HostDir string
}

// File is a file of the run directory, inside Fs.
func (r RunDir) File(name string) string { return path.Join(r.Dir, name) }

// HostFile is a file of the run directory on the host's disk.
func (r RunDir) HostFile(name string) string { return path.Join(r.HostDir, name) }

// Recorder is an Activator that changes nothing: it writes what it
// would do to the run directory's "recorded" file (and keeps it in
// Steps), for tests and dry runs.
type Recorder struct {
	Steps []string
}

// Name implements Activator.
func (r *Recorder) Name() string { return "record" }

func (r *Recorder) record(run RunDir, step string) error {
	r.Steps = append(r.Steps, step)
	if err := run.Fs.MkdirAll(run.Dir, 0o700); err != nil {
		return err
	}
	old, _ := afero.ReadFile(run.Fs, run.File("recorded"))
	return afero.WriteFile(run.Fs, run.File("recorded"), append(old, step+"\n"...), 0o600)
}

// Start implements Activator.
func (r *Recorder) Start(n *netxml.Network, run RunDir) error {
	return r.record(run, "start "+describe(n))
}

// Stop implements Activator.
func (r *Recorder) Stop(n *netxml.Network, run RunDir) error {
	return r.record(run, "stop "+n.Name)
}

// Update implements Activator.
func (r *Recorder) Update(n *netxml.Network, run RunDir) error {
	return r.record(run, "update "+describe(n))
}

// Close implements Activator.
func (r *Recorder) Close() error { return nil }

// describe says what starting a network makes.
func describe(n *netxml.Network) string {
	var parts []string
	mode := "isolated"
	if n.Forward != nil {
		mode = n.Forward.Mode.String()
	}
	parts = append(parts, n.Name, mode)
	if owns(n) && n.Bridge != nil {
		parts = append(parts, "bridge="+n.Bridge.Name)
	}
	for _, ip := range n.IPs {
		if p, ok := ip.Subnet(); ok {
			parts = append(parts, fmt.Sprintf("ip=%s/%d", ip.Address, p.Bits()))
		}
	}
	return strings.Join(parts, " ")
}

// owns reports whether the network has a bridge of its own (nat, route,
// open, isolated).
func owns(n *netxml.Network) bool {
	return n.Forward == nil || n.Forward.Mode.OwnsBridge()
}
