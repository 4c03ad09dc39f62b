package lang

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFilterMatches(t *testing.T) {
	f := Filter{
		{Include: true, Pattern: "/etc/sysconfig/network-scripts/ifcfg-*"},
		{Include: true, Pattern: "/etc/sysctl.d/*.conf"},
		{Include: false, Pattern: "*~"},
		{Include: false, Pattern: "*.rpm[!n]*"},
		{Include: false, Pattern: "/etc/sysctl.d/skip.conf"},
	}
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"included", "/etc/sysconfig/network-scripts/ifcfg-eth0", true},
		{"star stops at slash", "/etc/sysconfig/network-scripts/ifcfg-x/y", false},
		{"not included", "/etc/hosts", false},
		{"excluded by base name", "/etc/sysconfig/network-scripts/ifcfg-eth0~", false},
		{"negated bracket", "/etc/sysctl.d/a.rpmsave.conf", false},
		{"negated bracket keeps other", "/etc/sysctl.d/a.rpmnew.conf", true},
		{"excluded by full path", "/etc/sysctl.d/skip.conf", false},
		{"doubled slashes", "/etc//sysctl.d/a.conf", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, f.Matches(tt.path))
		})
	}
	assert.False(t, Filter{{Include: true, Pattern: "/etc/[a"}}.Matches("/etc/[a"), "a malformed glob matches nothing")
}
