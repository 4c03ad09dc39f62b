// Package lensnet is the user-facing handle of lensnet, a pure-Go,
// Augeas-compatible lens engine for configuration files: open a root,
// load files through lenses into a tree, query and edit the tree, and save
// the files back with every untouched byte preserved.
//
// The handle is not written yet; the engine underneath grows in the
// packages lens (regular languages in lens/regular), tree, xform and
// backends. See README.md for what is supported today.
package lensnet
