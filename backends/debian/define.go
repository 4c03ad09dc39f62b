package debian

import (
	"fmt"
	"slices"
	"strings"

	"github.com/beevik/etree"
	"github.com/lensnet/lensnet/backends"
	"github.com/lensnet/lensnet/tree"
	"github.com/lensnet/lensnet/xform"
)

// member is one interface of a connection's XML: the top level, a
// bridge port, or a bond slave.
type member struct {
	el    *etree.Element
	name  string
	typ   string
	role  string // top, port, slave
	owner string // the bridge or bond a port or slave belongs to
}

// collect lists the interfaces of a connection's XML in document order.
func collect(top *etree.Element) []member {
	name := top.SelectAttrValue("name", "")
	ms := []member{{top, name, top.SelectAttrValue("type", ""), "top", ""}}
	slaves := func(bond *etree.Element, owner string) {
		if bond == nil {
			return
		}
		for _, s := range bond.SelectElements("interface") {
			ms = append(ms, member{s, s.SelectAttrValue("name", ""), s.SelectAttrValue("type", ""), "slave", owner})
		}
	}
	if br := top.SelectElement("bridge"); br != nil {
		for _, p := range br.SelectElements("interface") {
			pn := p.SelectAttrValue("name", "")
			ms = append(ms, member{p, pn, p.SelectAttrValue("type", ""), "port", name})
			slaves(p.SelectElement("bond"), pn)
		}
	}
	slaves(top.SelectElement("bond"), name)
	return ms
}

// connection returns the names of a connection's interfaces as the
// files say them: the top level, its ports and slaves, and the slaves
// of bonds among its ports.
func (d *Driver) connection(ix *index, name string) []string {
	out := []string{name}
	var add func(n string, depth int)
	add = func(n string, depth int) {
		st := mainStanza(ix.byName[n])
		if st == nil || depth > 2 {
			return
		}
		rec := ix.record(st)
		for _, k := range []string{"bridge_ports", "bond_slaves"} {
			for _, m := range memberNames(onlyKey(rec, k), k, "") {
				if !slices.Contains(out, m) {
					out = append(out, m)
					add(m, depth+1)
				}
			}
		}
	}
	add(name, 0)
	return out
}

// writer places new lines: after the last stanza written, else at the
// end of /etc/network/interfaces.
type writer struct {
	d     *Driver
	ix    *index
	after *tree.Node
}

// newStanza makes "iface NAME FAMILY" (the method comes with the
// record) after the writer's place.
func (w *writer) newStanza(name, family string) (*stanza, error) {
	n := tree.NewValue("iface", name)
	n.Append(tree.NewValue("family", family))
	if err := w.insert(n); err != nil {
		return nil, err
	}
	return &stanza{node: n, name: name, family: family, rec: &xform.Record{}, pos: 1 << 30}, nil
}

func (w *writer) insert(n *tree.Node) error {
	if w.after != nil {
		w.after.Parent().Insert(w.after.Index()+1, n)
		w.after = n
		return nil
	}
	f := w.d.fileNode(Interfaces)
	if f == nil {
		if err := w.d.h.Touch("/files" + Interfaces); err != nil {
			return err
		}
		if f = w.d.fileNode(Interfaces); f == nil {
			return fmt.Errorf("cannot make %s", Interfaces)
		}
	}
	f.Append(n)
	w.after = n
	return nil
}

// put writes a stanza's record by a unit: an existing stanza in place,
// a new one (no nodes) from nothing.
func (w *writer) put(st *stanza, unit *xform.Unit, view *etree.Element, old *xform.Record) error {
	fresh := st.nodes == nil && len(st.rec.Entries) == 0
	rec, err := unit.Put(view, old)
	if err != nil {
		return err
	}
	if fresh && !rec.Has("method") {
		rec.Entries = append([]xform.Entry{{Key: "method", Value: "manual"}}, rec.Entries...)
	}
	dash := st.dash
	applyStanza(st.node, st.rec, st.nodes, rec, dash)
	return nil
}

// Define implements backends.Driver: it writes the stanzas of every
// interface of the XML, editing those that exist in place.
func (d *Driver) Define(el *etree.Element) error {
	ix, err := d.index()
	if err != nil {
		return err
	}
	if ix.mainErr != nil {
		return fmt.Errorf("cannot define: %w", ix.mainErr)
	}
	ms := collect(el)
	seen := map[string]bool{}
	for _, m := range ms {
		if m.name == "" || strings.ContainsAny(m.name, " \t\n#") {
			return fmt.Errorf("interface %q: not a name an iface line can have", m.name)
		}
		if seen[m.name] {
			return fmt.Errorf("interface %s: named twice in one definition", m.name)
		}
		seen[m.name] = true
	}
	name := ms[0].name
	old := d.connection(ix, name)
	for _, m := range ms {
		if err := ix.brokenFor(m.name); err != nil {
			return fmt.Errorf("interface %s: %w", m.name, err)
		}
		o, owned := ix.owner[m.name]
		if !owned || slices.Contains(old, o) {
			continue
		}
		if m.role == "top" {
			return fmt.Errorf("interface %s: it is a port or slave of %s; change or undefine %s first", name, o, o)
		}
		kind := "a port of"
		if d.typeOf(ix, o) == "bond" {
			kind = "a slave of"
		}
		return fmt.Errorf("interface %s: %s is %s %s; change or undefine %s first", name, m.name, kind, o, o)
	}
	w := &writer{d: d, ix: ix}
	if sts := ix.byName[name]; len(sts) > 0 {
		w.after = sts[len(sts)-1].node
	}
	wasBond := map[string]bool{}
	for _, n := range old {
		wasBond[n] = len(ix.byName[n]) > 0 && d.typeOf(ix, n) == "bond"
	}
	if err := d.writeTop(w, ms[0]); err != nil {
		return err
	}
	for _, m := range ms[1:] {
		if err := d.writeMember(w, m); err != nil {
			return err
		}
	}
	// interfaces of the old connection the XML no longer has
	for _, n := range old {
		if !seen[n] {
			for _, st := range ix.byName[n] {
				st.node.Detach()
			}
			if wasBond[n] {
				d.removeAlias(n)
			}
		}
	}
	d.setStart(ix, name, ms[0].el)
	for _, m := range ms {
		if m.typ == "bond" && !wasBond[m.name] {
			if err := d.addAlias(m.name); err != nil {
				return err
			}
		}
	}
	return d.save()
}

// slot is one stanza of an address family as define writes it: an
// existing one or a new one, and its share of the family's protocol.
type slot struct {
	st       *stanza // nil: new
	dhcp     bool
	ips      []*etree.Element
	route    bool
	autoconf bool
	first    bool // the family's first stanza in the file
}

// capacity is how many addresses an existing stanza holds.
func capacity(st *stanza) int {
	return addressLines(st.rec, "address") + len(st.rec.Values("%inet6-add"))
}

// plan shares a protocol among the stanzas of its family: dhcp to a
// dhcp stanza (else a new one), addresses to the other stanzas as many
// as each holds now, then one to each new stanza. Stanzas left over go;
// with no protocol, an inet stanza stays as "inet manual".
func plan(p *etree.Element, olds []*stanza, v6 bool) []*slot {
	if p == nil {
		if !v6 && len(olds) > 0 {
			return []*slot{{st: olds[0], first: true}}
		}
		return nil
	}
	ips := p.SelectElements("ip")
	rest := slices.Clone(olds)
	var dslot *slot
	if p.SelectElement("dhcp") != nil {
		i := slices.IndexFunc(rest, func(st *stanza) bool { m, _ := st.rec.Value("method"); return m == "dhcp" })
		if i < 0 && len(ips) == 0 && len(rest) > 0 {
			i = 0
		}
		dslot = &slot{dhcp: true}
		if i >= 0 {
			dslot.st = rest[i]
			rest = slices.Delete(rest, i, i+1)
		}
	}
	var olded, fresh []*slot
	if dslot != nil && dslot.st != nil {
		olded = append(olded, dslot)
		// more dhcp stanzas read as the same dhcp: they stay
		rest = slices.DeleteFunc(rest, func(st *stanza) bool {
			if m, _ := st.rec.Value("method"); m == "dhcp" && !st.rec.Has("address") {
				olded = append(olded, &slot{st: st, dhcp: true})
				return true
			}
			return false
		})
	}
	for _, st := range rest {
		if len(ips) == 0 {
			break
		}
		n := min(capacity(st), len(ips))
		olded = append(olded, &slot{st: st, ips: ips[:n]})
		ips = ips[n:]
	}
	for _, ip := range ips {
		fresh = append(fresh, &slot{ips: []*etree.Element{ip}})
	}
	slices.SortFunc(olded, func(a, b *slot) int { return a.st.pos - b.st.pos })
	var slots []*slot
	if dslot != nil && dslot.st == nil && len(olds) == 0 {
		slots = append(slots, dslot)
	}
	slots = append(slots, olded...)
	slots = append(slots, fresh...)
	if dslot != nil && dslot.st == nil && len(olds) > 0 {
		slots = append(slots, dslot)
	}
	if len(slots) == 0 {
		s := &slot{}
		if len(olds) > 0 {
			s.st = olds[0]
		}
		slots = append(slots, s)
	}
	slots[0].first = true
	slots[0].autoconf = p.SelectElement("autoconf") != nil
	if p.SelectElement("route") != nil {
		at := slots[0]
		found := false
		for _, s := range slots {
			if s.st != nil && s.st.rec.Has("gateway") {
				at, found = s, true
				break
			}
		}
		if !found {
			for _, s := range slots {
				if len(s.ips) > 0 {
					at = s
					break
				}
			}
		}
		at.route = true
	}
	return slots
}

// view is the part of an interface's XML one stanza says: the
// interface's own elements for the main stanza, and its share of the
// protocol.
func view(el, p *etree.Element, s *slot, main bool) *etree.Element {
	v := etree.NewElement("interface")
	for _, a := range el.Attr {
		v.CreateAttr(a.Key, a.Value)
	}
	if main {
		for _, c := range el.ChildElements() {
			if c.Tag != "protocol" {
				v.AddChild(c.Copy())
			}
		}
	}
	if p == nil {
		return v
	}
	q := v.CreateElement("protocol")
	q.CreateAttr("family", p.SelectAttrValue("family", ""))
	if s.autoconf {
		q.CreateElement("autoconf")
	}
	if s.dhcp {
		q.AddChild(p.SelectElement("dhcp").Copy())
	}
	for _, ip := range s.ips {
		q.AddChild(ip.Copy())
	}
	if s.route {
		q.AddChild(p.SelectElement("route").Copy())
	}
	return v
}

func protocol(el *etree.Element, family string) *etree.Element {
	for _, p := range el.SelectElements("protocol") {
		if p.SelectAttrValue("family", "") == family {
			return p
		}
	}
	return nil
}

// writeTop writes the stanzas of the top-level interface.
func (d *Driver) writeTop(w *writer, m member) error {
	ix := w.ix
	sts := ix.byName[m.name]
	var olds4, olds6 []*stanza
	for _, st := range sts {
		switch st.family {
		case "inet":
			olds4 = append(olds4, st)
		case "inet6":
			olds6 = append(olds6, st)
		}
	}
	p4, p6 := protocol(m.el, "ipv4"), protocol(m.el, "ipv6")
	s4, s6 := plan(p4, olds4, false), plan(p6, olds6, true)
	if len(s4) == 0 && len(s6) == 0 {
		s4 = []*slot{{first: true}}
	}
	// the main stanza: the first of either family that has the
	// interface's options now, else the first inet, else inet6
	var main *slot
	var firsts []*slot
	if len(s4) > 0 {
		firsts = append(firsts, s4[0])
	}
	if len(s6) > 0 {
		firsts = append(firsts, s6[0])
	}
	if cur := mainStanza(sts); cur != nil && hasLinkKey(cur) {
		for _, s := range firsts {
			if s.st == cur {
				main = s
			}
		}
	}
	if main == nil {
		main = firsts[0]
	}
	keep := map[*stanza]bool{}
	for _, fam := range []struct {
		name  string
		p     *etree.Element
		slots []*slot
	}{{"inet", p4, s4}, {"inet6", p6, s6}} {
		for _, s := range fam.slots {
			st := s.st
			if st == nil {
				var err error
				if st, err = w.newStanza(m.name, fam.name); err != nil {
					return err
				}
			} else {
				keep[st] = true
			}
			role, typ, old := fam.name, "none", st.rec
			if !s.first {
				role += "-extra"
			}
			if s == main {
				typ = m.typ
			}
			if s.st != nil {
				old = ix.record(st)
			}
			unit, ok := d.rs.Unit(role, typ)
			if !ok {
				return fmt.Errorf("interface %s: no rules for a %s stanza of a %s", m.name, role, typ)
			}
			if err := w.put(st, unit, view(m.el, fam.p, s, s == main), old); err != nil {
				return err
			}
		}
	}
	for _, st := range sts {
		if (st.family == "inet" || st.family == "inet6") && !keep[st] {
			st.node.Detach()
		}
	}
	return nil
}

// writeMember writes a port's or slave's stanza: its main one in
// place, or a new one when the XML says something a stanza must hold
// (a MAC, a bond's options, a VLAN's raw device).
func (d *Driver) writeMember(w *writer, m member) error {
	unit, ok := d.rs.Unit(m.role, m.typ)
	if !ok {
		return fmt.Errorf("interface %s: a %s cannot be a %s", m.name, m.typ, m.role)
	}
	ix := w.ix
	st := mainStanza(ix.byName[m.name])
	old := (*xform.Record)(nil)
	if st == nil {
		if m.typ == "ethernet" && m.el.SelectElement("mac") == nil {
			return nil
		}
		var err error
		if st, err = w.newStanza(m.name, "inet"); err != nil {
			return err
		}
		old = &xform.Record{}
	} else {
		old = ix.record(st)
	}
	return w.put(st, unit, m.el, old)
}

// setStart writes the start mode of the top-level interface as auto or
// allow-hotplug lines, when what they say now differs.
func (d *Driver) setStart(ix *index, name string, el *etree.Element) {
	mode := "none"
	if s := el.SelectElement("start"); s != nil {
		mode = s.SelectAttrValue("mode", "none")
	}
	if ix.startMode(name) == mode {
		return
	}
	d.dropStart(ix, name)
	label := map[string]string{"onboot": "auto", "hotplug": "allow-hotplug"}[mode]
	if label == "" {
		return
	}
	n := tree.New(label)
	n.Append(tree.NewValue("1", name))
	// before the interface's first stanza
	files := d.files
	if !slices.Contains(files, Interfaces) {
		files = append([]string{Interfaces}, files...)
	}
	for _, f := range files {
		fn := d.fileNode(f)
		if fn == nil {
			continue
		}
		for _, k := range fn.Children() {
			if l, _ := k.Label(); l == "iface" {
				if v, _ := k.Value(); v == name {
					fn.Insert(k.Index(), n)
					return
				}
			}
		}
	}
}

// dropStart takes name off every auto and allow-hotplug line; a line
// left with no name goes.
func (d *Driver) dropStart(ix *index, name string) {
	for _, n := range ix.starts {
		var gone []*tree.Node
		for _, k := range n.Children() {
			if v, _ := k.Value(); v == name {
				gone = append(gone, k)
			}
		}
		if len(gone) == 0 {
			continue
		}
		for _, k := range gone {
			k.Detach()
		}
		if n.Len() == 0 {
			n.Detach()
			continue
		}
		for i, k := range n.Children() {
			k.SetLabel(itoa(i + 1))
		}
	}
}

// Undefine implements backends.Driver: it removes the stanzas of the
// connection's interfaces, their names from auto and allow-hotplug
// lines and the bonding aliases of its bonds.
func (d *Driver) Undefine(name string) error {
	ix, err := d.index()
	if err != nil {
		return err
	}
	if err := ix.brokenFor(name); err != nil {
		return fmt.Errorf("interface %s: %w", name, err)
	}
	if _, port := ix.owner[name]; port || len(ix.byName[name]) == 0 {
		return fmt.Errorf("%w: %s", backends.ErrNotFound, name)
	}
	for _, n := range d.connection(ix, name) {
		if len(ix.byName[n]) > 0 && d.typeOf(ix, n) == "bond" {
			d.removeAlias(n)
		}
		for _, st := range ix.byName[n] {
			st.node.Detach()
		}
		d.dropStart(ix, n)
	}
	return d.save()
}

// save writes what changed and forgets the index; a failed save reads
// the files again, so the tree is what the disk holds.
func (d *Driver) save() error {
	d.idx = nil
	if err := d.h.Save(); err != nil {
		_ = d.Reload()
		return err
	}
	return nil
}
