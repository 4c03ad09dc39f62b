package xform

import (
	"strings"

	"github.com/beevik/etree"
)

// generic are the functions every rule file has; doc.go describes
// each.
var generic = map[string]Func{
	"value":   valueFunc{},
	"const":   constFunc{},
	"flag":    flagFunc{},
	"exists":  existsFunc{},
	"element": elementFunc{},
	"indexed": indexedFunc{},
	"list":    listFunc{},
	"packed":  packedFunc{},
}

// args checks the number of positional arguments.
func args(r *Rule, min, max int) error {
	if len(r.Args) < min || len(r.Args) > max {
		if min == max {
			return r.Errorf("wants %d arguments, has %d", min, len(r.Args))
		}
		return r.Errorf("wants %d to %d arguments, has %d", min, max, len(r.Args))
	}
	return nil
}

func compilePaths(r *Rule, idx ...int) error {
	for _, i := range idx {
		p, err := ParsePath(r.Args[i])
		if err != nil {
			return r.Errorf("%v", err)
		}
		r.paths = append(r.paths, p)
	}
	return nil
}

func optMap(r *Rule, rs *Rules) (*Map, error) {
	name, ok := r.Opts["map"]
	if !ok {
		return nil, nil
	}
	m := rs.maps[name]
	if m == nil {
		return nil, r.Errorf("no map %q (maps are defined before their use)", name)
	}
	return m, nil
}

// value PATH@attr KEY [map=M] [create=no]: an attribute is a key's
// value; with create=no, get sets it only on an element that is there.
type valueFunc struct{}

func (valueFunc) Compile(r *Rule, rs *Rules) error {
	if err := args(r, 2, 2); err != nil {
		return err
	}
	if err := compilePaths(r, 0); err != nil {
		return err
	}
	if r.paths[0].attr == "" {
		return r.Errorf("path %q names no attribute", r.Args[0])
	}
	m, err := optMap(r, rs)
	r.Data = m
	r.Own(r.Args[1])
	return err
}

func (valueFunc) Get(r *Rule, rec *Record, el *etree.Element) error {
	v, ok := rec.Value(r.Args[1])
	if !ok || (r.Opts["create"] == "no" && r.paths[0].parent().Element(el) == nil) {
		return nil
	}
	r.paths[0].Set(el, r.Data.(*Map).ToXML(v))
	return nil
}

func (valueFunc) Put(r *Rule, el *etree.Element, _ *Record) ([]Entry, error) {
	if v, ok := r.paths[0].Get(el); ok {
		return []Entry{{r.Args[1], r.Data.(*Map).ToCfg(v)}}, nil
	}
	return nil, nil
}

// const KEY VALUE: the key is always written with this value (get
// reads nothing from it: detect lines and units say what it means). It
// owns the key with this value only: TYPE=Ethernet is not TYPE=Bridge's.
type constFunc struct{}

func (constFunc) Compile(r *Rule, _ *Rules) error {
	if err := args(r, 2, 2); err != nil {
		return err
	}
	r.Own(r.Args[0] + "=" + r.Args[1])
	return nil
}

func (constFunc) Get(*Rule, *Record, *etree.Element) error { return nil }

func (constFunc) Put(r *Rule, _ *etree.Element, _ *Record) ([]Entry, error) {
	return []Entry{{r.Args[0], r.Args[1]}}, nil
}

// flag PATH KEY VALUE [else=V]: an element is there when the key has
// this value (ignoring case); put writes else= when the element is
// missing but its parent is there.
type flagFunc struct{}

func (flagFunc) Compile(r *Rule, _ *Rules) error {
	if err := args(r, 3, 3); err != nil {
		return err
	}
	if err := compilePaths(r, 0); err != nil {
		return err
	}
	if r.paths[0].attr != "" || len(r.paths[0].steps) == 0 {
		return r.Errorf("path %q names no element", r.Args[0])
	}
	r.Own(r.Args[1])
	return nil
}

func (flagFunc) Get(r *Rule, rec *Record, el *etree.Element) error {
	for _, v := range rec.Values(r.Args[1]) {
		if strings.EqualFold(v, r.Args[2]) {
			r.paths[0].Ensure(el)
			break
		}
	}
	return nil
}

func (flagFunc) Put(r *Rule, el *etree.Element, _ *Record) ([]Entry, error) {
	if r.paths[0].Element(el) != nil {
		return []Entry{{r.Args[1], r.Args[2]}}, nil
	}
	if e, ok := r.Opts["else"]; ok && r.paths[0].parent().Element(el) != nil {
		return []Entry{{r.Args[1], e}}, nil
	}
	return nil, nil
}

// exists PATH COND...: an element is there when any condition holds
// (KEY present, KEY=VALUE); put writes the KEY=VALUE conditions when
// the element is there.
type existsFunc struct{}

func (existsFunc) Compile(r *Rule, _ *Rules) error {
	if err := args(r, 2, 64); err != nil {
		return err
	}
	if err := compilePaths(r, 0); err != nil {
		return err
	}
	var conds []cond
	for _, a := range r.Args[1:] {
		c := parseCond(a)
		if c.eq && !strings.HasSuffix(string(c.key), "#") {
			r.Own(string(c.key) + "=" + c.value)
		}
		conds = append(conds, c)
	}
	r.Data = conds
	return nil
}

func (existsFunc) Get(r *Rule, rec *Record, el *etree.Element) error {
	for _, c := range r.Data.([]cond) {
		if c.holds(rec) {
			r.paths[0].Ensure(el)
			break
		}
	}
	return nil
}

func (existsFunc) Put(r *Rule, el *etree.Element, _ *Record) ([]Entry, error) {
	if r.paths[0].Element(el) == nil {
		return nil, nil
	}
	var out []Entry
	for _, c := range r.Data.([]cond) {
		if c.eq && !c.not {
			out = append(out, Entry{string(c.key), c.value})
		}
	}
	return out, nil
}

// element PATH: the element is always there (a bridge's <bridge>).
type elementFunc struct{}

func (elementFunc) Compile(r *Rule, _ *Rules) error {
	if err := args(r, 1, 1); err != nil {
		return err
	}
	return compilePaths(r, 0)
}

func (elementFunc) Get(r *Rule, _ *Record, el *etree.Element) error {
	r.paths[0].Ensure(el)
	return nil
}

func (elementFunc) Put(*Rule, *etree.Element, *Record) ([]Entry, error) { return nil, nil }
