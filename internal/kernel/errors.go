package kernel

import (
	"errors"
	"syscall"
)

var (
	// ErrNoLink is the cause of an *Error about a device that is not
	// in the namespace.
	ErrNoLink = errors.New("no such device")
	// ErrExists is the cause of an *Error about a device to create
	// whose name is taken.
	ErrExists = errors.New("device already exists")
	// ErrNotSupported is the cause of an *Error when the kernel
	// cannot create devices of a kind (its module is missing).
	ErrNotSupported = errors.New("kind not supported by the kernel")
	// ErrUnsupportedOS is what Open returns on systems other than
	// Linux.
	ErrUnsupportedOS = errors.New("kernel interfaces are not supported on this OS")
)

// Error is a failed step: what was being done, to which device, and
// why.
type Error struct {
	// Op is the step, naming the device and what it was asked, e.g.
	// "create bridge br0" or "set master of eth1 to br0"; for
	// Supports, what the kernel cannot do ("kernel cannot create bond
	// devices").
	Op string
	// Link is the device the step was about.
	Link string
	// Err is the cause: ErrNoLink, ErrExists, ErrNotSupported, or the
	// kernel's answer (errors.Is finds its syscall.Errno).
	Err error
}

func (e *Error) Error() string { return e.Op + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// cause is a kernel answer given a meaning: its text is msg, and
// errors.Is finds both the sentinel and the errno.
type cause struct {
	msg      string
	sentinel error
	errno    syscall.Errno
}

func (c *cause) Error() string { return c.msg }

func (c *cause) Unwrap() []error {
	var errs []error
	if c.sentinel != nil {
		errs = append(errs, c.sentinel)
	}
	if c.errno != 0 {
		errs = append(errs, c.errno)
	}
	return errs
}
