package netxml_test

import (
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustParse(t *testing.T, s string) *netxml.Network {
	t.Helper()
	n, err := netxml.Parse([]byte(s), "")
	require.NoError(t, err)
	return n
}

func TestCheckConflicts(t *testing.T) {
	def := mustParse(t, `<network><name>default</name><uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
		<bridge name='virbr0'/><forward/><ip address='192.168.122.1' prefix='24'/></network>`)
	host := mustParse(t, `<network><name>host</name><forward mode='bridge'/><bridge name='br0'/></network>`)
	others := []*netxml.Network{def, host}
	running := func(n *netxml.Network) bool { return n == def }
	tests := []struct {
		name, doc string
		active    func(*netxml.Network) bool
		err       string
	}{
		{"itself, redefined", `<network><name>default</name><uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid><bridge name='virbr0'/><ip address='192.168.122.1' prefix='24'/></network>`, running, ""},
		{"same name, other uuid", `<network><name>default</name><uuid>11111111-2222-3333-4444-555555555555</uuid></network>`, nil,
			"<network>/<name>: network default exists already with UUID 81ff0d90-c91e-6742-64da-4a736edb9a9b"},
		{"same uuid, other name", `<network><name>other</name><uuid>81FF0D90C91E674264DA4A736EDB9A9B</uuid></network>`, nil,
			"<network>/<uuid>: UUID 81ff0d90-c91e-6742-64da-4a736edb9a9b belongs to network default already"},
		{"bridge taken", `<network><name>n2</name><bridge name='virbr0'/></network>`, nil,
			"<network>/<bridge>: bridge virbr0 is network default's already"},
		{"overlap with a running network", `<network><name>n3</name><ip address='192.168.122.200' netmask='255.255.255.128'/></network>`, running,
			"<network>/<ip address='192.168.122.200'>: the subnet 192.168.122.128/25 overlaps 192.168.122.0/24 of running network default"},
		{"overlap with a stopped network", `<network><name>n3</name><ip address='192.168.122.200' netmask='255.255.255.128'/></network>`, nil, ""},
		{"host bridge networks share br0", `<network><name>n4</name><forward mode='bridge'/><bridge name='br0'/></network>`, running, ""},
		{"no overlap", `<network><name>n5</name><ip address='10.0.0.1' prefix='8'/></network>`, running, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := netxml.CheckConflicts(mustParse(t, tt.doc), others, tt.active)
			if tt.err == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.err)
			var e *netxml.Error
			assert.ErrorAs(t, err, &e)
		})
	}
}
