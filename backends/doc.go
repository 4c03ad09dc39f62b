// Package backends is the driver interface between the interface API
// and the configuration regimes: a Driver reads the files of a root as
// libvirt interface XML and writes such XML into them. One driver per
// regime lives below (initscripts for RHEL's ifcfg files, debian for
// /etc/network/interfaces), each a rule file for the xform engine plus
// the code that joins files into connections.
//
// The package is a leaf for the API above it (as database/sql/driver
// is for database/sql): drivers never import the API. It also holds
// the conversions both drivers share (a VLAN's device and tag from its
// name).
package backends
