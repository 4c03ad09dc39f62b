// Package lensnet is the user-facing handle of lensnet, a pure-Go,
// Augeas-compatible lens engine for configuration files: open a root,
// load files through lenses into a tree, query and edit the tree, and save
// the files back with every untouched byte preserved.
//
// Open takes an afero.Fs (or a root directory on the real disk, which
// names never leave) and the transforms that say which lens reads which
// files: the autoload transforms of the lens modules on the search path
// (the project's own, embedded, and Augeas's if installed) and explicit
// "Lens incl GLOB" ones. Load reads every file a transform claims,
// LoadFile one of them.
//
// Get, Match, Set, SetMultiple, Clear, ClearMultiple, Touch, Remove,
// Insert, Label, Rename, Move, Copy, DefineVariable and DefineNode work
// on the tree with Augeas's path language (package tree); variables
// hold node sets, strings, numbers or booleans. A path is parsed once:
// the verbs keep the parses of the last path strings they were given,
// and GetPath, MatchPath and SetPath take a path compiled with
// tree.ParsePath. Source and Preview name a node's file and show the
// text a save would write; Span says where a node's text is in its
// file; Store and Retrieve read and write text held in the tree with a
// lens.
//
// Save writes back, atomically and in the handle's SaveMode, only the
// files whose trees changed, and never a file that failed to load; its
// error holds a *FileError for each file it did not write. Errors
// lists the files' load and save errors, as augtool's
// /augeas/files/<path>/error. The /augeas tree holds Augeas's metadata
// (root, context, variables, load, save, span, version), which
// scripts read and write as they do augtool's.
//
// Where things are:
//
//	open.go     Options, Handle, Open; transforms (autoload, Transform, /augeas/load) and their lenses
//	load.go     Load and LoadFile: globbing, reading and parsing files in parallel, load errors
//	ondemand.go reading each file when a verb's path can first reach it
//	autoloadcache.go, parsecache.go
//	            the caches of Options.CacheDir: autoload filters, trees read
//	save.go     SaveMode and Save: writing changed and new files, removing removed ones
//	verbs.go    the tree verbs (Get, Set, Match, ... and their compiled-path forms)
//	path.go     evaluating paths: context, variables, the cache of parsed paths
//	errors.go   the sentinel errors, FileError, TextError, Errors
//	meta.go     the /augeas tree: versions, context, Info
//	text.go     Store and Retrieve
//	span.go     Span
//	treeutil.go small helpers on tree nodes
package lensnet
