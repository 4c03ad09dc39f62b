package dnsmasq_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/lensnet/lensnet/internal/dnsmasq"
)

func TestConf(t *testing.T) {
	var c dnsmasq.Conf
	require.NoError(t, c.Comment("network default"))
	require.NoError(t, c.Flag("bind-dynamic"))
	require.NoError(t, c.Add("interface", "virbr0"))
	require.NoError(t, c.Add("dhcp-range", "192.168.122.2,192.168.122.254,255.255.255.0"))
	require.NoError(t, c.Add("dhcp-range", "2001:db8:ac10:fd01::1:10,2001:db8:ac10:fd01::1:ff,64"))
	assert.Equal(t, `## network default
bind-dynamic
interface=virbr0
dhcp-range=192.168.122.2,192.168.122.254,255.255.255.0
dhcp-range=2001:db8:ac10:fd01::1:10,2001:db8:ac10:fd01::1:ff,64
`, c.String())

	for _, tc := range []struct {
		name, key, value, want string
	}{
		{"newline in value", "interface", "br0\ndhcp-script=/tmp/x", `interface: invalid dnsmasq value "br0\ndhcp-script=/tmp/x": a line break would start another option`},
		{"carriage return", "domain", "a\rb", `domain: invalid dnsmasq value "a\rb": a line break would start another option`},
		{"NUL", "domain", "a\x00b", `domain: invalid dnsmasq value "a\x00b": NUL would end the line`},
		{"tab", "domain", "a\tb", `domain: invalid dnsmasq value "a\tb": control character '\t'`},
		{"quote", "domain", `a"b`, `domain: invalid dnsmasq value "a\"b": dnsmasq reads quotes and escapes in values`},
		{"comment", "domain", "a #b", `domain: invalid dnsmasq value "a #b": '#' after a space starts a comment`},
		{"spaces", "domain", " a", `domain: invalid dnsmasq value " a": dnsmasq strips leading and trailing spaces`},
		{"newline in key", "interface\ndhcp-script", "x", `invalid dnsmasq option name "interface\ndhcp-script": lowercase letters, digits and '-' only`},
		{"equals in key", "a=b", "x", `invalid dnsmasq option name "a=b": lowercase letters, digits and '-' only`},
		{"empty key", "", "x", `invalid dnsmasq option name "": empty`},
		{"pid-file", "pid-file", "/tmp/x", `dnsmasq option pid-file is Start's to set, not the config's`},
		{"conf-dir", "conf-dir", "/etc/dnsmasq.d", `dnsmasq option conf-dir is Start's to set, not the config's`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c dnsmasq.Conf
			assert.EqualError(t, c.Add(tc.key, tc.value), tc.want)
			assert.Empty(t, c.String(), "a refused option was written")
		})
	}
	assert.Error(t, c.Flag("keep-in-foreground"))
	assert.Error(t, c.Flag("no resolv"))
	assert.Error(t, c.Comment("a\nb"))
	assert.NoError(t, dnsmasq.ValidateOption("a#b"), "'#' inside a word is no comment")
	assert.NoError(t, dnsmasq.ValidateOption(""))
}
