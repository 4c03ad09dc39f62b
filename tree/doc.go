// Package tree holds the ordered, labelled tree that lenses produce from
// configuration files.
//
// A Node has an optional label (a node without one is hidden: augtool
// never prints it and path expressions never match it), an optional value
// (an absent value is not the same as the empty string), an ordered list
// of children and the byte span of the text it was read from.
//
// The canonical text form of a tree is augtool's print format, produced by
// Dump and Fprint:
//
//	/1/ipaddr = "127.0.0.1"
//	/1/canonical = "localhost"
//
// A label is followed by [n] only where its parent has more than one child
// with that label; hidden nodes and everything under them are skipped.
package tree
