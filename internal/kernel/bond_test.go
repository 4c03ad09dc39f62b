package kernel_test

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestBond creates bonds with the MII and with the ARP monitor,
// enslaves veths to one and reads both back, from netlink and from
// `ip -j -d link`. It runs where the kernel has the bonding driver.
func TestBond(t *testing.T) {
	ns, h := kerneltest.NS(t)
	if err := h.Supports("bond"); err != nil {
		t.Skip(err)
	}
	carrier := true
	require.NoError(t, h.CreateBond("bond0", kernel.BondSpec{Mode: "active-backup", MIIMon: 100, UpDelay: 200, DownDelay: 300, UseCarrier: &carrier}))
	targets := []netip.Addr{netip.MustParseAddr("192.0.2.9"), netip.MustParseAddr("192.0.2.10")}
	require.NoError(t, h.CreateBond("bond1", kernel.BondSpec{Mode: "balance-xor", ARPInterval: 1000, ARPTargets: targets, ARPValidate: "all"}))
	// Ports are enslaved while down, as older kernels insist.
	require.NoError(t, h.CreateVeth("e0", "e0peer"))
	require.NoError(t, h.CreateVeth("e1", "e1peer"))
	require.NoError(t, h.SetMaster("e0", "bond0"))
	require.NoError(t, h.SetMaster("e1", "bond0"))
	require.NoError(t, h.SetUp("bond0", true))

	b0, err := h.Link("bond0")
	require.NoError(t, err)
	assert.Equal(t, "bond", b0.Kind)
	assert.True(t, b0.Up)
	assert.Equal(t, &kernel.BondInfo{Mode: "active-backup", MIIMon: 100, UpDelay: 200, DownDelay: 300, UseCarrier: true, ARPValidate: "none"}, b0.Bond)
	b1, err := h.Link("bond1")
	require.NoError(t, err)
	require.NotNil(t, b1.Bond)
	assert.Equal(t, "balance-xor", b1.Bond.Mode)
	assert.Equal(t, 0, b1.Bond.MIIMon)
	assert.Equal(t, 1000, b1.Bond.ARPInterval)
	assert.Equal(t, targets, b1.Bond.ARPTargets)
	assert.Equal(t, "all", b1.Bond.ARPValidate)
	for _, port := range []string{"e0", "e1"} {
		l, err := h.Link(port)
		require.NoError(t, err)
		assert.Equal(t, "bond0", l.Master, port)
	}

	links := byName(kerneltest.IPJSON(t, ns, "link", "show"), "ifname")
	assert.Equal(t, "bond", dig(links["bond0"], "linkinfo", "info_kind"))
	assert.Equal(t, "active-backup", dig(links["bond0"], "linkinfo", "info_data", "mode"))
	assert.EqualValues(t, 100, dig(links["bond0"], "linkinfo", "info_data", "miimon"))
	assert.EqualValues(t, 200, dig(links["bond0"], "linkinfo", "info_data", "updelay"))
	assert.EqualValues(t, 300, dig(links["bond0"], "linkinfo", "info_data", "downdelay"))
	assert.EqualValues(t, 1, dig(links["bond0"], "linkinfo", "info_data", "use_carrier"))
	assert.Equal(t, "balance-xor", dig(links["bond1"], "linkinfo", "info_data", "mode"))
	assert.EqualValues(t, 1000, dig(links["bond1"], "linkinfo", "info_data", "arp_interval"))
	assert.Equal(t, []any{"192.0.2.9", "192.0.2.10"}, dig(links["bond1"], "linkinfo", "info_data", "arp_ip_target"))
	assert.Equal(t, "all", dig(links["bond1"], "linkinfo", "info_data", "arp_validate"))
	for _, port := range []string{"e0", "e1"} {
		assert.Equal(t, "bond0", links[port]["master"], port)
	}

	err = h.CreateBond("bond0", kernel.BondSpec{})
	assert.ErrorIs(t, err, kernel.ErrExists)
	assert.EqualError(t, err, "create bond bond0: a device called bond0 already exists")

	require.NoError(t, h.SetMaster("e0", ""))
	l, err := h.Link("e0")
	require.NoError(t, err)
	assert.Equal(t, "", l.Master)
	for _, name := range []string{"bond0", "bond1", "e0", "e1"} {
		require.NoError(t, h.Delete(name))
	}
	links2, err := h.Links()
	require.NoError(t, err)
	assert.Len(t, links2, 1)
}
