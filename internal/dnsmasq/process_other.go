//go:build !linux

package dnsmasq

import "errors"

var errUnsupportedOS = errors.New("dnsmasq processes are managed on Linux only")

// Start returns an error: network namespaces and pidfds are Linux's.
func Start(o Options) (int, error) { return 0, &Error{Op: "start dnsmasq", Err: errUnsupportedOS} }

// Stop returns an error on this OS.
func Stop(pidFile, confFile string) error { return &Error{Op: "stop dnsmasq", Err: errUnsupportedOS} }

// Stop returns an error on this OS.
func (o Options) Stop() error { return Stop(o.PidFile, o.ConfFile) }

// Running reports false on this OS.
func Running(pidFile, confFile string) (pid int, ok bool) { return 0, false }

// Running reports false on this OS.
func (o Options) Running() (pid int, ok bool) { return 0, false }

// Reload returns an error on this OS.
func Reload(pidFile, confFile string) error {
	return &Error{Op: "reload dnsmasq", Err: errUnsupportedOS}
}

// Reload returns an error on this OS.
func (o Options) Reload() error { return Reload(o.PidFile, o.ConfFile) }
