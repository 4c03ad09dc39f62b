// Package lenses holds the project's own lens modules, written from
// scratch in Augeas's lens language and embedded in the binary: the
// helper libraries Util, Rx, Sep and Build, and the lenses Shellvars
// (ifcfg and other shell-variable files), Interfaces (Debian
// /etc/network/interfaces), Sysctl, Modprobe, Hosts and Resolv. Each
// module carries the name, the public definitions and the autoload filter
// of Augeas 1.14's module of the same name, and produces the same trees
// and the same bytes after edits, so scripts and user lenses written for
// Augeas keep working. A filter has Augeas's globs joined so that they
// come in Augeas's order too: /augeas/load shows it, and it decides the
// order of the files in /files.
//
// FS is searched after the user's directories (see lang.DefaultPath).
// The modules' own tests are in tests/test_<name>.aug (run with
// `lensnet check`); testdata/golden holds txtar cases (input, tree,
// edits, output) rewritten with LENSNET_UPDATE=1.
package lenses
