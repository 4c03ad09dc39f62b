package netxmltest_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/vnet/netxml/netxmltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRandomCoversTheModel writes many random networks and checks that
// every element and attribute the writer can produce turns up.
func TestRandomCoversTheModel(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	seen := map[string]bool{}
	attr := regexp.MustCompile(`([\w:]+)='([^']*)'`)
	open := regexp.MustCompile(`^<([\w:]+)`)
	for range 2000 {
		out, err := netxmltest.Random(r).Marshal()
		require.NoError(t, err)
		for _, line := range strings.Split(string(out), "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "<") || strings.HasPrefix(line, "</") {
				continue
			}
			tag := open.FindStringSubmatch(line)[1]
			seen[tag] = true
			for _, m := range attr.FindAllStringSubmatch(line, -1) {
				seen[tag+"@"+m[1]] = true
				if m[1] == "mode" {
					seen[tag+"@mode="+m[2]] = true
				}
			}
		}
	}
	for _, want := range []string{
		"network@connections", "network@ipv6", "network@trustGuestRxFilters", "network@xmlns:dnsmasq",
		"name", "uuid", "title", "description", "metadata",
		"forward@dev", "forward@managed", "forward@mode=nat", "forward@mode=route", "forward@mode=open",
		"forward@mode=bridge", "forward@mode=private", "forward@mode=vepa", "forward@mode=passthrough", "forward@mode=hostdev",
		"interface@connections", "address@function", "pf@dev", "driver@name", "driver@model", "nat@ipv6", "address@start", "port@end",
		"bridge@name", "bridge@zone", "bridge@stp", "bridge@delay", "bridge@macTableManager",
		"mtu@size", "mac@address", "domain@localOnly", "domain@register",
		"dns@enable", "dns@forwardPlainNames", "forwarder@addr", "forwarder@domain", "txt@value",
		"srv@target", "srv@port", "srv@priority", "srv@weight", "hostname",
		"vlan@trunk", "tag@nativeMode", "bandwidth", "inbound@peak", "outbound@burst", "port@isolated",
		"ip@family", "ip@netmask", "ip@prefix", "ip@localPtr", "tftp@root", "range@end", "lease@unit", "lease@expiry",
		"host@mac", "host@id", "host@name", "bootp@server",
		"route@family", "route@netmask", "route@prefix", "route@metric",
		"virtualport@type", "parameters@managerid", "parameters@typeid", "parameters@typeidversion",
		"parameters@instanceid", "parameters@profileid", "parameters@interfaceid",
		"portgroup@default", "portgroup@trustGuestRxFilters", "dnsmasq:option@value",
	} {
		assert.True(t, seen[want], "never generated: %s", want)
	}
}
