package kernel_test

import (
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestSupports probes kinds the CI kernel has and kinds it lacks, and
// checks that a probe leaves nothing behind.
func TestSupports(t *testing.T) {
	ns, h := kerneltest.NS(t)
	for _, kind := range []string{"bridge", "veth", "macvlan", "macvtap"} {
		assert.NoError(t, h.Supports(kind), kind)
	}
	for _, kind := range []string{"bond", "vlan"} {
		err := h.Supports(kind)
		if err == nil {
			t.Logf("this kernel creates %s devices", kind)
			continue
		}
		assert.EqualError(t, err, "kernel cannot create "+kind+" devices: Unknown device type")
		assert.ErrorIs(t, err, kernel.ErrNotSupported)
		assert.ErrorIs(t, err, syscall.EOPNOTSUPP)
		assert.Equal(t, err, h.Supports(kind), "probed once, remembered")
	}
	err := h.Supports("no-such-kind")
	assert.EqualError(t, err, "kernel cannot create no-such-kind devices: Unknown device type")
	assert.ErrorIs(t, err, kernel.ErrNotSupported)
	assert.Error(t, h.Supports(""))

	links, err := h.Links()
	require.NoError(t, err)
	require.Len(t, links, 1, "the probes' devices are gone: %v", links)
	assert.Equal(t, "lo", links[0].Name)
	assert.Len(t, kerneltest.IPJSON(t, ns, "link", "show"), 1)
}

// TestCreateUnsupported checks that creating a kind the kernel lacks
// fails with the probe's reason, naming the device.
func TestCreateUnsupported(t *testing.T) {
	_, h := kerneltest.NS(t)
	require.NoError(t, h.CreateVeth("v0", "v1"))
	for _, c := range []struct {
		kind, op string
		create   func() error
	}{
		{"bond", "create bond bond0", func() error { return h.CreateBond("bond0", kernel.BondSpec{Mode: "active-backup"}) }},
		{"vlan", "create vlan v0.7 (tag 7 on v0)", func() error { return h.CreateVLAN("v0.7", "v0", 7) }},
	} {
		if h.Supports(c.kind) == nil {
			continue // TestBond and TestVLAN cover it
		}
		err := c.create()
		assert.EqualError(t, err, c.op+": kernel cannot create "+c.kind+" devices: Unknown device type")
		assert.ErrorIs(t, err, kernel.ErrNotSupported)
	}
}
