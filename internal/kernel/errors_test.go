package kernel_test

import (
	"net/netip"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/kernel"
	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
)

// TestErrors checks that each failed step is one line naming the
// device and the step, and that errors.Is finds what went wrong.
func TestErrors(t *testing.T) {
	_, h := kerneltest.NS(t)
	require.NoError(t, h.CreateBridge("br0", nil, nil))
	require.NoError(t, h.CreateVeth("v0", "v1"))
	on := true

	for _, c := range []struct {
		name string
		do   func() error
		is   error // errors.Is(err, is)
		msg  string
		link string
	}{
		{"read a missing device", func() error { _, err := h.Link("nosuch"); return err },
			kernel.ErrNoLink, "read link nosuch: no such device nosuch", "nosuch"},
		{"bring a missing device up", func() error { return h.SetUp("nosuch", true) },
			kernel.ErrNoLink, "bring nosuch up: no such device nosuch", "nosuch"},
		{"delete a missing device", func() error { return h.Delete("nosuch") },
			kernel.ErrNoLink, "delete nosuch: no such device nosuch", "nosuch"},
		{"create a bridge over a bridge", func() error { return h.CreateBridge("br0", &on, nil) },
			kernel.ErrExists, "create bridge br0: a device called br0 already exists", "br0"},
		{"create a bridge over a veth", func() error { return h.CreateBridge("v1", nil, nil) },
			kernel.ErrExists, "create bridge v1: a device called v1 already exists", "v1"},
		{"create a veth over a bridge", func() error { return h.CreateVeth("br0", "x1") },
			kernel.ErrExists, "create veth br0 (peer x1): a device called br0 already exists", "br0"},
		{"bad MAC", func() error { return h.SetMAC("br0", "02:00:zz:00:00:01") },
			nil, `set mac of br0 to "02:00:zz:00:00:01": not a MAC address`, "br0"},
		{"multicast MAC", func() error { return h.SetMAC("br0", "01:00:5e:00:00:01") },
			syscall.EADDRNOTAVAIL, `set mac of br0 to "01:00:5e:00:00:01": cannot assign requested address`, "br0"},
		{"enslave to a missing master", func() error { return h.SetMaster("v0", "nosuch") },
			kernel.ErrNoLink, "set master of v0 to nosuch: no such device nosuch", "v0"},
		{"enslave a missing device", func() error { return h.SetMaster("nosuch", "br0") },
			kernel.ErrNoLink, "set master of nosuch to br0: no such device nosuch", "nosuch"},
		{"MTU the kernel refuses", func() error { return h.SetMTU("v0", 10) },
			syscall.EINVAL, "set mtu of v0 to 10: invalid argument", "v0"},
		{"MTU zero", func() error { return h.SetMTU("v0", 0) },
			nil, "set mtu of v0 to 0: an MTU is a positive number of bytes", "v0"},
		{"bridge name too long", func() error { return h.CreateBridge("abcdefghijklmnop", nil, nil) },
			nil, "create bridge abcdefghijklmnop: invalid device name (1 to 15 bytes, no '/', ':' or spaces)", "abcdefghijklmnop"},
		{"negative forward delay", func() error { d := -1.0; return h.CreateBridge("br1", &on, &d) },
			nil, "create bridge br1: forward delay -1 is not a number of seconds from 0", "br1"},
		{"address not there", func() error { return h.DelAddr("br0", netip.MustParsePrefix("198.51.100.1/24")) },
			syscall.EADDRNOTAVAIL, "remove address 198.51.100.1/24 from br0: the address is not on br0", "br0"},
		{"invalid address", func() error { return h.AddAddr("br0", netip.Prefix{}) },
			nil, "add address invalid Prefix to br0: not an address with a prefix length", "br0"},
		{"route to a gateway off the device's subnets", func() error { return h.AddDefaultRoute("v0", netip.MustParseAddr("198.51.100.1")) },
			syscall.ENETUNREACH, "add default route via 198.51.100.1 on v0: the gateway is not reachable: v0 must be up with an address in its subnet", "v0"},
		{"both bond monitors", func() error { return h.CreateBond("bond0", kernel.BondSpec{MIIMon: 100, ARPInterval: 100}) },
			nil, "create bond bond0: the MII and ARP monitors exclude each other: set miimon or arp_interval, not both", "bond0"},
		{"unknown bond mode", func() error { return h.CreateBond("bond0", kernel.BondSpec{Mode: "fastest"}) },
			nil, `create bond bond0: unknown bond mode "fastest" (want one of balance-rr, active-backup, balance-xor, broadcast, 802.3ad, balance-tlb, balance-alb)`, "bond0"},
		{"IPv6 ARP target", func() error {
			return h.CreateBond("bond0", kernel.BondSpec{ARPInterval: 100, ARPTargets: []netip.Addr{netip.MustParseAddr("2001:db8::1")}})
		}, nil, "create bond bond0: arp target 2001:db8::1 is not an IPv4 address", "bond0"},
		{"vlan tag out of range", func() error { return h.CreateVLAN("v0.5000", "v0", 5000) },
			nil, "create vlan v0.5000 (tag 5000 on v0): vlan tag 5000 is not in 0-4095", "v0.5000"},
		{"vlan on a missing parent", func() error { return h.CreateVLAN("nosuch.5", "nosuch", 5) },
			kernel.ErrNoLink, "create vlan nosuch.5 (tag 5 on nosuch): no such device nosuch", "nosuch.5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.do()
			require.Error(t, err)
			assert.Equal(t, c.msg, err.Error())
			assert.NotContains(t, err.Error(), "\n")
			assert.Equal(t, strings.ToLower(err.Error()[:1]), err.Error()[:1], "lower case")
			var e *kernel.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.link, e.Link)
			if c.is != nil {
				assert.ErrorIs(t, err, c.is)
			}
		})
	}

	links, err := h.Links()
	require.NoError(t, err)
	var names []string
	for _, l := range links {
		names = append(names, l.Name)
	}
	assert.Equal(t, []string{"br0", "lo", "v0", "v1"}, names, "no failed step left a device behind")
}
