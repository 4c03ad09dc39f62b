package dnsmasq_test

import (
	"fmt"

	"github.com/lensnet/lensnet/internal/dnsmasq"
)

// A network's config, one option a line; a value that would smuggle
// in a second option is refused.
func ExampleConf() {
	var c dnsmasq.Conf
	for _, kv := range [][2]string{
		{"interface", "virbr0"},
		{"dhcp-range", "192.168.122.2,192.168.122.254,255.255.255.0"},
		{"dhcp-hostsfile", "/run/lensnet/network/default.hostsfile"},
	} {
		if err := c.Add(kv[0], kv[1]); err != nil {
			fmt.Println(err)
		}
	}
	if err := c.Flag("bind-dynamic"); err != nil {
		fmt.Println(err)
	}
	fmt.Print(c.String())
	fmt.Println(c.Add("interface", "virbr0\ndhcp-script=/tmp/evil"))
	// Output:
	// interface=virbr0
	// dhcp-range=192.168.122.2,192.168.122.254,255.255.255.0
	// dhcp-hostsfile=/run/lensnet/network/default.hostsfile
	// bind-dynamic
	// interface: invalid dnsmasq value "virbr0\ndhcp-script=/tmp/evil": a line break would start another option
}

// Starting a network's dnsmasq in the namespace "guests", updating its
// DHCP hosts live, and stopping it.
func ExampleStart() {
	o := dnsmasq.Options{
		NetNS:    "guests",
		ConfFile: "/run/lensnet/network/default.conf",
		PidFile:  "/run/lensnet/network/default.pid",
	}
	pid, err := dnsmasq.Start(o)
	if err != nil {
		fmt.Println(err) // e.g. start dnsmasq: bad option at line 4 of /run/lensnet/network/default.conf
		return
	}
	fmt.Println("dnsmasq runs as pid", pid)
	// ... after rewriting default.hostsfile:
	if err := o.Reload(); err != nil {
		fmt.Println(err)
	}
	// ... on destroy:
	if err := o.Stop(); err != nil {
		fmt.Println(err)
	}
}
