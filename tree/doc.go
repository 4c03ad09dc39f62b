// Package tree will hold the ordered, labelled tree that lenses produce
// from configuration files, and the path language that addresses it.
package tree
