// Command lensnet is the lensnet command-line tool: a drop-in for
// augtool, and the commands around it.
//
//	lensnet [augtool options] [COMMAND ARGS...]   augtool's mode
//	lensnet check ...                              augparse: check lens modules
//	lensnet regexp [-i] VERB ARGS...               regular expressions
//	lensnet iface [OPTIONS] VERB ARGS...           host interfaces (virsh iface-*)
//	lensnet net [OPTIONS] VERB ARGS...             virtual networks (virsh net-*)
//	lensnet help [COMMAND]                         the commands, or one of them
//
// main only tunes the collector (gc.go) and calls run (run.go), which
// tests call in-process; a run's test switches come in a config, never
// in package variables.
//
// # Loading
//
// Augtool's mode opens its handle without lensnet.Options.LoadAll: a file
// is read when a command's path can reach it, and everything is read
// first for paths that can reach any file (the rule is in the lensnet
// package's ondemand.go). What a run shows and writes is what loading
// every file at start gives; LENSNET_LOAD=all in the environment does
// that instead (config.loadAll in tests, which run both ways). The
// handle keeps the lens library's autoload filters, and the trees each
// lens read keyed by the text they came from, in the user's cache
// directory (lensnet.Options.CacheDir; LENSNET_CACHE names another, or
// "off"), and gc.go paces the collector by the live heap.
//
// # Two tables
//
// The top level is the table subcommands (run.go): a first argument
// that names one of them runs it with the rest of the arguments; any
// other first argument, or none, is augtool's mode (aug.go), whose
// options come first and whose commands come from the arguments, -f
// FILE, standard input or the interactive shell. So "lensnet help" is
// the subcommand and "lensnet -r / help" the shell's help command, and
// a subcommand's name can never be typed as an augtool command from the
// command line without an option before it.
//
// Augtool's mode runs the shell (shell.go) on the table commands
// (commands.go): one command value per augtool command holds its name
// and aliases, its number of arguments, which of them are paths (for
// Tab completion and augtool's trailing-slash cleaning), its help and
// its Run function. The commands live by kind in cmd_read.go (get,
// label, ls, match, count, print, dump-xml, span), cmd_write.go (set,
// setm, clear, clearm, touch, ins, mv, cp, rename, rm), cmd_text.go
// (source, preview, store, retrieve), cmd_vars.go (defvar, defnode) and
// cmd_admin.go (context, load, load-file, transform, save, errors,
// info, help, quit). A Run function does the work on the handle and
// hands results and failures to the printer (printer.go), which writes
// augtool's text or, with --json, one JSON line (json.go holds the
// JSON shapes and error codes). help.go prints the help from the table,
// interactive.go is the line editor and its completion.
//
// # Adding an augtool command
//
// Declare a command value beside its kind's others, with its help, and
// put it in commands in the place help lists it. If its result is new,
// give the printer a method with both forms. TestCommandTable checks
// the entry.
//
// # Adding a family of verbs
//
// A family (family.go) is a top-level command made of verbs, "lensnet
// NAME [OPTIONS] VERB ARGS...", as regexp (regexp.go) and iface
// (iface.go) and net (net.go) are. To add one, say foo, in a file of
// its own (foo.go):
//
//  1. A type for what its verbs run on, made once per run: the
//     family's options, the output, the open backend (regexp's is
//     regexpRun, iface's ifaceRun, which opens the root on first use
//     so that help and usage errors never touch it).
//  2. A family[*thatType] value: Name, Synopsis ("foo [OPTIONS] VERB
//     ARGS..."), Doc, Options, and Verbs, one verb each with its
//     aliases, its arguments' bounds, usage line, description, its
//     --json result (JSON, shown by "VERB --help" only), its own
//     options (verbOption: "--all", "--delay N") and Run, which gets
//     the arguments and the options given (opts). With VerbOptions set
//     the family reads the verbs' options anywhere among their
//     arguments and answers "VERB --help" with the verb's usage; it
//     checks the verb and the number of its arguments and writes the
//     usage texts (and one-line usage errors, status 2) from the table.
//  3. A run function with subcommand's Run signature that parses the
//     family's options, makes the value of step 1 and calls the
//     family's run with the remaining arguments.
//  4. A subcommand value (Name, Synopsis, Short, Usage calling the
//     family's usage, Run) added to subcommands: 'lensnet --help' then
//     lists it, 'lensnet help foo' prints its usage, and "lensnet
//     foo ..." runs it. Its name then stops reaching augtool as a
//     command (see above), so it must not be an augtool command's name.
//
// # lensnet iface
//
// The verbs of iface.go are virsh's iface-* commands over package
// iface: each looks its interface up (a name; else a MAC, when the
// argument looks like one; else, for the verbs that act on the kernel,
// a transient device), calls the API and prints virsh's message, or
// with --json one JSON document (the *JSON types there; their field
// names are part of lensnet's interface). Failures are one line on
// standard error, "lensnet: MESSAGE", status 1, in --json mode too. The
// end-to-end scripts (testdata/script/iface-*.txtar) run every verb on
// copies of fixtures/rhel-iface and fixtures/debian-iface (the fixture
// command) in a network namespace of their own (netns, --netns $NETNS),
// so the host's devices never show; iface_test.go starts and stops
// real devices in the tests' own namespaces.
//
// # lensnet net
//
// The verbs of net.go are virsh's net-* commands over package vnet,
// with virsh's messages and tables (list and dhcp-leases share iface's
// table, which copies virsh's vshTable), or with --json one JSON
// document (the *JSON types there, documented in each verb's --help).
// A network argument is a name, else a UUID (Conn.Lookup); uuid takes
// a name only and name a UUID only, as virsh's. --engine record opens
// the networks with a vnet.Recorder: a dry run that changes no kernel
// state and writes what it would do to the network's "recorded" file,
// which the end-to-end scripts (testdata/script/net-*.txtar) read; they
// run every verb, text and --json, and every error, on a root in
// $WORK. start --autostart is what contrib/systemd/lensnet-networks.service
// runs at boot.
//
// The port-* verbs (net_port.go) are virsh's net-port-* over vnet's
// Port: port-create prints virsh's "Network port UUID created from
// FILE", or with --actual the guest interface's <actual> element, which
// a manager keeps and gives back to port-create --reclaim after a
// restart (with --json the result holds both); port-list is virsh's
// one-column table of UUIDs, its JSON each port's owner, MAC, portgroup
// and plug; port-delete says "Network port UUID deleted". port-plug,
// port-unplug and port-usage are lensnet's own, in the same style:
// port-usage is a table of the network's devices (pool devices with no
// port included) and their connections, then the ports and the floor
// reserved. The record engine writes plugs and unplugs to the
// network's recorded file as it does starts.
//
// Nothing is built at start-up: the tables are static data (two init
// functions only store the help entries' Run, which read the tables
// that hold them), so a run pays only for the command it runs.
package main
