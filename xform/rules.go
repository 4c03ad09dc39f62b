package xform

import (
	"fmt"
	"github.com/beevik/etree"
	"slices"
	"strings"
)

// Rules is a parsed rule file: sections of rules, the units that list
// which sections make up each kind of element, type detection, and
// value maps.
type Rules struct {
	name     string
	sections map[string][]*Rule
	units    map[string]*Unit // by "ROLE TYPE"
	detects  []detect
	maps     map[string]*Map
	keys     []keyPat // every key a rule writes: the keys the rules own
}

// Rule is one line of a section: a function applied to arguments.
type Rule struct {
	Func string
	Args []string          // positional arguments
	Raw  []string          // every argument as written, in order
	Opts map[string]string // name=value arguments
	Only string            // "get", "put" or "" (both), from only=
	Pos  string            // FILE:LINE:COL of the rule

	fn    Func
	keys  []keyPat // the keys this rule writes
	paths []*Path  // compiled path arguments (function-specific)
	// Data is the function's own compiled form of the rule (Compile
	// sets it).
	Data any
}

type detect struct {
	typ   string
	conds [][]cond // alternatives of conjunctions
}

// Func is a named conversion: how one rule reads a record into XML and
// writes XML into a record. xform has the generic ones (see doc.go);
// backends add their own with Parse's funcs argument.
type Func interface {
	// Compile checks the rule's arguments and says which keys it
	// writes (Rule.Own), once, when the rule file is parsed.
	Compile(r *Rule, rs *Rules) error
	// Get adds to el what rec holds.
	Get(r *Rule, rec *Record, el *etree.Element) error
	// Put returns the entries el implies for the rule's keys; old is
	// the record as it was (for options inside a value it must keep).
	Put(r *Rule, el *etree.Element, old *Record) ([]Entry, error)
}

// Own records that the rule writes keys matching pattern (a "#" at the
// end matches no suffix or a decimal number: IPADDR# is IPADDR,
// IPADDR0, IPADDR1...); KEY=VALUE owns the key only with that value
// (case aside), so TYPE=Bridge is the rules' but TYPE=Ethernet is not.
func (r *Rule) Own(pattern string) { r.keys = append(r.keys, keyPat(pattern)) }

// Path compiles a path argument.
func (r *Rule) Path(s string) (*Path, error) { return ParsePath(s) }

// Errorf returns an error positioned at the rule.
func (r *Rule) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s: %s: %s", r.Pos, r.Func, fmt.Sprintf(format, args...))
}

// Map returns the named value map.
func (rs *Rules) Map(name string) *Map { return rs.maps[name] }

// Name is the rule file's name.
func (rs *Rules) Name() string { return rs.name }

// Parse reads a rule file. funcs adds functions to the generic ones
// (a backend's own, e.g. a start-mode mapping).
func Parse(name string, src []byte, funcs map[string]Func) (*Rules, error) {
	rs := &Rules{name: name, sections: map[string][]*Rule{}, units: map[string]*Unit{}, maps: map[string]*Map{"netmask": netmaskMap, "nozone": noZoneMap}}
	all := map[string]Func{}
	for k, f := range generic {
		all[k] = f
	}
	for k, f := range funcs {
		all[k] = f
	}
	section := ""
	for i, line := range strings.Split(string(src), "\n") {
		toks, err := tokenize(line)
		pos := func(col int) string { return fmt.Sprintf("%s:%d:%d", name, i+1, col) }
		if err != nil {
			return nil, fmt.Errorf("%s: %v", pos(1), err)
		}
		if len(toks) == 0 {
			continue
		}
		head := toks[0]
		switch head.s {
		case "section":
			if len(toks) != 2 || !isName(toks[1].s) {
				return nil, fmt.Errorf("%s: section wants one name", pos(head.col))
			}
			section = toks[1].s
			if _, dup := rs.sections[section]; dup {
				return nil, fmt.Errorf("%s: section %q defined twice", pos(toks[1].col), section)
			}
			rs.sections[section] = nil
		case "unit":
			// unit ROLE TYPE = SECTION... [keep SECTION...]
			if len(toks) < 5 || toks[3].s != "=" {
				return nil, fmt.Errorf("%s: unit wants ROLE TYPE = SECTION... [keep SECTION...]", pos(head.col))
			}
			u := &Unit{rs: rs, Role: toks[1].s, Type: toks[2].s}
			keep := false
			for _, t := range toks[4:] {
				switch {
				case t.s == "keep":
					keep = true
				case keep:
					u.keep = append(u.keep, t.s)
				default:
					u.sections = append(u.sections, t.s)
				}
			}
			rs.units[u.Role+" "+u.Type] = u
		case "detect":
			// detect TYPE [COND... [| COND...]]
			if len(toks) < 2 || !isName(toks[1].s) {
				return nil, fmt.Errorf("%s: detect wants a type", pos(head.col))
			}
			d := detect{typ: toks[1].s}
			var cur []cond
			for _, t := range toks[2:] {
				if t.s == "|" {
					d.conds = append(d.conds, cur)
					cur = nil
					continue
				}
				cur = append(cur, parseCond(t.s))
			}
			if len(cur) > 0 || len(d.conds) > 0 {
				d.conds = append(d.conds, cur)
			}
			rs.detects = append(rs.detects, d)
		case "map":
			// map NAME CFG=XML...
			if len(toks) < 3 || !isName(toks[1].s) {
				return nil, fmt.Errorf("%s: map wants a name and CFG=XML pairs", pos(head.col))
			}
			m := &Map{}
			for _, t := range toks[2:] {
				c, x, ok := strings.Cut(t.s, "=")
				if !ok {
					return nil, fmt.Errorf("%s: map entry %q is not CFG=XML", pos(t.col), t.s)
				}
				m.pairs = append(m.pairs, [2]string{c, x})
			}
			rs.maps[toks[1].s] = m
		default:
			if section == "" {
				return nil, fmt.Errorf("%s: a rule outside a section", pos(head.col))
			}
			f, ok := all[head.s]
			if !ok {
				return nil, fmt.Errorf("%s: unknown function %q", pos(head.col), head.s)
			}
			r := &Rule{Func: head.s, Opts: map[string]string{}, Pos: pos(head.col), fn: f}
			for _, t := range toks[1:] {
				r.Raw = append(r.Raw, t.s)
				if k, v, ok := strings.Cut(t.s, "="); ok && isName(k) && !strings.ContainsAny(k, "#") && t.s[0] != '@' && !isKeyLike(k) {
					r.Opts[k] = v
				} else {
					r.Args = append(r.Args, t.s)
				}
			}
			r.Only = r.Opts["only"]
			delete(r.Opts, "only")
			if r.Only != "" && r.Only != "get" && r.Only != "put" {
				return nil, fmt.Errorf("%s: only= is get or put", r.Pos)
			}
			if err := f.Compile(r, rs); err != nil {
				return nil, err
			}
			if r.Only == "get" {
				r.keys = nil
			}
			rs.sections[section] = append(rs.sections[section], r)
			for _, k := range r.keys {
				if !slices.Contains(rs.keys, k) {
					rs.keys = append(rs.keys, k)
				}
			}
		}
	}
	for k, u := range rs.units {
		for _, s := range append(slices.Clone(u.sections), u.keep...) {
			if _, ok := rs.sections[s]; !ok {
				return nil, fmt.Errorf("%s: unit %s names section %q, which is not defined", name, k, s)
			}
		}
	}
	return rs, nil
}

// isKeyLike tells a configuration key written KEY=VALUE (upper case,
// as in exists IPV6INIT=yes) from an option (lower case).
func isKeyLike(s string) bool {
	return strings.ToLower(s) != s
}

type token struct {
	s   string
	col int
}

// tokenize splits a rule line at blanks outside brackets and quotes,
// dropping a comment from "#" at the start of a token.
func tokenize(line string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(line) {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r') {
			i++
		}
		if i >= len(line) || (line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t')) {
			break
		}
		start := i
		depth, quote := 0, byte(0)
		for i < len(line) {
			c := line[i]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
			} else if c == '\'' || c == '"' {
				quote = c
			} else if c == '[' {
				depth++
			} else if c == ']' {
				depth--
			} else if (c == ' ' || c == '\t') && depth == 0 {
				break
			}
			i++
		}
		if quote != 0 {
			return nil, fmt.Errorf("unterminated quote in %q", line[start:])
		}
		toks = append(toks, token{unquote(line[start:i]), start + 1})
	}
	return toks, nil
}

// unquote removes the quotes around a whole token ('a b' is a b).
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '\'' && s[len(s)-1] == '\'') && !strings.ContainsAny(s[1:len(s)-1], "'[]") {
		return s[1 : len(s)-1]
	}
	return s
}

// Unit returns the unit for an element of the given role (top, port,
// slave...) and type.
func (rs *Rules) Unit(role, typ string) (*Unit, bool) {
	u, ok := rs.units[role+" "+typ]
	return u, ok
}

// Owns reports whether a rule of the file writes an entry: such
// entries are removed by Put when the XML no longer implies them;
// others are kept as they are.
func (rs *Rules) Owns(key, value string) bool { return rs.owns(Entry{key, value}) }

func (rs *Rules) owns(e Entry) bool {
	for _, p := range rs.keys {
		if p.owns(e) {
			return true
		}
	}
	return false
}

// Type returns the first detected type whose conditions the record
// meets (detect lines are tried in file order: the first that matches
// wins), or "".
func (rs *Rules) Type(rec *Record) string {
	for _, d := range rs.detects {
		if len(d.conds) == 0 {
			return d.typ
		}
		for _, all := range d.conds {
			ok := true
			for _, c := range all {
				ok = ok && c.holds(rec)
			}
			if ok {
				return d.typ
			}
		}
	}
	return ""
}

// keyPat is a key, or with a "#" at the end a family of numbered keys.
type keyPat string

// owns reports whether an entry is the pattern's: its key matches and,
// for KEY=VALUE, its value is VALUE.
func (p keyPat) owns(e Entry) bool {
	k, v, hasValue := strings.Cut(string(p), "=")
	return keyPat(k).match(e.Key) && (!hasValue || strings.EqualFold(v, e.Value))
}

func (p keyPat) match(key string) bool {
	s := string(p)
	if !strings.HasSuffix(s, "#") {
		return s == key
	}
	base := s[:len(s)-1]
	if !strings.HasPrefix(key, base) {
		return false
	}
	return isDigits(key[len(base):]) || key == base
}

// suffix returns what key adds to the pattern's base ("", "0", "12").
func (p keyPat) suffix(key string) string { return key[len(p)-1:] }

func (p keyPat) with(suffix string) string {
	s := string(p)
	return strings.TrimSuffix(s, "#") + suffix
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cond is KEY (present), KEY=VALUE (equal, ignoring case) or !KEY.
type cond struct {
	not   bool
	key   keyPat
	value string
	eq    bool
}

func parseCond(s string) cond {
	c := cond{}
	if strings.HasPrefix(s, "!") {
		c.not, s = true, s[1:]
	}
	k, v, eq := strings.Cut(s, "=")
	c.key, c.value, c.eq = keyPat(k), v, eq
	return c
}

func (c cond) holds(rec *Record) bool {
	found := false
	for _, e := range rec.Entries {
		if c.key.match(e.Key) && (!c.eq || strings.EqualFold(e.Value, c.value)) {
			found = true
			break
		}
	}
	return found != c.not
}
