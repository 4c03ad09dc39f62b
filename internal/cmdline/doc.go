// Package cmdline reads augtool command lines: how a line of a script
// (or of the lens tests' edit lists) splits into a command and its
// arguments.
package cmdline
