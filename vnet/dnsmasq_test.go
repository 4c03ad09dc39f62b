package vnet

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/internal/reftest"
	"github.com/lensnet/lensnet/vnet/netxml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settings are a dnsmasq config's option lines, files named by their
// kind only (libvirt's paths are its own).
func settings(conf string) []string {
	var out []string
	for _, l := range strings.Split(conf, "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, _, _ := strings.Cut(l, "=")
		switch k {
		case "dhcp-hostsfile", "addn-hosts":
			l = k + "=FILE"
		case "dhcp-leasefile":
			continue // libvirt gives it on dnsmasq's command line
		}
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// TestDnsmasqConfLikeLibvirt: for each of libvirt's dnsmasq test cases
// the configuration carries the same settings as libvirt's (the order
// of lines aside), and the hosts file the same hosts.
func TestDnsmasqConfLikeLibvirt(t *testing.T) {
	dir := filepath.Join(reftest.Reference(t), "libvirt-network-xml", "conf")
	cases, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, cases)
	for _, x := range cases {
		name := strings.TrimSuffix(filepath.Base(x), ".xml")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(x)
			require.NoError(t, err)
			n, err := netxml.Parse(b, x)
			require.NoError(t, err)
			conf, hosts, _, err := dnsmasqConfig(n, dnsmasqFiles{Hosts: "/h", AddnHosts: "/a", Leases: "/l"})
			require.NoError(t, err)
			want, err := os.ReadFile(filepath.Join(dir, name+".conf"))
			require.NoError(t, err)
			assert.Equal(t, settings(string(want)), settings(conf))
			if wantHosts, err := os.ReadFile(filepath.Join(dir, name+".hostsfile")); err == nil {
				assert.Equal(t, string(wantHosts), hosts)
			}
		})
	}
}
