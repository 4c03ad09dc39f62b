package ifxml_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLibvirtFixtures reads each of libvirt's own interface fixtures
// (tests/interfaceschemadata, 19 files) and writes it back: libvirt's
// round-trip test compares its output with its input byte for byte,
// so each file is the canonical form of itself.
func TestLibvirtFixtures(t *testing.T) {
	dir := filepath.Join(reference(t), "libvirt-interface-xml")
	files := xmlFiles(t, dir)
	assert.Len(t, files, 19)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			ifc, err := ifxml.Parse(data, filepath.Base(f))
			require.NoError(t, err)
			out, err := ifc.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(data), string(out))
		})
	}
}

// TestNetcfFixtures reads netcf's interface inputs (tests/interface,
// 21 files: double quotes, self-closed containers, comments, elements
// in other orders); each must read, and its canonical form must read
// back to the same model and be a fixed point of writing.
func TestNetcfFixtures(t *testing.T) {
	dir := filepath.Join(reference(t), "netcf-fixtures", "interface")
	files := xmlFiles(t, dir)
	assert.Len(t, files, 21)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			ifc, err := ifxml.Parse(data, filepath.Base(f))
			require.NoError(t, err)
			out, err := ifc.Marshal()
			require.NoError(t, err)
			back, err := ifxml.Parse(out, "written")
			require.NoError(t, err, "%s", out)
			assert.Equal(t, ifc, back)
			again, err := back.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(out), string(again))
		})
	}
}
