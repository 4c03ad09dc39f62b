//go:build !linux

package tmpfstest

import "testing"

// Dir skips the test: mount namespaces are Linux's.
func Dir(t *testing.T, size int) string {
	t.Skip("a private mount namespace needs Linux")
	return ""
}

// Fill is not reached: Dir skips.
func Fill(t *testing.T, dir, name string, room int) int {
	t.Skip("a private mount namespace needs Linux")
	return 0
}
