package kernel

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/vishvananda/netns"
)

// SetSysctl writes value to the net.* sysctl key (such as
// "net.ipv4.ip_forward" or "net.ipv6.conf.all.forwarding") of the
// handle's namespace: /proc/sys/net shows the namespace of the thread
// that opens a file there, so an OS thread moved into the namespace
// does the writing, and the host's value stays as it was. The key is
// checked first (ErrSysctlKey); an unknown key is an error wrapping
// fs.ErrNotExist.
func (h *Handle) SetSysctl(key, value string) error {
	op := "set sysctl " + key
	path, ok := sysctlPath(key)
	if !ok {
		return &Error{Op: op, Err: ErrSysctlKey}
	}
	if !validSysctlValue(value) {
		return &Error{Op: op, Err: fmt.Errorf("invalid value %q: newline or NUL", value)}
	}
	err := h.inNS(func() error {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		_, err = f.WriteString(value)
		return errors.Join(err, f.Close())
	})
	if err != nil {
		return &Error{Op: op + " to " + value, Err: pathless(err)}
	}
	return nil
}

// Sysctl reads the net.* sysctl key of the handle's namespace, without
// its final newline (a value of several fields keeps its tabs, as
// "32768\t60999" for net.ipv4.ip_local_port_range).
func (h *Handle) Sysctl(key string) (string, error) {
	op := "read sysctl " + key
	path, ok := sysctlPath(key)
	if !ok {
		return "", &Error{Op: op, Err: ErrSysctlKey}
	}
	var b []byte
	err := h.inNS(func() error {
		var err error
		b, err = os.ReadFile(path)
		return err
	})
	if err != nil {
		return "", &Error{Op: op, Err: pathless(err)}
	}
	return strings.TrimSuffix(string(b), "\n"), nil
}

// inNS runs f on an OS thread inside the handle's namespace (the
// calling process's own, for a handle opened on ""). The thread goes
// back to its namespace before it serves anything else; if it cannot,
// it stays locked and ends with its goroutine, as the Go runtime does
// with a locked thread whose goroutine exits.
func (h *Handle) inNS(f func() error) error {
	if !h.nsfd.IsOpen() {
		return f()
	}
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := netns.Get()
		if err != nil {
			runtime.UnlockOSThread()
			errc <- err
			return
		}
		defer orig.Close()
		if err := netns.Set(h.nsfd); err != nil {
			runtime.UnlockOSThread()
			errc <- fmt.Errorf("enter network namespace %s: %w", h.ns, err)
			return
		}
		ferr := f()
		if err := netns.Set(orig); err != nil {
			// the thread stays locked: it ends with this goroutine
			errc <- errors.Join(ferr, fmt.Errorf("leave network namespace %s: %w", h.ns, err))
			return
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

// pathless drops the file name from a *PathError, which the message
// already names by its key.
func pathless(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
