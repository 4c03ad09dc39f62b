package backendstest

import (
	"math/rand/v2"
	"testing"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/iface/ifxml/ifxmltest"
	"github.com/stretchr/testify/require"
)

// ToElement writes a model and reads it back as an element, as a
// driver's Define takes it.
func ToElement(t testing.TB, m *ifxml.Interface) *etree.Element {
	t.Helper()
	b, err := m.Marshal()
	require.NoError(t, err)
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromBytes(b))
	return doc.Root()
}

// ToModel reads an element, as a driver's Get gives it, as a model,
// strictly.
func ToModel(t testing.TB, el *etree.Element) *ifxml.Interface {
	t.Helper()
	doc := etree.NewDocument()
	doc.SetRoot(el)
	b, err := doc.WriteToBytes()
	require.NoError(t, err)
	m, err := ifxml.Parse(b, "read.xml")
	require.NoError(t, err, string(b))
	return m
}

// RoundTrip defines n random interfaces of every shape the schema
// allows on d, one at a time, reads each back and undefines it: what
// Get gives must be what was defined, List must be empty afterwards,
// and left (given the case's number) checks that no file of it
// remains. <link> is left out of what is defined: it is live state,
// which files cannot hold and define ignores; adjust, if not nil, makes
// a random interface into what the regime reads back (where its files
// cannot tell two forms apart).
func RoundTrip(t *testing.T, d backends.Driver, seed uint64, n int, adjust func(*ifxml.Interface), left func(i int)) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed+1))
	for i := range n {
		want := ifxmltest.Random(r)
		noLink(want)
		if adjust != nil {
			adjust(want)
		}
		require.NoError(t, d.Define(ToElement(t, want)), "case %d", i)
		el, err := d.Get(want.Name)
		require.NoError(t, err, "case %d", i)
		a, _ := want.Marshal()
		b, _ := ToModel(t, el).Marshal()
		if string(a) != string(b) {
			t.Fatalf("case %d: defined\n%s\nread back\n%s", i, a, b)
		}
		require.NoError(t, d.Undefine(want.Name))
		names, err := d.List()
		require.NoError(t, err)
		require.Empty(t, names, "case %d", i)
		left(i)
	}
}

// noLink drops <link> from an interface and the ones it holds.
func noLink(m *ifxml.Interface) {
	m.Link = nil
	if m.Bridge != nil {
		for _, p := range m.Bridge.Ports {
			noLink(p)
		}
	}
	if m.Bond != nil {
		for _, s := range m.Bond.Slaves {
			noLink(s)
		}
	}
}
