package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/lensnet/lensnet/vnet"
	"github.com/lensnet/lensnet/vnet/netxml"
)

// lensnet net: virtual networks (package vnet) as virsh's net-*
// commands have them.

var subNet = subcommand{
	Name:     "net",
	Synopsis: netSynopsis,
	Short:    "manage virtual networks as virsh net-* does: define, start, destroy, autostart, update, DHCP leases, ports",
	Usage:    func() string { return netFamily.usage() },
	Run:      runNet,
}

const netSynopsis = "net [OPTIONS] COMMAND ARGS..."

// nameOrUUID is the usage of an argument that names a network.
const nameOrUUID = "NAME|UUID"

var netFamily = family[*netRun]{
	Name:     "net",
	Synopsis: netSynopsis,
	Doc: `Manage virtual networks for guests in libvirt's network XML, as virsh's
net-* commands do, without libvirt: persistent networks (configuration
under the root's /etc/lensnet/networks) and transient ones, started with
a bridge, dnsmasq and an nftables table of their own (runtime state under
/run/lensnet/network), and the ports guests connect by on a running
network (networkport XML; the port-* commands). A network argument is a
name or a UUID, PORT a port's UUID. Results look like virsh's; with
--json each is one JSON document on standard output, whose fields
'lensnet net COMMAND --help' lists. A failure is one line on standard
error, "lensnet: MESSAGE", with status 1 (2 for usage errors, in --json
mode too), and changes nothing.
`,
	VerbOptions: true,
	Verbs: []verb[*netRun]{
		{Name: "list", MaxArgs: 0, Usage: "list [--all|--inactive] [--persistent|--transient] [--autostart|--no-autostart] [--name|--uuid]", Run: (*netRun).list,
			Short: "list the active networks, sorted by name, in virsh's table of name, state (active or inactive), autostart and persistent (yes or no)",
			JSON:  `an array of {"name", "uuid", "state", "autostart", "persistent"}, state "active" or "inactive", the last two booleans`,
			Options: []verbOption{
				{Name: "all", Usage: "active and inactive networks"},
				{Name: "inactive", Usage: "inactive networks only"},
				{Name: "persistent", Usage: "persistent networks only"},
				{Name: "transient", Usage: "transient networks only"},
				{Name: "autostart", Usage: "networks marked autostart only"},
				{Name: "no-autostart", Usage: "networks not marked autostart only"},
				{Name: "name", Usage: "print the names only, one a line"},
				{Name: "uuid", Usage: "print the UUIDs only, one a line"},
			}},
		{Name: "define", MinArgs: 1, MaxArgs: 1, Usage: "define FILE", Run: (*netRun).define,
			Short: "define a persistent network from an XML file (- for standard input), inactive; or change an existing network's configuration, which a running network takes at its next start",
			JSON:  `{"name", "status": "defined", "file"}, file the XML's ("stdin" for -)`},
		{Name: "create", MinArgs: 1, MaxArgs: 1, Usage: "create FILE", Run: (*netRun).create,
			Short: "create and start a transient network from an XML file (- for standard input): it leaves no trace when destroyed",
			JSON:  `{"name", "status": "created", "file"}, file the XML's ("stdin" for -)`},
		{Name: "start", MaxArgs: 1, Usage: "start [--autostart] [" + nameOrUUID + "]", Run: (*netRun).start,
			Short: "start a defined network; with --autostart and no network, start every network marked autostart that is not running (for a boot unit), one line each",
			JSON:  `{"name", "status": "started"}; with --autostart an array of them, [] when none started`,
			Options: []verbOption{
				{Name: "autostart", Usage: "start the networks marked autostart"},
			}},
		{Name: "destroy", MinArgs: 1, MaxArgs: 1, Usage: "destroy " + nameOrUUID, Run: (*netRun).destroy,
			Short: "stop a running network, undoing what its start made; a transient network is gone afterwards",
			JSON:  `{"name", "status": "destroyed"}`},
		{Name: "undefine", MinArgs: 1, MaxArgs: 1, Usage: "undefine " + nameOrUUID, Run: (*netRun).undefine,
			Short: "remove a persistent network's configuration; a running network goes on, transient, until destroyed",
			JSON:  `{"name", "status": "undefined"}`},
		{Name: "autostart", MinArgs: 1, MaxArgs: 1, Usage: "autostart [--disable] " + nameOrUUID, Run: (*netRun).autostart,
			Short: "mark a persistent network to start with 'start --autostart', or unmark it",
			JSON:  `{"name", "autostart"}, autostart a boolean`,
			Options: []verbOption{
				{Name: "disable", Usage: "unmark it"},
			}},
		{Name: "dumpxml", MinArgs: 1, MaxArgs: 1, Usage: "dumpxml [--inactive] " + nameOrUUID, Run: (*netRun).dumpxml,
			Short: "print a network's XML: the running definition when it runs, else its configuration",
			JSON:  `{"name", "xml"}`,
			Options: []verbOption{
				{Name: "inactive", Usage: "the configuration the next start takes (a pending one when the network was defined again while running)"},
			}},
		{Name: "info", MinArgs: 1, MaxArgs: 1, Usage: "info " + nameOrUUID, Run: (*netRun).info,
			Short: "print a network's name, UUID, state, persistence, autostart and bridge as virsh net-info does",
			JSON:  `{"name", "uuid", "active", "persistent", "autostart", "bridge"}, the middle three booleans, bridge left out when the network has none`},
		{Name: "uuid", MinArgs: 1, MaxArgs: 1, Usage: "uuid NAME", Run: (*netRun).uuid,
			Short: "print the UUID of the network of that name",
			JSON:  `{"name", "uuid"}`},
		{Name: "name", MinArgs: 1, MaxArgs: 1, Usage: "name UUID", Run: (*netRun).name,
			Short: "print the name of the network with that UUID",
			JSON:  `{"name", "uuid"}`},
		{Name: "edit", MinArgs: 1, MaxArgs: 1, Usage: "edit " + nameOrUUID, Run: (*netRun).edit,
			Short: "edit a network's configuration XML (as dumpxml --inactive) with $VISUAL, else $EDITOR, else vi, and define the result if it changed",
			JSON:  `{"name", "status"}, status "edited" or "unchanged"`},
		{Name: "update", MinArgs: 4, MaxArgs: 4, Usage: "update " + nameOrUUID + " COMMAND SECTION XML [--parent-index N] [--live] [--config] [--current]", Run: (*netRun).update,
			Short: "change one section of a network as virsh net-update does: COMMAND is add-first, add-last, add, modify or delete, SECTION ip-dhcp-host, ip-dhcp-range, dns-host, dns-txt, dns-srv, forward-interface or portgroup, XML the element itself when it starts with '<', else a file holding it (- for standard input); a running network takes DHCP and DNS changes without a restart",
			JSON:  `{"name", "command", "section", "live", "config"}, the last two booleans saying what changed`,
			Options: []verbOption{
				{Name: "parent-index", Value: "N", Usage: "the <ip> of a DHCP section, counting from 0 (default: the one with DHCP)"},
				{Name: "live", Usage: "change the running network"},
				{Name: "config", Usage: "change the persistent configuration"},
				{Name: "current", Usage: "change the running network when it runs, else the configuration (the default)"},
			}},
		{Name: "dhcp-leases", MinArgs: 1, MaxArgs: 1, Usage: "dhcp-leases [--mac MAC] " + nameOrUUID, Run: (*netRun).dhcpLeases,
			Short: "print a running network's DHCP leases, sorted by MAC, in virsh's table (the expiry in local time, \"never\" for an infinite lease; \"-\" for what a lease lacks)",
			JSON:  `an array of {"expiry", "mac", "type", "ip", "prefix", "hostname", "client_id", "iaid"}: expiry in Unix seconds (0 for never), type "ipv4" or "ipv6", prefix the subnet's length; mac, hostname, client_id and iaid (IPv6 only) left out when the lease has none`,
			Options: []verbOption{
				{Name: "mac", Value: "MAC", Usage: "only the leases of that MAC address"},
			}},
		{Name: "port-create", MinArgs: 2, MaxArgs: 2, Usage: "port-create [--reclaim] [--owner-name NAME] [--owner-uuid UUID] [--actual] " + nameOrUUID + " FILE", Run: (*netRun).portCreate,
			Short: "create a port on a running network, as virsh net-port-create does, from an XML file (- for standard input) holding networkport XML or a guest's <interface type='network'>: the network allocates its plug (its bridge, or a pool device: the one with the fewest connections, or a free one for passthrough) and the port is kept in the network's run directory; prints \"Network port UUID created from FILE\", or with --actual the guest interface's <actual> element instead",
			JSON:  `{"network", "uuid", "status": "created", "file", "actual"}, file the XML's ("stdin" for -), actual the guest interface's <actual> element`,
			Options: []verbOption{
				{Name: "reclaim", Usage: "take back what the port of the XML's UUID holds (networkport XML with its <plug>, or a guest interface with its portid and <actual>) instead of allocating anew, as a manager restarting with its guests running does; a port that exists is kept as it is"},
				{Name: "owner-name", Value: "NAME", Usage: "the guest owning a port made from a guest interface (networkport XML names its own owner)"},
				{Name: "owner-uuid", Value: "UUID", Usage: "that guest's UUID (default: the nil UUID)"},
				{Name: "actual", Usage: "print the guest interface's <actual> element (the plug, and the settings the port got from its portgroup and the network) instead of the message"},
			}},
		{Name: "port-list", MinArgs: 1, MaxArgs: 1, Usage: "port-list [--table|--uuid] " + nameOrUUID, Run: (*netRun).portList,
			Short: "list a running network's ports, sorted by UUID, in virsh net-port-list's table of UUIDs",
			JSON:  `an array of {"uuid", "owner_name", "owner_uuid", "mac", "group", "plug", "device", "mode"}: plug the <plug> type (network, bridge, direct or hostdev-pci), device its bridge, pool device or PCI address, mode the macvtap mode of a direct plug; owner_name, group and mode left out when empty`,
			Options: []verbOption{
				{Name: "table", Usage: "the table (the default)"},
				{Name: "uuid", Usage: "print the UUIDs only, one a line"},
			}},
		{Name: "port-dumpxml", MinArgs: 2, MaxArgs: 2, Usage: "port-dumpxml " + nameOrUUID + " PORT", Run: (*netRun).portDumpxml,
			Short: "print a port's networkport XML: its UUID, owner, portgroup, MAC address, merged settings and plug",
			JSON:  `{"network", "uuid", "xml"}`},
		{Name: "port-delete", MinArgs: 2, MaxArgs: 2, Usage: "port-delete " + nameOrUUID + " PORT", Run: (*netRun).portDelete,
			Short: "delete a port, releasing exactly what its creation took (its device's connection, its floor), and unplug it first if it is plugged",
			JSON:  `{"network", "uuid", "status": "deleted"}`},
		{Name: "port-plug", MinArgs: 2, MaxArgs: 3, Usage: "port-plug " + nameOrUUID + " PORT [DEVICE]", Run: (*netRun).portPlug,
			Short: "connect a port on the host (lensnet's own): DEVICE, a tap or veth that exists, is put on the port's bridge; for a direct port a macvtap device called DEVICE (default lnvt and the start of the port's UUID) is made on its pool device in the network's mode; then the port's bandwidth is applied on it",
			JSON:  `{"network", "uuid", "status": "plugged", "dev", "bridge", "link", "mode"}: bridge the bridge dev was put on, or link and mode the pool device and macvtap mode of a macvtap made; those not so left out`},
		{Name: "port-unplug", MinArgs: 2, MaxArgs: 2, Usage: "port-unplug " + nameOrUUID + " PORT", Run: (*netRun).portUnplug,
			Short: "undo port-plug (lensnet's own): the macvtap device is deleted, or the device taken off the bridge, and its traffic control removed",
			JSON:  `{"network", "uuid", "status": "unplugged", "dev", "bridge"}, bridge the bridge dev was taken off, left out for a macvtap`},
		{Name: "port-usage", MinArgs: 1, MaxArgs: 1, Usage: "port-usage " + nameOrUUID, Run: (*netRun).portUsage,
			Short: "print what a running network's ports take (lensnet's own): a table of its devices (its bridge, or its pool devices in pool order, then any other) with the ports connected to each, then the number of ports and the inbound floor reserved of the network's inbound bandwidth",
			JSON:  `{"network", "ports", "devices", "floor", "inbound"}: devices an array of {"device", "connections"}, floor the reserved inbound floor and inbound the network's inbound peak, else average (left out when it has none), in kB/s`},
	},
	Options: `  -r, --root DIR          the file system root: configuration and state go
                          under DIR (default /)
      --engine NAME       what starts and stops networks: kernel (a bridge,
                          dnsmasq and nftables, the default), or record: a
                          dry run that changes no kernel state and only
                          writes what it would do to the network's
                          "recorded" file in its run directory
      --netns NAME        start networks in the network namespace NAME (as
                          ip netns names them) instead of the process's own
      --json              print each result as one JSON document
  -h, --help              print this text
`,
}

// netRun is what the net verbs run on: the family's options, the
// standard streams, and the networks, opened on first use.
type netRun struct {
	verbIO
	opts   vnet.Options
	engine string
	c      *vnet.Conn
}

// runNet is "lensnet net [OPTIONS] VERB ARGS...".
func runNet(_ config, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	x := &netRun{verbIO: verbIO{family: "net", stdin: stdin, stdout: stdout, stderr: stderr}}
	fs := flag.NewFlagSet("lensnet net", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&x.opts.Root, "root", "", "")
	fs.StringVar(&x.opts.Root, "r", "", "")
	fs.StringVar(&x.engine, "engine", "", "")
	fs.StringVar(&x.opts.NetNS, "netns", "", "")
	fs.BoolVar(&x.json, "json", false, "")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, netFamily.usage())
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "lensnet: net: %v; 'lensnet help net' lists the options\n", err)
		return 2
	}
	defer func() {
		if x.c != nil {
			x.c.Close()
		}
	}()
	return netFamily.run(x, fs.Args(), stdout, stderr)
}

// conn opens the networks on first use.
func (x *netRun) conn() (*vnet.Conn, error) {
	if x.c != nil {
		return x.c, nil
	}
	switch x.engine {
	case "", "kernel":
	case "record":
		x.opts.Activator = &vnet.Recorder{}
	default:
		return nil, fmt.Errorf("no engine %q (there are: kernel, record)", x.engine)
	}
	if x.opts.Root != "" {
		// the root must exist: vnet makes the directories under it
		if _, err := os.Stat(x.opts.Root); err != nil {
			return nil, err
		}
	}
	c, err := vnet.Open(x.opts)
	if err != nil {
		return nil, err
	}
	x.c = c
	return c, nil
}

// lookup finds the network an argument names: by name, else by UUID.
func (x *netRun) lookup(arg string) (*vnet.Network, error) {
	c, err := x.conn()
	if err != nil {
		return nil, err
	}
	return c.Lookup(arg)
}

// The JSON results besides iface's statusJSON and xmlJSON. Their field
// names are part of lensnet's interface.
type (
	// netJSON is one network of list.
	netJSON struct {
		Name       string `json:"name"`
		UUID       string `json:"uuid"`
		State      string `json:"state"` // "active" or "inactive"
		Autostart  bool   `json:"autostart"`
		Persistent bool   `json:"persistent"`
	}
	// netInfoJSON is info's result.
	netInfoJSON struct {
		Name       string `json:"name"`
		UUID       string `json:"uuid"`
		Active     bool   `json:"active"`
		Persistent bool   `json:"persistent"`
		Autostart  bool   `json:"autostart"`
		Bridge     string `json:"bridge,omitempty"`
	}
	// netUUIDJSON is uuid's and name's result.
	netUUIDJSON struct {
		Name string `json:"name"`
		UUID string `json:"uuid"`
	}
	// autostartJSON is autostart's result.
	autostartJSON struct {
		Name      string `json:"name"`
		Autostart bool   `json:"autostart"`
	}
	// updateJSON is update's result: what it changed.
	updateJSON struct {
		Name    string `json:"name"`
		Command string `json:"command"`
		Section string `json:"section"`
		Live    bool   `json:"live"`
		Config  bool   `json:"config"`
	}
	// leaseJSON is one lease of dhcp-leases.
	leaseJSON struct {
		Expiry   int64  `json:"expiry"` // Unix seconds, 0 for an infinite lease
		MAC      string `json:"mac,omitempty"`
		Type     string `json:"type"` // "ipv4" or "ipv6"
		IP       string `json:"ip"`
		Prefix   int    `json:"prefix"`
		Hostname string `json:"hostname,omitempty"`
		ClientID string `json:"client_id,omitempty"`
		IAID     uint32 `json:"iaid,omitempty"`
	}
)

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func (x *netRun) list(_ []string, o opts) int {
	if o.has("all") && o.has("inactive") {
		return x.usageErr("list", "--all and --inactive exclude each other")
	}
	if o.has("name") && o.has("uuid") {
		return x.usageErr("list", "--name and --uuid exclude each other")
	}
	flags := vnet.ListActive
	switch {
	case o.has("all"):
		flags = vnet.ListActive | vnet.ListInactive
	case o.has("inactive"):
		flags = vnet.ListInactive
	}
	for _, f := range []struct {
		name string
		flag vnet.ListFlags
	}{
		{"persistent", vnet.ListPersistent}, {"transient", vnet.ListTransient},
		{"autostart", vnet.ListAutostart}, {"no-autostart", vnet.ListNoAutostart},
	} {
		if o.has(f.name) {
			flags |= f.flag
		}
	}
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	list, err := c.List(flags)
	if err != nil {
		return x.fail(err)
	}
	rows := [][]string{{"Name", "State", "Autostart", "Persistent"}}
	out := []netJSON{}
	var names, uuids strings.Builder
	for _, n := range list {
		in, err := n.Info()
		if err != nil {
			return x.fail(err)
		}
		state := "inactive"
		if in.Active {
			state = "active"
		}
		rows = append(rows, []string{in.Name, state, yesNo(in.Autostart), yesNo(in.Persistent)})
		out = append(out, netJSON{Name: in.Name, UUID: in.UUID, State: state, Autostart: in.Autostart, Persistent: in.Persistent})
		names.WriteString(in.Name + "\n")
		uuids.WriteString(in.UUID + "\n")
	}
	text := table(rows)
	switch {
	case o.has("name"):
		text = names.String()
	case o.has("uuid"):
		text = uuids.String()
	}
	return x.print(text, out)
}

func (x *netRun) define(args []string, _ opts) int {
	return x.fromXML(args[0], "Network", "defined", func(b []byte, file string) (string, error) {
		c, err := x.conn()
		if err != nil {
			return "", err
		}
		n, err := c.Define(b, file)
		if err != nil {
			return "", err
		}
		return n.Name(), nil
	})
}

func (x *netRun) create(args []string, _ opts) int {
	return x.fromXML(args[0], "Network", "created", func(b []byte, file string) (string, error) {
		c, err := x.conn()
		if err != nil {
			return "", err
		}
		n, err := c.Create(b, file)
		if err != nil {
			return "", err
		}
		return n.Name(), nil
	})
}

// start starts one network, or with --autostart every autostart one.
func (x *netRun) start(args []string, o opts) int {
	if o.has("autostart") {
		if len(args) != 0 {
			return x.usageErr("start", "--autostart starts the networks marked autostart: name no network")
		}
		return x.startAutostart()
	}
	if len(args) != 1 {
		return x.usageErr("start", "name a network, or give --autostart")
	}
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	if err := n.Start(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Network %s started\n", n.Name()), statusJSON{Name: n.Name(), Status: "started"})
}

func (x *netRun) startAutostart() int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	started, err := c.StartAutostart()
	var b strings.Builder
	out := []statusJSON{}
	for _, name := range started {
		fmt.Fprintf(&b, "Network %s started\n", name)
		out = append(out, statusJSON{Name: name, Status: "started"})
	}
	if err != nil {
		if !x.json {
			fmt.Fprint(x.stdout, b.String()) // those that did start
		}
		return x.fail(err)
	}
	return x.print(b.String(), out)
}

func (x *netRun) destroy(args []string, _ opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	if err := n.Destroy(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Network %s destroyed\n", n.Name()), statusJSON{Name: n.Name(), Status: "destroyed"})
}

func (x *netRun) undefine(args []string, _ opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	if err := n.Undefine(); err != nil {
		return x.fail(err)
	}
	return x.print(fmt.Sprintf("Network %s has been undefined\n", n.Name()), statusJSON{Name: n.Name(), Status: "undefined"})
}

func (x *netRun) autostart(args []string, o opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	on := !o.has("disable")
	if err := n.SetAutostart(on); err != nil {
		return x.fail(err)
	}
	text := fmt.Sprintf("Network %s marked as autostarted\n", n.Name())
	if !on {
		text = fmt.Sprintf("Network %s unmarked as autostarted\n", n.Name())
	}
	return x.print(text, autostartJSON{Name: n.Name(), Autostart: on})
}

func (x *netRun) dumpxml(args []string, o opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	var flags vnet.XMLFlags
	if o.has("inactive") {
		flags = vnet.XMLInactive
	}
	b, err := n.XMLDesc(flags)
	if err != nil {
		return x.fail(err)
	}
	return x.print(string(b), xmlJSON{Name: n.Name(), XML: string(b)})
}

// info prints virsh net-info's lines: each label padded to 15
// columns; Bridge only when the network has one.
func (x *netRun) info(args []string, _ opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	in, err := n.Info()
	if err != nil {
		return x.fail(err)
	}
	var b strings.Builder
	line := func(label, v string) { fmt.Fprintf(&b, "%-15s %s\n", label, v) }
	line("Name:", in.Name)
	line("UUID:", in.UUID)
	line("Active:", yesNo(in.Active))
	line("Persistent:", yesNo(in.Persistent))
	line("Autostart:", yesNo(in.Autostart))
	if in.Bridge != "" {
		line("Bridge:", in.Bridge)
	}
	return x.print(b.String(), netInfoJSON{Name: in.Name, UUID: in.UUID, Active: in.Active,
		Persistent: in.Persistent, Autostart: in.Autostart, Bridge: in.Bridge})
}

// uuid is virsh net-uuid: the network is named by its name only.
func (x *netRun) uuid(args []string, _ opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	n, err := c.LookupByName(args[0])
	if err != nil {
		return x.fail(err)
	}
	u, err := n.UUID()
	if err != nil {
		return x.fail(err)
	}
	return x.print(u+"\n", netUUIDJSON{Name: n.Name(), UUID: u})
}

// name is virsh net-name: the network is named by its UUID only.
func (x *netRun) name(args []string, _ opts) int {
	c, err := x.conn()
	if err != nil {
		return x.fail(err)
	}
	n, err := c.LookupByUUID(args[0])
	if err != nil {
		return x.fail(err)
	}
	u, err := n.UUID()
	if err != nil {
		return x.fail(err)
	}
	return x.print(n.Name()+"\n", netUUIDJSON{Name: n.Name(), UUID: u})
}

// edit is virsh net-edit: the configuration into a temporary file, the
// editor on it, and a define of the result when it changed. A result
// that does not define is an error that changes nothing; the edited
// file is then kept, and the message says where.
func (x *netRun) edit(args []string, _ opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	orig, err := n.XMLDesc(vnet.XMLInactive)
	if err != nil {
		return x.fail(err)
	}
	return x.verbIO.edit("Network", n.Name(), orig, func(b []byte, file string) (string, error) {
		nn, err := x.c.Define(b, file)
		if err != nil {
			return "", err
		}
		return nn.Name(), nil
	})
}

// update is virsh net-update NETWORK COMMAND SECTION XML.
func (x *netRun) update(args []string, o opts) int {
	if o.has("current") && (o.has("live") || o.has("config")) {
		return x.usageErr("update", "--current excludes --live and --config")
	}
	parent := -1
	if s, ok := o["parent-index"]; ok {
		p, err := strconv.Atoi(s)
		if err != nil || p < 0 {
			return x.usageErr("update", "--parent-index wants a number from 0, not %q", s)
		}
		parent = p
	}
	command, section, arg := args[1], args[2], args[3]
	frag, file := []byte(arg), ""
	if !strings.HasPrefix(arg, "<") {
		var err error
		if frag, file, err = x.readXML(arg); err != nil {
			return x.fail(err)
		}
	}
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	var flags vnet.UpdateFlags
	if o.has("live") {
		flags |= vnet.UpdateLive
	}
	if o.has("config") {
		flags |= vnet.UpdateConfig
	}
	if flags == 0 {
		// --current: what the network is now says what changes
		active, err := n.IsActive()
		if err != nil {
			return x.fail(err)
		}
		flags = vnet.UpdateConfig
		if active {
			flags = vnet.UpdateLive
		}
	}
	if err := n.Update(section, command, parent, frag, flags); err != nil {
		var xe *netxml.Error
		if file != "" && errors.As(err, &xe) && xe.File == "fragment" {
			xe.File = file // the fragment's lines are the file's
		}
		return x.fail(err)
	}
	var what string
	switch flags {
	case vnet.UpdateLive | vnet.UpdateConfig:
		what = "persistent config and live state"
	case vnet.UpdateConfig:
		what = "persistent config"
	default:
		what = "live state"
	}
	return x.print(fmt.Sprintf("Updated network %s %s\n", n.Name(), what),
		updateJSON{Name: n.Name(), Command: command, Section: section,
			Live: flags&vnet.UpdateLive != 0, Config: flags&vnet.UpdateConfig != 0})
}

// liveDef is the network's definition as XMLDesc gives it: the running
// one when it runs, else its configuration.
func liveDef(n *vnet.Network) (*netxml.Network, error) {
	live, err := n.XMLDesc(0)
	if err != nil {
		return nil, err
	}
	return netxml.Parse(live, n.Name())
}

// dhcpLeases is virsh net-dhcp-leases: the leases sorted by MAC (those
// without one last), each address with its subnet's prefix length.
func (x *netRun) dhcpLeases(args []string, o opts) int {
	n, err := x.lookup(args[0])
	if err != nil {
		return x.fail(err)
	}
	leases, err := n.Leases()
	if err != nil {
		return x.fail(err)
	}
	def, err := liveDef(n)
	if err != nil {
		return x.fail(err)
	}
	var subnets []netip.Prefix
	for _, ip := range def.IPs {
		if p, ok := ip.Subnet(); ok {
			subnets = append(subnets, p)
		}
	}
	if m, ok := o["mac"]; ok {
		leases = slices.DeleteFunc(leases, func(l vnet.Lease) bool { return !strings.EqualFold(l.MAC, m) })
	}
	slices.SortStableFunc(leases, func(a, b vnet.Lease) int {
		switch {
		case a.MAC == "" && b.MAC != "":
			return 1
		case a.MAC != "" && b.MAC == "":
			return -1
		}
		return cmp.Compare(strings.ToLower(a.MAC), strings.ToLower(b.MAC))
	})
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	rows := [][]string{{"Expiry Time", "MAC address", "Protocol", "IP address", "Hostname", "Client ID or DUID"}}
	out := []leaseJSON{}
	for _, l := range leases {
		typ := "ipv4"
		if l.IP.Is6() {
			typ = "ipv6"
		}
		prefix := l.IP.BitLen()
		for _, p := range subnets {
			if p.Contains(l.IP) {
				prefix = p.Bits()
				break
			}
		}
		expiry, unix := "never", int64(0)
		if !l.Expiry.IsZero() {
			expiry, unix = l.Expiry.Local().Format("2006-01-02 15:04:05"), l.Expiry.Unix()
		}
		rows = append(rows, []string{expiry, dash(l.MAC), typ, fmt.Sprintf("%s/%d", l.IP, prefix), dash(l.Hostname), dash(l.ClientID)})
		out = append(out, leaseJSON{Expiry: unix, MAC: l.MAC, Type: typ, IP: l.IP.String(), Prefix: prefix,
			Hostname: l.Hostname, ClientID: l.ClientID, IAID: l.IAID})
	}
	return x.print(table(rows), out)
}
