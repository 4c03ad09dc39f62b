package kernel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestOpen checks that a handle reaches its namespace and no other:
// a new namespace holds lo only, and a device made through one handle
// is seen by another on the same namespace (opened by path) and not
// by a handle on a second namespace.
func TestOpen(t *testing.T) {
	ns, h := kerneltest.NS(t)
	_, other := kerneltest.NS(t)
	links, err := h.Links()
	require.NoError(t, err)
	require.Len(t, links, 1)
	assert.Equal(t, "lo", links[0].Name)

	require.NoError(t, h.CreateBridge("brx", nil, nil))
	byPath, err := kernel.Open("/run/netns/" + ns)
	require.NoError(t, err)
	defer byPath.Close()
	l, err := byPath.Link("brx")
	require.NoError(t, err)
	assert.Equal(t, "bridge", l.Kind)
	assert.Equal(t, &kernel.BridgeInfo{STP: false, ForwardDelay: 15}, l.Bridge, "the kernel's defaults")
	_, err = other.Link("brx")
	assert.ErrorIs(t, err, kernel.ErrNoLink)

	for _, name := range []string{"lensnet-test-does-not-exist", "..", "/nonexistent/ns"} {
		_, err := kernel.Open(name)
		assert.Error(t, err, name)
	}
}
