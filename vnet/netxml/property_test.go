package netxml_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/lensnet/lensnet/vnet/netxml/netxmltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomCount is how many random networks the property tests try.
const randomCount = 500

// TestRandomRoundTrip writes random valid models and reads them back:
// the model is the same and the written form is a fixed point.
func TestRandomRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range randomCount {
		n := netxmltest.Random(r)
		out, err := n.Marshal()
		require.NoError(t, err, "random model %d: %+v", i, n)
		back, err := netxml.Parse(out, fmt.Sprintf("random-%d.xml", i))
		require.NoError(t, err, "%s", out)
		if !assert.Equal(t, n, back, "%s", out) {
			return
		}
		again, err := back.Marshal()
		require.NoError(t, err)
		require.Equal(t, string(out), string(again))
	}
}

// TestRandomValidate runs xmllint over the written forms of random
// models, all in one run. The installed schema is libvirt 9.0's, so
// the models leave out what is newer (netxmltest.Options.Schema90).
func TestRandomValidate(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	dir := t.TempDir()
	var files []string
	for i := range randomCount {
		n := netxmltest.RandomWith(r, netxmltest.Options{Schema90: true})
		for _, inactive := range []bool{false, true} {
			out, err := n.MarshalWith(netxml.WriteOptions{Inactive: inactive})
			require.NoError(t, err)
			f := filepath.Join(dir, fmt.Sprintf("random-%03d-%v.xml", i, inactive))
			require.NoError(t, os.WriteFile(f, out, 0o644))
			files = append(files, f)
		}
	}
	xmllint(t, files)
}
