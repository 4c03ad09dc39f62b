package tree

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/lensnet/lensnet/regular"
)

// This file implements Augeas's path language (pathx.c); the language
// itself is specified in doc.go. The parser is hand-written and
// recursive-descent; evaluation walks the expression tree directly.

// Path is a parsed path expression.
type Path struct {
	src string
	e   *expr
}

// PathError is a path that does not parse or cannot be evaluated, with
// the byte offset into the path where the problem is.
//
// Msg is Augeas's word for the error ("type error", "illegal number",
// "empty name", ...), which augtool prints; Detail, when set, says more
// ("int() of \"x\": illegal number"). Errors found while evaluating (and
// type errors) are placed, as Augeas places them, at the end of the path.
type PathError struct {
	Path   string
	Offset int
	Msg    string
	Detail string
}

func (e *PathError) Error() string {
	msg := e.Msg
	if e.Detail != "" {
		msg = e.Detail
	}
	return fmt.Sprintf("%s: %s|=|%s (offset %d)", msg, e.Path[:e.Offset], e.Path[e.Offset:], e.Offset)
}

// MustParsePath is ParsePath for paths written in the program: it
// panics if s does not parse, as regexp.MustCompile does.
func MustParsePath(s string) *Path {
	p, err := ParsePath(s)
	if err != nil {
		panic("tree.MustParsePath: " + err.Error())
	}
	return p
}

// ParsePath parses a path expression.
func ParsePath(s string) (*Path, error) {
	p := &pathParser{src: s}
	if p.blanks(); p.pos == len(s) {
		pe := p.errorf("illegal string literal").(*PathError) // Augeas's words
		pe.Detail = "empty path"
		return nil, pe
	}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	p.blanks()
	if p.pos < len(s) {
		return nil, p.errorf("garbage at end of path expression")
	}
	if bad := productCompared(e); bad != nil {
		return nil, &PathError{Path: s, Offset: len(s), Msg: "type error",
			Detail: "type error: a product (*) cannot be compared (Augeas's type rules)"}
	}
	return &Path{src: s, e: e}, nil
}

// regexpMessage words a regexp syntax error as GNU regcomp does, which
// augtool prints ("Unmatched ( or \\("), when there is such a message.
func regexpMessage(err error) string {
	msg := err.Error()
	for _, m := range []struct{ ours, gnu string }{
		{"unmatched (", `Unmatched ( or \(`},
		{"unmatched )", `Unmatched ) or \)`},
		{"unbalanced bracket", "Unmatched [, [^, [:, [., or [="},
		{"nothing to repeat", "Invalid preceding regular expression"},
		{"invalid preceding regular expression", "Invalid preceding regular expression"},
		{"trailing backslash", "Trailing backslash"},
		{"invalid range", "Invalid range end"},
		{"bad interval", `Invalid content of \{\}`},
	} {
		if strings.Contains(msg, m.ours) {
			return m.gnu
		}
	}
	return msg
}

// productCompared finds a comparison with a product (a * b) on one side,
// anywhere in e: Augeas's type checker refuses those before evaluating
// the path ([2 * 1 = 2] is a type error in augtool), though it accepts
// [1 + 1 = 2].
func productCompared(e *expr) *expr {
	if e == nil {
		return nil
	}
	if e.kind == exBinary {
		switch e.str {
		case "=", "!=", "<", "<=", ">", ">=":
			for _, a := range e.args {
				if a.kind == exBinary && a.str == "*" {
					return e
				}
			}
		}
	}
	for _, a := range e.args {
		if bad := productCompared(a); bad != nil {
			return bad
		}
	}
	if lp := e.lp; lp != nil {
		if bad := productCompared(lp.filter); bad != nil {
			return bad
		}
		for _, pr := range lp.fpreds {
			if bad := productCompared(pr); bad != nil {
				return bad
			}
		}
		for _, st := range lp.steps {
			for _, pr := range st.preds {
				if bad := productCompared(pr); bad != nil {
					return bad
				}
			}
		}
	}
	return nil
}

func (p *Path) String() string { return p.src }

type axis int

const (
	axChild axis = iota
	axSelf
	axParent
	axDescendant
	axDescendantOrSelf
	axAncestor
	axRoot
	axPrecedingSibling
	axFollowingSibling
	axSeq
)

// axisNames is searched in order: longer names before their prefixes.
// Augeas has no ancestor-or-self axis: "ancestor-or-self::x" is a name.
var axisNames = []struct {
	name string
	ax   axis
}{
	{"descendant-or-self", axDescendantOrSelf},
	{"descendant", axDescendant},
	{"preceding-sibling", axPrecedingSibling},
	{"following-sibling", axFollowingSibling},
	{"ancestor", axAncestor},
	{"parent", axParent},
	{"child", axChild},
	{"self", axSelf},
	{"root", axRoot},
	{"seq", axSeq},
}

type nodeTest int

const (
	testName nodeTest = iota // a node with this label
	testAny                  // "*": any node with a label
	testNode                 // any node, hidden ones too ("." "..", root::*, "//")
)

type step struct {
	axis  axis
	test  nodeTest
	name  string
	preds []*expr
	src   string // the step's text, for error messages
}

// locPath is a location path, or a filter expression (a primary
// expression with predicates) followed by a relative location path.
type locPath struct {
	abs    bool
	filter *expr
	fpreds []*expr
	steps  []*step
}

type exprKind int

const (
	exNumber exprKind = iota
	exString
	exVar
	exCall
	exBinary
	exPath
)

type expr struct {
	kind exprKind
	pos  int // offset into the path, for errors
	num  int
	str  string // literal, operator, function or variable name
	args []*expr
	lp   *locPath
}

type pathParser struct {
	src string
	pos int
}

func (p *pathParser) errorf(format string, args ...any) error {
	return p.errorAt(p.pos, format, args...)
}

func (p *pathParser) errorAt(pos int, format string, args ...any) error {
	return &PathError{Path: p.src, Offset: pos, Msg: fmt.Sprintf(format, args...)}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *pathParser) blanks() {
	for p.pos < len(p.src) && isBlank(p.src[p.pos]) {
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

func (p *pathParser) expr() (*expr, error) { return p.keyword("else", p.orExpr) }

func (p *pathParser) orExpr() (*expr, error) { return p.keyword("or", p.andExpr) }

func (p *pathParser) andExpr() (*expr, error) { return p.keyword("and", p.eqExpr) }

// keywordAt reports whether the keyword word starts at i, preceded by a
// blank and followed by a blank or '('.
func (p *pathParser) keywordAt(i int, word string) bool {
	rest := p.src[i:]
	return i > 0 && isBlank(p.src[i-1]) && strings.HasPrefix(rest, word) &&
		len(rest) > len(word) && (isBlank(rest[len(word)]) || rest[len(word)] == '(')
}

func (p *pathParser) keyword(word string, sub func() (*expr, error)) (*expr, error) {
	l, err := sub()
	if err != nil {
		return nil, err
	}
	for {
		save := p.pos
		p.blanks()
		if !p.keywordAt(p.pos, word) {
			p.pos = save
			return l, nil
		}
		pos := p.pos
		p.pos += len(word)
		r, err := sub()
		if err != nil {
			return nil, err
		}
		l = &expr{kind: exBinary, pos: pos, str: word, args: []*expr{l, r}}
	}
}

// oneOf parses l [op r] for the first of ops that follows.
func (p *pathParser) oneOf(ops []string, sub func() (*expr, error)) (*expr, error) {
	l, err := sub()
	if err != nil {
		return nil, err
	}
	p.blanks()
	for _, op := range ops {
		pos := p.pos
		if p.accept(op) {
			r, err := sub()
			if err != nil {
				return nil, err
			}
			return &expr{kind: exBinary, pos: pos, str: op, args: []*expr{l, r}}, nil
		}
	}
	return l, nil
}

func (p *pathParser) eqExpr() (*expr, error) {
	return p.oneOf([]string{"=~", "!~", "!=", "="}, p.relExpr)
}

func (p *pathParser) relExpr() (*expr, error) {
	return p.oneOf([]string{"<=", ">=", "<", ">"}, p.addExpr)
}

// many parses l (op r)* for single-byte operators.
func (p *pathParser) many(ops string, sub func() (*expr, error)) (*expr, error) {
	l, err := sub()
	if err != nil {
		return nil, err
	}
	for {
		p.blanks()
		if p.pos >= len(p.src) || strings.IndexByte(ops, p.src[p.pos]) < 0 {
			return l, nil
		}
		pos := p.pos
		op := p.src[pos : pos+1]
		p.pos++
		r, err := sub()
		if err != nil {
			return nil, err
		}
		l = &expr{kind: exBinary, pos: pos, str: op, args: []*expr{l, r}}
	}
}

func (p *pathParser) addExpr() (*expr, error) { return p.many("+-", p.mulExpr) }

func (p *pathParser) mulExpr() (*expr, error) { return p.many("*", p.unionExpr) }

func (p *pathParser) unionExpr() (*expr, error) { return p.many("|", p.pathExpr) }

// funcName returns the function name at the current position if one
// followed by '(' is there.
func (p *pathParser) funcName() (string, int) {
	i := p.pos
	for i < len(p.src) {
		c := p.src[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || (i > p.pos && (c >= '0' && c <= '9' || c == '-')) {
			i++
			continue
		}
		break
	}
	if i == p.pos {
		return "", 0
	}
	j := i
	for j < len(p.src) && isBlank(p.src[j]) {
		j++
	}
	if j < len(p.src) && p.src[j] == '(' {
		return p.src[p.pos:i], j + 1
	}
	return "", 0
}

func (p *pathParser) pathExpr() (*expr, error) {
	p.blanks()
	if p.pos >= len(p.src) {
		return nil, p.errorf("expected an expression")
	}
	pos := p.pos
	c := p.src[p.pos]
	if name, _ := p.funcName(); c >= '0' && c <= '9' || c == '"' || c == '\'' || c == '$' || c == '(' || name != "" {
		prim, err := p.primary()
		if err != nil {
			return nil, err
		}
		preds, err := p.preds()
		if err != nil {
			return nil, err
		}
		p.blanks()
		if len(preds) == 0 && !strings.HasPrefix(p.src[p.pos:], "/") {
			return prim, nil
		}
		lp := &locPath{filter: prim, fpreds: preds}
		if p.accept("//") {
			lp.steps = append(lp.steps, descendantStep)
			if err := p.relLocPath(lp); err != nil {
				return nil, err
			}
		} else if p.accept("/") {
			if err := p.relLocPath(lp); err != nil {
				return nil, err
			}
		}
		return &expr{kind: exPath, pos: pos, lp: lp}, nil
	}
	lp, err := p.locPath()
	if err != nil {
		return nil, err
	}
	return &expr{kind: exPath, pos: pos, lp: lp}, nil
}

var descendantStep = &step{axis: axDescendantOrSelf, test: testNode, src: "//"}

func (p *pathParser) locPath() (*locPath, error) {
	lp := &locPath{}
	if p.accept("/") {
		lp.abs = true
		if strings.HasPrefix(p.src[p.pos:], "/") {
			p.pos++
			lp.steps = append(lp.steps, descendantStep)
			return lp, p.relLocPath(lp)
		}
		p.blanks()
		if p.pos >= len(p.src) || strings.IndexByte("][|/=()!,", p.src[p.pos]) >= 0 || p.keywordAt(p.pos, "and") || p.keywordAt(p.pos, "or") || p.keywordAt(p.pos, "else") {
			return lp, nil
		}
	}
	return lp, p.relLocPath(lp)
}

// relLocPath parses steps separated by / or //.
func (p *pathParser) relLocPath(lp *locPath) error {
	for {
		st, err := p.step()
		if err != nil {
			return err
		}
		lp.steps = append(lp.steps, st)
		if p.accept("//") {
			lp.steps = append(lp.steps, descendantStep)
			continue
		}
		if !p.accept("/") {
			return nil
		}
	}
}

func (p *pathParser) step() (*step, error) {
	p.blanks()
	start := p.pos
	st := &step{axis: axChild}
	explicit := false
	for _, a := range axisNames {
		if strings.HasPrefix(p.src[p.pos:], a.name+"::") {
			st.axis = a.ax
			p.pos += len(a.name) + 2
			explicit = true
			p.blanks()
			break
		}
	}
	switch {
	case !explicit && strings.HasPrefix(p.src[p.pos:], ".."):
		p.pos += 2
		st.axis, st.test = axParent, testNode
	case !explicit && strings.HasPrefix(p.src[p.pos:], ".") && !p.nameFollows(1):
		p.pos++
		st.axis, st.test = axSelf, testNode
	case strings.HasPrefix(p.src[p.pos:], "*"):
		p.pos++
		st.test = testAny // root::* matches nothing: the root has no label (as Augeas)
	default:
		name, err := p.name()
		if err != nil {
			return nil, err
		}
		st.name = name
	}
	preds, err := p.preds()
	if err != nil {
		return nil, err
	}
	st.preds = preds
	st.src = strings.TrimSpace(p.src[start:p.pos])
	return st, nil
}

func (p *pathParser) preds() ([]*expr, error) {
	var preds []*expr
	for p.accept("[") {
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if !p.accept("]") {
			return nil, p.errorf("unmatched '['")
		}
		preds = append(preds, e)
	}
	return preds, nil
}

// nameFollows reports whether the name characters continue k bytes ahead
// (".x" is a name, "." alone is self).
func (p *pathParser) nameFollows(k int) bool {
	i := p.pos + k
	return i < len(p.src) && strings.IndexByte("][|/=()!,", p.src[i]) < 0 && !isBlank(p.src[i])
}

// name reads a label: up to one of ][|/=()!, or the end, with \x for a
// literal x, trailing blanks dropped, stopping before the words "and",
// "or" and "else" between blanks.
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
		if isBlank(c) {
			j := p.pos
			for j < len(p.src) && isBlank(p.src[j]) {
				j++
			}
			if j < len(p.src) && (p.keywordAt(j, "and") || p.keywordAt(j, "or") || p.keywordAt(j, "else")) {
				break
			}
		}
		b.WriteByte(c)
		if isBlank(c) {
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

// funcArity gives the smallest and largest number of arguments.
var funcArity = map[string][2]int{
	"last": {0, 0}, "position": {0, 0}, "label": {0, 0}, "modified": {0, 0},
	"count": {1, 1}, "not": {1, 1}, "int": {1, 1}, "glob": {1, 1}, "regexp": {1, 2},
}

func (p *pathParser) primary() (*expr, error) {
	p.blanks()
	pos := p.pos
	c := p.src[p.pos]
	switch {
	case c >= '0' && c <= '9':
		i := p.pos
		for i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
			i++
		}
		n, err := strconv.Atoi(p.src[p.pos:i])
		if err != nil {
			return nil, p.errorf("illegal number")
		}
		p.pos = i
		return &expr{kind: exNumber, pos: pos, num: n}, nil
	case c == '"' || c == '\'':
		end := strings.IndexByte(p.src[p.pos+1:], c)
		if end < 0 {
			// as Augeas: marked at the end, naming both quotes
			pe := p.errorAt(len(p.src), `string missing ending ' or "`).(*PathError)
			pe.Detail = fmt.Sprintf("string missing ending %c", c)
			return nil, pe
		}
		s := p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		return &expr{kind: exString, pos: pos, str: s}, nil
	case c == '$':
		i := p.pos + 1
		for i < len(p.src) {
			c := p.src[i]
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || (i > p.pos+1 && c >= '0' && c <= '9') {
				i++
				continue
			}
			break
		}
		if i == p.pos+1 {
			return nil, p.errorAt(i, "empty name")
		}
		name := p.src[p.pos+1 : i]
		p.pos = i
		return &expr{kind: exVar, pos: pos, str: name}, nil
	case c == '(':
		p.pos++
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if !p.accept(")") {
			return nil, p.errorf("unmatched '('")
		}
		return e, nil
	}
	name, next := p.funcName()
	ar, ok := funcArity[name]
	if !ok {
		pe := p.errorf("empty name") // Augeas's word for it
		pe.(*PathError).Detail = "unknown function " + name
		return nil, pe
	}
	p.pos = next
	call := &expr{kind: exCall, pos: pos, str: name}
	if !p.accept(")") {
		for {
			a, err := p.expr()
			if err != nil {
				return nil, err
			}
			call.args = append(call.args, a)
			if !p.accept(",") {
				break
			}
		}
		if !p.accept(")") {
			return nil, p.errorf("unmatched '('")
		}
	}
	if len(call.args) < ar[0] || len(call.args) > ar[1] {
		return nil, p.errorf("wrong number of arguments in function call") // after the ")", as Augeas
	}
	return call, nil
}

// evaluation

type valueKind int

const (
	vNodes valueKind = iota
	vBool
	vNumber
	vString
	vRegexp
)

type value struct {
	kind  valueKind
	nodes []*Node
	b     bool
	num   int
	str   string // a string, or a regexp in Augeas's syntax
	fold  bool   // a regexp that ignores case (regexp(..., 'i'))
}

func (v value) truth() bool {
	switch v.kind {
	case vNodes:
		return len(v.nodes) > 0
	case vNumber:
		return v.num > 0
	case vString:
		return v.str != ""
	case vRegexp:
		return true
	}
	return v.b
}

// noMatch is a regexp that matches no string (regexp() of an empty node
// set).
const noMatch = "[^\x00-\xff]"

// Vars binds variable names ($name) to values.
type Vars map[string]Value

// Value is the value of a path expression: a node set, or a string, a
// number or a boolean (Augeas's defvar keeps any of them).
type Value struct{ v value }

// NodeSet returns the value holding the nodes ns.
func NodeSet(ns []*Node) Value { return Value{value{kind: vNodes, nodes: ns}} }

// Nodes returns the nodes of a node-set value; ok is false for a string,
// number or boolean.
func (v Value) Nodes() (ns []*Node, ok bool) { return v.v.nodes, v.v.kind == vNodes }

// WithNodes returns a node-set value holding ns instead; other values
// are returned as they are.
func (v Value) WithNodes(ns []*Node) Value {
	if v.v.kind != vNodes {
		return v
	}
	return NodeSet(ns)
}

// String shows a value that is not a node set: the string, the number
// in decimal, true or false; a node set shows as its size.
func (v Value) String() string {
	switch v.v.kind {
	case vString, vRegexp:
		return v.v.str
	case vNumber:
		return strconv.Itoa(v.v.num)
	case vBool:
		return strconv.FormatBool(v.v.b)
	}
	return fmt.Sprintf("%d nodes", len(v.v.nodes))
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

func (s *evalState) call(e *expr, c ectx) (value, error) {
	switch e.str {
	case "last":
		return value{kind: vNumber, num: c.last}, nil
	case "position":
		return value{kind: vNumber, num: c.pos}, nil
	case "label":
		return value{kind: vString, str: c.n.label}, nil
	case "modified":
		return value{kind: vBool, b: c.n.Modified()}, nil
	}
	args := make([]value, len(e.args))
	for i, a := range e.args {
		v, err := s.eval(a, c)
		if err != nil {
			return v, err
		}
		args[i] = v
	}
	a := args[0]
	switch e.str {
	case "count":
		if a.kind != vNodes {
			return a, s.errorf(e, "type error: count() needs a node set")
		}
		return value{kind: vNumber, num: len(a.nodes)}, nil
	case "not":
		if a.kind != vBool {
			return a, s.errorf(e, "type error: not() needs a boolean")
		}
		return value{kind: vBool, b: !a.b}, nil
	case "int":
		var str string
		switch a.kind {
		case vNumber:
			return a, nil
		case vBool:
			if a.b {
				return value{kind: vNumber, num: 1}, nil
			}
			return value{kind: vNumber}, nil
		case vString:
			str = a.str
		case vNodes:
			if len(a.nodes) != 1 {
				return a, s.errorf(e, "type error: int() needs exactly one node, not %d", len(a.nodes))
			}
			str = a.nodes[0].value
		default:
			return a, s.errorf(e, "type error: int() of a regexp")
		}
		n, err := strconv.Atoi(str)
		if err != nil {
			return a, s.errorf(e, "illegal number %q", str)
		}
		return value{kind: vNumber, num: n}, nil
	}
	// regexp and glob
	var pats []string
	switch a.kind {
	case vString:
		pats = []string{a.str}
	case vNodes:
		for _, n := range a.nodes {
			if n.hasValue {
				pats = append(pats, n.value)
			}
		}
	default:
		return a, s.errorf(e, "type error: %s() needs a string or a node set", e.str)
	}
	for i, pt := range pats {
		if e.str == "glob" {
			pt = globToRegexp(pt)
		}
		if len(pats) > 1 {
			pt = "(" + pt + ")"
		}
		pats[i] = pt
	}
	pat := strings.Join(pats, "|")
	if len(pats) == 0 {
		pat = noMatch
	}
	fold := false
	if len(args) == 2 {
		if args[1].kind != vString || args[1].str != "i" {
			return a, s.errorf(e, "wrong flag for regexp")
		}
		fold = true
	}
	if _, err := s.regexp(pat, fold); err != nil {
		return a, s.errorf(e, "invalid regular expression: %s", regexpMessage(err))
	}
	return value{kind: vRegexp, str: pat, fold: fold}, nil
}

// globToRegexp turns a glob into a regexp: * and ? do not match '/',
// everything else is literal.
func globToRegexp(g string) string {
	var b strings.Builder
	for i := 0; i < len(g); i++ {
		switch c := g[i]; c {
		case '*':
			b.WriteString("[^/]*")
		case '?':
			b.WriteString("[^/]")
		case '.', '[', ']', '(', ')', '{', '}', '+', '|', '^', '$', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// regexp compiles a pattern of Augeas's regexp dialect (the one lenses
// use, package regular); it matches whole strings, as Augeas's paths do.
func (s *evalState) regexp(pat string, fold bool) (*regular.FA, error) {
	key := pat
	var flags regular.Flags
	if fold {
		key, flags = "i\x00"+pat, regular.FoldCase
	}
	if re, ok := s.res[key]; ok {
		return re, nil
	}
	re, err := regular.CompilePattern(pat, flags)
	if err != nil {
		return nil, err
	}
	if s.res == nil {
		s.res = make(map[string]*regular.FA)
	}
	s.res[key] = re
	return re, nil
}

func (s *evalState) binary(e *expr, c ectx) (value, error) {
	l, err := s.eval(e.args[0], c)
	if err != nil {
		return l, err
	}
	switch e.str {
	case "else":
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
	case "and":
		if !l.truth() {
			return value{kind: vBool}, nil
		}
	case "or":
		if l.truth() {
			return value{kind: vBool, b: true}, nil
		}
	}
	r, err := s.eval(e.args[1], c)
	if err != nil {
		return r, err
	}
	switch e.str {
	case "and", "or":
		return value{kind: vBool, b: r.truth()}, nil
	case "|":
		if l.kind != vNodes || r.kind != vNodes {
			return l, s.errorf(e, "type error: | needs node sets")
		}
		// Augeas 1.14 keeps a node both sides select twice:
		// count(/a | /a) is 2
		out := make([]*Node, 0, len(l.nodes)+len(r.nodes))
		out = append(append(out, l.nodes...), r.nodes...)
		return value{kind: vNodes, nodes: out}, nil
	case "+":
		switch {
		case l.kind == vNumber && r.kind == vNumber:
			return value{kind: vNumber, num: l.num + r.num}, nil
		case l.kind == vString && r.kind == vString:
			return value{kind: vString, str: l.str + r.str}, nil
		case l.kind == vRegexp && r.kind == vRegexp:
			if l.fold != r.fold {
				return l, s.errorf(e, "type error: + of a case-insensitive and a case-sensitive regexp")
			}
			return value{kind: vRegexp, str: "(" + l.str + ")(" + r.str + ")", fold: l.fold}, nil
		}
		return l, s.errorf(e, "type error: + needs two numbers, strings or regexps")
	case "-", "*":
		if l.kind != vNumber || r.kind != vNumber {
			return l, s.errorf(e, "type error: %s needs numbers", e.str)
		}
		if e.str == "-" {
			return value{kind: vNumber, num: l.num - r.num}, nil
		}
		return value{kind: vNumber, num: l.num * r.num}, nil
	case "<", "<=", ">", ">=":
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
			return l, s.errorf(e, "type error: %s needs two numbers or two strings", e.str)
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
		return value{kind: vBool, b: b}, nil
	case "=~", "!~":
		if l.kind != vNodes && l.kind != vString || r.kind != vRegexp {
			// as Augeas: the right side must come from regexp() or glob()
			return l, s.errorf(e, "type error: %s needs a string or node set and a regexp", e.str)
		}
		pat := r.str
		re, err := s.regexp(pat, r.fold)
		if err != nil {
			return l, s.errorf(e.args[1], "invalid regular expression: %s", regexpMessage(err))
		}
		found := false
		for _, str := range strs(l) {
			if re.Match(str) {
				found = true
				break
			}
		}
		return value{kind: vBool, b: found == (e.str == "=~")}, nil
	}
	// = and != are existential: some pair of values is (un)equal
	var b bool
	switch {
	case l.kind == vNumber && r.kind == vNumber:
		b = (l.num == r.num) == (e.str == "=")
	case (l.kind == vNodes || l.kind == vString) && (r.kind == vNodes || r.kind == vString):
		ls, rs := strs(l), strs(r)
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
		return l, s.errorf(e, "type error: cannot compare these values")
	}
	return value{kind: vBool, b: b}, nil
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

// strs returns the strings a string or node set compares as: node values
// (absent = ""), or the string itself.
func strs(v value) []string {
	if v.kind == vNodes {
		out := make([]string, len(v.nodes))
		for i, n := range v.nodes {
			out[i] = n.value
		}
		return out
	}
	return []string{v.str}
}

// Create returns the single node the path selects, creating the missing
// trailing steps as new last children when it selects nothing. It fails
// when the path, or its deepest matching prefix, selects more than one
// node, or when a missing step is not child::name or seq::*.
// Predicates of created steps are ignored. The path may not use
// variables.
func (p *Path) Create(ctx *Node) (*Node, error) { return p.CreateVars(ctx, nil) }

// AnchorVars returns the node Create would start from: the one node the
// path selects, or the one node its deepest matching prefix selects
// (under which the missing steps would be created). It creates nothing.
func (p *Path) AnchorVars(ctx *Node, vars Vars) (*Node, error) {
	n, _, err := p.anchor(ctx, vars)
	return n, err
}

// ErrManyMatches is returned by Create when the path, or the deepest
// prefix of it that matches, selects more than one node; ErrCannotCreate
// when a missing step is not one Create can make (child::name, seq::*).
var (
	ErrManyMatches  = errors.New("too many matches for path expression")
	ErrCannotCreate = errors.New("cannot create the node")
)

// anchor evaluates the path as far as it matches and returns the single
// node reached and the steps still to create.
func (p *Path) anchor(ctx *Node, vars Vars) (*Node, []*step, error) {
	if p.e.kind != exPath {
		return nil, nil, fmt.Errorf("%s: cannot create nodes for this path expression", p.src)
	}
	s := &evalState{src: p.src, vars: vars}
	lp := p.e.lp
	start, err := s.locStart(lp, ectx{ctx, 1, 1})
	if err != nil {
		return nil, nil, err
	}
	nodes, i, err := s.steps(lp.steps, start, true)
	if err != nil {
		return nil, nil, err
	}
	rest, err := p.creatable(nodes, lp.steps[i:])
	if err != nil {
		return nil, nil, err
	}
	return nodes[0], rest, nil
}

// creatable checks that the steps left can be made under nodes, the
// single node the steps before them selected, before any is made.
func (p *Path) creatable(nodes []*Node, rest []*step) ([]*step, error) {
	if len(nodes) != 1 {
		if len(nodes) == 0 {
			return nil, fmt.Errorf("%s: no node to create under", p.src)
		}
		return nil, fmt.Errorf("%s: %w", p.src, ErrManyMatches)
	}
	for _, st := range rest { // check every step before making any
		if !(st.axis == axChild && st.test == testName) && !(st.axis == axSeq && st.test == testAny) {
			return nil, fmt.Errorf("%s: step %q: %w", p.src, st.src, ErrCannotCreate)
		}
	}
	return rest, nil
}

// createFrom makes the steps rest under the single node of nodes.
func (p *Path) createFrom(nodes []*Node, rest []*step) (*Node, error) {
	rest, err := p.creatable(nodes, rest)
	if err != nil {
		return nil, err
	}
	return p.make(nodes[0], rest)
}

// MatchOrCreateVars is what a set does with a path: the nodes p
// selects, or when it selects none, the node CreateVars makes (made is
// then true). A location path is evaluated once for both, not once to
// match and again to find where to create.
func (p *Path) MatchOrCreateVars(ctx *Node, vars Vars) (nodes []*Node, made bool, err error) {
	if p.e.kind != exPath {
		if nodes, err = p.MatchVars(ctx, vars); err != nil || len(nodes) > 0 {
			return nodes, false, err
		}
		n, err := p.CreateVars(ctx, vars)
		if err != nil {
			return nil, false, err
		}
		return []*Node{n}, true, nil
	}
	s := &evalState{src: p.src, vars: vars}
	lp := p.e.lp
	start, err := s.locStart(lp, ectx{ctx, 1, 1})
	if err != nil {
		return nil, false, err
	}
	// the steps as far as they select something: to the end, that is
	// the match (a step after an empty one selects nothing either)
	nodes, i, err := s.steps(lp.steps, start, true)
	if err != nil || i == len(lp.steps) {
		return nodes, false, err
	}
	n, err := p.createFrom(nodes, lp.steps[i:])
	if err != nil {
		return nil, false, err
	}
	return []*Node{n}, true, nil
}

// CreateVars is Create with variables, as MatchVars.
func (p *Path) CreateVars(ctx *Node, vars Vars) (*Node, error) {
	n, rest, err := p.anchor(ctx, vars)
	if err != nil {
		return nil, err
	}
	return p.make(n, rest)
}

// make creates the steps rest (checked by creatable) under n and
// returns the last node made.
func (p *Path) make(n *Node, rest []*step) (*Node, error) {
	for _, st := range rest {
		var label string
		switch {
		case st.axis == axChild && st.test == testName:
			label = st.name
		case st.axis == axSeq && st.test == testAny:
			next := 1
			for _, c := range n.kids() {
				if c.hasLabel && isNumber(c.label) {
					if k, err := strconv.Atoi(c.label); err == nil && k >= next {
						next = k + 1
					}
				}
			}
			label = strconv.Itoa(next)
		default: // anchor refused it
			return nil, fmt.Errorf("%s: step %q: %w", p.src, st.src, ErrCannotCreate)
		}
		c := New(label)
		n.Append(c)
		n = c
	}
	return n, nil
}
