// Package xform will hold the declarative transform engine that maps
// between the configuration tree and libvirt's interface XML.
package xform
