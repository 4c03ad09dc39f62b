package tree

import (
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/regular"
)

// This file is the path evaluator: it walks the expression tree of a
// Path directly, step by step over node sets.

// Match returns the nodes the path selects; relative paths start at ctx,
// absolute ones at the root above ctx. Hidden nodes (no label) never
// match a name or "*". The path may not use variables.
func (p *Path) Match(ctx *Node) ([]*Node, error) {
	return p.MatchVars(ctx, nil)
}

// MatchVars is Match with variables: $name evaluates to vars[name]; a
// variable not in vars is an error.
func (p *Path) MatchVars(ctx *Node, vars Vars) ([]*Node, error) {
	s := &evalState{src: p.src, vars: vars}
	v, err := s.eval(p.e, ectx{ctx, 1, 1})
	if err != nil {
		return nil, err
	}
	if v.kind != vNodes {
		return nil, s.errorf(p.e, "type error: the path expression is not a node set")
	}
	return v.nodes, nil
}

// Eval evaluates the path expression to its value, which need not be a
// node set (count(a), 'str', 1 = 1).
func (p *Path) Eval(ctx *Node, vars Vars) (Value, error) {
	s := &evalState{src: p.src, vars: vars}
	v, err := s.eval(p.e, ectx{ctx, 1, 1})
	if err != nil {
		return Value{}, err
	}
	if v.kind == vRegexp {
		return Value{}, s.errorf(p.e, "type error: a regexp cannot be kept in a variable")
	}
	return Value{v}, nil
}

type evalState struct {
	src    string
	vars   Vars
	res    map[string]*regular.FA
	sticky map[*expr]bool // "else" whose left side matched in this predicate pass
}

// ectx is the context of an evaluation: the node, its position in the
// node set being filtered and that set's size.
type ectx struct {
	n         *Node
	pos, last int
}

// errorf reports an evaluation error as Augeas does: at the end of the
// path, with the bare kind of error (the text before the first ": ", or
// the first two words of "illegal number ...") as Msg and the whole text
// as Detail.
func (s *evalState) errorf(_ *expr, format string, args ...any) error {
	detail := fmt.Sprintf(format, args...)
	msg := detail
	if i := strings.Index(detail, ": "); i > 0 {
		msg = detail[:i]
	} else if strings.HasPrefix(detail, "illegal number") {
		msg = "illegal number"
	}
	if msg == detail {
		detail = ""
	}
	return &PathError{Path: s.src, Offset: len(s.src), Msg: msg, Detail: detail}
}

func rootOf(n *Node) *Node {
	for n.parent != nil {
		n = n.parent
	}
	return n
}

// locStart returns the node set a location path's steps start from.
func (s *evalState) locStart(lp *locPath, c ectx) ([]*Node, error) {
	if lp.filter == nil {
		if lp.abs {
			return []*Node{rootOf(c.n)}, nil
		}
		return []*Node{c.n}, nil
	}
	if f := lp.filter; f.kind == exVar && (len(lp.steps) > 0 || len(lp.fpreds) > 0) {
		if _, ok := s.vars[f.str]; !ok {
			// Augeas: an undefined $v followed by steps or predicates
			// ($v/a, $v[1]) is a type error at the end of the path
			return nil, &PathError{Path: s.src, Offset: len(s.src), Msg: "type error"}
		}
	}
	v, err := s.eval(lp.filter, c)
	if err != nil {
		return nil, err
	}
	if v.kind != vNodes {
		return nil, s.errorf(lp.filter, "type error: a node set is needed here")
	}
	set := v.nodes
	for _, pr := range lp.fpreds {
		if set, err = s.filter(set, pr); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// steps evaluates the steps from the node set cur; with partial, it
// stops at the first step that selects nothing and returns the index of
// that step along with the last non-empty set.
func (s *evalState) steps(steps []*step, cur []*Node, partial bool) ([]*Node, int, error) {
	for i, st := range steps {
		next := s.axis(st, cur)
		for _, pr := range st.preds {
			var err error
			if next, err = s.filter(next, pr); err != nil {
				return nil, i, err
			}
		}
		if partial && len(next) == 0 {
			return cur, i, nil
		}
		cur = next
	}
	return cur, len(steps), nil
}

func (st *step) matches(n *Node) bool {
	switch st.test {
	case testNode:
		return true
	case testAny:
		return n.hasLabel
	}
	return n.hasLabel && n.label == st.name
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// axis collects the nodes the step's axis and node test select from
// every node of cur, in order of collection, without duplicates.
func (s *evalState) axis(st *step, cur []*Node) []*Node {
	var out []*Node
	var seen map[*Node]bool
	if len(cur) > 1 && st.axis != axChild && st.axis != axSeq && st.axis != axSelf {
		seen = make(map[*Node]bool)
	}
	emit := func(n *Node) {
		if !st.matches(n) {
			return
		}
		if seen != nil {
			if seen[n] {
				return
			}
			seen[n] = true
		}
		out = append(out, n)
	}
	// walk visits the labelled descendants of n in document order;
	// hidden nodes and what is under them are skipped.
	var walk func(n *Node)
	walk = func(n *Node) {
		for _, c := range n.kids() {
			if c.hasLabel {
				emit(c)
				walk(c)
			}
		}
	}
	for _, n := range cur {
		switch st.axis {
		case axChild:
			for _, c := range n.kids() {
				emit(c)
			}
		case axSeq:
			for _, c := range n.kids() {
				if c.hasLabel && isNumber(c.label) {
					emit(c)
				}
			}
		case axSelf:
			emit(n)
		case axParent:
			if n.parent != nil {
				emit(n.parent)
			}
		case axDescendantOrSelf:
			emit(n)
			walk(n)
		case axDescendant:
			walk(n)
		case axAncestor:
			for a := n.parent; a != nil; a = a.parent {
				emit(a)
			}
		case axRoot:
			emit(rootOf(n))
		case axPrecedingSibling:
			if i := n.Index(); i > 0 {
				for j := i - 1; j >= 0; j-- {
					emit(n.parent.kids()[j])
				}
			}
		case axFollowingSibling:
			if i := n.Index(); i >= 0 {
				for _, c := range n.parent.kids()[i+1:] {
					emit(c)
				}
			}
		}
	}
	return out
}

// filter keeps the nodes of set for which the predicate holds, with
// position() and last() counted over the whole set.
func (s *evalState) filter(set []*Node, pr *expr) ([]*Node, error) {
	if pr.kind == exNumber {
		if pr.num >= 1 && pr.num <= len(set) {
			return set[pr.num-1 : pr.num], nil
		}
		return nil, nil
	}
	saved := s.sticky
	s.sticky = nil
	defer func() { s.sticky = saved }()
	if hasElse(pr) {
		// as Augeas: an "A else B" inside the predicate takes A for
		// every node when A holds for any node of the set, so a first
		// pass finds out which do
		for i, n := range set {
			if _, err := s.eval(pr, ectx{n, i + 1, len(set)}); err != nil {
				return nil, err
			}
		}
	}
	var out []*Node
	for i, n := range set {
		v, err := s.eval(pr, ectx{n, i + 1, len(set)})
		if err != nil {
			return nil, err
		}
		var ok bool
		switch v.kind {
		case vNumber:
			ok = v.num == i+1
		case vString:
			ok = n.hasValue && n.value == v.str || !n.hasValue && v.str == ""
		default:
			ok = v.truth()
		}
		if ok {
			out = append(out, n)
		}
	}
	return out, nil
}

func (s *evalState) eval(e *expr, c ectx) (value, error) {
	switch e.kind {
	case exNumber:
		return value{kind: vNumber, num: e.num}, nil
	case exString:
		return value{kind: vString, str: e.str}, nil
	case exVar:
		v, ok := s.vars[e.str]
		if !ok {
			// as Augeas, which finds it when type-checking the parsed
			// path: the offset is the end of the path
			return value{}, &PathError{Path: s.src, Offset: len(s.src), Msg: "undefined variable"}
		}
		return v.v, nil
	case exPath:
		start, err := s.locStart(e.lp, c)
		if err != nil {
			return value{}, err
		}
		ns, _, err := s.steps(e.lp.steps, start, false)
		return value{kind: vNodes, nodes: ns}, err
	case exCall:
		return s.call(e, c)
	}
	return s.binary(e, c)
}

// binary evaluates the operator e: else, and and or decide whether to
// evaluate their right side; the others evaluate both sides and hand
// them to the function of their group (as the rules of the grammar in
// doc.go group them). The groups take the operands by pointer, and
// those that always give a boolean return a bool, not a value: copying
// values in and out made predicates a tenth slower than one switch.
func (s *evalState) binary(e *expr, c ectx) (value, error) {
	l, err := s.eval(e.args[0], c)
	if err != nil {
		return l, err
	}
	switch e.str {
	case "else":
		return s.orElse(e, l, c)
	case "and", "or":
		b, err := s.logical(e, &l, c)
		return value{kind: vBool, b: b}, err
	}
	r, err := s.eval(e.args[1], c)
	if err != nil {
		return r, err
	}
	switch e.str {
	case "|":
		return s.union(e, &l, &r)
	case "+", "-", "*":
		return s.arithmetic(e, &l, &r)
	}
	var b bool
	switch e.str {
	case "<", "<=", ">", ">=":
		b, err = s.relational(e, &l, &r)
	case "=~", "!~":
		b, err = s.regexpMatch(e, &l, &r)
	default: // = and !=
		b, err = s.equality(e, &l, &r)
	}
	if err != nil {
		return l, err
	}
	return value{kind: vBool, b: b}, nil
}

// orElse is A else B, A being l: A if it is a non-empty node set or
// true (or held before in this predicate pass), else B, which must have
// A's type.
func (s *evalState) orElse(e *expr, l value, c ectx) (value, error) {
	switch l.kind {
	case vNodes:
		if s.sticky[e] || len(l.nodes) > 0 {
			s.stick(e)
			return l, nil
		}
	case vBool:
		if s.sticky[e] || l.b {
			s.stick(e)
			return l, nil
		}
	default:
		return l, s.errorf(e, "type error: else needs node sets or booleans")
	}
	r, err := s.eval(e.args[1], c)
	if err != nil {
		return r, err
	}
	if r.kind != l.kind {
		return r, s.errorf(e, "type error: both sides of else must have the same type")
	}
	return r, nil
}

// logical is A and B, A or B, A being l: B is evaluated only when A
// does not decide.
func (s *evalState) logical(e *expr, l *value, c ectx) (bool, error) {
	switch {
	case e.str == "and" && !l.truth():
		return false, nil
	case e.str == "or" && l.truth():
		return true, nil
	}
	r, err := s.eval(e.args[1], c)
	if err != nil {
		return false, err
	}
	return r.truth(), nil
}

// union is A | B: A's nodes then B's.
func (s *evalState) union(e *expr, l, r *value) (value, error) {
	if l.kind != vNodes || r.kind != vNodes {
		return *l, s.errorf(e, "type error: | needs node sets")
	}
	// Augeas 1.14 keeps a node both sides select twice:
	// count(/a | /a) is 2
	out := make([]*Node, 0, len(l.nodes)+len(r.nodes))
	out = append(append(out, l.nodes...), r.nodes...)
	return value{kind: vNodes, nodes: out}, nil
}

// arithmetic is + (numbers, strings, regexps), - and * (numbers).
func (s *evalState) arithmetic(e *expr, l, r *value) (value, error) {
	if e.str == "+" {
		switch {
		case l.kind == vNumber && r.kind == vNumber:
			return value{kind: vNumber, num: l.num + r.num}, nil
		case l.kind == vString && r.kind == vString:
			return value{kind: vString, str: l.str + r.str}, nil
		case l.kind == vRegexp && r.kind == vRegexp:
			if l.fold != r.fold {
				return *l, s.errorf(e, "type error: + of a case-insensitive and a case-sensitive regexp")
			}
			return value{kind: vRegexp, str: "(" + l.str + ")(" + r.str + ")", fold: l.fold}, nil
		}
		return *l, s.errorf(e, "type error: + needs two numbers, strings or regexps")
	}
	if l.kind != vNumber || r.kind != vNumber {
		return *l, s.errorf(e, "type error: %s needs numbers", e.str)
	}
	if e.str == "-" {
		return value{kind: vNumber, num: l.num - r.num}, nil
	}
	return value{kind: vNumber, num: l.num * r.num}, nil
}

// relational is < <= > >= on two numbers or two strings.
func (s *evalState) relational(e *expr, l, r *value) (bool, error) {
	var cmp int
	switch {
	case l.kind == vNumber && r.kind == vNumber:
		if l.num < r.num {
			cmp = -1
		} else if l.num > r.num {
			cmp = 1
		}
	case l.kind == vString && r.kind == vString:
		cmp = strings.Compare(l.str, r.str)
	default:
		return false, s.errorf(e, "type error: %s needs two numbers or two strings", e.str)
	}
	var b bool
	switch e.str {
	case "<":
		b = cmp < 0
	case "<=":
		b = cmp <= 0
	case ">":
		b = cmp > 0
	default:
		b = cmp >= 0
	}
	return b, nil
}

// regexpMatch is =~ and !~: whether the string, or a value of the node
// set, l matches the regexp r as a whole.
func (s *evalState) regexpMatch(e *expr, l, r *value) (bool, error) {
	if l.kind != vNodes && l.kind != vString || r.kind != vRegexp {
		// as Augeas: the right side must come from regexp() or glob()
		return false, s.errorf(e, "type error: %s needs a string or node set and a regexp", e.str)
	}
	pat := r.str
	re, err := s.regexp(pat, r.fold)
	if err != nil {
		return false, s.errorf(e.args[1], "invalid regular expression: %s", regexpMessage(err))
	}
	found := false
	for _, str := range strs(*l) {
		if re.Match(str) {
			found = true
			break
		}
	}
	return found == (e.str == "=~"), nil
}

// equality is = and !=, on two numbers, or existentially on strings and
// node sets: some pair of values is equal, resp. differs.
func (s *evalState) equality(e *expr, l, r *value) (bool, error) {
	var b bool
	switch {
	case l.kind == vNumber && r.kind == vNumber:
		b = (l.num == r.num) == (e.str == "=")
	case (l.kind == vNodes || l.kind == vString) && (r.kind == vNodes || r.kind == vString):
		ls, rs := strs(*l), strs(*r)
		if e.str == "=" {
			set := make(map[string]bool, len(rs))
			for _, str := range rs {
				set[str] = true
			}
			for _, str := range ls {
				if set[str] {
					b = true
					break
				}
			}
		} else if len(ls) > 0 && len(rs) > 0 {
			// some pair differs unless every value is the same string
			for _, str := range append(ls, rs...) {
				if str != ls[0] {
					b = true
					break
				}
			}
		}
	default:
		return false, s.errorf(e, "type error: cannot compare these values")
	}
	return b, nil
}

// hasElse reports whether e uses else outside nested predicates.
func hasElse(e *expr) bool {
	if e == nil {
		return false
	}
	if e.kind == exBinary && e.str == "else" {
		return true
	}
	for _, a := range e.args {
		if hasElse(a) {
			return true
		}
	}
	return false
}

func (s *evalState) stick(e *expr) {
	if s.sticky == nil {
		s.sticky = make(map[*expr]bool)
	}
	s.sticky[e] = true
}
