package xform

import (
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// indexed PATH @ATTR=ALTS...: repeated elements are numbered keys.
// ALTS is KEY#[:MAP] alternatives separated by "|"; the first
// attribute's keys number the elements (KEY, KEY1, KEY2... or KEY0...,
// in the record's order). Get takes the first alternative present; put
// writes the one the old record has for that number, else the first.
type indexedFunc struct{}

type indexedAttr struct {
	attr string
	alts []indexedAlt
}

type indexedAlt struct {
	key keyPat
	m   *Map
}

func (indexedFunc) Compile(r *Rule, rs *Rules) error {
	if err := args(r, 2, 16); err != nil {
		return err
	}
	if err := compilePaths(r, 0); err != nil {
		return err
	}
	if r.paths[0].attr != "" || len(r.paths[0].steps) == 0 {
		return r.Errorf("path %q names no element", r.Args[0])
	}
	var attrs []indexedAttr
	for _, a := range r.Args[1:] {
		name, alts, ok := strings.Cut(a, "=")
		if !ok || !strings.HasPrefix(name, "@") {
			return r.Errorf("%q is not @ATTR=KEY#", a)
		}
		ia := indexedAttr{attr: name[1:]}
		for _, alt := range strings.Split(alts, "|") {
			k, mname, hasMap := strings.Cut(alt, ":")
			if !strings.HasSuffix(k, "#") {
				return r.Errorf("key %q has no # where the number goes", k)
			}
			ial := indexedAlt{key: keyPat(k)}
			if hasMap {
				if ial.m = rs.maps[mname]; ial.m == nil {
					return r.Errorf("no map %q", mname)
				}
			}
			ia.alts = append(ia.alts, ial)
			r.Own(k)
		}
		attrs = append(attrs, ia)
	}
	r.Data = attrs
	return nil
}

// suffixes returns the numbers of the elements a record holds, in its
// order.
func (indexedFunc) suffixes(attrs []indexedAttr, rec *Record) []string {
	var suffixes []string
	seen := map[string]bool{}
	for _, e := range rec.Entries {
		for _, alt := range attrs[0].alts {
			if alt.key.match(e.Key) {
				if s := alt.key.suffix(e.Key); !seen[s] {
					seen[s] = true
					suffixes = append(suffixes, s)
				}
			}
		}
	}
	return suffixes
}

func (f indexedFunc) Get(r *Rule, rec *Record, el *etree.Element) error {
	attrs := r.Data.([]indexedAttr)
	suffixes := f.suffixes(attrs, rec)
	if len(suffixes) == 0 {
		return nil
	}
	parent := r.paths[0].parent().Ensure(el)
	tag := r.paths[0].steps[len(r.paths[0].steps)-1].tag
	for _, s := range suffixes {
		item := parent.CreateElement(tag)
		for _, a := range attrs {
			for _, alt := range a.alts {
				if v, ok := rec.Value(alt.key.with(s)); ok {
					item.CreateAttr(a.attr, alt.m.ToXML(v))
					break
				}
			}
		}
	}
	return nil
}

func (f indexedFunc) Put(r *Rule, el *etree.Element, old *Record) ([]Entry, error) {
	attrs := r.Data.([]indexedAttr)
	// the i-th element takes the old record's i-th number (IPADDR0
	// stays IPADDR0), the others the first free of "", 1, 2...
	oldSuffixes := f.suffixes(attrs, old)
	used := map[string]bool{}
	for _, s := range oldSuffixes {
		used[s] = true
	}
	next := 0
	var out []Entry
	for i, item := range r.paths[0].Elements(el) {
		var s string
		if i < len(oldSuffixes) {
			s = oldSuffixes[i]
		} else {
			for {
				s = ""
				if next > 0 {
					s = strconv.Itoa(next)
				}
				next++
				if !used[s] && !(s == "" && used["0"]) && !(s == "0" && used[""]) {
					break
				}
			}
			used[s] = true
		}
		for _, a := range attrs {
			v := item.SelectAttr(a.attr)
			if v == nil {
				continue
			}
			alt := a.alts[0]
			for _, o := range a.alts {
				if old.Has(o.key.with(s)) {
					alt = o
					break
				}
			}
			out = append(out, Entry{alt.key.with(s), alt.m.ToCfg(v.Value)})
		}
	}
	return out, nil
}

// list PATH @A[/@B] KEY [KEY2]: repeated elements are a list of items
// A or A/B; the first goes to KEY and the others, separated by blanks,
// to KEY2 (with no KEY2, all go to KEY). Get strips one pair of single
// quotes around a list.
type listFunc struct{}

type listSpec struct {
	a, b string
}

func (listFunc) Compile(r *Rule, _ *Rules) error {
	if err := args(r, 3, 4); err != nil {
		return err
	}
	if err := compilePaths(r, 0); err != nil {
		return err
	}
	a, b, _ := strings.Cut(r.Args[1], "/")
	if !strings.HasPrefix(a, "@") || (b != "" && !strings.HasPrefix(b, "@")) {
		return r.Errorf("item %q is not @A or @A/@B", r.Args[1])
	}
	r.Data = listSpec{a[1:], strings.TrimPrefix(b, "@")}
	for _, k := range r.Args[2:] {
		r.Own(k)
	}
	return nil
}

func (listFunc) Get(r *Rule, rec *Record, el *etree.Element) error {
	spec := r.Data.(listSpec)
	var items []string
	for _, k := range r.Args[2:] {
		for _, v := range rec.Values(k) {
			v = strings.TrimSpace(v)
			if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
				v = v[1 : len(v)-1]
			}
			items = append(items, strings.Fields(v)...)
		}
	}
	if len(items) == 0 {
		return nil
	}
	parent := r.paths[0].parent().Ensure(el)
	tag := r.paths[0].steps[len(r.paths[0].steps)-1].tag
	for _, it := range items {
		item := parent.CreateElement(tag)
		a, b, hasB := strings.Cut(it, "/")
		item.CreateAttr(spec.a, a)
		if hasB && spec.b != "" {
			item.CreateAttr(spec.b, b)
		}
	}
	return nil
}

func (listFunc) Put(r *Rule, el *etree.Element, _ *Record) ([]Entry, error) {
	spec := r.Data.(listSpec)
	var items []string
	for _, item := range r.paths[0].Elements(el) {
		it := item.SelectAttrValue(spec.a, "")
		if spec.b != "" {
			if b := item.SelectAttr(spec.b); b != nil {
				it += "/" + b.Value
			}
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil, nil
	}
	if len(r.Args) == 3 {
		return []Entry{{r.Args[2], strings.Join(items, " ")}}, nil
	}
	out := []Entry{{r.Args[2], items[0]}}
	if len(items) > 1 {
		out = append(out, Entry{r.Args[3], strings.Join(items[1:], " ")})
	}
	return out, nil
}

// packed PATH KEY NAME=SPEC...: options NAME=VALUE separated by blanks
// inside one value. SPEC is RELPATH[:MAP][?CONDPATH=VALUE], relative
// to PATH's element; a RELPATH starting with ">" is written only.
// Options the rules do not name are kept where they are, and an
// option whose old text reads as the new value keeps its text
// (mode=1 stays mode=1 for active-backup; a list of ARP targets whose
// first is the XML's target stays).
type packedFunc struct{}

type packedOpt struct {
	name    string
	path    *Path
	m       *Map
	put     bool // write only
	cond    *Path
	condVal string
}

func (packedFunc) Compile(r *Rule, rs *Rules) error {
	if err := args(r, 2, 2); err != nil {
		return err
	}
	if err := compilePaths(r, 0); err != nil {
		return err
	}
	var opts []packedOpt
	for _, raw := range r.Raw[2:] {
		name, spec, ok := strings.Cut(raw, "=")
		if !ok || name == "only" {
			continue
		}
		o := packedOpt{name: name}
		if c := strings.Index(spec, "?"); c >= 0 {
			cp, cv, ok := strings.Cut(spec[c+1:], "=")
			if !ok {
				return r.Errorf("condition %q is not PATH=VALUE", spec[c+1:])
			}
			p, err := ParsePath(cp)
			if err != nil {
				return r.Errorf("%v", err)
			}
			o.cond, o.condVal = p, cv
			spec = spec[:c]
		}
		if strings.HasPrefix(spec, ">") {
			o.put, spec = true, spec[1:]
		}
		path, mname, hasMap := strings.Cut(spec, ":")
		if hasMap {
			if o.m = rs.maps[mname]; o.m == nil {
				return r.Errorf("no map %q", mname)
			}
		}
		p, err := ParsePath(path)
		if err != nil {
			return r.Errorf("%v", err)
		}
		if p.attr == "" {
			return r.Errorf("option %s: path %q names no attribute", name, path)
		}
		o.path = p
		opts = append(opts, o)
	}
	r.Data = opts
	r.Own(r.Args[1])
	return nil
}

// SplitOptions splits a packed value into NAME=VALUE words (a word
// without "=" has an empty name), after one pair of quotes around it.
func SplitOptions(v string) [][2]string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '\'' || v[0] == '"') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
	}
	var out [][2]string
	for _, w := range strings.Fields(v) {
		k, val, ok := strings.Cut(w, "=")
		if !ok {
			k, val = "", w
		}
		out = append(out, [2]string{k, val})
	}
	return out
}

func (packedFunc) Get(r *Rule, rec *Record, el *etree.Element) error {
	v, ok := rec.Value(r.Args[1])
	if !ok {
		return nil
	}
	target := r.paths[0].Ensure(el)
	for _, kv := range SplitOptions(v) {
		for _, o := range r.Data.([]packedOpt) {
			if o.name == kv[0] && !o.put {
				first, _, _ := strings.Cut(kv[1], ",")
				o.path.Set(target, o.m.ToXML(first))
			}
		}
	}
	return nil
}

func (packedFunc) Put(r *Rule, el *etree.Element, old *Record) ([]Entry, error) {
	target := r.paths[0].Element(el)
	if target == nil {
		return nil, nil
	}
	opts := r.Data.([]packedOpt)
	want := map[string]string{} // option -> XML value
	for _, o := range opts {
		if o.cond != nil {
			if v, ok := o.cond.Get(target); !ok || v != o.condVal {
				continue
			}
		}
		if v, ok := o.path.Get(target); ok {
			want[o.name] = v
		}
	}
	known := func(name string) *packedOpt {
		for i := range opts {
			if opts[i].name == name {
				return &opts[i]
			}
		}
		return nil
	}
	var words []string
	done := map[string]bool{}
	if ov, ok := old.Value(r.Args[1]); ok {
		for _, kv := range SplitOptions(ov) {
			o := known(kv[0])
			word := kv[1]
			if kv[0] != "" {
				word = kv[0] + "=" + kv[1]
			}
			if o == nil || done[kv[0]] {
				if o == nil {
					words = append(words, word)
				}
				continue
			}
			x, ok := want[kv[0]]
			if !ok {
				continue
			}
			done[kv[0]] = true
			first, _, _ := strings.Cut(kv[1], ",")
			if o.m.ToXML(first) == x {
				words = append(words, word)
			} else {
				words = append(words, kv[0]+"="+o.m.ToCfg(x))
			}
		}
	}
	for _, o := range opts {
		if x, ok := want[o.name]; ok && !done[o.name] {
			done[o.name] = true
			words = append(words, o.name+"="+o.m.ToCfg(x))
		}
	}
	return []Entry{{r.Args[1], strings.Join(words, " ")}}, nil
}
