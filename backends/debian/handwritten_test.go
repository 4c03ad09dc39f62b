package debian

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/backends/backendstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", os.Getenv("LENSNET_UPDATE") != "", "rewrite the golden files of fixtures/debian-iface")

const handRoots = "../../fixtures/debian-iface"

// handRoot copies a hand-written root (its etc only) to a scratch
// directory.
func handRoot(t *testing.T, name string) string {
	t.Helper()
	root := t.TempDir()
	backendstest.CopyDir(t, filepath.Join(handRoots, name, "etc"), filepath.Join(root, "etc"))
	return root
}

// TestHandWritten: each root of fixtures/debian-iface lists the
// interfaces of its golden list file, each reads as its golden NAME.xml,
// and defining what each reads changes no byte.
func TestHandWritten(t *testing.T) {
	for _, name := range []string{"styles"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(handRoots, name)
			root := handRoot(t, name)
			names, err := openDir(t, root).List()
			require.NoError(t, err)
			listFile := filepath.Join(dir, "list")
			if *update {
				require.NoError(t, os.WriteFile(listFile, []byte(strings.Join(names, "\n")+"\n"), 0o644))
			}
			want, err := os.ReadFile(listFile)
			require.NoError(t, err)
			assert.Equal(t, strings.Fields(string(want)), names)
			for _, n := range names {
				d := openDir(t, root)
				got, err := d.Get(n)
				require.NoError(t, err, n)
				golden := filepath.Join(dir, n+".xml")
				if *update {
					require.NoError(t, os.WriteFile(golden, []byte(backendstest.String(got)), 0o644))
				}
				wantEl, err := backendstest.ReadXML(golden)
				require.NoError(t, err)
				assert.Empty(t, backendstest.XMLDiff(wantEl, got), "%s:\n%s", n, backendstest.String(got))
				require.NoError(t, d.Define(got), n)
				assert.Empty(t, backendstest.Changed(t, filepath.Join(dir, "etc"), filepath.Join(root, "etc")), n)
			}
		})
	}
}

func parse(t *testing.T, s string) *etree.Element {
	t.Helper()
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromString(s))
	return doc.Root()
}

func readFile(t *testing.T, root, p string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, p))
	require.NoError(t, err)
	return string(b)
}

// TestDefineInPlace: changing eth0's address and start mode edits its
// lines only: comments, unknown options, the CIDR form and the other
// stanzas keep their bytes, and the auto line naming three interfaces
// loses only eth0.
func TestDefineInPlace(t *testing.T) {
	root := handRoot(t, "styles")
	d := openDir(t, root)
	el, err := d.Get("eth0")
	require.NoError(t, err)
	el.SelectElement("start").SelectAttr("mode").Value = "none"
	el.FindElement("protocol[@family='ipv4']/ip").SelectAttr("address").Value = "192.0.2.11"
	require.NoError(t, d.Define(el))
	want := readFile(t, filepath.Join(handRoots, "styles"), Interfaces)
	want = strings.Replace(want, "auto lo eth0 br0\n", "auto lo br0\n", 1)
	want = strings.Replace(want, "address 192.0.2.10/24", "address 192.0.2.11/24", 1)
	assert.Equal(t, want, readFile(t, root, Interfaces))
	back, err := openDir(t, root).Get("eth0")
	require.NoError(t, err)
	assert.Empty(t, backendstest.XMLDiff(el, back))
}

// TestDefineDropsStanzas: an address family and an address the XML no
// longer has take their stanzas with them; the rest reads the same.
// (Removing an iface node makes the lens give later stanzas of the file
// the layout of the one before them, as Augeas does: see doc.go.)
func TestDefineDropsStanzas(t *testing.T) {
	root := handRoot(t, "styles")
	d := openDir(t, root)
	before := map[string]*etree.Element{}
	names, err := d.List()
	require.NoError(t, err)
	for _, n := range names {
		before[n], err = d.Get(n)
		require.NoError(t, err)
	}
	in := parse(t, `<interface type="ethernet" name="eth0">
  <start mode="onboot"/>
  <mac address="52:54:00:12:34:56"/>
  <protocol family="ipv4">
    <ip address="192.0.2.10" prefix="24"/>
    <route gateway="192.0.2.1"/>
  </protocol>
</interface>`)
	require.NoError(t, d.Define(in.Copy()))
	got := readFile(t, root, Interfaces)
	assert.NotContains(t, got, "inet6")
	assert.NotContains(t, got, "198.51.100.7")
	assert.Contains(t, got, "# a comment inside the stanza")
	assert.Contains(t, got, "dns-nameservers 192.0.2.53")
	d = openDir(t, root)
	for _, n := range names {
		el, err := d.Get(n)
		require.NoError(t, err)
		want := before[n]
		if n == "eth0" {
			want = in
		}
		assert.Empty(t, backendstest.XMLDiff(want, el), n)
	}
}

// TestDefineDashStyle: new options of a dash-style stanza are written
// with dashes, and a new port goes to the bridge's list.
func TestDefineDashStyle(t *testing.T) {
	root := handRoot(t, "styles")
	d := openDir(t, root)
	el, err := d.Get("br0")
	require.NoError(t, err)
	br := el.SelectElement("bridge")
	br.CreateAttr("delay", "2")
	p := br.CreateElement("interface")
	p.CreateAttr("type", "ethernet")
	p.CreateAttr("name", "eth8")
	require.NoError(t, d.Define(el))
	got := readFile(t, root, Interfaces)
	assert.Contains(t, got, `iface br0 inet manual
    bridge-ports eth2 eth3 eth8
    bridge-stp off
    bridge-fd 2
    up echo bridge up
`)
	back, err := openDir(t, root).Get("br0")
	require.NoError(t, err)
	assert.Empty(t, backendstest.XMLDiff(el, back))
}

// TestDefineNewStanzas: a new interface goes to the end of
// /etc/network/interfaces with its auto line; a slave's MAC gets a
// stanza of its own; a top-level interface with stanzas in a sourced
// file keeps them there.
func TestDefineNewStanzas(t *testing.T) {
	root := handRoot(t, "styles")
	in := parse(t, `<interface type="bond" name="bond1">
  <start mode="hotplug"/>
  <protocol family="ipv4"><dhcp peerdns="no"/><ip address="10.1.0.1" prefix="16"/></protocol>
  <bond mode="active-backup">
    <miimon freq="100" carrier="netif"/>
    <interface type="ethernet" name="eth10"><mac address="52:54:00:00:00:10"/></interface>
    <interface type="ethernet" name="eth11"/>
  </bond>
</interface>`)
	require.NoError(t, openDir(t, root).Define(in.Copy()))
	got := readFile(t, root, Interfaces)
	assert.True(t, strings.HasSuffix(got, `source-directory more
allow-hotplug bond1
iface bond1 inet dhcp
   peerdns no
   bond_slaves eth10 eth11
   bond_primary eth10
   bond_mode active-backup
   bond_miimon 100
   bond_use_carrier 1
iface bond1 inet static
   address 10.1.0.1
   netmask 255.255.0.0
iface eth10 inet manual
   hwaddress ether 52:54:00:00:00:10
`), got)
	back, err := openDir(t, root).Get("bond1")
	require.NoError(t, err)
	assert.Empty(t, backendstest.XMLDiff(in, back), backendstest.String(back))
	assert.Contains(t, readFile(t, root, NewAliasFile), "alias bond1 bonding")

	// eth7 lives in interfaces.d: a new address stanza goes there
	el, err := openDir(t, root).Get("eth7")
	require.NoError(t, err)
	ip := el.FindElement("protocol[@family='ipv4']").CreateElement("ip")
	ip.CreateAttr("address", "10.8.0.1")
	ip.CreateAttr("prefix", "24")
	require.NoError(t, openDir(t, root).Define(el))
	assert.Contains(t, readFile(t, root, IncludeDir+"/eth7"), "iface eth7 inet static\n   address 10.8.0.1\n   netmask 255.255.255.0\n")
	back, err = openDir(t, root).Get("eth7")
	require.NoError(t, err)
	assert.Empty(t, backendstest.XMLDiff(el, back), backendstest.String(back))
}

// TestPortTheft: taking a port of another bridge or bond is an error
// naming both, and changes nothing.
func TestPortTheft(t *testing.T) {
	root := handRoot(t, "styles")
	before := backendstest.Hash(t, root)
	err := openDir(t, root).Define(parse(t, `<interface type="bridge" name="br9">
  <bridge><interface type="ethernet" name="eth4"/></bridge>
</interface>`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "eth4 is a slave of bond0")
	assert.Contains(t, err.Error(), "br9")
	err = openDir(t, root).Define(parse(t, `<interface type="bond" name="bond9">
  <bond><interface type="ethernet" name="eth3"/></bond>
</interface>`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "eth3 is a port of br0")
	assert.Equal(t, before, backendstest.Hash(t, root))
}

// TestUndefine: undefining a bond removes its stanzas, its slaves'
// stanzas and its auto line; undefining eth0 takes it off the
// three-name auto line only.
func TestUndefine(t *testing.T) {
	root := handRoot(t, "styles")
	vlan, err := openDir(t, root).Get("vlan42")
	require.NoError(t, err)
	require.NoError(t, openDir(t, root).Undefine("bond0"))
	// what stays reads the same (its indentation is the lens's: doc.go)
	rest := readFile(t, root, "/etc/network/more/bond")
	assert.NotContains(t, rest, "bond")
	assert.NotContains(t, rest, "eth4")
	assert.NotContains(t, rest, "eth5")
	back, err := openDir(t, root).Get("vlan42")
	require.NoError(t, err)
	assert.Empty(t, backendstest.XMLDiff(vlan, back))
	require.NoError(t, openDir(t, root).Undefine("eth0"))
	got := readFile(t, root, Interfaces)
	assert.Contains(t, got, "auto lo br0\n")
	assert.NotContains(t, got, "iface eth0")
	_, err = openDir(t, root).Get("eth0")
	assert.ErrorIs(t, err, backends.ErrNotFound)
	assert.ErrorIs(t, openDir(t, root).Undefine("eth4"), backends.ErrNotFound)
}

// TestBrokenSourcedFile: a sourced file that does not parse is an error
// with its position on the interfaces it declares; the others read.
func TestBrokenSourcedFile(t *testing.T) {
	root := handRoot(t, "broken")
	d := openDir(t, root)
	names, err := d.List()
	require.NoError(t, err)
	assert.Equal(t, []string{"eth0", "eth1"}, names)
	_, err = d.Get("eth1")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/etc/network/interfaces.d/bad:3:1")
	_, err = d.Get("eth0")
	require.NoError(t, err)
	before := backendstest.Hash(t, root)
	assert.Error(t, d.Define(parse(t, `<interface type="ethernet" name="eth1"/>`)))
	assert.Equal(t, before, backendstest.Hash(t, root))
}

// TestBrokenMainFile: when /etc/network/interfaces does not parse,
// every Get fails with its position.
func TestBrokenMainFile(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(root, "etc/network"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(root, Interfaces), []byte("iface eth0 inet dhcp\n  Bad line\n"), 0o644))
	d := openDir(t, root)
	names, err := d.List()
	require.NoError(t, err)
	assert.Equal(t, []string{"eth0"}, names)
	_, err = d.Get("eth0")
	assert.ErrorContains(t, err, "/etc/network/interfaces:2:1")
	_, err = d.Get("eth9")
	assert.ErrorContains(t, err, "/etc/network/interfaces:2:1")
	assert.False(t, errors.Is(err, backends.ErrNotFound))
}
