// Package vnet is libvirt's virtual-network model for hosts and
// managers that do not run libvirt: network XML (package netxml),
// persistent and transient networks, autostart, and their activation —
// a bridge the network owns, dnsmasq for DHCP and DNS, and an nftables
// table of the network's own for NAT, routing or isolation.
//
// Configuration is kept under the root's /etc/lensnet/networks (NAME.xml,
// autostart/NAME.xml), runtime state under /run/lensnet/network: the
// running definition (NAME.xml) and what starting it made (NAME.state:
// the bridge it created, the dnsmasq it runs, the nftables table), so that
// another process, or the same host after a restart (/run is empty
// then), knows exactly what exists and destroy undoes exactly what start
// did. Every change takes the state directory's lock.
//
// Activation goes through an Activator: the real one (Options.Activator
// nil) acts in the network namespace Options.NetNS names (the process's
// own by default); a Recorder does nothing but say what it would do, for
// tests and dry runs.
//
// # Ports
//
// A running network hands out ports (libvirt's networkport): CreatePort
// allocates the network's bridge (nat, route, open, isolated), the host
// bridge (bridge mode with <bridge name>), the pool device with the
// fewest connections (bridge pool, private, vepa; the first in pool
// order on a tie), or a device no other port has (passthrough, private
// with an 802.1Qbh virtualport, hostdev); merges the port's settings
// with its portgroup's (the default portgroup when none is named) and
// the network's, the port's own first; reserves inbound floors against
// the network's inbound peak (else average); and keeps the port as
// ports/UUID.xml in the network's run directory. Destroying a network
// removes its run directory, ports included.
package vnet
