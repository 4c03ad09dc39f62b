//go:build !linux

package main

// hugePageHeap does nothing outside Linux (see hugepages_linux.go).
func hugePageHeap() (collect bool) { return false }
