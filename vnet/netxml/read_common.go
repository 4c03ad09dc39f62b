package netxml

import "fmt"

func (rd *reader) route(el *element) (*Route, error) {
	if err := el.leaf(); err != nil {
		return nil, err
	}
	r := &Route{}
	var err error
	fam, hasFam := el.get("family")
	if hasFam && fam != "ipv4" && fam != "ipv6" {
		return nil, el.attrErr("family", fmt.Sprintf("%q is not ipv4 or ipv6", fam))
	}
	r.Family = fam
	want := 0
	switch fam {
	case "ipv4":
		want = 4
	case "ipv6":
		want = 6
	}
	if r.Address, err = el.needAddr("address", want); err != nil {
		return nil, err
	}
	if want == 0 && r.Address.Is6() {
		return nil, el.attrErr("address", fmt.Sprintf("%s is not an IPv4 address: an IPv6 route needs family='ipv6'", r.Address))
	}
	if want == 0 {
		want = 4
	}
	if r.Gateway, err = el.needAddr("gateway", want); err != nil {
		return nil, err
	}
	if _, ok := el.get("netmask"); ok {
		if want == 6 {
			return nil, el.attrErr("netmask", "an IPv6 route takes a prefix, not a netmask")
		}
		if r.Netmask, err = el.addr("netmask", 4); err != nil {
			return nil, err
		}
		if _, ok := netmaskBits(r.Netmask); !ok {
			return nil, el.attrErr("netmask", fmt.Sprintf("%s is not a netmask (contiguous ones, then zeros)", r.Netmask))
		}
	}
	max := uint64(32)
	if want == 6 {
		max = 128
	}
	if p, err := el.uint("prefix", 0, max); err != nil {
		return nil, err
	} else if p != nil {
		if r.Netmask.IsValid() {
			return nil, el.attrErr("prefix", "give a netmask or a prefix, not both")
		}
		r.Prefix = new(uint8(*p))
	}
	if m, err := el.uint("metric", 1, 1<<32-1); err != nil {
		return nil, err
	} else if m != nil {
		r.Metric = new(uint32(*m))
	}
	return r, nil
}

func (rd *reader) portgroup(el *element) (*PortGroup, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	pg := &PortGroup{}
	var err error
	if pg.Name, err = el.need("name"); err != nil {
		return nil, err
	}
	if msg := checkPortGroupName(pg.Name); msg != "" {
		return nil, el.attrErr("name", msg)
	}
	def, err := el.yesNo("default", "yes", "no")
	if err != nil {
		return nil, err
	}
	pg.Default = def != nil && *def
	if pg.TrustGuestRxFilters, err = el.yesNo("trustGuestRxFilters", "yes", "no"); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) {
			return nil, rd.unknown(c, el.path)
		}
		var ce *element
		switch c.Tag {
		case "virtualport":
			ce, err = rd.open(c, el.path, "type")
		case "vlan":
			ce, err = rd.open(c, el.path, "trunk")
		case "bandwidth":
			ce, err = rd.open(c, el.path)
		default:
			return nil, rd.unknown(c, el.path)
		}
		if err != nil {
			return nil, err
		}
		if err := ce.once(seen); err != nil {
			return nil, err
		}
		switch c.Tag {
		case "virtualport":
			pg.VirtualPort, err = rd.virtualport(ce)
		case "vlan":
			pg.VLAN, err = rd.vlan(ce)
		case "bandwidth":
			pg.Bandwidth, err = rd.bandwidth(ce)
		}
		if err != nil {
			return nil, err
		}
	}
	return pg, nil
}

// virtualport reads a <virtualport>: the parameters its type allows.
func (rd *reader) virtualport(el *element) (*VirtualPort, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	v := &VirtualPort{}
	rd.lines[v] = rd.line(el.e)
	var err error
	if v.Type, err = enum[VirtualPortType](el, "type", vportWords); err != nil {
		return nil, err
	}
	allowed := map[VirtualPortType][]string{
		VirtualPortUnset:       {"managerid", "typeid", "typeidversion", "instanceid", "profileid", "interfaceid"},
		VirtualPort8021Qbg:     {"managerid", "typeid", "typeidversion", "instanceid"},
		VirtualPort8021Qbh:     {"profileid"},
		VirtualPortOpenvswitch: {"profileid", "interfaceid"},
		VirtualPortMidonet:     {"interfaceid"},
	}[v.Type]
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "parameters" {
			return nil, rd.unknown(c, el.path)
		}
		pe, err := rd.open(c, el.path, allowed...)
		if err != nil {
			return nil, err
		}
		if err := pe.once(seen); err != nil {
			return nil, err
		}
		if err := pe.leaf(); err != nil {
			return nil, err
		}
		for _, k := range []string{"managerid", "typeid", "typeidversion"} {
			s, ok := pe.get(k)
			if !ok {
				continue
			}
			max := uint64(0xff)
			if k == "typeid" {
				max = 0xffffff
			}
			n, msg := parseNum(s, max)
			if msg != "" {
				return nil, pe.attrErr(k, msg)
			}
			switch k {
			case "managerid":
				v.ManagerID = new(uint8(n))
			case "typeid":
				v.TypeID = new(uint32(n))
			default:
				v.TypeIDVersion = new(uint8(n))
			}
		}
		for _, k := range []string{"instanceid", "interfaceid"} {
			s, ok := pe.get(k)
			if !ok {
				continue
			}
			u, msg := parseUUID(s)
			if msg != "" {
				return nil, pe.attrErr(k, msg)
			}
			if k == "instanceid" {
				v.InstanceID = u
			} else {
				v.InterfaceID = u
			}
		}
		if s, ok := pe.get("profileid"); ok {
			if s == "" || len(s) > 39 {
				return nil, pe.attrErr("profileid", fmt.Sprintf("%q: a profile id has 1 to 39 characters", s))
			}
			v.ProfileID = s
		}
	}
	if v.Type == VirtualPortMidonet && v.InterfaceID == "" {
		return nil, el.errorf("a midonet virtualport needs <parameters interfaceid>")
	}
	if v.Type == VirtualPortUnset && v.empty() {
		return nil, el.errorf("a <virtualport> needs a type or parameters")
	}
	return v, nil
}

func (v *VirtualPort) empty() bool {
	return v.ManagerID == nil && v.TypeID == nil && v.TypeIDVersion == nil &&
		v.InstanceID == "" && v.ProfileID == "" && v.InterfaceID == ""
}

func (rd *reader) bandwidth(el *element) (*Bandwidth, error) { return rd.bandwidthOf(el, false) }

// bandwidthOf reads a <bandwidth>; a port's (floor set) may give its
// inbound rate a floor, and a floor without an average.
func (rd *reader) bandwidthOf(el *element, floor bool) (*Bandwidth, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	b := &Bandwidth{}
	rd.lines[b] = rd.line(el.e)
	seen := map[string]bool{}
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "inbound" && c.Tag != "outbound" {
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, "average", "peak", "burst", "floor")
		if err != nil {
			return nil, err
		}
		if err := ce.once(seen); err != nil {
			return nil, err
		}
		if err := ce.leaf(); err != nil {
			return nil, err
		}
		r := &Rate{}
		for _, f := range []struct {
			key string
			max uint64
			dst *uint64
		}{{"average", 1 << 54, &r.Average}, {"peak", 1 << 54, &r.Peak}, {"burst", 1<<22 - 1, &r.Burst}, {"floor", 1 << 54, &r.Floor}} {
			v, err := ce.uint(f.key, 1, f.max)
			if err != nil {
				return nil, err
			}
			if v != nil {
				*f.dst = *v
			}
		}
		switch {
		case r.Floor != 0 && !floor:
			return nil, ce.attrErr("floor", "floor is for a guest interface's bandwidth, not a network's or a portgroup's")
		case r.Floor != 0 && c.Tag != "inbound":
			return nil, ce.attrErr("floor", "floor is for inbound traffic only")
		}
		if r.Average == 0 && r.Floor == 0 {
			return nil, ce.errorf("attribute average is missing")
		}
		if c.Tag == "inbound" {
			b.Inbound = r
		} else {
			b.Outbound = r
		}
	}
	if b.Inbound == nil && b.Outbound == nil {
		return nil, nil // libvirt drops an empty <bandwidth/>
	}
	return b, nil
}

func (rd *reader) vlan(el *element) (*VLAN, error) {
	if err := el.noText(); err != nil {
		return nil, err
	}
	v := &VLAN{}
	rd.lines[v] = rd.line(el.e)
	trunk, err := el.yesNo("trunk", "yes", "no")
	if err != nil {
		return nil, err
	}
	native := false
	for _, c := range el.e.ChildElements() {
		if !plain(c) || c.Tag != "tag" {
			return nil, rd.unknown(c, el.path)
		}
		ce, err := rd.open(c, el.path, "id", "nativeMode")
		if err != nil {
			return nil, err
		}
		if err := ce.leaf(); err != nil {
			return nil, err
		}
		id, err := ce.needUint("id", 0, 4095)
		if err != nil {
			return nil, err
		}
		t := VLANTag{ID: uint16(id)}
		if t.NativeMode, err = enum[NativeMode](ce, "nativeMode", nativeWords); err != nil {
			return nil, err
		}
		if t.NativeMode != NativeUnset {
			if native {
				return nil, ce.attrErr("nativeMode", "a second native tag: one is allowed")
			}
			native = true
		}
		for _, x := range v.Tags {
			if x.ID == t.ID {
				return nil, ce.errorf("tag %d is listed twice", t.ID)
			}
		}
		v.Tags = append(v.Tags, t)
	}
	switch {
	case len(v.Tags) == 0:
		return nil, el.errorf("a <vlan> needs at least one <tag>")
	case trunk != nil && !*trunk && len(v.Tags) > 1:
		return nil, el.attrErr("trunk", "more than one tag needs trunk='yes'")
	case trunk != nil && !*trunk && native:
		return nil, el.attrErr("trunk", "a native tag needs a trunk")
	}
	v.Trunk = trunk != nil && *trunk || trunk == nil && (len(v.Tags) > 1 || native)
	return v, nil
}
