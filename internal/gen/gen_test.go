package gen

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDeterministicAndLinear(t *testing.T) {
	assert.Equal(t, Interfaces(50), Interfaces(50))
	assert.Equal(t, Ifcfg(7), Ifcfg(7))
	small, big := len(Interfaces(1000)), len(Interfaces(10000))
	assert.InDelta(t, 10.0, float64(big)/float64(small), 0.5, "size grows with the stanza count")
	assert.Equal(t, 100000, strings.Count(Sysctl(100000), "\n"))
	assert.NotEqual(t, Ifcfg(0), Ifcfg(1))
}
