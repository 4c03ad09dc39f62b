package netxml_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/reftest"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLibvirtPorts reads every file of libvirt's networkport test data
// and writes it back byte for byte.
func TestLibvirtPorts(t *testing.T) {
	files := xmlFiles(t, filepath.Join(libvirtData(t), "port"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			p, err := netxml.ParsePort(data, filepath.Base(f))
			require.NoError(t, err)
			out, err := p.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(data), string(out))
			back, err := netxml.ParsePort(out, "written.xml")
			require.NoError(t, err)
			assert.Equal(t, p, back)
		})
	}
	assert.Len(t, files, 9)
}

// TestPortsValidate runs xmllint over ports this package writes, with
// libvirt's networkport.rng, in one run: libvirt's own data read and
// written again, and ports built in Go with every plug type.
func TestPortsValidate(t *testing.T) {
	tmp := t.TempDir()
	var files []string
	add := func(name string, p *netxml.Port) {
		out, err := p.Marshal()
		require.NoError(t, err, name)
		f := filepath.Join(tmp, name+".xml")
		require.NoError(t, os.WriteFile(f, out, 0o644))
		files = append(files, f)
	}
	for _, f := range xmlFiles(t, filepath.Join(libvirtData(t), "port")) {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := netxml.ParsePort(data, f)
		require.NoError(t, err)
		add("libvirt-"+strings.TrimSuffix(filepath.Base(f), ".xml"), p)
	}
	for i, p := range samplePorts() {
		add("sample-"+string(rune('a'+i)), p)
	}
	reftest.Xmllint(t, "networkport.rng", files)
}

func samplePorts() []*netxml.Port {
	owner := netxml.PortOwner{Name: "guest & co", UUID: "d54df46f-1ab5-4a22-8618-4560ef5fac2c"}
	base := func() *netxml.Port {
		return &netxml.Port{UUID: "5d744f21-ba4a-4d6e-bdb2-30a35ff3207d", Owner: owner, MAC: "52:54:00:7b:35:93"}
	}
	var out []*netxml.Port
	p := base()
	p.Group = "web"
	p.Bandwidth = &netxml.Bandwidth{Inbound: &netxml.Rate{Floor: 100}}
	p.ClassID = 3
	p.Plug = &netxml.Plug{Type: netxml.PlugNetwork, Bridge: "virbr0", MACTableManager: netxml.MACTableKernel}
	out = append(out, p)
	p = base()
	p.VirtualPort = &netxml.VirtualPort{Type: netxml.VirtualPortOpenvswitch, ProfileID: "prof", InterfaceID: "09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f"}
	p.VLAN = &netxml.VLAN{Tags: []netxml.VLANTag{{ID: 42}}}
	p.Isolated = new(false)
	p.Plug = &netxml.Plug{Type: netxml.PlugBridge, Bridge: "br0"}
	out = append(out, p)
	for _, m := range []netxml.DirectMode{netxml.DirectBridge, netxml.DirectPrivate, netxml.DirectVEPA, netxml.DirectPassthrough} {
		p = base()
		p.Bandwidth = &netxml.Bandwidth{Outbound: &netxml.Rate{Average: 1000, Peak: 2000, Burst: 64}}
		p.Plug = &netxml.Plug{Type: netxml.PlugDirect, Dev: "eth1", Mode: m}
		out = append(out, p)
	}
	p = base()
	p.TrustGuestRxFilters = new(false)
	p.Plug = &netxml.Plug{Type: netxml.PlugHostdevPCI, Driver: netxml.DriverVFIO, Address: netxml.PCIAddress{Bus: 3, Slot: 31, Function: 7}}
	out = append(out, p)
	return out
}

// TestPortBad: bad port documents get a positioned error.
func TestPortBad(t *testing.T) {
	head := "<networkport>\n  <uuid>5d744f21-ba4a-4d6e-bdb2-30a35ff3207d</uuid>\n  <owner>\n    <name>g</name>\n    <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>\n  </owner>\n"
	for _, c := range []struct{ name, doc, want string }{
		{"no mac", head + "</networkport>", "x.xml:1: <networkport>: <mac> is missing"},
		{"bad mac", head + "  <mac address='52:54:00:zz:35:93'/>\n</networkport>", "x.xml:7: <networkport>/<mac address>: \"52:54:00:zz:35:93\" is not a MAC address (xx:xx:xx:xx:xx:xx)"},
		{"unknown", head + "  <mac address='52:54:00:7b:35:93'/>\n  <foo/>\n</networkport>", "x.xml:8: <networkport>/<foo>: unknown element <foo> here"},
		{"plug mode", head + "  <mac address='52:54:00:7b:35:93'/>\n  <plug type='direct' dev='eth0' mode='nat'/>\n</networkport>", "x.xml:8: <networkport>/<plug mode>: \"nat\" is not one of bridge, private, vepa, passthrough"},
		{"plug attr", head + "  <mac address='52:54:00:7b:35:93'/>\n  <plug type='network' dev='eth0'/>\n</networkport>", "x.xml:8: <networkport>/<plug dev>: a plug of type network takes no dev"},
		{"outbound floor", head + "  <mac address='52:54:00:7b:35:93'/>\n  <bandwidth>\n    <outbound floor='3'/>\n  </bandwidth>\n</networkport>", "x.xml:9: <networkport>/<bandwidth>/<outbound floor>: floor is for inbound traffic only"},
		{"two plugs", head + "  <mac address='52:54:00:7b:35:93'/>\n  <plug type='network' bridge='b'/>\n  <plug type='network' bridge='b'/>\n</networkport>", "x.xml:9: <networkport>/<plug>: a second <plug>: only one is allowed here"},
		{"no address", head + "  <mac address='52:54:00:7b:35:93'/>\n  <plug type='hostdev-pci'/>\n</networkport>", "x.xml:8: <networkport>/<plug>: a hostdev-pci plug needs an <address>"},
		{"owner", "<networkport>\n  <owner>\n    <name>x</name>\n  </owner>\n</networkport>", "x.xml:2: <networkport>/<owner>: an <owner> needs a <name> and a <uuid>"},
		{"root", "<network/>", "x.xml:1: <network>: the root element must be <networkport>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := netxml.ParsePort([]byte(c.doc), "x.xml")
			var e *netxml.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.want, err.Error())
		})
	}
}

// FuzzReadPort reads anything without panicking; whatever reads writes
// a document that reads back to the same model.
func FuzzReadPort(f *testing.F) {
	for _, p := range xmlFiles(f, filepath.Join(libvirtData(f), "port")) {
		data, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := netxml.ParsePort(data, "fuzz.xml")
		if err != nil {
			var e *netxml.Error
			if assert.ErrorAs(t, err, &e) {
				assert.Positive(t, e.Line, "%v", err)
			}
			return
		}
		out, err := p.Marshal()
		require.NoError(t, err)
		back, err := netxml.ParsePort(out, "written.xml")
		require.NoError(t, err, "%s", out)
		require.Equal(t, p, back)
	})
}
