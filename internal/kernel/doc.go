// Package kernel is lensnet's kernel layer for host interfaces: it
// reads the live state of a network namespace (links, their kind,
// MAC, MTU, flags, master, bridge, bond and vlan settings, addresses
// and counters) and applies activation steps one at a time (create a
// bridge, bond, vlan or veth, enslave, set MAC and MTU, add and
// remove addresses and default routes, bring up and down, delete),
// all through rtnetlink (github.com/vishvananda/netlink), never
// through sysfs, whose view belongs to the namespace of whoever
// mounted it.
//
// [Handle.SetSysctl] and [Handle.Sysctl] write and read the
// namespace's own net.* sysctls (IP forwarding for a virtual network),
// from an OS thread moved into the namespace, since /proc/sys/net
// shows the namespace of whoever opens a file there.
//
// A [Handle] talks to one network namespace, opened by name (under
// /run/netns, as `ip netns add` makes them), by path, or "" for the
// namespace of the calling process. Every socket a Handle uses is
// created inside that namespace when it is opened, so nothing it does
// reaches another namespace.
//
// Failures are *[Error] values naming the step and the device, one
// line, usable with errors.Is: [ErrNoLink] when a device named is
// absent, [ErrExists] when a device to create is already there,
// [ErrNotSupported] when the kernel cannot make devices of a kind (as
// [Handle.Supports] reports), and the kernel's errno (syscall.Errno)
// beneath.
//
// The package works on Linux only; elsewhere [Open] returns
// [ErrUnsupportedOS]. It imports nothing of lensnet's own: the
// interface API (iface) and the virtual networks (vnet) sit above it,
// and package kerneltest gives tests throwaway namespaces.
package kernel
