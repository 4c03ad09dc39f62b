// Package lenses holds the project's own lens modules, written in
// Augeas's lens language and embedded in the binary. FS is searched after
// the user's directories (see lang.DefaultPath).
package lenses
