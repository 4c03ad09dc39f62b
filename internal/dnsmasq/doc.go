// Package dnsmasq runs the one dnsmasq (Debian package dnsmasq-base)
// that serves DHCP and DNS on a virtual network's bridge, inside the
// network namespace the network lives in.
//
// The config text is the caller's (package vnet generates it); [Conf]
// writes it one option a line and refuses names and values that would
// not stay one option — a newline would start another, a quote or a
// '#' would change what dnsmasq reads ([ValidateOption]).
//
// [Start] runs `dnsmasq --conf-file=CONF --pid-file=PIDFILE` through
// `ip netns exec` and lets dnsmasq daemonise itself: its first process
// exits only once the daemon has read the config, written the pid file
// and bound its sockets, with dnsmasq's own message on standard error
// when something failed. That exit is the start-up signal, and the pid
// file then names the daemon, a child of init in a session of its own.
// A config must therefore not set pid-file (dnsmasq lets the config's
// win over the command line's), keep-in-foreground or no-daemon, nor
// include other files; Start refuses one that does.
//
// [Stop], [Running] and [Reload] find the daemon by its pid file and
// act only on a live process whose command line is dnsmasq with
// exactly that config and pid file, held through a pidfd so that a
// reused pid is never signalled; the [Options] methods of the same
// names also require it to run in Options.NetNS. A pid file naming
// anything else is stale: Stop removes it and kills nothing. Reload
// sends SIGHUP, on which dnsmasq re-reads its dhcp-hostsfile and
// addn-hosts files (not the config): DHCP hosts and DNS names change
// on a running network without a restart.
//
// dnsmasq drops root for nobody (unless the config sets user=) before
// it reads those files, at start-up and on each SIGHUP; a file it
// cannot read is only logged. They, and the directories above them,
// must be readable by that user. Paths in the config must be absolute:
// the daemon runs from /.
//
// [Leases] reads dnsmasq's lease file (IPv4 and IPv6 leases, and the
// server's DUID). The package imports nothing of lensnet's own.
package dnsmasq
