package xform

import (
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseErrors(t *testing.T) {
	for src, want := range map[string]string{
		"value @name DEVICE":                      "r.xf:1:1: a rule outside a section",
		"section s\n  nosuch a b":                 "r.xf:2:3: unknown function \"nosuch\"",
		"section s\nvalue @name":                  "r.xf:2:1: value: wants 2 arguments, has 1",
		"section s\nvalue mtu DEVICE":             "r.xf:2:1: value: path \"mtu\" names no attribute",
		"section s\nvalue a/@b/c K":               "r.xf:2:1: value: path \"a/@b/c\": an attribute can only be the last step",
		"section s\nvalue a[@b=c]/@d K":           "r.xf:2:1: value: path \"a[@b=c]/@d\": step \"a[@b=c]\": a predicate is [@attr='value'] or [N]",
		"section s\nvalue @a K map=none":          "r.xf:2:1: value: no map \"none\" (maps are defined before their use)",
		"section s\nsection s":                    "r.xf:2:9: section \"s\" defined twice",
		"map m a":                                 "r.xf:1:7: map entry \"a\" is not CFG=XML",
		"section s\nindexed a/b @x=K":             "r.xf:2:1: indexed: key \"K\" has no # where the number goes",
		"unit top x = nosuch":                     "r.xf: unit top x names section \"nosuch\", which is not defined",
		"section s\nvalue 'a @b K":                "r.xf:2:1: unterminated quote in \"'a @b K\"",
		"section s\nvalue @a K only=sometimes":    "r.xf:2:1: only= is get or put",
		"section s\npacked a K x=@y?z":            "r.xf:2:1: packed: condition \"z\" is not PATH=VALUE",
		"section s\nlist a b K":                   "r.xf:2:1: list: item \"b\" is not @A or @A/@B",
		"section s\nflag a/@b K V":                "r.xf:2:1: flag: path \"a/@b\" names no element",
		"section s\nexists a":                     "r.xf:2:1: exists: wants 2 to 64 arguments, has 1",
		"section s\n  element a b":                "r.xf:2:3: element: wants 1 arguments, has 2",
		"section s\nconst K":                      "r.xf:2:1: const: wants 2 arguments, has 1",
		"section s\nvalue @a K\nunit top t = s x": "r.xf: unit top t names section \"x\", which is not defined",
	} {
		_, err := Parse("r.xf", []byte(src), nil)
		if assert.Error(t, err, src) {
			assert.Equal(t, want, err.Error(), src)
		}
	}
}

const testRules = `
map netmask2 x=y
map bondmode balance-rr=balance-rr active-backup=active-backup 0=balance-rr 1=active-backup
detect bond BONDING_OPTS
detect ethernet
section s
value   @name                         DEVICE
startless start/@mode                 ONBOOT
exists  protocol[@family='ipv4']      BOOTPROTO IPADDR#
flag    protocol[@family='ipv4']/dhcp BOOTPROTO dhcp else=none
value   protocol[@family='ipv4']/dhcp/@peerdns PEERDNS create=no
indexed protocol[@family='ipv4']/ip   @address=IPADDR# @prefix=NETMASK#:netmask|PREFIX#
list    protocol[@family='ipv6']/ip   @address/@prefix IPV6ADDR IPV6ADDR_SECONDARIES
exists  protocol[@family='ipv6']      IPV6INIT=yes
section b
element bond
packed  bond BONDING_OPTS mode=@mode:bondmode primary=>interface[1]/@name?@mode=active-backup miimon=miimon/@freq
unit top ethernet = s
unit top bond = s b
`

func testParse(t testing.TB) *Rules {
	rs, err := Parse("t.xf", []byte(strings.Replace(testRules, "startless start/@mode                 ONBOOT\n", "", 1)), nil)
	require.NoError(t, err)
	return rs
}

func rec(kv ...string) *Record {
	r := &Record{}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Add(kv[i], kv[i+1])
	}
	return r
}

func get(t *testing.T, rs *Rules, r *Record) *etree.Element {
	u, ok := rs.Unit("top", rs.Type(r))
	require.True(t, ok)
	el := etree.NewElement("interface")
	require.NoError(t, u.Get(r, el))
	return el
}

func str(el *etree.Element) string {
	doc := etree.NewDocument()
	doc.SetRoot(el.Copy())
	s, _ := doc.WriteToString()
	return s
}

func TestGetAndPut(t *testing.T) {
	rs := testParse(t)
	old := rec("DEVICE", "eth0", "# note", "x", "BOOTPROTO", "static", "IPADDR0", "10.0.0.1", "PREFIX0", "8",
		"IPADDR1", "10.1.0.1", "NETMASK1", "255.255.0.0", "PEERDNS", "no", "IPV6INIT", "yes", "IPV6ADDR", "::1/128", "IPV6ADDR_SECONDARIES", "'::2/64 ::3'", "ZONE", "z")
	el := get(t, rs, old)
	assert.Equal(t, `<interface name="eth0"><protocol family="ipv4"><ip address="10.0.0.1" prefix="8"/><ip address="10.1.0.1" prefix="16"/></protocol><protocol family="ipv6"><ip address="::1" prefix="128"/><ip address="::2" prefix="64"/><ip address="::3"/></protocol></interface>`, str(el))

	u, _ := rs.Unit("top", "ethernet")
	// reading and writing back changes nothing, quoting and spellings included
	same, err := u.Put(el, old)
	require.NoError(t, err)
	assert.Equal(t, old.Entries, same.Entries)

	// a new address: numbered after the others, with a netmask; dhcp
	// comes, so PEERDNS=no, which meant nothing without it, would now
	// say peerdns='no': it goes
	p4 := el.FindElement("protocol[@family='ipv4']")
	p4.CreateElement("dhcp")
	ip := p4.CreateElement("ip")
	ip.CreateAttr("address", "192.168.1.1")
	ip.CreateAttr("prefix", "24")
	out, err := u.Put(el, old)
	require.NoError(t, err)
	assert.Equal(t, []Entry{{"DEVICE", "eth0"}, {"# note", "x"}, {"BOOTPROTO", "dhcp"}, {"IPADDR0", "10.0.0.1"}, {"PREFIX0", "8"},
		{"IPADDR1", "10.1.0.1"}, {"NETMASK1", "255.255.0.0"}, {"IPADDR2", "192.168.1.1"}, {"NETMASK2", "255.255.255.0"},
		{"IPV6INIT", "yes"}, {"IPV6ADDR", "::1/128"}, {"IPV6ADDR_SECONDARIES", "'::2/64 ::3'"}, {"ZONE", "z"}}, out.Entries)
}

func TestPacked(t *testing.T) {
	rs := testParse(t)
	old := rec("DEVICE", "bond0", "BONDING_OPTS", "lacp_rate=1 mode=1 miimon=100 arp_ip_target=1.1.1.1,2.2.2.2")
	require.Equal(t, "bond", rs.Type(old))
	el := get(t, rs, old)
	assert.Equal(t, `<interface name="bond0"><bond mode="active-backup"><miimon freq="100"/></bond></interface>`, str(el))
	u, _ := rs.Unit("top", "bond")
	out, err := u.Put(el, old)
	require.NoError(t, err)
	assert.Equal(t, old.Entries, out.Entries, "unchanged")
	// a slave makes the primary; a new mode replaces mode=1 in place;
	// unknown options stay where they are
	b := el.SelectElement("bond")
	b.CreateElement("interface").CreateAttr("name", "eth1")
	out, err = u.Put(el, old)
	require.NoError(t, err)
	assert.Equal(t, "lacp_rate=1 mode=1 miimon=100 arp_ip_target=1.1.1.1,2.2.2.2 primary=eth1", out.Entries[1].Value)
	b.SelectAttr("mode").Value = "balance-rr"
	out, err = u.Put(el, old)
	require.NoError(t, err)
	assert.Equal(t, "lacp_rate=1 mode=balance-rr miimon=100 arp_ip_target=1.1.1.1,2.2.2.2", out.Entries[1].Value)
}

func TestMergeOrder(t *testing.T) {
	rs := testParse(t)
	u, _ := rs.Unit("top", "ethernet")
	el := etree.NewElement("interface")
	el.CreateAttr("name", "eth9")
	p := el.CreateElement("protocol")
	p.CreateAttr("family", "ipv4")
	p.CreateElement("dhcp").CreateAttr("peerdns", "yes")
	out, err := u.Put(el, rec("# c", "1", "FOO", "bar"))
	require.NoError(t, err)
	// new keys in rule order, before the first unknown key? after the
	// last: none precede them, so they go where the first follower is
	// (none) -- at the end
	assert.Equal(t, []Entry{{"# c", "1"}, {"FOO", "bar"}, {"DEVICE", "eth9"}, {"BOOTPROTO", "dhcp"}, {"PEERDNS", "yes"}}, out.Entries)
	out2, err := u.Put(el, out)
	require.NoError(t, err)
	assert.Equal(t, out.Entries, out2.Entries, "a fixed point")
}

func TestMasks(t *testing.T) {
	for n := 0; n <= 32; n++ {
		m := PrefixMask(n)
		got, ok := MaskPrefix(m)
		assert.True(t, ok, m)
		assert.Equal(t, n, got, m)
	}
	for _, bad := range []string{"255.0.255.0", "garbage", "24", "::1", "255.255.255.256"} {
		_, ok := MaskPrefix(bad)
		assert.False(t, ok, bad)
	}
}
