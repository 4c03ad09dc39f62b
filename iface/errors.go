package iface

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/iface/ifxml"
)

// The errors of the API, for errors.Is and errors.As. An XML error is
// an *ifxml.Error (file, line, element); the others are below.
var (
	// ErrNoInterface: no interface of that name (or MAC).
	ErrNoInterface = backends.ErrNotFound
	// ErrExists: an interface of that name exists already (iface-bridge
	// onto an existing bridge name, a transient create over a defined
	// or live one).
	ErrExists = errors.New("interface already exists")
	// ErrInvalidState: the operation is not valid now (a transaction
	// begun twice, a commit or rollback with none open, stopping an
	// interface that is not up...).
	ErrInvalidState = errors.New("operation invalid in this state")
	// ErrNotSupported: the engine or backend cannot do this.
	ErrNotSupported = errors.New("not supported")
)

// ErrNotFound is ErrNoInterface's older name.
var ErrNotFound = ErrNoInterface

// XMLError is the error invalid interface XML gives.
type XMLError = ifxml.Error

// AmbiguousMACError says a MAC belongs to several interfaces (a bridge
// shares its port's MAC): look the interface up by name.
type AmbiguousMACError struct {
	MAC   string
	Names []string
}

func (e *AmbiguousMACError) Error() string {
	return fmt.Sprintf("MAC %s belongs to several interfaces: %s", e.MAC, strings.Join(e.Names, ", "))
}

// BackendError is a failure of the configuration regime: a file that
// does not parse or cannot be saved, a definition the files cannot take.
type BackendError struct {
	Backend string
	Err     error
}

func (e *BackendError) Error() string { return e.Err.Error() }
func (e *BackendError) Unwrap() error { return e.Err }

// ActivationError is a failed start or stop: the engine, the step and
// the tool's output (ifup's stderr, the netlink error).
type ActivationError struct {
	Engine    string
	Interface string
	Op        string // "start" or "stop"
	Output    string // what the tool printed, trimmed
	Err       error
}

func (e *ActivationError) Error() string {
	msg := fmt.Sprintf("%s %s (%s engine): %v", e.Op, e.Interface, e.Engine, e.Err)
	if out := strings.TrimSpace(e.Output); out != "" {
		msg += ": " + strings.Join(strings.Fields(out), " ")
	}
	return msg
}

func (e *ActivationError) Unwrap() error { return e.Err }

// backendErr wraps a driver's error, keeping the API's own kinds as
// they are.
func (c *Conn) backendErr(err error) error {
	var xe *ifxml.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrNoInterface), errors.Is(err, ErrExists), errors.Is(err, ErrInvalidState), errors.As(err, &xe):
		return err
	}
	return &BackendError{Backend: c.backend, Err: err}
}
