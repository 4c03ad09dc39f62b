package debian

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/backends/backendstest"
	"github.com/lensnet/lensnet/internal/reftest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openDir opens the driver on a directory of the real disk.
func openDir(t testing.TB, dir string) *Driver {
	t.Helper()
	fs, err := backends.FS(nil, dir)
	require.NoError(t, err)
	d, err := Open(fs)
	require.NoError(t, err)
	return d
}

// emptyRoot is a root with an empty /etc/network/interfaces, as netcf's
// generated roots had.
func emptyRoot(t testing.TB) string {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "etc/network"), 0o755))
	require.NoError(t, os.MkdirAll(filepath.Join(dir, ModprobeDir), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, Interfaces), nil, 0o644))
	return dir
}

// dump is the stanzas of /etc/network/interfaces as netcf's schema files
// write them: "auto NAME" for each name of an auto line, "iface NAME"
// then "LABEL VALUE" for each line of a stanza (family and method
// first; word lists joined).
func dump(t testing.TB, root string) []string {
	t.Helper()
	d := openDir(t, root)
	var out []string
	for _, f := range d.files {
		for _, k := range d.fileNode(f).Children() {
			l, _ := k.Label()
			switch l {
			case "auto", "allow-hotplug":
				for _, c := range k.Children() {
					v, _ := c.Value()
					out = append(out, l+" "+v)
				}
			case "iface":
				v, _ := k.Value()
				out = append(out, "iface "+v)
				for _, c := range k.Children() {
					cl, _ := c.Label()
					if !strings.HasPrefix(cl, "#") {
						out = append(out, "  "+cl+" "+nodeValue(c))
					}
				}
			}
		}
	}
	return out
}

// schemaDump is a netcf debian schema file in dump's form.
func schemaDump(t testing.TB, path string) []string {
	t.Helper()
	el, err := backendstest.ReadXML(path)
	require.NoError(t, err)
	var autos, ifaces []string
	for _, arr := range el.FindElements("tree/array") {
		for _, e := range arr.SelectElements("element") {
			switch arr.SelectAttrValue("label", "") {
			case "auto":
				for _, n := range e.SelectElements("node") {
					autos = append(autos, "auto "+n.SelectAttrValue("value", ""))
				}
			case "iface":
				ifaces = append(ifaces, "iface "+e.SelectAttrValue("key", ""))
				for _, n := range e.SelectElements("node") {
					ifaces = append(ifaces, "  "+n.SelectAttrValue("label", "")+" "+n.SelectAttrValue("value", ""))
				}
			}
		}
	}
	return append(autos, ifaces...)
}

// defineDiffers are the netcf fixtures whose files lensnet writes
// differently on purpose, and why.
var defineDiffers = map[string]string{
	"ipv6-static-multi": "secondary IPv6 addresses get an \"iface NAME inet6 static\" stanza each (ifupdown's documented way, the form IPv4 addresses need too) instead of netcf's \"up /sbin/ifconfig ... inet6 add\" lines: ifconfig (net-tools) is not installed on current Debian; netcf's lines still read, and stay when the XML keeps them",
}

// TestNetcfDefine: each of netcf's interface fixtures, defined on an
// empty root, gives the stanzas netcf's debian schema expects, line for
// line and in order.
func TestNetcfDefine(t *testing.T) {
	ref := reftest.Reference(t)
	schemas, _ := filepath.Glob(filepath.Join(ref, "netcf-fixtures/debian/schema/*.xml"))
	require.NotEmpty(t, schemas)
	for _, schema := range schemas {
		name := strings.TrimSuffix(filepath.Base(schema), ".xml")
		t.Run(name, func(t *testing.T) {
			in, err := backendstest.ReadXML(filepath.Join(ref, "netcf-fixtures/interface", name+".xml"))
			require.NoError(t, err)
			root := emptyRoot(t)
			require.NoError(t, openDir(t, root).Define(in))
			got := dump(t, root)
			want := schemaDump(t, schema)
			if why, ok := defineDiffers[name]; ok {
				t.Logf("differs from netcf by design: %s", why)
				assert.NotEqual(t, want, got)
				return
			}
			assert.Equal(t, want, got)
		})
	}
}

// readDiffers are netcf's generated roots that do not read as the
// fixture because netcf's files lost what the XML said.
var readDiffers = map[string]string{
	"bridge-multi":     "netcf wrote only the first of nine IPv4 addresses",
	"bridge-multi-all": "netcf wrote only the first IPv4 address, and dropped dhcp (for static) and IPv6 dhcp",
}

// TestNetcfRead: the files netcf itself wrote for each fixture read as
// the fixture's XML, except where netcf's files lost information.
func TestNetcfRead(t *testing.T) {
	ref := reftest.Reference(t)
	dirs, _ := filepath.Glob(filepath.Join(ref, "netcf-fixtures/generated/debian/*"))
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			want, err := backendstest.ReadXML(filepath.Join(ref, "netcf-fixtures/interface", name+".xml"))
			require.NoError(t, err)
			got, err := openDir(t, dir).Get(want.SelectAttrValue("name", ""))
			require.NoError(t, err)
			if why, ok := readDiffers[name]; ok {
				t.Logf("netcf's files lost data: %s", why)
				assert.NotEmpty(t, backendstest.XMLDiff(want, got))
				return
			}
			assert.Empty(t, backendstest.XMLDiff(want, got), backendstest.String(got))
		})
	}
}

// TestNetcfRoundTrip: every fixture defined and read back is itself,
// and defining what was read changes no byte.
func TestNetcfRoundTrip(t *testing.T) {
	ref := reftest.Reference(t)
	ins, _ := filepath.Glob(filepath.Join(ref, "netcf-fixtures/interface/*.xml"))
	require.Len(t, ins, 21)
	for _, in := range ins {
		t.Run(filepath.Base(in), func(t *testing.T) {
			want, err := backendstest.ReadXML(in)
			require.NoError(t, err)
			root := emptyRoot(t)
			require.NoError(t, openDir(t, root).Define(want.Copy()))
			got, err := openDir(t, root).Get(want.SelectAttrValue("name", ""))
			require.NoError(t, err)
			b, _ := os.ReadFile(filepath.Join(root, Interfaces))
			assert.Empty(t, backendstest.XMLDiff(want, got), "%s\n%s", backendstest.String(got), b)
			before := backendstest.Hash(t, root)
			require.NoError(t, openDir(t, root).Define(got))
			assert.Equal(t, before, backendstest.Hash(t, root))
			// and the XML read back as given defines nothing new either
			require.NoError(t, openDir(t, root).Define(want.Copy()))
			assert.Equal(t, before, backendstest.Hash(t, root))
		})
	}
}

// TestNetcfRootIdempotent: netcf's debian test root lists netcf's set,
// and defining what each interface reads as changes no byte.
func TestNetcfRootIdempotent(t *testing.T) {
	ref := reftest.Reference(t)
	src := filepath.Join(ref, "netcf-fixtures/debian/fsroot")
	root := t.TempDir()
	backendstest.CopyDir(t, src, root)
	names, err := openDir(t, root).List()
	require.NoError(t, err)
	assert.Equal(t, []string{"bond0", "br0", "eth3", "eth4", "lo"}, names)
	for _, n := range names {
		d := openDir(t, root)
		el, err := d.Get(n)
		require.NoError(t, err)
		require.NoError(t, d.Define(el), n)
		assert.Empty(t, backendstest.Changed(t, src, root), n)
	}
}
