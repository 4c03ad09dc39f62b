package syntax

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"

	"github.com/lensnet/lensnet/lens/source"
)

// descent is a hand-written recursive-descent parser for the grammar of
// grammar.go. It builds the same AST as the participle grammar and
// converter do, much faster (the package doc gives the figures), but it
// only recognises valid modules: on the first token it cannot take it gives up, and Parse
// runs the participle grammar to list the errors in their usual form.
// TestDescentMatchesGrammar and FuzzParseModule check that both accept
// the same modules and build the same trees.
type descent struct {
	c    *converter
	toks []token
	i    int  // the next token
	bad  bool // a token was not accepted: the result is meaningless
}

// parseDescent parses toks (ending in EOF) as a module; ok is false when
// the module has a syntax error.
func parseDescent(c *converter, toks []token) (m *Module, ok bool) {
	p := &descent{c: c, toks: toks}
	start := p.i
	p.expect(tokKeyword, "module")
	name := p.expectType(tokUID)
	p.expect(tokPunct, "=")
	var auto string
	if p.accept(tokKeyword, "autoload") {
		auto = p.expectType(tokLID)
	}
	m = &Module{Name: name, Autoload: auto}
	for !p.bad && p.peek().Type != tokEOF {
		m.Decls = append(m.Decls, p.decl())
	}
	if p.bad {
		return nil, false
	}
	m.Span = source.Span{Start: posOf(toks[start].Pos), End: posOf(toks[len(toks)-1].Pos)}
	return m, true
}

func (p *descent) peek() *token { return &p.toks[p.i] }

// is reports whether the next token has the type and value.
func (p *descent) is(typ lexer.TokenType, val string) bool {
	t := p.peek()
	return t.Type == typ && t.Value == val
}

func (p *descent) isPunct(val string) bool { return p.is(tokPunct, val) }

func (p *descent) next() *token {
	t := &p.toks[p.i]
	if t.Type != tokEOF {
		p.i++
	}
	return t
}

func (p *descent) accept(typ lexer.TokenType, val string) bool {
	if p.is(typ, val) {
		p.next()
		return true
	}
	return false
}

func (p *descent) expect(typ lexer.TokenType, val string) {
	if !p.accept(typ, val) {
		p.bad = true
	}
}

func (p *descent) expectType(typ lexer.TokenType) string {
	t := p.peek()
	if t.Type != typ {
		p.bad = true
		return ""
	}
	p.next()
	return t.Value
}

// span runs from token start to the end of the last token taken. As
// with participle, a construct that took no token (an empty tree node
// "{ }") starts at the next token and ends where the one before ends.
func (p *descent) span(start int) source.Span {
	return source.Span{Start: posOf(p.toks[start].Pos), End: p.c.endOfToken(p.i - 1)}
}

func (p *descent) decl() Decl {
	start := p.i
	switch {
	case p.peek().Type == tokLetRec:
		p.next()
		name := p.expectType(tokLID)
		p.expect(tokPunct, "=")
		body := p.exp()
		return &Let{Span: p.span(start), Name: name, Rec: true, Body: body}
	case p.accept(tokKeyword, "let"):
		name := p.expectType(tokLID)
		params := p.params()
		p.expect(tokPunct, "=")
		body := p.exp()
		return &Let{Span: p.span(start), Name: name, Params: params, Body: body}
	case p.accept(tokKeyword, "test"):
		return p.test(start)
	}
	p.bad = true
	return nil
}

func (p *descent) test(start int) Decl {
	t := &Test{Lens: p.aexp()}
	switch {
	case p.accept(tokKeyword, "get"):
		t.Mode = TestGet
		t.Input = p.exp()
	case p.accept(tokKeyword, "put"):
		t.Mode = TestPut
		t.Input = p.aexp()
		p.expect(tokKeyword, "after")
		t.Commands = p.exp()
	default:
		p.bad = true
		return nil
	}
	p.expect(tokPunct, "=")
	switch {
	case p.accept(tokPunct, "?"):
		t.Expect = ExpectPrint
	case p.accept(tokPunct, "*"):
		t.Expect = ExpectError
	default:
		t.Expect = ExpectValue
		t.Result = p.exp()
	}
	t.Span = p.span(start)
	return t
}

func (p *descent) params() []*Param {
	var out []*Param
	for !p.bad && p.isPunct("(") {
		start := p.i
		p.next()
		t := p.peek()
		if t.Type != tokLID && !(t.Type == tokKeyword && (t.Value == "get" || t.Value == "put")) {
			p.bad = true
			return nil
		}
		p.next()
		p.expect(tokPunct, ":")
		typ := p.typ()
		p.expect(tokPunct, ")")
		out = append(out, &Param{Span: p.span(start), Name: t.Value, Type: typ})
	}
	return out
}

func (p *descent) typ() *Type {
	if p.bad {
		return nil
	}
	var out *Type
	switch {
	case p.accept(tokKeyword, "string"):
		out = &Type{Kind: TypeString}
	case p.accept(tokKeyword, "regexp"):
		out = &Type{Kind: TypeRegexp}
	case p.accept(tokKeyword, "lens"):
		out = &Type{Kind: TypeLens}
	case p.accept(tokPunct, "("):
		out = p.typ()
		p.expect(tokPunct, ")")
	default:
		p.bad = true
		return nil
	}
	if p.accept(tokPunct, "->") {
		out = &Type{Kind: TypeArrow, From: out, To: p.typ()}
	}
	return out
}

func (p *descent) exp() Expr {
	if p.bad {
		return nil
	}
	start := p.i
	if !p.accept(tokKeyword, "let") {
		return p.binary(';', p.union)
	}
	name := p.expectType(tokLID)
	params := p.params()
	p.expect(tokPunct, "=")
	value := p.exp()
	p.expect(tokKeyword, "in")
	body := p.exp()
	return &LetIn{Span: p.span(start), Name: name, Params: params, Value: value, Body: body}
}

// binary parses a left-associative chain of operands joined by op.
func (p *descent) binary(op byte, operand func() Expr) Expr {
	out := operand()
	for !p.bad && p.isPunct(string(op)) {
		p.next()
		right := operand()
		if p.bad {
			return nil
		}
		out = &Binary{Span: source.Span{Start: SpanOf(out).Start, End: SpanOf(right).End}, Op: op, Left: out, Right: right}
	}
	return out
}

func (p *descent) union() Expr {
	if p.isPunct("{") {
		start := p.i
		nodes := p.branches()
		if p.bad {
			return nil
		}
		return &Tree{Span: p.span(start), Nodes: nodes}
	}
	return p.binary('|', p.minus)
}

func (p *descent) minus() Expr { return p.binary('-', p.cat) }
func (p *descent) cat() Expr   { return p.binary('.', p.app) }

// app parses one or more operands applied left to right.
func (p *descent) app() Expr {
	out := p.rexp()
	for !p.bad && p.startsAexp() {
		arg := p.rexp()
		if p.bad {
			return nil
		}
		out = &Apply{Span: source.Span{Start: SpanOf(out).Start, End: SpanOf(arg).End}, Func: out, Arg: arg}
	}
	return out
}

func (p *descent) startsAexp() bool {
	t := p.peek()
	switch t.Type {
	case tokLID, tokQID, tokString, tokRegexp:
		return true
	case tokKeyword:
		return t.Value == "get" || t.Value == "put"
	case tokPunct:
		return t.Value == "(" || t.Value == "["
	}
	return false
}

func (p *descent) rexp() Expr {
	start := p.i
	x := p.aexp()
	if p.bad {
		return nil
	}
	t := p.peek()
	if t.Type == tokPunct && (t.Value == "*" || t.Value == "+" || t.Value == "?") {
		p.next()
		return &Postfix{Span: p.span(start), Op: t.Value[0], X: x}
	}
	return x
}

func (p *descent) aexp() Expr {
	if p.bad {
		return nil
	}
	start := p.i
	t := p.next()
	switch t.Type {
	case tokLID, tokQID:
		if mod, name, ok := strings.Cut(t.Value, "."); ok {
			return &Ident{Span: p.span(start), Module: mod, Name: name}
		}
		return &Ident{Span: p.span(start), Name: t.Value}
	case tokKeyword:
		if t.Value == "get" || t.Value == "put" {
			return &Ident{Span: p.span(start), Name: t.Value}
		}
	case tokString:
		return &String{Span: p.span(start), Value: t.Value[1:]}
	case tokRegexp:
		if v, ok := strings.CutPrefix(t.Value, "i/"); ok {
			return &Regexp{Span: p.span(start), Pattern: v, NoCase: true}
		}
		return &Regexp{Span: p.span(start), Pattern: t.Value[1:]}
	case tokPunct:
		switch t.Value {
		case "(":
			if p.accept(tokPunct, ")") {
				return &Unit{Span: p.span(start)}
			}
			x := p.exp()
			p.expect(tokPunct, ")")
			return x
		case "[":
			x := p.exp()
			p.expect(tokPunct, "]")
			if p.bad {
				return nil
			}
			return &Subtree{Span: p.span(start), X: x}
		}
	}
	p.bad = true
	return nil
}

// branches parses ( '{' branch '}' )+ at a '{'.
func (p *descent) branches() []*TreeNode {
	var out []*TreeNode
	for !p.bad && p.accept(tokPunct, "{") {
		// as in the grammar, a node's span is what lies between its braces
		start := p.i
		n := &TreeNode{}
		if t := p.peek(); t.Type == tokString {
			p.next()
			s := t.Value[1:]
			n.Label = &s
		}
		if p.accept(tokPunct, "=") {
			v := p.expectType(tokString)
			if p.bad {
				return nil
			}
			s := v[1:]
			n.Value = &s
		}
		if p.isPunct("{") {
			n.Children = p.branches()
		}
		n.Span = p.span(start)
		p.expect(tokPunct, "}")
		out = append(out, n)
	}
	return out
}

// endOfToken returns the position just past token i.
func (c *converter) endOfToken(i int) source.Pos {
	t := c.toks[i]
	p := posOf(t.Pos)
	for j := t.Pos.Offset; j < t.end; j++ {
		if c.src[j] == '\n' {
			p.Line++
			p.Column = 1
		} else {
			p.Column++
		}
	}
	p.Offset = t.end
	return p
}
