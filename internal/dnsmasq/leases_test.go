package dnsmasq_test

import (
	"net/netip"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/dnsmasq"
)

// A lease file as dnsmasq 2.90 writes it: IPv4 leases (one with no
// hostname, one infinite, one of a non-Ethernet client), the server's
// DUID, then IPv6 leases (one a temporary address).
const leaseText = `1796650476 52:54:00:00:00:01 10.99.0.15 guest1 01:52:54:00:00:00:01
1796650500 52:54:00:00:00:02 10.99.0.16 * *
0 52:54:00:00:00:03 10.99.0.17 forever 01:52:54:00:00:00:03
1796650600 20-00:11:22:33:44:55:66:77 10.99.0.18 ib *
duid 00:01:00:01:2e:b5:c2:1a:52:54:00:00:00:aa
1796650700 1485836831 2001:db8:ac10:fd01::1:20 guest6 00:04:7e:7d:f0:7d:a8:bc:c5:d2:13:32:11:ed:16:ea:84:63
1796650800 T7 2001:db8:ac10:fd01::1:99 * 00:03:00:01:52:54:00:11:22:33
`

func TestLeases(t *testing.T) {
	file := filepath.Join(t.TempDir(), "leases")
	leases, err := dnsmasq.Leases(file)
	require.NoError(t, err, "no lease file yet")
	assert.Empty(t, leases)

	require.NoError(t, os.WriteFile(file, []byte(leaseText), 0o644))
	leases, err = dnsmasq.Leases(file)
	require.NoError(t, err)
	duid := "00:01:00:01:2e:b5:c2:1a:52:54:00:00:00:aa"
	assert.Equal(t, []dnsmasq.Lease{
		{Expiry: time.Unix(1796650476, 0), IP: netip.MustParseAddr("10.99.0.15"), MAC: "52:54:00:00:00:01", Hostname: "guest1", ClientID: "01:52:54:00:00:00:01"},
		{Expiry: time.Unix(1796650500, 0), IP: netip.MustParseAddr("10.99.0.16"), MAC: "52:54:00:00:00:02"},
		{IP: netip.MustParseAddr("10.99.0.17"), MAC: "52:54:00:00:00:03", Hostname: "forever", ClientID: "01:52:54:00:00:00:03"},
		{Expiry: time.Unix(1796650600, 0), IP: netip.MustParseAddr("10.99.0.18"), MAC: "20-00:11:22:33:44:55:66:77", Hostname: "ib"},
		{Expiry: time.Unix(1796650700, 0), IP: netip.MustParseAddr("2001:db8:ac10:fd01::1:20"), IAID: 1485836831, Hostname: "guest6",
			ClientID: "00:04:7e:7d:f0:7d:a8:bc:c5:d2:13:32:11:ed:16:ea:84:63", ServerDUID: duid},
		{Expiry: time.Unix(1796650800, 0), IP: netip.MustParseAddr("2001:db8:ac10:fd01::1:99"), IAID: 7, Temporary: true,
			ClientID: "00:03:00:01:52:54:00:11:22:33", ServerDUID: duid},
	}, leases)
	assert.True(t, leases[2].Expiry.IsZero(), "0 is an infinite lease")
}

func TestLeasesErrors(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"fields", "1 52:54:00:00:00:01 10.0.0.1 x\n", "1: want 5 fields (expiry, MAC or IAID, address, hostname, client id), have 4"},
		{"expiry", "\nsoon 52:54:00:00:00:01 10.0.0.1 x *\n", `2: invalid expiry time "soon"`},
		{"address", "1 52:54:00:00:00:01 10.0.0.300 x *\n", `1: invalid address "10.0.0.300"`},
		{"iaid", "duid 00:01\n1 X7 2001:db8::1 x *\n", `2: invalid IAID "X7"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := dnsmasq.ParseLeases([]byte(c.text))
			assert.EqualError(t, err, c.want)
		})
	}
	file := filepath.Join(t.TempDir(), "leases")
	require.NoError(t, os.WriteFile(file, []byte("garbage\n"), 0o644))
	_, err := dnsmasq.Leases(file)
	assert.EqualError(t, err, file+":1: want 5 fields (expiry, MAC or IAID, address, hostname, client id), have 1")
}
