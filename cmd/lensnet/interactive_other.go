//go:build !unix

package main

import "errors"

// reopenStdin is not supported off Unix.
func reopenStdin(string) error {
	return errors.New("not supported on this system")
}
