package xform

import (
	"slices"

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
	var want []Entry
	for _, s := range sections {
		for _, r := range rs.sections[s] {
			if r.Only == "get" {
				continue
			}
			w, err := r.fn.Put(r, el, old)
			if err != nil {
				return nil, err
			}
			o, err := r.fn.Put(r, oldEl, old)
			if err != nil {
				return nil, err
			}
			if len(w) > 0 && len(old.Entries) > 0 && slices.Equal(w, o) {
				var kept []Entry
				for _, e := range old.Entries {
					if r.owns(e.Key) {
						kept = append(kept, e)
					}
				}
				// a missing key that reads as what el says stays
				// missing, but for a const, whose key must be there
				if len(kept) > 0 || r.Func != "const" {
					w = kept
				}
			}
			want = append(want, w...)
		}
	}
	return rs.merge(old, want, u.kept), nil
}

// kept reports whether a keep section of the unit owns key.
func (u *Unit) kept(key string) bool {
	for _, s := range u.keep {
		for _, r := range u.rs.sections[s] {
			if r.owns(key) {
				return true
			}
		}
	}
	return false
}

func (r *Rule) owns(key string) bool {
	for _, p := range r.keys {
		if p.match(key) {
			return true
		}
	}
	return false
}

// merge lays the wanted entries over the old record (see Put).
func (rs *Rules) merge(old *Record, want []Entry, kept func(string) bool) *Record {
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
		if !rs.Owns(e.Key) || (kept(e.Key) && len(queue[e.Key]) == 0) {
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
