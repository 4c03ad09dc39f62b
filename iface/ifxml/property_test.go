package ifxml_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/iface/ifxml/ifxmltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomCount is how many random interfaces the property tests try.
const randomCount = 500

// TestRandomRoundTrip writes random valid models and reads them back:
// the model is the same and the written form is a fixed point.
func TestRandomRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range randomCount {
		ifc := ifxmltest.Random(r)
		out, err := ifc.Marshal()
		require.NoError(t, err, "random model %d: %+v", i, ifc)
		back, err := ifxml.Parse(out, fmt.Sprintf("random-%d.xml", i))
		require.NoError(t, err, "%s", out)
		if !assert.Equal(t, ifc, back, "%s", out) {
			return
		}
		again, err := back.Marshal()
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	}
}

// TestRandomValidate runs xmllint over the written forms of random
// models, all in one run.
func TestRandomValidate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	dir := t.TempDir()
	var files []string
	for i := range randomCount {
		out, err := ifxmltest.Random(r).Marshal()
		require.NoError(t, err)
		f := filepath.Join(dir, fmt.Sprintf("random-%03d.xml", i))
		require.NoError(t, os.WriteFile(f, out, 0o644))
		files = append(files, f)
	}
	xmllint(t, files)
}

// TestFromElement: an element built in memory reads as its document
// does, and a bad one fails with the same message, without a line.
func TestFromElement(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 200 {
		m := ifxmltest.Random(r)
		b, err := m.Marshal()
		require.NoError(t, err)
		doc := etree.NewDocument()
		require.NoError(t, doc.ReadFromBytes(b))
		got, err := ifxml.FromElement(doc.Root(), "mem")
		require.NoError(t, err)
		require.Equal(t, m, got)
	}
	doc := etree.NewDocument()
	require.NoError(t, doc.ReadFromString("<interface type='bond' name='bond0'><bond/></interface>"))
	_, err := ifxml.FromElement(doc.Root(), "mem")
	require.EqualError(t, err, "mem: <interface type='bond' name='bond0'>/<bond>: a bond needs at least one <interface>")
}
