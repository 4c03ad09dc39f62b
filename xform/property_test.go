package xform

import (
	"math/rand/v2"
	"testing"

	"github.com/beevik/etree"
	"github.com/stretchr/testify/require"
)

var propKeys = []string{"DEVICE", "BOOTPROTO", "IPADDR", "IPADDR0", "IPADDR1", "IPADDR7", "PREFIX", "PREFIX1", "NETMASK", "NETMASK1",
	"PEERDNS", "IPV6INIT", "IPV6ADDR", "IPV6ADDR_SECONDARIES", "BONDING_OPTS", "ZONE", "# c"}

var propValues = []string{"", "eth0", "dhcp", "none", "static", "yes", "no", "10.0.0.1", "255.255.0.0", "24", "::1/64",
	"'::2 ::3/8'", "mode=1 miimon=100", "lacp_rate=1", "DHCP", "x y"}

func randomRecord(r *rand.Rand) *Record {
	rec := &Record{}
	for range r.IntN(8) {
		rec.Add(propKeys[r.IntN(len(propKeys))], propValues[r.IntN(len(propValues))])
	}
	return rec
}

// TestPutGetIdentity: reading any record and putting what it reads back
// over it changes nothing: the property that makes defining what was
// read a no-op, for records of every shape, odd ones included.
func TestPutGetIdentity(t *testing.T) {
	rs := testParse(t)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		rec := randomRecord(r)
		u, ok := rs.Unit("top", rs.Type(rec))
		require.True(t, ok)
		el := etree.NewElement("interface")
		require.NoError(t, u.Get(rec, el))
		out, err := u.Put(el, rec)
		require.NoError(t, err)
		require.Equal(t, rec.Entries, out.Entries, "case %d: %s", i, str(el))
	}
}

// TestGetPutGet: what put writes for any XML the rules read reads back
// as that XML (the round trip XML to record to XML), from any old
// record.
func TestGetPutGet(t *testing.T) {
	rs := testParse(t)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		src, old := randomRecord(r), randomRecord(r)
		typ := rs.Type(src)
		u, _ := rs.Unit("top", typ)
		el := etree.NewElement("interface")
		require.NoError(t, u.Get(src, el))
		if !validPrefixes(el) {
			continue // not XML a reader accepts (a netmask as prefix)
		}
		out, err := u.Put(el, old)
		require.NoError(t, err)
		if rs.Type(out) != typ {
			continue // the type lives in keys the unit does not own
		}
		back := etree.NewElement("interface")
		require.NoError(t, u.Get(out, back))
		require.Equal(t, str(el), str(back), "case %d: from %v over %v gave %v", i, src.Entries, old.Entries, out.Entries)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(testRules)
	f.Add("section s\nvalue a[@b='c']/@d K map=m\nunit t x = s keep s")
	f.Fuzz(func(t *testing.T, src string) {
		rs, err := Parse("f.xf", []byte(src), nil)
		if err != nil {
			return
		}
		rec := &Record{}
		rec.Add("DEVICE", "x")
		rec.Add("IPADDR", "1.2.3.4")
		for _, u := range rs.units {
			el := etree.NewElement("interface")
			if u.Get(rec, el) == nil {
				_, _ = u.Put(el, rec)
			}
		}
	})
}

func validPrefixes(el *etree.Element) bool {
	for _, ip := range el.FindElements("//ip") {
		if p := ip.SelectAttr("prefix"); p != nil && !isDigits(p.Value) {
			return false
		}
	}
	return true
}
