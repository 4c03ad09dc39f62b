package iface_test

import (
	"fmt"
	"os"
	"path/filepath"

	_ "github.com/lensnet/lensnet/backends/initscripts"
	"github.com/lensnet/lensnet/iface"
)

// Define an interface on a root with RHEL's ifcfg files and read it
// back in libvirt's canonical form.
func Example() {
	root, _ := os.MkdirTemp("", "lensnet-example")
	defer os.RemoveAll(root)
	_ = os.MkdirAll(filepath.Join(root, "etc/sysconfig/network-scripts"), 0o755)

	c, err := iface.Open(iface.Options{Root: root})
	if err != nil {
		panic(err)
	}
	name, err := c.Define([]byte(`<interface type="ethernet" name="eth0">
	  <protocol family="ipv4"><ip address="192.0.2.10" prefix="24"/></protocol>
	  <start mode="onboot"/>
	</interface>`), "eth0.xml")
	if err != nil {
		panic(err)
	}
	b, _ := os.ReadFile(filepath.Join(root, "etc/sysconfig/network-scripts/ifcfg-eth0"))
	fmt.Print(string(b))
	x, _ := c.XML(name)
	fmt.Print(string(x))
	// Output:
	// DEVICE=eth0
	// ONBOOT=yes
	// BOOTPROTO=none
	// IPADDR=192.0.2.10
	// NETMASK=255.255.255.0
	// <interface type='ethernet' name='eth0'>
	//   <start mode='onboot'/>
	//   <protocol family='ipv4'>
	//     <ip address='192.0.2.10' prefix='24'/>
	//   </protocol>
	// </interface>
}
