package vnet

import (
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/kernel/kerneltest"
	"github.com/lensnet/lensnet/internal/nft"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFirewallScripts: every mode's table loads into nft (in a test
// namespace), NAT with address and port ranges and forward dev
// included, and loading it again replaces it.
func TestFirewallScripts(t *testing.T) {
	ns, _ := kerneltest.NS(t)
	for name, xml := range map[string]string{
		"nat":      `<network><name>n1</name><forward mode='nat'/><bridge name='b1'/><ip address='10.1.0.1' prefix='24'/><ip family='ipv6' address='fd00:1::1' prefix='64'/></network>`,
		"natrange": `<network><name>n.2</name><forward mode='nat' dev='eth0'><nat ipv6='yes'><address start='198.51.100.1' end='198.51.100.9'/><port start='1024' end='2048'/></nat></forward><bridge name='b2'/><ip address='10.2.0.1' prefix='24'/><ip family='ipv6' address='fd00:2::1' prefix='64'/></network>`,
		"route":    `<network><name>n3</name><forward mode='route'/><bridge name='b3'/><ip address='10.3.0.1' prefix='24'/></network>`,
		"isolated": `<network><name>n4</name><bridge name='b4'/><ip address='10.4.0.1' prefix='24'/></network>`,
	} {
		n, err := netxml.Parse([]byte(xml), name+".xml")
		require.NoError(t, err, name)
		table, script := firewallScript(n)
		require.NotEmpty(t, table, name)
		require.NoError(t, nft.Apply(ns, script), "%s:\n%s", name, script)
		require.NoError(t, nft.Apply(ns, script), "applied twice: %s", name)
		has, err := nft.HasTable(ns, "inet", table)
		require.NoError(t, err)
		assert.True(t, has, name)
		if name == "natrange" {
			assert.Equal(t, "lensnet-n_2-"+table[len("lensnet-n_2-"):], table)
			assert.Contains(t, script, "snat ip to 198.51.100.1-198.51.100.9:1024-2048")
			assert.Contains(t, script, `oifname "eth0"`)
			assert.Contains(t, script, "ip6 saddr fd00:2::/64")
		}
	}
	open, _ := netxml.Parse([]byte(`<network><name>o</name><forward mode='open'/><bridge name='b5'/><ip address='10.5.0.1' prefix='24'/></network>`), "o.xml")
	table, script := firewallScript(open)
	assert.Empty(t, table, "open has no firewall")
	assert.Empty(t, script)
	assert.False(t, strings.Contains(tableName("a b"), " "))
}
