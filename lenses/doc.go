// Package lenses will hold the project's own lens modules, written in
// Augeas's lens language and embedded in the binary.
package lenses
