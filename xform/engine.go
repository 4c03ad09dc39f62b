package xform

import (
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// Unit is what one kind of element is made of (a unit line): the
// sections whose rules read and write it, in the order keys are
// written, and the sections whose keys it keeps as they are (keys that
// mean nothing for it, such as an address on a bond's slave).
type Unit struct {
	rs         *Rules
	Role, Type string
	sections   []string
	keep       []string
}

// Get adds to el what rec holds, by the unit's rules in order.
func (u *Unit) Get(rec *Record, el *etree.Element) error {
	return u.rs.get(u.sections, rec, el)
}

func (rs *Rules) get(sections []string, rec *Record, el *etree.Element) error {
	for _, s := range sections {
		for _, r := range rs.sections[s] {
			if r.Only == "put" {
				continue
			}
			if err := r.fn.Get(r, rec, el); err != nil {
				return err
			}
		}
	}
	return nil
}

// Put returns the record el implies, by the unit's rules, from the old
// record (empty for a new one):
//
//   - keys no rule of the file writes (unknown keys) stay as they are,
//     where they are;
//   - a rule whose keys, read and written again, give what el implies
//     keeps them as written (ONBOOT=YES stays when the start mode is
//     still onboot, a netmask stays a netmask);
//   - other keys the rules own take their new values in place, are
//     removed when el no longer implies them, and new keys go after
//     the key that precedes them in rule order.
//
// Keys of the unit's keep sections are kept as unknown keys are.
func (u *Unit) Put(el *etree.Element, old *Record) (*Record, error) {
	if old == nil {
		old = &Record{}
	}
	rs, sections := u.rs, u.sections
	oldEl := etree.NewElement(el.Tag)
	if err := rs.get(sections, old, oldEl); err != nil {
		return nil, err
	}
	// per rule: what el implies (strict), and the old keys when they
	// read as the same (candidates to keep)
	type choice struct {
		strict, kept []Entry
		keep         bool
	}
	var choices []*choice
	for _, s := range sections {
		for _, r := range rs.sections[s] {
			if r.Only == "get" {
				continue
			}
			w, err := r.fn.Put(r, el, old)
			if err != nil {
				return nil, err
			}
			if r.Opts["update"] == "only" && len(old.Entries) > 0 {
				// an existing record gets only the keys it has
				var upd []Entry
				for _, e := range w {
					if old.Has(e.Key) {
						upd = append(upd, e)
					}
				}
				w = upd
			}
			c := &choice{strict: w}
			choices = append(choices, c)
			if len(old.Entries) == 0 {
				continue
			}
			o, err := r.fn.Put(r, oldEl, old)
			if err != nil {
				return nil, err
			}
			if !slices.Equal(w, o) {
				continue
			}
			for _, e := range old.Entries {
				if r.owns(e) {
					c.kept = append(c.kept, e)
				}
			}
			// a const's key must be there
			c.keep = !slices.Equal(c.kept, c.strict) && (len(c.kept) > 0 || r.Func != "const")
		}
	}
	build := func() *Record {
		var want []Entry
		for _, c := range choices {
			if c.keep {
				want = append(want, c.kept...)
			} else {
				want = append(want, c.strict...)
			}
		}
		return rs.merge(old, want, u.kept)
	}
	// keeping old keys must not change what the record reads as: a key
	// can mean something else next to what el now says (PEERDNS once
	// dhcp comes; a missing BOOTPROTO once the addresses go). Keep
	// each candidate only if the record still reads as the strict one.
	var keeps []*choice
	for _, c := range choices {
		if c.keep {
			keeps = append(keeps, c)
			c.keep = false
		}
	}
	rec := build()
	if len(keeps) == 0 {
		return rec, nil
	}
	target, err := u.canon(rec)
	if err != nil {
		return nil, err
	}
	// all at once first (keys of several rules may mean something only
	// together: a loopback method and no address lines), then one by one
	for _, c := range keeps {
		c.keep = true
	}
	if all := build(); u.sameAs(all, target) {
		return all, nil
	}
	for _, c := range keeps {
		c.keep = false
	}
	for _, c := range keeps {
		c.keep = true
		if try := build(); u.sameAs(try, target) {
			rec = try
		} else {
			c.keep = false
		}
	}
	return rec, nil
}

// sameAs reports whether a record reads as target (a canon).
func (u *Unit) sameAs(rec *Record, target string) bool {
	got, err := u.canon(rec)
	return err == nil && got == target
}

// canon returns what a record reads as, in a form that compares equal
// for equal XML whatever the order of differently named children.
func (u *Unit) canon(rec *Record) (string, error) {
	el := etree.NewElement("x")
	if err := u.Get(rec, el); err != nil {
		return "", err
	}
	var b strings.Builder
	canonical(&b, el)
	return b.String(), nil
}

func canonical(b *strings.Builder, el *etree.Element) {
	b.WriteString("<" + el.Tag)
	attrs := slices.Clone(el.Attr)
	slices.SortFunc(attrs, func(x, y etree.Attr) int { return strings.Compare(x.Key, y.Key) })
	for _, a := range attrs {
		b.WriteString(" " + a.Key + "=" + strconv.Quote(a.Value))
	}
	b.WriteString(">")
	kids := slices.Clone(el.ChildElements())
	key := func(e *etree.Element) string { return e.Tag + " " + e.SelectAttrValue("family", "") }
	slices.SortStableFunc(kids, func(x, y *etree.Element) int { return strings.Compare(key(x), key(y)) })
	for _, k := range kids {
		canonical(b, k)
	}
	b.WriteString("</>")
}

// Keeps reports whether the unit leaves an entry as it is because a
// keep section owns it (an address key on a port).
func (u *Unit) Keeps(key, value string) bool { return u.kept(Entry{key, value}) }

// kept reports whether a keep section of the unit owns key.
func (u *Unit) kept(e Entry) bool {
	for _, s := range u.keep {
		for _, r := range u.rs.sections[s] {
			if r.owns(e) {
				return true
			}
		}
	}
	return false
}

func (r *Rule) owns(e Entry) bool {
	for _, p := range r.keys {
		if p.owns(e) {
			return true
		}
	}
	return false
}

// merge lays the wanted entries over the old record (see Put).
func (rs *Rules) merge(old *Record, want []Entry, kept func(Entry) bool) *Record {
	queue := map[string][]string{}
	var order []string
	for _, e := range want {
		if _, ok := queue[e.Key]; !ok {
			order = append(order, e.Key)
		}
		queue[e.Key] = append(queue[e.Key], e.Value)
	}
	out := &Record{}
	for _, e := range old.Entries {
		if !rs.owns(e) || (kept(e) && len(queue[e.Key]) == 0) {
			out.Entries = append(out.Entries, e)
			continue
		}
		if vs := queue[e.Key]; len(vs) > 0 {
			out.Entries = append(out.Entries, Entry{e.Key, vs[0]})
			queue[e.Key] = vs[1:]
		}
	}
	rank := map[string]int{}
	for i, k := range order {
		rank[k] = i
	}
	for i, k := range order {
		for _, v := range queue[k] {
			at := len(out.Entries)
			after := -1
			for j, e := range out.Entries {
				if r, ok := rank[e.Key]; ok && r <= i {
					after = j
				}
			}
			if after >= 0 {
				at = after + 1
			} else {
				for j, e := range out.Entries {
					if r, ok := rank[e.Key]; ok && r > i {
						at = j
						break
					}
				}
			}
			out.Entries = slices.Insert(out.Entries, at, Entry{k, v})
		}
		queue[k] = nil
	}
	return out
}
