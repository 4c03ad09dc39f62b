package netxml_test

import (
	"fmt"
	"net/netip"
	"os"

	"github.com/lensnet/lensnet/vnet/netxml"
)

// Reading fills in what libvirt fills in (the forward mode, the forward
// device as the pool's first interface, stp and delay) and writing gives
// libvirt's canonical form.
func ExampleParse() {
	n, err := netxml.Parse([]byte(`<network>
  <name>default</name>
  <bridge name="virbr0"/>
  <forward dev="eth0"/>
  <ip address="192.168.122.1" netmask="255.255.255.0">
    <dhcp><range start="192.168.122.2" end="192.168.122.254"/></dhcp>
  </ip>
</network>`), "default.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	n.Write(os.Stdout)
	// Output:
	// <network>
	//   <name>default</name>
	//   <forward dev='eth0' mode='nat'>
	//     <interface dev='eth0'/>
	//   </forward>
	//   <bridge name='virbr0' stp='on' delay='0'/>
	//   <ip address='192.168.122.1' netmask='255.255.255.0'>
	//     <dhcp>
	//       <range start='192.168.122.2' end='192.168.122.254'/>
	//     </dhcp>
	//   </ip>
	// </network>
}

// Errors name the file, the line, the element and what is wrong.
func ExampleError() {
	_, err := netxml.Parse([]byte(`<network>
  <name>lab</name>
  <ip address='192.168.1.1' prefix='24'>
    <dhcp>
      <range start='192.168.2.10' end='192.168.2.20'/>
    </dhcp>
  </ip>
</network>`), "lab.xml")
	fmt.Println(err)
	// Output:
	// lab.xml:5: <network>/<ip address='192.168.1.1'>/<dhcp>/<range start='192.168.2.10'>: the range 192.168.2.10-192.168.2.20 is not inside the network 192.168.1.0/24
}

// Update is virsh net-update: here a static DHCP host is added.
func ExampleNetwork_Update() {
	n, _ := netxml.Parse([]byte(`<network><name>lab</name>
  <ip address='192.168.1.1' prefix='24'><dhcp><range start='192.168.1.100' end='192.168.1.200'/></dhcp></ip>
</network>`), "")
	err := n.Update("ip-dhcp-host", "add-last", -1, []byte(`<host mac='52:54:00:00:00:01' name='vm1' ip='192.168.1.10'/>`))
	fmt.Println(err, len(n.IPs[0].DHCP.Hosts), n.IPs[0].DHCP.Hosts[0].Name)
	err = n.Update("ip-dhcp-host", "add-last", -1, []byte(`<host mac='52:54:00:00:00:01' name='vm2' ip='192.168.1.11'/>`))
	fmt.Println(err)
	// Output:
	// <nil> 1 vm1
	// <network>/<ip address='192.168.1.1'>/<dhcp>: a host matching <host mac='52:54:00:00:00:01' name='vm2' ip='192.168.1.11'> exists already
}

// A network built in Go gets a UUID as libvirt gives one, and is
// checked against the host's other networks.
func ExampleCheckConflicts() {
	running := &netxml.Network{Name: "default", Bridge: &netxml.Bridge{Name: "virbr0", STP: new(true), Delay: new(uint64(0))},
		IPs: []netxml.IP{{Address: netip.MustParseAddr("192.168.122.1"), Prefix: new(uint8(24))}}}
	n := &netxml.Network{Name: "lab", Bridge: &netxml.Bridge{Name: "virbr1", STP: new(true), Delay: new(uint64(0))},
		IPs: []netxml.IP{{Address: netip.MustParseAddr("192.168.122.129"), Prefix: new(uint8(25))}}}
	if err := n.EnsureUUID(); err != nil {
		fmt.Println(err)
	}
	fmt.Println(len(n.UUID), n.Validate())
	fmt.Println(netxml.CheckConflicts(n, []*netxml.Network{running}, func(*netxml.Network) bool { return true }))
	// Output:
	// 36 <nil>
	// <network>/<ip address='192.168.122.129'>: the subnet 192.168.122.128/25 overlaps 192.168.122.0/24 of running network default
}
