package initscripts

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

// connection returns the files of a connection: its top-level file, its
// ports and slaves, and the slaves of bonds among its ports.
func (d *Driver) connection(ix *index, name string) []*file {
	top := ix.top(ix.byName[name])
	if top == nil {
		return nil
	}
	out := []*file{top}
	for _, k := range ix.kids[name] {
		out = append(out, k)
		if !k.master {
			for _, s := range ix.kids[k.name] {
				if s.master {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

// Define implements backends.Driver: it writes one file per interface
// of the XML, editing the files that define them now in place.
func (d *Driver) Define(el *etree.Element) error {
	ix, err := d.index()
	if err != nil {
		return err
	}
	ms := collect(el)
	seen := map[string]bool{}
	for _, m := range ms {
		if m.name == "" || strings.ContainsAny(m.name, "/") || m.name == "." || m.name == ".." {
			return fmt.Errorf("interface %q: not a name an ifcfg file can have", m.name)
		}
		if seen[m.name] {
			return fmt.Errorf("interface %s: named twice in one definition", m.name)
		}
		seen[m.name] = true
	}
	name := ms[0].name
	old := d.connection(ix, name)
	// each member's file: one of the connection's, else its own
	// top-level file, else a new one; a port or slave of another
	// connection is not taken from it
	target := make([]*file, len(ms))
	for i, m := range ms {
		for _, f := range ix.byName[m.name] {
			if slices.Contains(old, f) {
				target[i] = f
				break
			}
		}
		if target[i] != nil {
			continue
		}
		for _, f := range ix.byName[m.name] {
			if f.owner != "" {
				kind := "a port of"
				if f.master {
					kind = "a slave of"
				}
				return fmt.Errorf("interface %s: %s is %s %s (%s); change or undefine %s first", name, m.name, kind, f.owner, f.path, f.owner)
			}
		}
		if m.role != "top" && len(ix.kids[m.name]) > 0 && m.typ != "bond" {
			return fmt.Errorf("interface %s: %s has ports or slaves of its own", name, m.name)
		}
		target[i] = ix.top(ix.byName[m.name])
		if target[i] != nil && target[i].err != nil {
			return fmt.Errorf("interface %s: %w", m.name, target[i].err)
		}
	}
	// write
	for i, m := range ms {
		unit, ok := d.rs.Unit(m.role, m.typ)
		if !ok {
			return fmt.Errorf("interface %s: a %s cannot be a %s", m.name, m.typ, m.role)
		}
		var oldRec *xform.Record
		var node *tree.Node
		if f := target[i]; f != nil {
			oldRec, node = f.rec, f.node
			if m.role != "top" && f.owner == "" {
				// a top-level interface becomes a port or slave
				// (iface-bridge): its addresses moved to its new
				// master, so the keys a port keeps go
				oldRec = dropKept(unit, oldRec)
			}
		} else {
			if node, err = d.newFile(m.name); err != nil {
				return err
			}
			oldRec = &xform.Record{}
		}
		rec, err := unit.Put(m.el, oldRec)
		if err != nil {
			return err
		}
		setOrder(rec, m, ms)
		xform.Apply(node, rec, shell{})
	}
	// files of the old connection the XML no longer has
	for _, f := range old {
		if !seen[f.name] && f.node != nil {
			f.node.Detach()
		}
	}
	// a bond that was none before gets its bonding alias (netcf's
	// rule); one that was a bond keeps what it had, so that defining
	// what reading gives changes nothing
	for i, m := range ms {
		if m.typ == "bond" && (target[i] == nil || d.typeOf(ix, target[i]) != "bond") {
			if err := d.addAlias(m.name); err != nil {
				return err
			}
		}
	}
	for _, f := range old {
		if f.node != nil && d.rs.Type(f.rec) == "bond" && !seen[f.name] {
			d.removeAlias(f.name)
		}
	}
	return d.save()
}

// dropKept removes the entries a unit would keep as they are.
func dropKept(u *xform.Unit, rec *xform.Record) *xform.Record {
	out := &xform.Record{}
	for _, e := range rec.Entries {
		if !u.Keeps(e.Key, e.Value) {
			out.Add(e.Key, e.Value)
		}
	}
	return out
}

// setOrder writes (or removes) the order key of a bridge's ports or a
// bond's slaves: needed only when reading would not give the XML's
// order (a bond's primary first, then path order).
func setOrder(rec *xform.Record, m member, ms []member) {
	for _, slaves := range []bool{false, true} {
		role := "port"
		if slaves {
			role = "slave"
		}
		var names []string
		for _, k := range ms {
			if k.role == role && k.owner == m.name {
				names = append(names, k.name)
			}
		}
		natural := slices.Clone(names)
		slices.Sort(natural) // path order: ifcfg-NAME sorts as NAME
		if slaves {
			if p := primary(rec); p != "" {
				if i := slices.Index(natural, p); i > 0 {
					natural = append([]string{p}, slices.Delete(natural, i, i+1)...)
				}
			}
		}
		if len(names) > 1 && !slices.Equal(names, natural) {
			rec.Set(orderKey(slaves), strings.Join(names, " "))
		} else {
			rec.Del(orderKey(slaves))
		}
	}
}

// newFile makes the tree node of a new ifcfg file.
func (d *Driver) newFile(name string) (*tree.Node, error) {
	p := "/files" + Dir + "/" + tree.EscapeLabel("ifcfg-"+name)
	if err := d.h.Touch(p); err != nil {
		return nil, err
	}
	ns, err := d.h.MatchNodes(p)
	if err != nil || len(ns) != 1 {
		return nil, fmt.Errorf("interface %s: cannot make %s: %v", name, p, err)
	}
	return ns[0], nil
}

// Undefine implements backends.Driver: it removes the files of the
// connection and the bonding aliases of its bonds.
func (d *Driver) Undefine(name string) error {
	ix, err := d.index()
	if err != nil {
		return err
	}
	files := d.connection(ix, name)
	if len(files) == 0 {
		return fmt.Errorf("%w: %s", backends.ErrNotFound, name)
	}
	for _, f := range files {
		if f.node != nil {
			if d.typeOf(ix, f) == "bond" {
				d.removeAlias(f.name)
			}
			f.node.Detach()
		} else {
			return fmt.Errorf("interface %s: %w", f.name, f.err)
		}
	}
	return d.save()
}

// save writes what changed and forgets the index; a failed save reads
// the files again, so the tree is what the disk holds.
func (d *Driver) save() error {
	d.idx = nil
	if err := d.h.Save(); err != nil {
		_ = d.h.Load()
		return err
	}
	return nil
}
