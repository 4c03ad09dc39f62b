package dnsmasq

import (
	"errors"
	"strings"
)

// Options say how Start runs dnsmasq.
type Options struct {
	// Binary is dnsmasq's program, looked up on PATH when it has no
	// '/'; "" means "dnsmasq".
	Binary string
	// NetNS is the network namespace to run in, by name as `ip
	// netns add` makes them; "" for the namespace of the calling
	// process.
	NetNS string
	// ConfFile is the config file (written with Conf); it must not
	// set the options Start sets (pid-file, keep-in-foreground,
	// no-daemon) or include other files (conf-file, conf-dir,
	// conf-script). Files it names must be absolute, since dnsmasq
	// runs from /, and readable by the user dnsmasq drops to (nobody
	// unless the config sets user=), since it reads its host and
	// hosts files, at start and on every Reload, after dropping root.
	ConfFile string
	// PidFile is where dnsmasq writes its pid; Stop, Running and
	// Reload find the process by it.
	PidFile string
}

var (
	// ErrRunning is the cause of Start's error when the dnsmasq of
	// the pid file and config is already running.
	ErrRunning = errors.New("already running")
	// ErrNotRunning is the cause of Reload's error when no dnsmasq
	// of the pid file and config runs.
	ErrNotRunning = errors.New("not running")
	// ErrOtherNamespace is the cause of an error from Options' Stop
	// or Reload when the dnsmasq of the pid file and config runs in
	// another network namespace than Options.NetNS: it is left
	// alone, and so is its pid file.
	ErrOtherNamespace = errors.New("runs in another network namespace")
)

// Error is a failed step on a dnsmasq process: the step ("start
// dnsmasq", "stop dnsmasq", ...), and the cause, whose text is
// dnsmasq's own message on one line when it gave one.
type Error struct {
	Op  string
	Err error
}

func (e *Error) Error() string { return e.Op + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// message is a program's error output on one line: its non-empty
// lines joined by "; ", without the "dnsmasq: " each begins with.
func message(out string) string {
	var lines []string
	for line := range strings.Lines(out) {
		line = strings.TrimSpace(line)
		line = strings.TrimPrefix(line, "dnsmasq: ")
		if line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}
