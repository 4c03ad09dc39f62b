package vnet

import (
	"errors"
	"fmt"
	"regexp"
)

// The errors of the API, for errors.Is and errors.As; an XML error is a
// *netxml.Error.
var (
	// ErrNoNetwork: no network of that name or UUID.
	ErrNoNetwork = errors.New("no such network")
	// ErrExists: a network of that name or UUID exists already.
	ErrExists = errors.New("network already exists")
	// ErrInvalidState: not valid now (starting an active network,
	// autostart of a transient one...).
	ErrInvalidState = errors.New("operation invalid in this state")
)

// validName is what a network may be called: it becomes a file name, a
// bridge name part and a process argument, so nothing that could reach
// another directory or read as an option.
var validName = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.+:-]{0,63}$`)

func checkName(name string) error {
	if !validName.MatchString(name) || name == "." || name == ".." {
		return fmt.Errorf("network name %q: use letters, digits and _ . + : - (not first), at most 64", name)
	}
	return nil
}

func joinErrs(errs []error) error { return errors.Join(errs...) }
