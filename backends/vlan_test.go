package backends_test

import (
	"fmt"
	"testing"

	"github.com/lensnet/lensnet/backends"
	"github.com/stretchr/testify/assert"
)

func TestVLANFromName(t *testing.T) {
	for _, c := range []struct {
		name, device, dev, tag string
		ok                     bool
	}{
		{"eth0.42", "", "eth0", "42", true},
		{"bond0.5.7", "", "bond0.5", "7", true},
		{"vlan42", "eth1", "eth1", "42", true},
		{"vlan0042", "eth1", "eth1", "42", true},
		{"vlan0", "eth1", "eth1", "0", true},
		{"eth1.9", "eth1", "eth1", "9", true},
		{"eth0", "", "", "", false},
		{"eth0.x", "", "", "", false},
		{"vlan", "eth1", "eth1", "", false},
	} {
		dev, tag, ok := backends.VLANFromName(c.name, c.device)
		assert.Equal(t, []any{c.dev, c.tag, c.ok}, []any{dev, tag, ok}, c.name)
	}
	assert.False(t, backends.VLANNeedsDevice("eth0.42", "eth0", "42"))
	assert.True(t, backends.VLANNeedsDevice("vlan42", "eth0", "42"))
}

func ExampleVLANFromName() {
	fmt.Println(backends.VLANFromName("eth0.42", ""))
	fmt.Println(backends.VLANFromName("vlan42", "eth0"))
	// Output:
	// eth0 42 true
	// eth0 42 true
}
