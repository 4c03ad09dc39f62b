package tree

import (
	"fmt"
	"strconv"
	"strings"
)

// This file holds the part of Augeas's path language that the lens
// language's test commands need: location paths of child steps (names,
// "*", "." and ".."), absolute or relative, with predicates made of
// positions, last(), position(), count(), label(), not(), string
// literals, relative paths, = and !=, + and -, "and" and "or".
// Predicates filter the whole node set of a step, with position() and
// last() counted over that set, as in Augeas (not per parent, as in
// XPath).

// Path is a parsed path expression.
type Path struct {
	src   string
	abs   bool
	steps []*step
}

type stepKind int

const (
	stepName   stepKind = iota
	stepAny             // *
	stepSelf            // .
	stepParent          // ..
)

type step struct {
	kind  stepKind
	name  string
	preds []expr
}

// PathError is a path that does not parse or cannot be used, with the
// byte offset into the path where the problem is.
type PathError struct {
	Path   string
	Offset int
	Msg    string
}

func (e *PathError) Error() string {
	return fmt.Sprintf("%s: %s|=|%s (offset %d)", e.Msg, e.Path[:e.Offset], e.Path[e.Offset:], e.Offset)
}

// ParsePath parses a path expression.
func ParsePath(s string) (*Path, error) {
	p := &pathParser{src: s}
	path, err := p.path()
	if err != nil {
		return nil, err
	}
	p.blanks()
	if p.pos < len(s) {
		return nil, p.errorf("garbage at end of path expression")
	}
	if len(path.steps) == 0 && !path.abs {
		return nil, p.errorf("empty path expression")
	}
	return path, nil
}

func (p *Path) String() string { return p.src }

type pathParser struct {
	src string
	pos int
}

func (p *pathParser) errorf(format string, args ...any) error {
	return &PathError{Path: p.src, Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

func (p *pathParser) blanks() {
	for p.pos < len(p.src) && (p.src[p.pos] == ' ' || p.src[p.pos] == '\t' || p.src[p.pos] == '\n') {
		p.pos++
	}
}

func (p *pathParser) peek(s string) bool {
	p.blanks()
	return strings.HasPrefix(p.src[p.pos:], s)
}

func (p *pathParser) accept(s string) bool {
	if p.peek(s) {
		p.pos += len(s)
		return true
	}
	return false
}

func (p *pathParser) path() (*Path, error) {
	start := p.pos
	path := &Path{}
	if p.accept("/") {
		path.abs = true
		p.blanks()
		if p.pos >= len(p.src) || strings.IndexByte("]|=)!,", p.src[p.pos]) >= 0 {
			path.src = p.src[start:p.pos]
			return path, nil
		}
	}
	for {
		st, err := p.step()
		if err != nil {
			return nil, err
		}
		path.steps = append(path.steps, st)
		if p.peek("//") {
			return nil, p.errorf("the descendant axis // is not supported yet")
		}
		if !p.accept("/") {
			break
		}
	}
	path.src = p.src[start:p.pos]
	return path, nil
}

func (p *pathParser) step() (*step, error) {
	p.blanks()
	st := &step{}
	switch {
	case p.accept(".."):
		st.kind = stepParent
	case p.accept("*"):
		st.kind = stepAny
	case p.peek(".") && !p.nameFollows(1):
		p.pos++
		st.kind = stepSelf
	default:
		name, err := p.name()
		if err != nil {
			return nil, err
		}
		if strings.Contains(name, "::") {
			return nil, p.errorf("axes are not supported yet")
		}
		st.name = name
	}
	for p.accept("[") {
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		if !p.accept("]") {
			return nil, p.errorf("unmatched '['")
		}
		st.preds = append(st.preds, e)
	}
	return st, nil
}

// nameFollows reports whether the name characters continue k bytes ahead
// (".x" is a name, "." alone is self).
func (p *pathParser) nameFollows(k int) bool {
	i := p.pos + k
	return i < len(p.src) && strings.IndexByte("][|/=()!, \t\n", p.src[i]) < 0
}

// name reads a label: up to one of ][|/=()!, or the end, with \x for a
// literal x, trailing blanks dropped, stopping before " and ", " or ".
func (p *pathParser) name() (string, error) {
	p.blanks()
	var b strings.Builder
	trail := 0 // unescaped trailing blanks in b
	for p.pos < len(p.src) {
		c := p.src[p.pos]
		if c == '\\' && p.pos+1 < len(p.src) {
			b.WriteByte(p.src[p.pos+1])
			p.pos += 2
			trail = 0
			continue
		}
		if strings.IndexByte("][|/=()!,", c) >= 0 {
			break
		}
		if c == ' ' && (strings.HasPrefix(p.src[p.pos:], " and ") || strings.HasPrefix(p.src[p.pos:], " or ")) {
			break
		}
		b.WriteByte(c)
		if c == ' ' || c == '\t' || c == '\n' {
			trail++
		} else {
			trail = 0
		}
		p.pos++
	}
	s := b.String()
	s = s[:len(s)-trail]
	if s == "" {
		return "", p.errorf("empty name")
	}
	return s, nil
}

// expressions inside predicates

type exprKind int

const (
	exNumber exprKind = iota
	exString
	exPath
	exBinary
	exCall
)

type expr struct {
	kind exprKind
	num  int
	str  string // literal, operator or function name
	path *Path
	args []expr
}

func (p *pathParser) or() (expr, error) {
	return p.binary([]string{" or "}, p.and)
}

func (p *pathParser) and() (expr, error) {
	return p.binary([]string{" and "}, p.cmp)
}

func (p *pathParser) binary(ops []string, sub func() (expr, error)) (expr, error) {
	l, err := sub()
	if err != nil {
		return l, err
	}
	for {
		save := p.pos
		p.blanks()
		word := strings.TrimSpace(ops[0])
		rest := p.src[p.pos:]
		if p.pos == 0 || !isBlank(p.src[p.pos-1]) || !strings.HasPrefix(rest, word) ||
			len(rest) == len(word) || !(isBlank(rest[len(word)]) || rest[len(word)] == '(') {
			p.pos = save
			return l, nil
		}
		p.pos += len(word)
		r, err := sub()
		if err != nil {
			return l, err
		}
		l = expr{kind: exBinary, str: word, args: []expr{l, r}}
	}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func (p *pathParser) cmp() (expr, error) {
	l, err := p.add()
	if err != nil {
		return l, err
	}
	p.blanks()
	for _, op := range []string{"!=", "="} {
		if p.accept(op) {
			r, err := p.add()
			if err != nil {
				return l, err
			}
			return expr{kind: exBinary, str: op, args: []expr{l, r}}, nil
		}
	}
	return l, nil
}

func (p *pathParser) add() (expr, error) {
	l, err := p.primary()
	if err != nil {
		return l, err
	}
	for {
		p.blanks()
		if p.pos >= len(p.src) || (p.src[p.pos] != '+' && p.src[p.pos] != '-') {
			return l, nil
		}
		op := p.src[p.pos : p.pos+1]
		p.pos++
		r, err := p.primary()
		if err != nil {
			return l, err
		}
		l = expr{kind: exBinary, str: op, args: []expr{l, r}}
	}
}

var pathFuncs = map[string]int{"last": 0, "position": 0, "label": 0, "count": 1, "not": 1}

func (p *pathParser) primary() (expr, error) {
	p.blanks()
	if p.pos >= len(p.src) {
		return expr{}, p.errorf("expected an expression")
	}
	c := p.src[p.pos]
	switch {
	case c >= '0' && c <= '9':
		i := p.pos
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		n, err := strconv.Atoi(p.src[p.pos:i])
		if err != nil {
			return expr{}, p.errorf("illegal number")
		}
		p.pos = i
		return expr{kind: exNumber, num: n}, nil
	case c == '"' || c == '\'':
		end := strings.IndexByte(p.src[p.pos+1:], c)
		if end < 0 {
			return expr{}, p.errorf("string missing ending %c", c)
		}
		s := p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		return expr{kind: exString, str: s}, nil
	case c == '(':
		p.pos++
		e, err := p.or()
		if err != nil {
			return e, err
		}
		if !p.accept(")") {
			return e, p.errorf("unmatched '('")
		}
		return e, nil
	}
	for f, n := range pathFuncs {
		if strings.HasPrefix(p.src[p.pos:], f) {
			j := p.pos + len(f)
			for j < len(p.src) && p.src[j] == ' ' {
				j++
			}
			if j < len(p.src) && p.src[j] == '(' {
				p.pos = j + 1
				call := expr{kind: exCall, str: f}
				for i := 0; i < n; i++ {
					a, err := p.or()
					if err != nil {
						return a, err
					}
					call.args = append(call.args, a)
				}
				if !p.accept(")") {
					return call, p.errorf("wrong number of arguments in function call")
				}
				return call, nil
			}
		}
	}
	path, err := p.path()
	if err != nil {
		return expr{}, err
	}
	return expr{kind: exPath, path: path}, nil
}

// evaluation

type pvalue struct {
	kind  exprKind // exNumber, exString, exPath (node set), exBinary (boolean)
	num   int
	str   string
	nodes []*Node
	b     bool
}

func (v pvalue) truth() bool {
	switch v.kind {
	case exNumber:
		return v.num > 0
	case exString:
		return v.str != ""
	case exPath:
		return len(v.nodes) > 0
	}
	return v.b
}

// Match returns the nodes the path selects; relative paths start at ctx,
// absolute ones at the root above ctx. Hidden nodes (no label) never
// match a name or "*".
func (p *Path) Match(ctx *Node) ([]*Node, error) {
	nodes, _, err := p.eval(ctx, false)
	return nodes, err
}

// eval walks the steps; with partial, it stops at the first step that
// selects nothing and returns the index of that step.
func (p *Path) eval(ctx *Node, partial bool) ([]*Node, int, error) {
	if p.abs {
		for ctx.parent != nil {
			ctx = ctx.parent
		}
	}
	cur := []*Node{ctx}
	for i, st := range p.steps {
		var next []*Node
		for _, n := range cur {
			switch st.kind {
			case stepSelf:
				next = append(next, n)
			case stepParent:
				if n.parent != nil {
					next = append(next, n.parent)
				}
			default:
				for _, c := range n.children {
					if c.hasLabel && (st.kind == stepAny || c.label == st.name) {
						next = append(next, c)
					}
				}
			}
		}
		for _, pr := range st.preds {
			var err error
			next, err = filter(next, pr)
			if err != nil {
				return nil, i, err
			}
		}
		if partial && len(next) == 0 {
			return cur, i, nil
		}
		cur = next
	}
	return cur, len(p.steps), nil
}

func filter(set []*Node, pr expr) ([]*Node, error) {
	var out []*Node
	for i, n := range set {
		v, err := evalExpr(pr, n, i+1, len(set))
		if err != nil {
			return nil, err
		}
		ok := v.truth()
		switch v.kind {
		case exNumber:
			ok = v.num == i+1
		case exString:
			val, _ := n.Value()
			ok = val == v.str
		}
		if ok {
			out = append(out, n)
		}
	}
	return out, nil
}

func evalExpr(e expr, ctx *Node, pos, last int) (pvalue, error) {
	switch e.kind {
	case exNumber:
		return pvalue{kind: exNumber, num: e.num}, nil
	case exString:
		return pvalue{kind: exString, str: e.str}, nil
	case exPath:
		ns, err := e.path.Match(ctx)
		return pvalue{kind: exPath, nodes: ns}, err
	case exCall:
		switch e.str {
		case "last":
			return pvalue{kind: exNumber, num: last}, nil
		case "position":
			return pvalue{kind: exNumber, num: pos}, nil
		case "label":
			l, _ := ctx.Label()
			return pvalue{kind: exString, str: l}, nil
		}
		a, err := evalExpr(e.args[0], ctx, pos, last)
		if err != nil {
			return a, err
		}
		if e.str == "count" {
			if a.kind != exPath {
				return a, fmt.Errorf("type error: count() needs a node set")
			}
			return pvalue{kind: exNumber, num: len(a.nodes)}, nil
		}
		if a.kind != exBinary {
			return a, fmt.Errorf("type error: not() needs a boolean")
		}
		return pvalue{kind: exBinary, b: !a.b}, nil
	}
	l, err := evalExpr(e.args[0], ctx, pos, last)
	if err != nil {
		return l, err
	}
	r, err := evalExpr(e.args[1], ctx, pos, last)
	if err != nil {
		return r, err
	}
	switch e.str {
	case "and":
		return pvalue{kind: exBinary, b: l.truth() && r.truth()}, nil
	case "or":
		return pvalue{kind: exBinary, b: l.truth() || r.truth()}, nil
	case "+", "-":
		if l.kind != exNumber || r.kind != exNumber {
			return l, fmt.Errorf("type error: %s needs numbers", e.str)
		}
		if e.str == "+" {
			return pvalue{kind: exNumber, num: l.num + r.num}, nil
		}
		return pvalue{kind: exNumber, num: l.num - r.num}, nil
	}
	eq, err := equal(l, r)
	if err != nil {
		return l, err
	}
	if e.str == "!=" {
		eq = !eq
	}
	return pvalue{kind: exBinary, b: eq}, nil
}

// strs returns the strings a value compares as: node values (absent =
// ""), or the value itself.
func strs(v pvalue) []string {
	if v.kind == exPath {
		out := make([]string, len(v.nodes))
		for i, n := range v.nodes {
			out[i], _ = n.Value()
		}
		return out
	}
	if v.kind == exNumber {
		return []string{strconv.Itoa(v.num)}
	}
	return []string{v.str}
}

func equal(l, r pvalue) (bool, error) {
	if l.kind == exNumber && r.kind == exNumber {
		return l.num == r.num, nil
	}
	if l.kind == exBinary || r.kind == exBinary || l.kind == exNumber || r.kind == exNumber {
		return false, fmt.Errorf("type error: cannot compare these values")
	}
	for _, a := range strs(l) {
		for _, b := range strs(r) {
			if a == b {
				return true, nil
			}
		}
	}
	return false, nil
}

// Create returns the single node the path selects, creating the missing
// trailing steps as new last children when it selects nothing. It fails
// when the path, or its deepest matching prefix, selects more than one
// node, or when a missing step is not a plain name.
func (p *Path) Create(ctx *Node) (*Node, error) {
	nodes, i, err := p.eval(ctx, true)
	if err != nil {
		return nil, err
	}
	if len(nodes) != 1 {
		if len(nodes) == 0 {
			return nil, fmt.Errorf("%s: no node to create under", p.src)
		}
		return nil, fmt.Errorf("%s: too many matches for path expression", p.src)
	}
	n := nodes[0]
	for _, st := range p.steps[i:] {
		if st.kind != stepName {
			return nil, fmt.Errorf("%s: cannot create a node for step %q", p.src, stepText(st))
		}
		c := New(st.name)
		n.Append(c)
		n = c
	}
	return n, nil
}

func stepText(st *step) string {
	switch st.kind {
	case stepAny:
		return "*"
	case stepSelf:
		return "."
	case stepParent:
		return ".."
	}
	return st.name
}
