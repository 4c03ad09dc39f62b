// Package netxml is libvirt's virtual-network XML (network.rng) as a
// Go model: read strictly with positioned errors, checked as libvirt's
// parser and network driver check it, and written in libvirt's
// canonical form.
package netxml
