package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	_ "github.com/lensnet/lensnet/backends/debian"      // the Debian regime
	_ "github.com/lensnet/lensnet/backends/initscripts" // the RHEL regime
	"github.com/lensnet/lensnet/iface"
	"github.com/lensnet/lensnet/iface/ifxml"
)

// lensnet iface: the host-interface API (package iface) as virsh's
// iface-* commands and ncftool have it.

var subIface = subcommand{
	Name:     "iface",
	Synopsis: ifaceSynopsis,
	Short:    "manage host interfaces as virsh iface-* does: list, define, start, stop, transactions, bridges",
	Usage:    func() string { return ifaceFamily.usage() },
	Run:      runIface,
}

const ifaceSynopsis = "iface [OPTIONS] COMMAND ARGS..."

// nameOrMAC is the usage of an argument that names an interface.
const nameOrMAC = "NAME|MAC"

var ifaceFamily = family[*ifaceRun]{
	Name:     "iface",
	Synopsis: ifaceSynopsis,
	Doc: `Manage the host's network interfaces through their configuration files
(RHEL's ifcfg files, Debian's /etc/network/interfaces) in libvirt's
interface XML, as virsh's iface-* commands and netcf's ncftool do. An
interface argument is a name or, where the MAC belongs to one interface
only, a MAC address. Results look like virsh's; with --json each is one
JSON document on standard output. A failure is one line on standard
error, "lensnet: MESSAGE", with status 1 (2 for usage errors, in --json
mode too), and changes nothing. 'lensnet iface COMMAND --help'
describes a command.
`,
	VerbOptions: true,
	Verbs: []verb[*ifaceRun]{
		{Name: "list", MaxArgs: 0, Usage: "list [--all|--inactive] [--transient]", Run: (*ifaceRun).list,
			Short: "list the active interfaces, sorted by name, with their state and MAC",
			Options: []verbOption{
				{Name: "all", Usage: "active and inactive interfaces"},
				{Name: "inactive", Usage: "inactive interfaces only"},
				{Name: "transient", Usage: "add the interfaces the kernel has but no file defines"},
			}},
		{Name: "dumpxml", MinArgs: 1, MaxArgs: 1, Usage: "dumpxml [--inactive] " + nameOrMAC, Run: (*ifaceRun).dumpxml,
			Short: "print an interface's XML: what the kernel has when it is active, else its configuration",
			Options: []verbOption{
				{Name: "inactive", Usage: "the configuration (the next start's), even when active"},
				{Name: "live", Usage: "what the kernel has when active (the default; ncftool's option)"},
			}},
		{Name: "define", MinArgs: 1, MaxArgs: 1, Usage: "define FILE", Run: (*ifaceRun).define,
			Short: "define an interface from an XML file (- for standard input), or change its definition"},
		{Name: "create", MinArgs: 1, MaxArgs: 1, Usage: "create FILE", Run: (*ifaceRun).create,
			Short: "bring up a transient interface from an XML file (- for standard input) without writing any configuration"},
		{Name: "undefine", MinArgs: 1, MaxArgs: 1, Usage: "undefine " + nameOrMAC, Run: (*ifaceRun).undefine,
			Short: "remove an interface's configuration"},
		{Name: "start", Aliases: []string{"ifup"}, MinArgs: 1, MaxArgs: 1, Usage: "start " + nameOrMAC, Run: (*ifaceRun).start,
			Short: "bring an interface up from its configuration"},
		{Name: "stop", Aliases: []string{"destroy", "ifdown"}, MinArgs: 1, MaxArgs: 1, Usage: "stop " + nameOrMAC, Run: (*ifaceRun).stop,
			Short: "bring an interface down; a transient one goes away"},
		{Name: "mac", MinArgs: 1, MaxArgs: 1, Usage: "mac NAME", Run: (*ifaceRun).mac,
			Short: "print an interface's MAC address"},
		{Name: "name", MinArgs: 1, MaxArgs: 1, Usage: "name MAC", Run: (*ifaceRun).name,
			Short: "print the name of the interface with that MAC address"},
		{Name: "stats", MinArgs: 1, MaxArgs: 1, Usage: "stats " + nameOrMAC, Run: (*ifaceRun).stats,
			Short: "print an interface's traffic counters as virsh domifstat does"},
		{Name: "edit", MinArgs: 1, MaxArgs: 1, Usage: "edit " + nameOrMAC, Run: (*ifaceRun).edit,
			Short: "edit an interface's configuration XML with $VISUAL, else $EDITOR, else vi, and define the result if it changed"},
		{Name: "begin", MaxArgs: 0, Usage: "begin", Run: (*ifaceRun).begin,
			Short: "start a configuration change transaction: snapshot every file the backend manages"},
		{Name: "commit", MaxArgs: 0, Usage: "commit", Run: (*ifaceRun).commit,
			Short: "keep the changes made since begin and end the transaction"},
		{Name: "rollback", MaxArgs: 0, Usage: "rollback", Run: (*ifaceRun).rollback,
			Short: "put every file back as it was at begin and end the transaction"},
		{Name: "bridge", MinArgs: 2, MaxArgs: 2, Usage: "bridge IFACE BRIDGE [--no-stp] [--delay N] [--no-start]", Run: (*ifaceRun).bridge,
			Short: "put a new bridge BRIDGE over the interface IFACE, moving its IP configuration to the bridge, and start the bridge",
			Options: []verbOption{
				{Name: "no-stp", Usage: "turn STP off (it is on by default; the delay is then dropped)"},
				{Name: "delay", Value: "N", Usage: "the forward delay in seconds (default 0)"},
				{Name: "no-start", Usage: "define the bridge only"},
			}},
		{Name: "unbridge", MinArgs: 1, MaxArgs: 1, Usage: "unbridge BRIDGE [--no-start]", Run: (*ifaceRun).unbridge,
			Short: "stop and remove a bridge with one interface attached, moving its IP configuration back to the interface, and start the interface",
			Options: []verbOption{
				{Name: "no-start", Usage: "leave the interface down"},
			}},
	},
	Options: `  -r, --root DIR          the file system root (default /)
      --backend NAME      the configuration regime: initscripts or debian
                          (default: found from the files present)
      --engine NAME       what brings interfaces up and down: netlink, or
                          ifupdown (the distribution's ifup and ifdown);
                          default ifupdown where ifup is on PATH and the
                          root is /, else netlink
      --netns NAME        work on the network namespace NAME (as ip netns
                          names them) instead of the process's own
      --json              print each result as one JSON document
  -h, --help              print this text
`,
}

// ifaceRun is what the iface verbs run on: the family's options, the
// standard streams, and the root, opened on first use.
type ifaceRun struct {
	verbIO
	opts iface.Options
	c    *iface.Conn
}

// runIface is "lensnet iface [OPTIONS] VERB ARGS...".
func runIface(_ config, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	x := &ifaceRun{verbIO: verbIO{family: "iface", stdin: stdin, stdout: stdout, stderr: stderr}}
	fs := flag.NewFlagSet("lensnet iface", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&x.opts.Root, "root", "", "")
	fs.StringVar(&x.opts.Root, "r", "", "")
	fs.StringVar(&x.opts.Backend, "backend", "", "")
	fs.StringVar(&x.opts.Engine, "engine", "", "")
	fs.StringVar(&x.opts.NetNS, "netns", "", "")
	fs.BoolVar(&x.json, "json", false, "")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, ifaceFamily.usage())
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "lensnet: iface: %v; 'lensnet help iface' lists the options\n", err)
		return 2
	}
	defer func() {
		if x.c != nil {
			x.c.Close()
		}
	}()
	return ifaceFamily.run(x, fs.Args(), stdout, stderr)
}

// conn opens the root on first use.
func (x *ifaceRun) conn() (*iface.Conn, error) {
	if x.c == nil {
		c, err := iface.Open(x.opts)
		if err != nil {
			return nil, err
		}
		x.c = c
	}
	return x.c, nil
}

// The JSON results. Their field names are part of lensnet's interface.
type (
	// ifaceJSON is one interface of list.
	ifaceJSON struct {
		Name      string `json:"name"`
		State     string `json:"state"` // "active" or "inactive"
		MAC       string `json:"mac"`   // "" when none is known
		Transient bool   `json:"transient"`
	}
	// statusJSON is what define, create, undefine, start, stop and
	// edit did to an interface: Status is "defined", "created",
	// "undefined", "started", "destroyed", "edited" or "unchanged".
	statusJSON struct {
		Name   string `json:"name"`
		Status string `json:"status"`
		File   string `json:"file,omitempty"` // define and create: the XML's file
	}
	// xmlJSON is dumpxml's result.
	xmlJSON struct {
		Name string `json:"name"`
		XML  string `json:"xml"`
	}
	// macJSON is mac's and name's result.
	macJSON struct {
		Name string `json:"name"`
		MAC  string `json:"mac"`
	}
	// statsJSON is stats' result.
	statsJSON struct {
		Name      string `json:"name"`
		RxBytes   uint64 `json:"rx_bytes"`
		RxPackets uint64 `json:"rx_packets"`
		RxErrors  uint64 `json:"rx_errs"`
		RxDropped uint64 `json:"rx_drop"`
		TxBytes   uint64 `json:"tx_bytes"`
		TxPackets uint64 `json:"tx_packets"`
		TxErrors  uint64 `json:"tx_errs"`
		TxDropped uint64 `json:"tx_drop"`
	}
	// transactionJSON is begin's, commit's and rollback's result:
	// Status is "started", "committed" or "rolled back"; Changed names
	// the interfaces whose configuration a rollback changed back.
	transactionJSON struct {
		Status  string   `json:"status"`
		Changed []string `json:"changed,omitempty"`
	}
	// bridgeJSON is bridge's and unbridge's result: the bridge, the
	// interface attached to it (or detached), and whether the new
	// top-level interface was started.
	bridgeJSON struct {
		Bridge    string `json:"bridge"`
		Interface string `json:"interface"`
		Started   bool   `json:"started"`
	}
)

// macPattern is what a MAC argument looks like.
var macPattern = regexp.MustCompile(`^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$`)

// lookup finds the interface an argument names: a defined interface of
// that name; else, when the argument looks like a MAC, the one defined
// interface with that MAC; else, when transient is set, a device the
// kernel has and no file defines.
func (x *ifaceRun) lookup(arg string, transient bool) (*iface.Interface, error) {
	c, err := x.conn()
	if err != nil {
		return nil, err
	}
	i, err := c.LookupByName(arg)
	if !errors.Is(err, iface.ErrNoInterface) {
		return i, err
	}
	if macPattern.MatchString(arg) {
		return c.LookupByMAC(strings.ReplaceAll(arg, "-", ":"))
	}
	if transient {
		all, lerr := c.List(iface.ListActive | iface.ListInactive | iface.ListTransient)
		if lerr != nil {
			return nil, lerr
		}
		for _, t := range all {
			if t.Name() == arg {
				return t, nil
			}
		}
	}
	return nil, err
}

func (x *ifaceRun) list(_ []string, o opts) int {
	flags := iface.ListActive
	switch {
	case o.has("all"):
		flags = iface.ListActive | iface.ListInactive
	case o.has("inactive"):
		flags = iface.ListInactive
	}
	if o.has("transient") {
		flags |= iface.ListTransient
	}
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	list, err := c.List(flags)
	if err != nil {
		return x.fail(err)
	}
	rows := [][]string{{"Name", "State", "MAC Address"}}
	out := []ifaceJSON{}
	for _, i := range list {
		up, err := i.IsActive()
		if err != nil {
			return x.fail(err)
		}
		state := "inactive"
		if up {
			state = "active"
		}
		mac, _ := i.MAC() // a file that does not parse has none: list it all the same
		rows = append(rows, []string{i.Name(), state, mac})
		out = append(out, ifaceJSON{Name: i.Name(), State: state, MAC: mac, Transient: i.IsTransient()})
	}
	return x.print(table(rows), out)
}

// table lays rows out as virsh's tables are (vshTable): the first row
// a header, underlined with dashes; each cell after one space, columns
// two spaces apart, the last column not padded.
func table(rows [][]string) string {
	width := make([]int, len(rows[0]))
	for _, r := range rows {
		for j, cell := range r {
			width[j] = max(width[j], len(cell))
		}
	}
	var b strings.Builder
	line := func(r []string) {
		for j, cell := range r {
			b.WriteString(" " + cell)
			if j < len(r)-1 {
				b.WriteString(strings.Repeat(" ", width[j]-len(cell)+2))
			}
		}
		b.WriteString("\n")
	}
	line(rows[0])
	for _, w := range width {
		b.WriteString(strings.Repeat("-", w+3))
	}
	b.WriteString("\n")
	for _, r := range rows[1:] {
		line(r)
	}
	return b.String()
}

func (x *ifaceRun) dumpxml(args []string, o opts) int {
	if o.has("inactive") && o.has("live") {
		return x.usageErr("dumpxml", "--inactive and --live exclude each other")
	}
	i, err := x.lookup(args[0], true)
	if err != nil {
		return x.fail(err)
	}
	var flags iface.XMLFlags
	if o.has("inactive") {
		flags = iface.XMLInactive
	}
	b, err := i.XMLDesc(flags)
	if err != nil {
		return x.fail(err)
	}
	return x.print(string(b), xmlJSON{Name: i.Name(), XML: string(b)})
}

func (x *ifaceRun) define(args []string, _ opts) int {
	return x.fromXML(args[0], "Interface", "defined", func(b []byte, file string) (string, error) {
		c, err := x.conn()
		if err != nil {
			return "", err
		}
		i, err := c.DefineXML(b, file)
		if err != nil {
			return "", err
		}
		return i.Name(), nil
	})
}

func (x *ifaceRun) create(args []string, _ opts) int {
	return x.fromXML(args[0], "Interface", "created", func(b []byte, file string) (string, error) {
		c, err := x.conn()
		if err != nil {
			return "", err
		}
		i, err := c.CreateXML(b, file)
		if err != nil {
			return "", err
		}
		return i.Name(), nil
	})
}

func (x *ifaceRun) undefine(args []string, _ opts) int {
	i, err := x.lookup(args[0], false)
	if err != nil {
		return x.fail(err)
	}
	if err := i.Undefine(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Interface %s undefined\n", i.Name()), statusJSON{Name: i.Name(), Status: "undefined"})
}

func (x *ifaceRun) start(args []string, _ opts) int {
	i, err := x.lookup(args[0], false)
	if err != nil {
		return x.fail(err)
	}
	if up, err := i.IsActive(); err != nil {
		return x.fail(err)
	} else if up {
		return x.fail(fmt.Errorf("%w: interface %s is active already", iface.ErrInvalidState, i.Name()))
	}
	if err := i.Start(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Interface %s started\n", i.Name()), statusJSON{Name: i.Name(), Status: "started"})
}

func (x *ifaceRun) stop(args []string, _ opts) int {
	i, err := x.lookup(args[0], true)
	if err != nil {
		return x.fail(err)
	}
	if err := i.Stop(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Interface %s destroyed\n", i.Name()), statusJSON{Name: i.Name(), Status: "destroyed"})
}

func (x *ifaceRun) mac(args []string, _ opts) int {
	i, err := x.lookup(args[0], true)
	if err != nil {
		return x.fail(err)
	}
	m, err := i.MAC()
	if err != nil {
		return x.fail(err)
	}
	if m == "" {
		return x.fail(fmt.Errorf("no MAC address known for %s (neither the kernel nor its configuration gives one)", i.Name()))
	}
	return x.print(m+"\n", macJSON{Name: i.Name(), MAC: m})
}

func (x *ifaceRun) name(args []string, _ opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	i, err := c.LookupByMAC(strings.ReplaceAll(args[0], "-", ":"))
	if err != nil {
		return x.fail(err)
	}
	m, err := i.MAC()
	if err != nil {
		return x.fail(err)
	}
	return x.print(i.Name()+"\n", macJSON{Name: i.Name(), MAC: m})
}

func (x *ifaceRun) stats(args []string, _ opts) int {
	i, err := x.lookup(args[0], true)
	if err != nil {
		return x.fail(err)
	}
	s, err := i.Stats()
	if err != nil {
		return x.fail(err)
	}
	n := i.Name()
	var b strings.Builder
	for _, l := range []struct {
		key string
		v   uint64
	}{
		{"rx_bytes", s.RxBytes}, {"rx_packets", s.RxPackets}, {"rx_errs", s.RxErrors}, {"rx_drop", s.RxDropped},
		{"tx_bytes", s.TxBytes}, {"tx_packets", s.TxPackets}, {"tx_errs", s.TxErrors}, {"tx_drop", s.TxDropped},
	} {
		fmt.Fprintf(&b, "%s %s %d\n", n, l.key, l.v)
	}
	return x.print(b.String(), statsJSON{Name: n,
		RxBytes: s.RxBytes, RxPackets: s.RxPackets, RxErrors: s.RxErrors, RxDropped: s.RxDropped,
		TxBytes: s.TxBytes, TxPackets: s.TxPackets, TxErrors: s.TxErrors, TxDropped: s.TxDropped})
}

// edit is virsh iface-edit: the configuration into a temporary file,
// the editor on it, and a define of the result when it changed. A
// result that does not define is an error that changes nothing; the
// edited file is then kept, and the message says where.
func (x *ifaceRun) edit(args []string, _ opts) int {
	i, err := x.lookup(args[0], false)
	if err != nil {
		return x.fail(err)
	}
	orig, err := i.XMLDesc(iface.XMLInactive)
	if err != nil {
		return x.fail(err)
	}
	return x.verbIO.edit("Interface", i.Name(), orig, func(b []byte, file string) (string, error) {
		ni, err := x.c.DefineXML(b, file)
		if err != nil {
			return "", err
		}
		return ni.Name(), nil
	})
}

func (x *ifaceRun) begin(_ []string, _ opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	if err := c.ChangeBegin(); err != nil {
		return x.fail(err)
	}
	return x.print("Network config change transaction started\n", transactionJSON{Status: "started"})
}

func (x *ifaceRun) commit(_ []string, _ opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	if err := c.ChangeCommit(); err != nil {
		return x.fail(err)
	}
	return x.print("Network config change transaction committed\n", transactionJSON{Status: "committed"})
}

func (x *ifaceRun) rollback(_ []string, _ opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	changed, err := c.ChangeRollback()
	if err != nil {
		return x.fail(err)
	}
	return x.print("Network config change transaction rolled back\n", transactionJSON{Status: "rolled back", Changed: changed})
}

// bridge is virsh iface-bridge: the interface is looked up by name
// only, the bridge defined over it, then started unless --no-start.
func (x *ifaceRun) bridge(args []string, o opts) int {
	bo := iface.BridgeOptions{NoSTP: o.has("no-stp"), NoStart: o.has("no-start")}
	if d, ok := o["delay"]; ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 {
			return x.usageErr("bridge", "--delay wants a number of seconds, not %q", d)
		}
		bo.Delay = n
	}
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	ifname, brname := args[0], args[1]
	br, err := c.Bridge(ifname, brname, bo)
	if err != nil {
		return x.fail(err)
	}
	text := fmt.Sprintf("Created bridge %s with attached device %s\n", brname, ifname)
	if !bo.NoStart {
		if err := br.Start(); err != nil {
			if !x.json {
				fmt.Fprint(x.stdout, text) // what was done before the failure
			}
			return x.fail(err)
		}
		text += fmt.Sprintf("Bridge interface %s started\n", brname)
	}
	return x.print(text, bridgeJSON{Bridge: brname, Interface: ifname, Started: !bo.NoStart})
}

// unbridge is virsh iface-unbridge: the bridge (with exactly one
// interface attached) is stopped, its configuration given back to the
// interface, and the interface started unless --no-start.
func (x *ifaceRun) unbridge(args []string, o opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	br, err := c.LookupByName(args[0])
	if err != nil {
		return x.fail(err)
	}
	// check before stopping anything
	b, err := br.XMLDesc(iface.XMLInactive)
	if err != nil {
		return x.fail(err)
	}
	m, err := ifxml.Parse(b, br.Name())
	if err != nil {
		return x.fail(err)
	}
	if m.Type != ifxml.TypeBridge || m.Bridge == nil {
		return x.fail(fmt.Errorf("interface %s is not a bridge", br.Name()))
	}
	if n := len(m.Bridge.Ports); n != 1 {
		return x.fail(fmt.Errorf("bridge %s has %d interfaces attached (unbridge needs exactly one)", br.Name(), n))
	}
	if up, err := br.IsActive(); err != nil {
		return x.fail(err)
	} else if up {
		if err := br.Stop(); err != nil {
			return x.fail(err)
		}
	}
	port, err := c.Unbridge(br.Name())
	if err != nil {
		return x.fail(err)
	}
	text := fmt.Sprintf("Device %s un-attached from bridge %s\n", port.Name(), br.Name())
	start := !o.has("no-start")
	if start {
		if err := port.Start(); err != nil {
			if !x.json {
				fmt.Fprint(x.stdout, text) // what was done before the failure
			}
			return x.fail(err)
		}
		text += fmt.Sprintf("Interface %s started\n", port.Name())
	}
	return x.print(text, bridgeJSON{Bridge: br.Name(), Interface: port.Name(), Started: start})
}
