package gen

import (
	"fmt"
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

func TestIfcfgNameIsItsDevice(t *testing.T) {
	for i := range 8 {
		dev := strings.TrimPrefix(IfcfgName(i), "ifcfg-")
		assert.Regexp(t, fmt.Sprintf(`(?m)^DEVICE="?%s"?$`, dev), Ifcfg(i), "file %d", i)
	}
}

func ExampleIfcfgName() {
	fmt.Println(IfcfgName(0), IfcfgName(2))
	// Output: ifcfg-eth0 ifcfg-bond2
}
