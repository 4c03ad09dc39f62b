package netxml_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzRead reads anything without panicking; whatever reads writes a
// document that reads back to the same model and writes itself again.
func FuzzRead(f *testing.F) {
	root := fixtures(f)
	for _, sub := range []string{"in", "bad"} {
		for _, p := range xmlFiles(f, filepath.Join(root, sub)) {
			data, err := os.ReadFile(p)
			require.NoError(f, err)
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := netxml.Parse(data, "fuzz.xml")
		if err != nil {
			var e *netxml.Error
			if assert.ErrorAs(t, err, &e) {
				assert.Positive(t, e.Line, "%v", err)
			}
			assert.NotContains(t, err.Error(), "\n")
			return
		}
		out, err := n.Marshal()
		require.NoError(t, err)
		back, err := netxml.Parse(out, "written.xml")
		require.NoError(t, err, "%s", out)
		require.Equal(t, n, back)
		again, err := back.Marshal()
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	})
}
