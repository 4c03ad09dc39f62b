// Package lens will hold the bidirectional lens combinators (del, store,
// key, label, seq, subtree, concatenation, union, iteration, recursion)
// with get, put and create, and their type checking.
//
// The regular languages the lenses are built from live in the subpackage
// lens/regular.
package lens
