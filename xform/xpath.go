package xform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// Path is the small path language of rule files, relative to the
// element a rule is applied to:
//
//	/            the root element (at the start only)
//	..           the parent element
//	name         the first child element called name
//	name[@a='v'] the first child called name whose attribute a is v
//	name[N]      the N-th child called name (1-based)
//	@attr        an attribute (last step only)
//
// Steps are separated by "/". A path without @attr names an element.
type Path struct {
	src   string
	root  bool
	steps []step
	attr  string // "" for an element path
}

type step struct {
	up        bool // ".."
	tag       string
	predAttr  string // [@predAttr='predValue']
	predValue string
	index     int // [index], 1-based; 0 for none
}

func ParsePath(s string) (*Path, error) {
	p := &Path{src: s}
	rest := s
	if strings.HasPrefix(rest, "/") {
		p.root = true
		rest = rest[1:]
	}
	if rest == "" {
		return p, nil
	}
	parts := splitSteps(rest)
	for i, part := range parts {
		if strings.HasPrefix(part, "@") {
			if i != len(parts)-1 {
				return nil, fmt.Errorf("path %q: an attribute can only be the last step", s)
			}
			if !isName(part[1:]) {
				return nil, fmt.Errorf("path %q: bad attribute name %q", s, part[1:])
			}
			p.attr = part[1:]
			break
		}
		st, err := parseStep(part)
		if err != nil {
			return nil, fmt.Errorf("path %q: %v", s, err)
		}
		p.steps = append(p.steps, st)
	}
	return p, nil
}

// splitSteps splits at "/" outside brackets and quotes.
func splitSteps(s string) []string {
	var parts []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '/' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

func parseStep(s string) (step, error) {
	if s == ".." {
		return step{up: true}, nil
	}
	tag, pred, hasPred := strings.Cut(s, "[")
	if !isName(tag) {
		return step{}, fmt.Errorf("bad step %q", s)
	}
	st := step{tag: tag}
	if !hasPred {
		return st, nil
	}
	if !strings.HasSuffix(pred, "]") {
		return step{}, fmt.Errorf("step %q: missing ]", s)
	}
	pred = pred[:len(pred)-1]
	if n, err := strconv.Atoi(pred); err == nil && n > 0 {
		st.index = n
		return st, nil
	}
	a, v, ok := strings.Cut(pred, "=")
	if !ok || !strings.HasPrefix(a, "@") || !isName(a[1:]) || len(v) < 2 || (v[0] != '\'' && v[0] != '"') || v[len(v)-1] != v[0] {
		return step{}, fmt.Errorf("step %q: a predicate is [@attr='value'] or [N]", s)
	}
	st.predAttr, st.predValue = a[1:], v[1:len(v)-1]
	return st, nil
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c == '-' || c == '_' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func (st step) matches(e *etree.Element) bool {
	return e.Tag == st.tag && (st.predAttr == "" || e.SelectAttrValue(st.predAttr, "\x00") == st.predValue)
}

// start returns the element the path starts from.
func (p *Path) start(e *etree.Element) *etree.Element {
	if p.root {
		for e.Parent() != nil && e.Parent().Tag != "" {
			e = e.Parent()
		}
	}
	return e
}

// element returns the element the path's steps reach, or nil.
func (p *Path) Element(e *etree.Element) *etree.Element {
	e = p.start(e)
	for _, st := range p.steps {
		if e = st.find(e); e == nil {
			return nil
		}
	}
	return e
}

func (st step) find(e *etree.Element) *etree.Element {
	if st.up {
		if par := e.Parent(); par != nil && par.Tag != "" {
			return par
		}
		return nil
	}
	n := 0
	for _, c := range e.ChildElements() {
		if st.matches(c) {
			n++
			if st.index == 0 || n == st.index {
				return c
			}
		}
	}
	return nil
}

// elements returns every element the path reaches when its last step
// may match several (name or name[@a='v']).
func (p *Path) Elements(e *etree.Element) []*etree.Element {
	if len(p.steps) == 0 {
		return []*etree.Element{p.start(e)}
	}
	last := p.steps[len(p.steps)-1]
	parent := (&Path{root: p.root, steps: p.steps[:len(p.steps)-1]}).Element(e)
	if parent == nil || last.up || last.index != 0 {
		if el := p.Element(e); el != nil {
			return []*etree.Element{el}
		}
		return nil
	}
	var out []*etree.Element
	for _, c := range parent.ChildElements() {
		if last.matches(c) {
			out = append(out, c)
		}
	}
	return out
}

// ensure returns the element the path's steps reach, creating missing
// ones (with the predicate's attribute); nil when a ".." or an index
// cannot be satisfied.
func (p *Path) Ensure(e *etree.Element) *etree.Element {
	e = p.start(e)
	for _, st := range p.steps {
		next := st.find(e)
		if next == nil {
			if st.up || st.index > 1 {
				return nil
			}
			next = e.CreateElement(st.tag)
			if st.predAttr != "" {
				next.CreateAttr(st.predAttr, st.predValue)
			}
		}
		e = next
	}
	return e
}

// get returns the attribute's value (or, for an element path, whether
// the element exists, as "").
func (p *Path) Get(e *etree.Element) (string, bool) {
	el := p.Element(e)
	if el == nil {
		return "", false
	}
	if p.attr == "" {
		return "", true
	}
	a := el.SelectAttr(p.attr)
	if a == nil {
		return "", false
	}
	return a.Value, true
}

// set creates the path and sets its attribute.
func (p *Path) Set(e *etree.Element, v string) {
	if el := p.Ensure(e); el != nil && p.attr != "" {
		el.CreateAttr(p.attr, v)
	}
}

// parent is the path without its last step (the element holding the
// attribute, or the element's parent).
func (p *Path) parent() *Path {
	if p.attr != "" {
		return &Path{src: p.src, root: p.root, steps: p.steps}
	}
	if len(p.steps) == 0 {
		return p
	}
	return &Path{src: p.src, root: p.root, steps: p.steps[:len(p.steps)-1]}
}

// String returns the path as written.
func (p *Path) String() string { return p.src }
