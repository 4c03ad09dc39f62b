package debian_test

import (
	"fmt"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/backends/debian"
	"github.com/spf13/afero"
)

// A bridge defined on a root with an empty interfaces file, and read
// back.
func Example() {
	fs := afero.NewMemMapFs()
	_ = afero.WriteFile(fs, debian.Interfaces, []byte("auto lo\niface lo inet loopback\n"), 0o644)
	d, err := debian.Open(fs)
	if err != nil {
		panic(err)
	}
	doc := etree.NewDocument()
	_ = doc.ReadFromString(`<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <protocol family='ipv4'><dhcp/><ip address='10.0.0.2' prefix='24'/></protocol>
  <bridge stp='off'><interface type='ethernet' name='eth0'><mac address='52:54:00:aa:bb:cc'/></interface></bridge>
</interface>`)
	if err := d.Define(doc.Root()); err != nil {
		panic(err)
	}
	b, _ := afero.ReadFile(fs, debian.Interfaces)
	fmt.Print(string(b))
	names, _ := d.List()
	fmt.Println(names)
	// Output:
	// auto lo
	// iface lo inet loopback
	// auto br0
	// iface br0 inet dhcp
	//    bridge_ports eth0
	//    bridge_stp off
	// iface br0 inet static
	//    address 10.0.0.2
	//    netmask 255.255.255.0
	// iface eth0 inet manual
	//    hwaddress ether 52:54:00:aa:bb:cc
	// [br0 lo]
}
