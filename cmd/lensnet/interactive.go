package main

import (
	"io"
	"os"
)

// isTerminal reports whether r is a terminal (the interactive shell
// runs then).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// interactive runs the shell on a terminal. For now it reads commands
// as a script does; line editing, history and completion come next.
func (s *shell) interactive(in io.Reader) int {
	return s.script(in, false)
}
