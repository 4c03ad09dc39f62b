package lens_test

import (
	"testing"

	"github.com/lensnet/lensnet/internal/gen"
	"github.com/lensnet/lensnet/lens"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSkeletonFromLayoutShipped: the shipped lenses whose top level is
// a star of subtrees (with trailers: Interfaces's auto lines and the
// comments after them) get the skeleton of a changed top level from the
// layout the load made, without reading the level again.
func TestSkeletonFromLayoutShipped(t *testing.T) {
	for _, c := range []struct{ module, text string }{
		{"Interfaces", gen.Interfaces(50)},
		{"Interfaces", "# head\n\nauto lo\n# after auto\n\nallow-hotplug eth0\niface eth0 inet dhcp\n"},
		{"Shellvars", gen.Ifcfg(0) + gen.Ifcfg(1) + gen.Ifcfg(2) + gen.Ifcfg(3)},
		{"Sysctl", gen.Sysctl(50)},
		{"Hosts", gen.Hosts(50)},
	} {
		l := shippedLens(t, c.module)
		_, lay, err := l.GetLazy(c.text)
		require.NoError(t, err)
		require.NotNil(t, lay, c.module)
		assert.True(t, lens.SkeletonFromLayout(lay), "%s: %q", c.module, c.text)
	}
}
