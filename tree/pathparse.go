package tree

import (
	"fmt"
	"strconv"
	"strings"
)

// This file is the path parser: hand-written, recursive-descent, one
// method per rule of the grammar in doc.go, loosest to tightest.

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
