package kernel_test

import (
	"fmt"
	"net/netip"

	"github.com/lensnet/lensnet/internal/kernel"
)

// A link's addresses include the ones the kernel makes by itself;
// GlobalAddrs leaves them out.
func ExampleLink_GlobalAddrs() {
	l := kernel.Link{Name: "br0", Addrs: []netip.Prefix{
		netip.MustParsePrefix("192.0.2.1/24"),
		netip.MustParsePrefix("fe80::1/64"),
		netip.MustParsePrefix("2001:db8::1/64"),
	}}
	fmt.Println(l.GlobalAddrs())
	// Output: [192.0.2.1/24 2001:db8::1/64]
}

// Bringing up a bridge with one port and an address, step by step,
// in the namespace "guests" (created beforehand with `ip netns add`).
func ExampleHandle_CreateBridge() {
	h, err := kernel.Open("guests")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer h.Close()
	stp, delay := true, 2.0
	for _, step := range []func() error{
		func() error { return h.CreateBridge("br0", &stp, &delay) },
		func() error { return h.SetMaster("eth1", "br0") },
		func() error { return h.SetUp("eth1", true) },
		func() error { return h.SetUp("br0", true) },
		func() error { return h.AddAddr("br0", netip.MustParsePrefix("192.0.2.1/24")) },
		func() error { return h.AddDefaultRoute("br0", netip.MustParseAddr("192.0.2.254")) },
	} {
		if err := step(); err != nil {
			fmt.Println(err) // e.g. set master of eth1 to br0: no such device eth1
			return
		}
	}
}

// Turning on IPv4 forwarding in the namespace "guests" only: the
// host's own net.ipv4.ip_forward stays as it is.
func ExampleHandle_SetSysctl() {
	h, err := kernel.Open("guests")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer h.Close()
	if err := h.SetSysctl("net.ipv4.ip_forward", "1"); err != nil {
		fmt.Println(err)
		return
	}
	v, err := h.Sysctl("net.ipv4.ip_forward")
	fmt.Println(v, err) // 1 <nil>
}
