package debian

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/iface/ifxml/ifxmltest"
	"github.com/stretchr/testify/require"
)

// toElement writes a model and reads it as an element.
func toElement(t testing.TB, m *ifxml.Interface) *etree.Element {
	t.Helper()
	b, err := m.Marshal()
	require.NoError(t, err)
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromBytes(b))
	return doc.Root()
}

// toModel reads an element as a model, strictly.
func toModel(t testing.TB, el *etree.Element) *ifxml.Interface {
	t.Helper()
	doc := etree.NewDocument()
	doc.SetRoot(el)
	b, err := doc.WriteToBytes()
	require.NoError(t, err)
	m, err := ifxml.Parse(b, "read.xml")
	require.NoError(t, err, string(b))
	return m
}

// noLink drops <link>, which is live state (speed, operational state),
// not configuration: ifcfg files cannot hold it and define ignores it.
func noLink(m *ifxml.Interface) {
	m.Link = nil
	for _, k := range kids(m) {
		noLink(k)
	}
}

func kids(m *ifxml.Interface) []*ifxml.Interface {
	var out []*ifxml.Interface
	if m.Bridge != nil {
		out = append(out, m.Bridge.Ports...)
	}
	if m.Bond != nil {
		out = append(out, m.Bond.Slaves...)
	}
	return out
}

// TestRoundTripRandom: XML to files to XML is the identity for random
// interfaces of every shape the schema allows (link aside; a missing
// start mode reads as none, and an IPv4 protocol with nothing in it,
// written as inet manual, as none), and undefine leaves no stanza
// behind.
func TestRoundTripRandom(t *testing.T) {
	root := emptyRoot(t)
	d := openDir(t, root)
	r := rand.New(rand.NewPCG(7, 8))
	n := 300
	if testing.Short() {
		n = 50
	}
	for i := range n {
		want := ifxmltest.Random(r)
		noLink(want)
		if want.Start == ifxml.StartUnset {
			want.Start = ifxml.StartNone
		}
		if v4 := want.IPv4; v4 != nil && v4.DHCP == nil && len(v4.Addresses) == 0 && !v4.Gateway.IsValid() {
			want.IPv4 = nil // inet manual: no IPv4 protocol
		}
		require.NoError(t, d.Define(toElement(t, want)), "case %d", i)
		el, err := d.Get(want.Name)
		require.NoError(t, err, "case %d", i)
		got := toModel(t, el)
		if !assertEqualModel(t, want, got) {
			b, _ := want.Marshal()
			t.Fatalf("case %d: defined\n%s", i, b)
		}
		require.NoError(t, d.Undefine(want.Name))
		names, err := d.List()
		require.NoError(t, err)
		require.Empty(t, names, "case %d", i)
		b, err := os.ReadFile(filepath.Join(root, "etc/network/interfaces"))
		require.NoError(t, err)
		require.NotContains(t, string(b), "iface ", "case %d left a stanza", i)
	}
}

func assertEqualModel(t *testing.T, want, got *ifxml.Interface) bool {
	t.Helper()
	a, _ := want.Marshal()
	b, _ := got.Marshal()
	return assertEqualString(t, string(a), string(b))
}

func assertEqualString(t *testing.T, a, b string) bool {
	t.Helper()
	if a != b {
		t.Errorf("want\n%s\ngot\n%s", a, b)
		return false
	}
	return true
}
