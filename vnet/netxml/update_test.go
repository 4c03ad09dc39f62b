package netxml_test

import (
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const updateBase = `<network>
  <name>u</name>
  <forward mode='nat'/>
  <ip address='192.168.1.1' prefix='24'>
    <dhcp>
      <range start='192.168.1.100' end='192.168.1.200'/>
      <host mac='52:54:00:00:00:01' name='a' ip='192.168.1.10'/>
    </dhcp>
  </ip>
  <ip address='192.168.2.1' prefix='24'/>
  <ip family='ipv6' address='fd00::1' prefix='64'/>
</network>
`

// TestUpdate covers what libvirt's cases do not: the errors of each
// section and command, parentIndex, and that a failed update leaves
// the network as it was.
func TestUpdate(t *testing.T) {
	tests := []struct {
		name, section, command string
		index                  int
		frag, err              string
	}{
		{"bad section", "bogus", "add", 0, "<host/>", `"bogus" is not a network section (bridge, domain, ip, ip-dhcp-host, ip-dhcp-range, forward, forward-interface, forward-pf, portgroup, dns-host, dns-txt, dns-srv)`},
		{"bad command", "ip-dhcp-host", "replace", 0, "<host/>", `"replace" is not an update command (add-first, add-last, add, modify, delete)`},
		{"unsupported section", "bridge", "modify", 0, "<bridge name='x'/>", "<network>: the bridge section cannot be updated, only redefined"},
		{"wrong element", "ip-dhcp-host", "add", 0, "<range start='192.168.1.2' end='192.168.1.3'/>", "fragment:1: <range>: the root element must be <host>"},
		{"not xml", "dns-txt", "add", 0, "<txt", "fragment:1: not well-formed XML: unexpected EOF"},
		{"unknown attribute", "dns-txt", "add", 0, "<txt name='a' value='b' ttl='3'/>", "fragment:1: <txt ttl>: unknown attribute ttl"},
		{"index out of range", "ip-dhcp-host", "add", 7, "<host name='b' ip='192.168.1.11'/>", "<network>: no <ip> at index 7 (the network has 3)"},
		{"second dhcp of a family", "ip-dhcp-host", "add", 1, "<host name='b' ip='192.168.2.11'/>", "<network>/<ip address='192.168.2.1'>: DHCP is in <ip address='192.168.1.1'> already: a network serves DHCP on one subnet of each family"},
		{"host of the other family", "ip-dhcp-host", "add", 0, "<host name='b' ip='fd00::5'/>", "fragment:1: <host name='b' ip>: fd00::5 is not an IPv4 address like its <ip>"},
		{"duplicate mac", "ip-dhcp-host", "add-first", 0, "<host mac='52:54:00:00:00:01' ip='192.168.1.12'/>", "<network>/<ip address='192.168.1.1'>/<dhcp>: a host matching <host mac='52:54:00:00:00:01' ip='192.168.1.12'> exists already"},
		{"range modify", "ip-dhcp-range", "modify", 0, "<range start='192.168.1.2' end='192.168.1.3'/>", "<network>/<ip address='192.168.1.1'>/<dhcp>: a DHCP range cannot be modified, only added or deleted"},
		{"range broadcast", "ip-dhcp-range", "add", 0, "<range start='192.168.1.2' end='192.168.1.255'/>", "<network>/<ip address='192.168.1.1'>/<dhcp>/<range start='192.168.1.2'>: the range 192.168.1.2-192.168.1.255 ends at the broadcast address of 192.168.1.0/24"},
		{"srv modify", "dns-srv", "modify", 0, "<srv service='a' protocol='tcp'/>", "<network>/<dns>: an SRV record cannot be modified, only added or deleted"},
		{"txt modify without value", "dns-txt", "modify", 0, "<txt name='a'/>", "<network>/<dns>: no TXT record named a"},
		{"portgroup second default", "portgroup", "add", 0, "<portgroup name='b' default='yes'/>", ""},
		{"dns host without hostname", "dns-host", "add", 0, "<host ip='192.168.1.5'/>", "fragment:1: <host ip='192.168.1.5'>: a host needs at least one <hostname>"},
		{"forward interface modify", "forward-interface", "modify", 0, "<interface dev='eth0'/>", "<network>/<forward>: a forward interface cannot be modified, only added or deleted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := netxml.Parse([]byte(updateBase), "base.xml")
			require.NoError(t, err)
			before, err := n.Marshal()
			require.NoError(t, err)
			err = n.Update(tt.section, tt.command, tt.index, []byte(tt.frag))
			if tt.err == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tt.err)
			var e *netxml.Error
			assert.ErrorAs(t, err, &e)
			after, err := n.Marshal()
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "a failed update changes nothing")
		})
	}
}

// TestUpdateSequence adds, modifies and deletes in turn, through
// parentIndex -1 (the <ip> with DHCP), and ends where it began.
func TestUpdateSequence(t *testing.T) {
	n, err := netxml.Parse([]byte(updateBase), "base.xml")
	require.NoError(t, err)
	before, err := n.Marshal()
	require.NoError(t, err)
	steps := []struct{ section, command, frag string }{
		{"ip-dhcp-host", "add-first", "<host mac='52:54:00:00:00:02' name='b' ip='192.168.1.11'/>"},
		{"ip-dhcp-host", "modify", "<host mac='52:54:00:00:00:02' name='b' ip='192.168.1.12'/>"},
		{"ip-dhcp-host", "delete", "<host name='b'/>"},
		{"ip-dhcp-range", "add", "<range start='192.168.1.20' end='192.168.1.30'/>"},
		{"ip-dhcp-range", "delete", "<range start='192.168.1.20' end='192.168.1.30'/>"},
		{"dns-host", "add-last", "<host ip='192.168.1.5'><hostname>five</hostname></host>"},
		{"dns-host", "modify", "<host ip='192.168.1.5'><hostname>cinq</hostname></host>"},
		{"dns-host", "delete", "<host><hostname>cinq</hostname></host>"},
		{"dns-txt", "add", "<txt name='t' value='v'/>"},
		{"dns-txt", "modify", "<txt name='t' value='w'/>"},
		{"dns-txt", "delete", "<txt name='t'/>"},
		{"dns-srv", "add", "<srv service='ldap' protocol='tcp'/>"},
		{"dns-srv", "delete", "<srv service='ldap'/>"},
		{"forward-interface", "add", "<interface dev='eth0'/>"},
		{"forward-interface", "delete", "<interface dev='eth0'/>"},
		{"portgroup", "add", "<portgroup name='p' default='yes'/>"},
		{"portgroup", "modify", "<portgroup name='p'><vlan><tag id='5'/></vlan></portgroup>"},
		{"portgroup", "delete", "<portgroup name='p'/>"},
	}
	for _, s := range steps {
		require.NoError(t, n.Update(s.section, s.command, -1, []byte(s.frag)), "%s %s %s", s.command, s.section, s.frag)
		_, err := n.Marshal()
		require.NoError(t, err)
	}
	after, err := n.Marshal()
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
}
