package ifxmltest_test

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lensnet/lensnet/iface/ifxml"
	"github.com/lensnet/lensnet/iface/ifxml/ifxmltest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRandomCoversTheSchema writes many random interfaces and checks
// that every element, every attribute and every enum value of the
// schema turns up, nested forms included, and that names are distinct
// within each interface.
func TestRandomCoversTheSchema(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	seen := map[string]bool{}
	attr := regexp.MustCompile(`(\w+)='([^']*)'`)
	for range 1000 {
		ifc := ifxmltest.Random(r)
		out, err := ifc.Marshal()
		require.NoError(t, err)
		var names []string
		var walk func(*ifxml.Interface, string)
		walk = func(i *ifxml.Interface, where string) {
			names = append(names, i.Name)
			seen[where+i.Type.String()] = true
			if i.Bridge != nil {
				for _, p := range i.Bridge.Ports {
					walk(p, "port:")
				}
			}
			if i.Bond != nil {
				for _, s := range i.Bond.Slaves {
					walk(s, where+"slave:")
				}
			}
		}
		walk(ifc, "top:")
		sorted := slices.Clone(names)
		slices.Sort(sorted)
		assert.Equal(t, len(sorted), len(slices.Compact(sorted)), "names repeat: %v", names)
		for _, line := range strings.Split(string(out), "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "<") || strings.HasPrefix(line, "</") {
				continue
			}
			tag := strings.Fields(strings.Trim(line, "</>"))[0]
			seen[tag] = true
			for _, m := range attr.FindAllStringSubmatch(line, -1) {
				seen[tag+"@"+m[1]] = true
				switch m[1] {
				case "mode", "state", "carrier", "validate", "stp", "peerdns", "family", "type":
					seen[tag+"@"+m[1]+"="+m[2]] = true
				}
			}
		}
	}
	want := []string{
		"top:ethernet", "top:bridge", "top:bond", "top:vlan",
		"port:ethernet", "port:vlan", "port:bond", "port:slave:ethernet", "top:slave:ethernet",
		"start@mode=onboot", "start@mode=none", "start@mode=hotplug", "mtu@size",
		"protocol@family=ipv4", "protocol@family=ipv6", "autoconf", "dhcp", "dhcp@peerdns=yes", "dhcp@peerdns=no",
		"ip@address", "ip@prefix", "route@gateway", "link", "link@speed", "mac@address",
		"bridge", "bridge@stp=on", "bridge@stp=off", "bridge@delay",
		"bond", "miimon@freq", "miimon@downdelay", "miimon@updelay", "miimon@carrier=ioctl", "miimon@carrier=netif",
		"arpmon@interval", "arpmon@target",
		"vlan@tag", "interface@name",
	}
	for _, s := range []string{"unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up"} {
		want = append(want, "link@state="+s)
	}
	for _, s := range []string{"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"} {
		want = append(want, "bond@mode="+s)
	}
	for _, s := range []string{"none", "active", "backup", "all"} {
		want = append(want, "arpmon@validate="+s)
	}
	for _, w := range want {
		assert.True(t, seen[w], "never generated: %s", w)
	}
}

// TestRandomIsValid: every model passes Validate.
func TestRandomIsValid(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 1000 {
		require.NoError(t, ifxmltest.Random(r).Validate())
	}
}
