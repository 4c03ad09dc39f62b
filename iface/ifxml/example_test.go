package ifxml_test

import (
	"errors"
	"fmt"
	"net/netip"
	"os"
	"strings"

	"github.com/lensnet/lensnet/iface/ifxml"
)

// Read a netcf-style document (double quotes, self-closed containers,
// any element order) and write it in libvirt's canonical form.
func Example_read() {
	doc := `<interface type="bridge" name="br0">
  <bridge stp="off" delay="0.01">
    <interface type="ethernet" name="eth0"/>
  </bridge>
  <protocol family="ipv4"><dhcp/></protocol>
  <start mode="onboot"/>
</interface>`
	ifc, err := ifxml.Read(strings.NewReader(doc), "br0.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ifc.Name, ifc.Type, len(ifc.Bridge.Ports), "port")
	if err := ifc.Write(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// br0 bridge 1 port
	// <interface type='bridge' name='br0'>
	//   <start mode='onboot'/>
	//   <protocol family='ipv4'>
	//     <dhcp/>
	//   </protocol>
	//   <bridge stp='off' delay='0.01'>
	//     <interface type='ethernet' name='eth0'>
	//     </interface>
	//   </bridge>
	// </interface>
}

// Errors name the file, the line, the element and what is wrong.
func Example_error() {
	doc := `<interface type='bond' name='bond0'>
  <start mode='onboot'/>
  <bond mode='active-backup'>
  </bond>
</interface>`
	_, err := ifxml.Parse([]byte(doc), "bond0.xml")
	fmt.Println(err)
	var e *ifxml.Error
	if errors.As(err, &e) {
		fmt.Println(e.Line, e.Element)
	}
	// Output:
	// bond0.xml:3: <interface type='bond' name='bond0'>/<bond>: a bond needs at least one <interface>
	// 3 <interface type='bond' name='bond0'>/<bond>
}

// Build a bond in Go and write it.
func ExampleInterface_Write() {
	ifc := &ifxml.Interface{
		Type:  ifxml.TypeBond,
		Name:  "bond0",
		Start: ifxml.StartOnBoot,
		IPv4: &ifxml.IPv4{
			Addresses: []ifxml.Address{{Addr: netip.MustParseAddr("192.0.2.7"), Prefix: new(uint8(24))}},
			Gateway:   netip.MustParseAddr("192.0.2.1"),
		},
		Bond: &ifxml.Bond{
			Mode:   ifxml.BondActiveBackup,
			MIIMon: &ifxml.MIIMon{Freq: 100, UpDelay: new(uint32(10)), Carrier: ifxml.CarrierIoctl},
			Slaves: []*ifxml.Interface{
				{Type: ifxml.TypeEthernet, Name: "eth1"},
				{Type: ifxml.TypeEthernet, Name: "eth0", MAC: "52:54:00:00:00:01"},
			},
		},
	}
	if err := ifc.Write(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <interface type='bond' name='bond0'>
	//   <start mode='onboot'/>
	//   <protocol family='ipv4'>
	//     <ip address='192.0.2.7' prefix='24'/>
	//     <route gateway='192.0.2.1'/>
	//   </protocol>
	//   <bond mode='active-backup'>
	//     <miimon freq='100' updelay='10' carrier='ioctl'/>
	//     <interface type='ethernet' name='eth1'>
	//     </interface>
	//     <interface type='ethernet' name='eth0'>
	//       <mac address='52:54:00:00:00:01'/>
	//     </interface>
	//   </bond>
	// </interface>
}

// Validate a model built in Go: the error has no file or line.
func ExampleInterface_Validate() {
	ifc := &ifxml.Interface{
		Type:   ifxml.TypeBridge,
		Name:   "br0",
		Bridge: &ifxml.Bridge{Ports: []*ifxml.Interface{{Type: ifxml.TypeEthernet, Name: "eth0", Start: ifxml.StartOnBoot}}},
	}
	fmt.Println(ifc.Validate())
	// Output:
	// <interface type='bridge' name='br0'>/<bridge>/<interface type='ethernet' name='eth0'>/<start>: a bridge port takes no <start>: only the top-level interface has one
}
