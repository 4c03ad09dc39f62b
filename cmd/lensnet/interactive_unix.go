//go:build unix

package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// reopenStdin makes the file name the process's standard input.
func reopenStdin(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Dup2(int(f.Fd()), int(os.Stdin.Fd()))
}
