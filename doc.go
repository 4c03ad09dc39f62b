// Package lensnet is the user-facing handle of lensnet, a pure-Go,
// Augeas-compatible lens engine for configuration files: open a root,
// load files through lenses into a tree, query and edit the tree, and save
// the files back with every untouched byte preserved.
//
// Open takes an afero.Fs (or a root directory on the real disk, which
// names never leave) and the transforms that say which lens reads which
// files: the autoload transforms of the lens modules on the search path
// (the project's own, embedded, and Augeas's if installed) and explicit
// "Lens incl GLOB" ones. Get, Match, Set, SetMultiple, Clear,
// ClearMultiple, Touch, Remove, Insert, Label, Rename, Move, Copy,
// DefineVariable and DefineNode work on the tree with Augeas's path
// language (package tree); Source and Preview name a node's file and
// show the text a save would write; Save writes back,
// atomically, only the files whose trees changed, and never a file that
// failed to load. Errors lists the files' load and save errors, as
// augtool's /augeas/files/<path>/error.
//
// This is the first part of the handle: string variables, Span,
// LoadFile and the rest of the /augeas meta tree are still to come (see
// README.md).
package lensnet
