package vnet_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/vnet"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// poolXML is a network of mode over devices eth0..eth(size-1), with
// extra XML inside <network>.
func poolXML(name, mode string, size int, extra string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<network><name>%s</name><forward mode='%s'>", name, mode)
	for i := range size {
		fmt.Fprintf(&b, "<interface dev='eth%d'/>", i)
	}
	fmt.Fprintf(&b, "</forward>%s</network>", extra)
	return []byte(b.String())
}

func started(t testing.TB, c *vnet.Conn, xml []byte) *vnet.Network {
	t.Helper()
	n, err := c.Create(xml, "net.xml")
	require.NoError(t, err)
	return n
}

func guest(network, extra string) []byte {
	return []byte(fmt.Sprintf("<interface type='network'><source network='%s'%s</interface>", network, extra))
}

func portDef(t testing.TB, p *vnet.Port) *netxml.Port {
	t.Helper()
	b, err := p.XML()
	require.NoError(t, err)
	d, err := netxml.ParsePort(b, "port.xml")
	require.NoError(t, err)
	return d
}

func TestPortPlugs(t *testing.T) {
	c, _, _ := recorded(t)
	nat := started(t, c, netXML("nat", "", "10.3.0"))
	host := started(t, c, []byte(`<network><name>host</name><forward mode='bridge'/><bridge name='br0'/></network>`))
	vepa := started(t, c, poolXML("vepa", "vepa", 3, ""))
	pass := started(t, c, poolXML("pass", "passthrough", 2, ""))
	hostdev := started(t, c, []byte(`<network><name>hd</name><forward mode='hostdev' managed='yes'><driver name='vfio'/><address type='pci' domain='0' bus='3' slot='0' function='1'/></forward></network>`))

	p, err := nat.CreatePort(guest("nat", "/><mac address='52:54:00:00:00:01'/>"), "g.xml", vnet.PortCreateFlags{Owner: &netxml.PortOwner{Name: "vm1", UUID: "d54df46f-1ab5-4a22-8618-4560ef5fac2c"}})
	require.NoError(t, err)
	x, err := p.XML()
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf(`<networkport>
  <uuid>%s</uuid>
  <owner>
    <name>vm1</name>
    <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>
  </owner>
  <mac address='52:54:00:00:00:01'/>
  <plug type='network' bridge='virbr0'/>
</networkport>
`, p.UUID()), string(x))
	a, err := p.Actual()
	require.NoError(t, err)
	assert.Equal(t, "<actual type='network'>\n  <source bridge='virbr0'/>\n</actual>\n", string(a))

	p, err = host.CreatePort(guest("host", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.Equal(t, &netxml.Plug{Type: netxml.PlugBridge, Bridge: "br0"}, portDef(t, p).Plug)

	var devs []string
	for range 6 {
		p, err := vepa.CreatePort(guest("vepa", "/>"), "g.xml", vnet.PortCreateFlags{})
		require.NoError(t, err)
		d := portDef(t, p).Plug
		assert.Equal(t, netxml.DirectVEPA, d.Mode)
		devs = append(devs, d.Dev)
	}
	assert.Equal(t, []string{"eth0", "eth1", "eth2", "eth0", "eth1", "eth2"}, devs, "least connections, first in pool order on a tie")
	u, err := vepa.Usage()
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"eth0": 2, "eth1": 2, "eth2": 2}, u.Connections)

	p1, err := pass.CreatePort(guest("pass", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	_, err = pass.CreatePort(guest("pass", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	_, err = pass.CreatePort(guest("pass", "/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrPoolExhausted)
	assert.ErrorContains(t, err, "all 2 devices are in use")
	dev := portDef(t, p1).Plug.Dev
	require.NoError(t, p1.Delete())
	p3, err := pass.CreatePort(guest("pass", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.Equal(t, dev, portDef(t, p3).Plug.Dev, "the device released is the one free")

	p, err = hostdev.CreatePort(guest("hd", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	a, err = p.Actual()
	require.NoError(t, err)
	assert.Equal(t, "<actual type='hostdev' managed='yes'>\n  <driver name='vfio'/>\n  <source>\n    <address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/>\n  </source>\n</actual>\n", string(a))
	_, err = hostdev.CreatePort(guest("hd", "/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrPoolExhausted)

	// errors
	_, err = vepa.CreatePort(guest("nat", "/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrInvalidPort)
	_, err = vepa.CreatePort(guest("vepa", " portgroup='nope'/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrInvalidPort)
	_, err = vepa.CreatePort([]byte("<interface type='network'>\n<source network='vepa'/>\n<mac address='zz'/>\n</interface>"), "g.xml", vnet.PortCreateFlags{})
	var xe *netxml.Error
	require.ErrorAs(t, err, &xe)
	assert.Equal(t, 3, xe.Line)
	inactive, err := c.Define(poolXML("off", "vepa", 1, ""), "off.xml")
	require.NoError(t, err)
	_, err = inactive.CreatePort(guest("off", "/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrInvalidState)
}

func TestPortMerge(t *testing.T) {
	c, _, _ := recorded(t)
	n := started(t, c, poolXML("m", "vepa", 2, `
<vlan><tag id='10'/></vlan>
<virtualport type='802.1Qbg'><parameters managerid='11'/></virtualport>
<portgroup name='dflt' default='yes' trustGuestRxFilters='yes'>
  <vlan><tag id='20'/></vlan>
  <virtualport><parameters typeid='1193047'/></virtualport>
  <bandwidth><outbound average='500'/></bandwidth>
</portgroup>
<portgroup name='web'>
  <virtualport><parameters managerid='12'/></virtualport>
</portgroup>
<portgroup name='db'/>`))
	// the default portgroup, the network's virtualport merged in
	p, err := n.CreatePort(guest("m", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	d := portDef(t, p)
	assert.Equal(t, "dflt", d.Group)
	assert.Equal(t, uint16(20), d.VLAN.Tags[0].ID, "the portgroup's vlan over the network's")
	assert.Equal(t, uint64(500), d.Bandwidth.Outbound.Average)
	assert.Equal(t, uint8(11), *d.VirtualPort.ManagerID)
	assert.Equal(t, uint32(1193047), *d.VirtualPort.TypeID)
	assert.Equal(t, netxml.VirtualPort8021Qbg, d.VirtualPort.Type)
	assert.True(t, *d.TrustGuestRxFilters)
	// the guest's own win; only what came from elsewhere is in <actual>
	p, err = n.CreatePort(guest("m", " portgroup='db'/><vlan><tag id='30'/></vlan><bandwidth><outbound average='7'/></bandwidth>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	d = portDef(t, p)
	assert.Equal(t, uint16(30), d.VLAN.Tags[0].ID)
	a, err := p.Actual()
	require.NoError(t, err)
	assert.Equal(t, "<actual type='direct'>\n  <source dev='eth1' mode='vepa'/>\n  <virtualport type='802.1Qbg'>\n    <parameters managerid='11'/>\n  </virtualport>\n</actual>\n", string(a))
	// a conflict between portgroup and network
	_, err = n.CreatePort(guest("m", " portgroup='web'/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrInvalidPort)
	assert.ErrorContains(t, err, "conflicting virtualport managerid 12 and 11")
	// and between guest and portgroup
	_, err = n.CreatePort(guest("m", "/><virtualport type='openvswitch'/>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorContains(t, err, "conflicting virtualport types openvswitch and 802.1Qbg")
	u, err := n.Usage()
	require.NoError(t, err)
	assert.Equal(t, 2, u.Ports, "failed creates take nothing")
}

func TestPortFloor(t *testing.T) {
	c, _, _ := recorded(t)
	n := started(t, c, []byte(`<network><name>f</name><bandwidth><inbound average='1000' peak='1500'/></bandwidth><ip address='10.9.0.1' prefix='24'/></network>`))
	floor := func(f int) []byte {
		return guest("f", fmt.Sprintf("/><bandwidth><inbound average='2000' floor='%d'/></bandwidth>", f))
	}
	p1, err := n.CreatePort(floor(1000), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.Equal(t, uint32(3), portDef(t, p1).ClassID)
	p2, err := n.CreatePort(floor(500), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.Equal(t, uint32(4), portDef(t, p2).ClassID)
	_, err = n.CreatePort(floor(1), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrOvercommit)
	assert.ErrorContains(t, err, "inbound floors would total 1501 kB/s, over network f's 1500")
	require.NoError(t, p1.Delete())
	u, err := n.Usage()
	require.NoError(t, err)
	assert.Equal(t, uint64(500), u.Floor)
	p3, err := n.CreatePort(floor(1000), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.Equal(t, uint32(3), portDef(t, p3).ClassID, "the classID released is given again")
	// no inbound bandwidth on the network: no floor
	v := started(t, c, poolXML("v", "vepa", 1, ""))
	_, err = v.CreatePort(guest("v", "/><bandwidth><inbound floor='5'/></bandwidth>"), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrInvalidPort)
}

func TestPortReclaim(t *testing.T) {
	c, _, root := recorded(t)
	n := started(t, c, poolXML("r", "passthrough", 3, ""))
	p, err := n.CreatePort(guest("r", "/><mac address='52:54:00:00:00:07'/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	file := filepath.Join(root, "run/lensnet/network/r/ports", p.UUID()+".xml")
	saved, err := os.ReadFile(file)
	require.NoError(t, err)
	x, err := p.XML()
	require.NoError(t, err)
	assert.Equal(t, string(x), string(saved), "the port file is its networkport XML")
	actual, err := p.Actual()
	require.NoError(t, err)
	dev := portDef(t, p).Plug.Dev

	// by UUID: the port as it is
	_, err = n.CreatePort(x, "p.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrPortExists)
	again, err := n.CreatePort(x, "p.xml", vnet.PortCreateFlags{Reclaim: true})
	require.NoError(t, err)
	assert.Equal(t, p.UUID(), again.UUID())
	u, _ := n.Usage()
	assert.Equal(t, 1, u.Ports)

	// a manager restarting (a new Conn) reclaims from the guest's
	// saved interface with <actual>: the port as it is
	c2, err := vnet.Open(vnet.Options{Root: root, Activator: &vnet.Recorder{}})
	require.NoError(t, err)
	n2, err := c2.LookupByName("r")
	require.NoError(t, err)
	iface := fmt.Sprintf("<interface type='network'><mac address='52:54:00:00:00:07'/><source network='r' portid='%s'/>%s</interface>", p.UUID(), actual)
	_, err = n2.CreatePort([]byte(iface), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrPortExists)
	back, err := n2.CreatePort([]byte(iface), "g.xml", vnet.PortCreateFlags{Reclaim: true})
	require.NoError(t, err)
	assert.Equal(t, p.UUID(), back.UUID())
	u, _ = n2.Usage()
	assert.Equal(t, map[string]int{dev: 1}, u.Connections)
	// the port files lost: rebuilt from <actual>, the same device
	require.NoError(t, os.RemoveAll(filepath.Dir(file)))
	_, err = n2.CreatePort([]byte(iface), "g.xml", vnet.PortCreateFlags{})
	assert.ErrorIs(t, err, vnet.ErrInvalidPort, "an <actual> needs reclaim")
	back, err = n2.CreatePort([]byte(iface), "g.xml", vnet.PortCreateFlags{Reclaim: true})
	require.NoError(t, err)
	assert.Equal(t, p.UUID(), back.UUID())
	assert.Equal(t, dev, portDef(t, back).Plug.Dev, "the same device")
	other, err := n2.CreatePort(guest("r", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	assert.NotEqual(t, dev, portDef(t, other).Plug.Dev)
	// a second guest claiming the device someone holds
	stolen := strings.Replace(iface, p.UUID(), "11111111-2222-4333-8444-555555555555", 1)
	_, err = n2.CreatePort([]byte(stolen), "g.xml", vnet.PortCreateFlags{Reclaim: true})
	assert.ErrorIs(t, err, vnet.ErrPortConflict)
	// a plug the network cannot give
	bad := strings.Replace(stolen, "dev='"+dev+"'", "dev='wlan0'", 1)
	_, err = n2.CreatePort([]byte(bad), "g.xml", vnet.PortCreateFlags{Reclaim: true})
	assert.ErrorIs(t, err, vnet.ErrInvalidPort)
	// the first Conn sees what the second did
	ports, err := n.Ports()
	require.NoError(t, err)
	assert.Len(t, ports, 2)
	for _, q := range ports {
		require.NoError(t, q.Delete())
	}
	u, err = n2.Usage()
	require.NoError(t, err)
	assert.Equal(t, vnet.Usage{Connections: map[string]int{}}, u)
	_, err = n2.LookupPort(p.UUID())
	assert.ErrorIs(t, err, vnet.ErrNoPort)
}

func TestPortPlugRecorded(t *testing.T) {
	c, rec, root := recorded(t)
	n := started(t, c, poolXML("pl", "vepa", 2, ""))
	p, err := n.CreatePort(guest("pl", "/>"), "g.xml", vnet.PortCreateFlags{})
	require.NoError(t, err)
	r, err := p.Plugged()
	require.NoError(t, err)
	assert.Nil(t, r)
	require.NoError(t, p.Plug(""))
	assert.ErrorIs(t, p.Plug(""), vnet.ErrInvalidState)
	assert.FileExists(t, filepath.Join(root, "run/lensnet/network/pl/ports", p.UUID()+".plug"))
	r, err = p.Plugged()
	require.NoError(t, err)
	assert.Equal(t, &vnet.PlugRecord{Dev: "lnvt" + p.UUID()[:8], Created: true}, r)
	require.NoError(t, p.Delete(), "delete unplugs")
	steps := []string{"plug " + p.UUID() + " lnvt" + p.UUID()[:8] + " macvtap on eth0 mode vepa", "unplug lnvt" + p.UUID()[:8]}
	assert.Equal(t, steps, rec.Steps[1:])
	b, err := os.ReadFile(filepath.Join(root, "run/lensnet/network/pl/recorded"))
	require.NoError(t, err)
	assert.Equal(t, rec.Steps, strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), "the recorded file has the steps")
	entries, err := os.ReadDir(filepath.Join(root, "run/lensnet/network/pl/ports"))
	require.NoError(t, err)
	for _, e := range entries {
		assert.True(t, strings.HasPrefix(e.Name(), "."), "left: %s", e.Name())
	}
}
