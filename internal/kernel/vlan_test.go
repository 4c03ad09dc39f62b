package kernel_test

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestVLAN creates a vlan on a veth, gives it an address and reads
// its tag and parent back, from netlink and from `ip -j -d link`. It
// runs where the kernel has the 8021q driver.
func TestVLAN(t *testing.T) {
	ns, h := kerneltest.NS(t)
	if err := h.Supports("vlan"); err != nil {
		t.Skip(err)
	}
	require.NoError(t, h.CreateVeth("v0", "v1"))
	require.NoError(t, h.CreateVLAN("v0.42", "v0", 42))
	require.NoError(t, h.SetUp("v0", true))
	require.NoError(t, h.SetUp("v0.42", true))
	addr := netip.MustParsePrefix("198.51.100.7/24")
	require.NoError(t, h.AddAddr("v0.42", addr))

	l, err := h.Link("v0.42")
	require.NoError(t, err)
	assert.Equal(t, "vlan", l.Kind)
	assert.Equal(t, &kernel.VLANInfo{ID: 42, Parent: "v0"}, l.VLAN)
	assert.Equal(t, []netip.Prefix{addr}, l.GlobalAddrs())
	assert.True(t, l.Up)

	v := byName(kerneltest.IPJSON(t, ns, "link", "show"), "ifname")["v0.42"]
	require.NotNil(t, v)
	assert.Equal(t, "vlan", dig(v, "linkinfo", "info_kind"))
	assert.EqualValues(t, 42, dig(v, "linkinfo", "info_data", "id"))
	assert.Equal(t, "v0", v["link"])

	err = h.CreateVLAN("v0.42", "v0", 43)
	assert.ErrorIs(t, err, kernel.ErrExists)

	require.NoError(t, h.Delete("v0.42"))
	_, err = h.Link("v0.42")
	assert.ErrorIs(t, err, kernel.ErrNoLink)
	require.NoError(t, h.Delete("v0"))
}
