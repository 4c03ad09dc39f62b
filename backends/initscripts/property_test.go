package initscripts

import (
	"strings"
	"testing"

	"github.com/lensnet/lensnet/backends/backendstest"
	"github.com/stretchr/testify/require"
)

// TestRoundTripRandom: XML to files to XML is the identity for random
// interfaces of every shape the schema allows (link aside), and
// undefine leaves no ifcfg file behind.
func TestRoundTripRandom(t *testing.T) {
	root := emptyRoot(t)
	n := 300
	if testing.Short() {
		n = 50
	}
	backendstest.RoundTrip(t, openDir(t, root), 7, n, nil, func(i int) {
		for _, f := range fileNames(t, root) {
			require.False(t, strings.HasPrefix(f, "ifcfg-"), "case %d left %s", i, f)
		}
	})
}
