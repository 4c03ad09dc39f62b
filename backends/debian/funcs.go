package debian

import (
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/xform"
)

// funcs are the rule functions of debian.xf beside xform's generic
// ones.
var funcs = map[string]xform.Func{
	"method":      methodFunc{},
	"addrs":       addrsFunc{},
	"secondaries": secondariesFunc{},
	"autoconf":    autoconfFunc{},
	"members":     membersFunc{},
	"portup":      portupFunc{},
	"vlandev":     vlanDev{},
}

func onePath(r *xform.Rule, n int) (*xform.Path, error) {
	if len(r.Args) != n {
		return nil, r.Errorf("wants %d arguments, has %d", n, len(r.Args))
	}
	p, err := r.Path(r.Args[0])
	if err != nil {
		return nil, r.Errorf("%v", err)
	}
	return p, nil
}

// methodFunc is
//
//	method PROTO ipv4|ipv6
//
// a stanza's method (the key "method"): dhcp is PROTO/dhcp, static a
// protocol with addresses (other rules add them), manual nothing for
// IPv4 and an empty protocol for IPv6, auto (IPv6) autoconf, loopback
// the loopback address. Put writes dhcp, static or manual; an old
// method that reads as the XML stays (auto, loopback).
type methodFunc struct{}

type protoData struct {
	proto *xform.Path
	v6    bool
}

func (methodFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	p, err := onePath(r, 2)
	if err != nil {
		return err
	}
	r.Data = protoData{p, r.Args[1] == "ipv6"}
	r.Own("method")
	return nil
}

func (methodFunc) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	d := r.Data.(protoData)
	m, ok := rec.Value("method")
	if !ok {
		return nil
	}
	switch m {
	case "dhcp":
		if p := d.proto.Ensure(el); p.SelectElement("dhcp") == nil {
			p.CreateElement("dhcp")
		}
	case "static":
		d.proto.Ensure(el)
	case "manual":
		if d.v6 {
			d.proto.Ensure(el)
		}
	case "auto":
		if d.v6 {
			p := d.proto.Ensure(el)
			if p.SelectElement("autoconf") == nil {
				p.CreateElement("autoconf")
			}
		}
	case "loopback":
		ip := d.proto.Ensure(el).CreateElement("ip")
		if d.v6 {
			ip.CreateAttr("address", "::1")
			ip.CreateAttr("prefix", "128")
		} else {
			ip.CreateAttr("address", "127.0.0.1")
			ip.CreateAttr("prefix", "8")
		}
	}
	return nil
}

func (methodFunc) Put(r *xform.Rule, el *etree.Element, _ *xform.Record) ([]xform.Entry, error) {
	d := r.Data.(protoData)
	p := d.proto.Element(el)
	m := "manual"
	switch {
	case p == nil:
	case p.SelectElement("dhcp") != nil:
		m = "dhcp"
	case p.SelectElement("ip") != nil:
		m = "static"
	}
	return []xform.Entry{{Key: "method", Value: m}}, nil
}

// addrsFunc is
//
//	addrs PROTO ADDRKEY MASKKEY ipv4|ipv6
//
// a stanza's addresses: each ADDRKEY line is an <ip> (A or A/P), the
// first MASKKEY (dotted for IPv4, a prefix length for IPv6) its prefix
// when the address has none. Put writes as many <ip> as the old record
// has address lines (at least one) as ADDRKEY lines, in CIDR form when
// the old first address was, else with MASKKEY.
type addrsFunc struct{}

func (addrsFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	p, err := onePath(r, 4)
	if err != nil {
		return err
	}
	r.Data = protoData{p, r.Args[3] == "ipv6"}
	r.Own(r.Args[1])
	r.Own(r.Args[2])
	return nil
}

func (addrsFunc) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	d := r.Data.(protoData)
	mask, hasMask := rec.Value(r.Args[2])
	for i, a := range rec.Values(r.Args[1]) {
		addr, prefix, cidr := strings.Cut(strings.TrimSpace(a), "/")
		ip := d.proto.Ensure(el).CreateElement("ip")
		ip.CreateAttr("address", addr)
		switch {
		case cidr:
			ip.CreateAttr("prefix", prefix)
		case hasMask && i == 0:
			ip.CreateAttr("prefix", maskToPrefix(mask, d.v6))
		}
	}
	return nil
}

func maskToPrefix(mask string, v6 bool) string {
	if n, ok := xform.MaskPrefix(mask); ok && !v6 {
		return strconv.Itoa(n)
	}
	return mask
}

// addressLines is how many address lines a stanza's Put writes.
func addressLines(old *xform.Record, key string) int {
	return max(1, len(old.Values(key)))
}

func (addrsFunc) Put(r *xform.Rule, el *etree.Element, old *xform.Record) ([]xform.Entry, error) {
	d := r.Data.(protoData)
	p := d.proto.Element(el)
	if p == nil {
		return nil, nil
	}
	ips := p.SelectElements("ip")
	ips = ips[:min(len(ips), addressLines(old, r.Args[1]))]
	first, _ := old.Value(r.Args[1])
	cidr := strings.Contains(first, "/")
	var out []xform.Entry
	for i, ip := range ips {
		a := ip.SelectAttrValue("address", "")
		pre := ip.SelectAttr("prefix")
		switch {
		case pre != nil && (cidr || i > 0):
			out = append(out, xform.Entry{Key: r.Args[1], Value: a + "/" + pre.Value})
		case pre != nil:
			out = append(out, xform.Entry{Key: r.Args[1], Value: a})
			m := pre.Value
			if !d.v6 {
				if n, err := strconv.Atoi(m); err == nil && n >= 0 && n <= 32 {
					m = xform.PrefixMask(n)
				}
			}
			out = append(out, xform.Entry{Key: r.Args[2], Value: m})
		default:
			out = append(out, xform.Entry{Key: r.Args[1], Value: a})
		}
	}
	return out, nil
}

// secondariesFunc is
//
//	secondaries PROTO ADDKEY DELKEY
//
// netcf's secondary IPv6 addresses: "up /sbin/ifconfig NAME inet6 add
// A/P" lines (ADDKEY, with "down ... del A/P" as DELKEY). Get adds an
// <ip> per ADDKEY line; put writes the <ip> beyond the stanza's address
// lines in this form (the driver gives a stanza only as many as its
// lines hold, so lensnet never starts this form itself).
type secondariesFunc struct{}

func (secondariesFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	p, err := onePath(r, 3)
	if err != nil {
		return err
	}
	r.Data = p
	r.Own(r.Args[1])
	r.Own(r.Args[2])
	return nil
}

func (secondariesFunc) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	for _, v := range rec.Values(r.Args[1]) {
		f := strings.Fields(v)
		addr, prefix, ok := strings.Cut(f[len(f)-1], "/")
		ip := r.Data.(*xform.Path).Ensure(el).CreateElement("ip")
		ip.CreateAttr("address", addr)
		if ok {
			ip.CreateAttr("prefix", prefix)
		}
	}
	return nil
}

func (secondariesFunc) Put(r *xform.Rule, el *etree.Element, old *xform.Record) ([]xform.Entry, error) {
	p := r.Data.(*xform.Path).Element(el)
	if p == nil {
		return nil, nil
	}
	ips := p.SelectElements("ip")
	n := addressLines(old, "address")
	if len(ips) <= n {
		return nil, nil
	}
	name := el.SelectAttrValue("name", "")
	var adds, dels []xform.Entry
	for _, ip := range ips[n:] {
		a := ip.SelectAttrValue("address", "")
		if pre := ip.SelectAttr("prefix"); pre != nil {
			a += "/" + pre.Value
		}
		adds = append(adds, xform.Entry{Key: r.Args[1], Value: "/sbin/ifconfig " + name + " inet6 add " + a})
		dels = append(dels, xform.Entry{Key: r.Args[2], Value: "/sbin/ifconfig " + name + " inet6 del " + a})
	}
	return append(adds, dels...), nil
}

// autoconfFunc is
//
//	autoconf PROTO PREKEY POSTKEY
//
// IPv6 autoconfiguration: on unless netcf's "pre-up echo 0 >
// /proc/sys/net/ipv6/conf/NAME/autoconf" line (PREKEY, with its
// "post-down echo 1 ..." as POSTKEY) turns it off; a loopback has
// none.
type autoconfFunc struct{}

func (autoconfFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	p, err := onePath(r, 3)
	if err != nil {
		return err
	}
	r.Data = p
	r.Own(r.Args[1])
	r.Own(r.Args[2])
	return nil
}

func (autoconfFunc) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	p := r.Data.(*xform.Path).Element(el)
	if m, _ := rec.Value("method"); p == nil || m == "loopback" || rec.Has(r.Args[1]) {
		return nil
	}
	if p.SelectElement("autoconf") == nil {
		p.CreateElement("autoconf")
	}
	return nil
}

func (autoconfFunc) Put(r *xform.Rule, el *etree.Element, _ *xform.Record) ([]xform.Entry, error) {
	p := r.Data.(*xform.Path).Element(el)
	if p == nil || p.SelectElement("autoconf") != nil {
		return nil, nil
	}
	conf := "/proc/sys/net/ipv6/conf/" + el.SelectAttrValue("name", "") + "/autoconf"
	return []xform.Entry{{Key: r.Args[1], Value: "echo 0 > " + conf}, {Key: r.Args[2], Value: "echo 1 > " + conf}}, nil
}

// membersFunc is
//
//	members PATH LISTKEY [PRIMARYKEY]
//
// a bridge's ports or a bond's slaves: LISTKEY names them ("none" is
// none), then the slaves that name this bond as their bond-master (the
// driver gives them as %slave); the PRIMARYKEY member goes first. Get
// makes an element per member with its name (the driver fills in the
// rest); put writes the names and the first as the primary.
type membersFunc struct{}

func (membersFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	if len(r.Args) != 2 && len(r.Args) != 3 {
		return r.Errorf("wants PATH LISTKEY [PRIMARYKEY]")
	}
	p, err := r.Path(r.Args[0])
	if err != nil {
		return r.Errorf("%v", err)
	}
	r.Data = p
	for _, k := range r.Args[1:] {
		r.Own(k)
	}
	return nil
}

// memberNames lists the members a record names, in the order reading
// gives them.
func memberNames(rec *xform.Record, listKey, primaryKey string) []string {
	var names []string
	add := func(n string) {
		for _, m := range names {
			if m == n {
				return
			}
		}
		names = append(names, n)
	}
	for _, v := range rec.Values(listKey) {
		for _, n := range strings.Fields(v) {
			if n != "none" {
				add(n)
			}
		}
	}
	for _, n := range rec.Values("%slave") {
		add(n)
	}
	if primaryKey != "" {
		if p, ok := rec.Value(primaryKey); ok {
			for i, n := range names {
				if n == p && i > 0 {
					copy(names[1:i+1], names[:i])
					names[0] = p
				}
			}
		}
	}
	return names
}

func (membersFunc) Get(r *xform.Rule, rec *xform.Record, el *etree.Element) error {
	primary := ""
	if len(r.Args) == 3 {
		primary = r.Args[2]
	}
	names := memberNames(rec, r.Args[1], primary)
	if len(names) == 0 {
		return nil
	}
	steps := strings.Split(r.Args[0], "/")
	parent := el
	if len(steps) > 1 {
		pp, _ := xform.ParsePath(strings.Join(steps[:len(steps)-1], "/"))
		parent = pp.Ensure(el)
	}
	for _, n := range names {
		parent.CreateElement(steps[len(steps)-1]).CreateAttr("name", n)
	}
	return nil
}

func (membersFunc) Put(r *xform.Rule, el *etree.Element, _ *xform.Record) ([]xform.Entry, error) {
	p := r.Data.(*xform.Path)
	parent := p.Element(el)
	if parent == nil {
		steps := strings.Split(r.Args[0], "/")
		if len(steps) < 2 {
			return nil, nil
		}
		pp, _ := xform.ParsePath(strings.Join(steps[:len(steps)-1], "/"))
		if pp.Element(el) == nil {
			return nil, nil
		}
	}
	var names []string
	for _, m := range p.Elements(el) {
		names = append(names, m.SelectAttrValue("name", ""))
	}
	if len(names) == 0 {
		return []xform.Entry{{Key: r.Args[1], Value: "none"}}, nil
	}
	out := []xform.Entry{{Key: r.Args[1], Value: strings.Join(names, " ")}}
	if len(r.Args) == 3 {
		out = append(out, xform.Entry{Key: r.Args[2], Value: names[0]})
	}
	return out, nil
}

// portupFunc is
//
//	portup PATH UPKEY DOWNKEY
//
// netcf's "pre-up ifup PORT" and "post-down ifdown PORT" lines on a
// bridge for each port that is a bond or a VLAN (ifupdown brings up
// only ethernet ports by itself). Structure: get reads nothing.
type portupFunc struct{}

func (portupFunc) Compile(r *xform.Rule, _ *xform.Rules) error {
	p, err := onePath(r, 3)
	if err != nil {
		return err
	}
	r.Data = p
	r.Own(r.Args[1])
	r.Own(r.Args[2])
	return nil
}

func (portupFunc) Get(*xform.Rule, *xform.Record, *etree.Element) error { return nil }

func (portupFunc) Put(r *xform.Rule, el *etree.Element, _ *xform.Record) ([]xform.Entry, error) {
	var ups, downs []xform.Entry
	for _, m := range r.Data.(*xform.Path).Elements(el) {
		if t := m.SelectAttrValue("type", ""); t == "bond" || t == "vlan" {
			n := m.SelectAttrValue("name", "")
			ups = append(ups, xform.Entry{Key: r.Args[1], Value: "ifup " + n})
			downs = append(downs, xform.Entry{Key: r.Args[2], Value: "ifdown " + n})
		}
	}
	return append(ups, downs...), nil
}

// vlanDev is backends.VLANFunc that always writes the raw device, as
// netcf does (the vlan package ignores it when the name says it), and
// the tag (vlan_id, ifupdown2's vlan-id) when the name's digits are not
// it.
type vlanDev struct{ backends.VLANFunc }

func (f vlanDev) Put(r *xform.Rule, el *etree.Element, old *xform.Record) ([]xform.Entry, error) {
	out, err := f.VLANFunc.Put(r, el, old)
	if err != nil {
		return nil, err
	}
	devPath, err := xform.ParsePath(r.Args[1])
	if err != nil {
		return nil, err
	}
	dev, ok := devPath.Get(el)
	if !ok {
		return out, nil
	}
	for _, e := range out {
		if e.Key == r.Args[2] {
			return out, nil
		}
	}
	return append([]xform.Entry{{Key: r.Args[2], Value: dev}}, out...), nil
}
