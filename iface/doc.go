// Package iface is the host-interface API: libvirt's virInterface and
// netcf's nouns and verbs over the configuration files of a root, in
// libvirt's interface XML (package ifxml reads it strictly and writes
// it canonically).
//
// It reaches the configuration regimes only through package backends'
// driver interface, as database/sql reaches its drivers: a program
// imports the drivers it wants for their registration,
//
//	import (
//		"github.com/lensnet/lensnet/iface"
//		_ "github.com/lensnet/lensnet/backends/debian"
//		_ "github.com/lensnet/lensnet/backends/initscripts"
//	)
//
// and Open picks the one whose files the root has.
//
// Every XML that goes in is read strictly and checked before any file
// is touched: bad XML changes nothing on disk.
package iface
