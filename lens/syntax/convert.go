package syntax

import (
	"strings"

	"github.com/lensnet/lensnet/lens/source"
)

func (c *converter) decl(d *gDecl) Decl {
	sp := c.span(d.Pos, d.EndPos)
	switch {
	case d.Rec != nil:
		return &Let{Span: sp, Name: d.Rec.Name, Rec: true, Body: c.exp(d.Rec.Body)}
	case d.Let != nil:
		return &Let{Span: sp, Name: d.Let.Name, Params: c.params(d.Let.Params), Body: c.exp(d.Let.Body)}
	}
	t := d.Test
	out := &Test{Span: sp, Lens: c.aexp(t.Lens)}
	if t.Get != nil {
		out.Mode = TestGet
		out.Input = c.exp(t.Get)
	} else {
		out.Mode = TestPut
		out.Input = c.aexp(t.Put)
		out.Commands = c.exp(t.Commands)
	}
	switch {
	case t.Print:
		out.Expect = ExpectPrint
	case t.Error:
		out.Expect = ExpectError
	default:
		out.Expect = ExpectValue
		out.Result = c.exp(t.Result)
	}
	return out
}

func (c *converter) params(ps []*gParam) []*Param {
	var out []*Param
	for _, p := range ps {
		out = append(out, &Param{Span: c.span(p.Pos, p.EndPos), Name: p.Name, Type: typeOf(p.Type)})
	}
	return out
}

func typeOf(t *gType) *Type {
	var out *Type
	switch t.Atom {
	case "string":
		out = &Type{Kind: TypeString}
	case "regexp":
		out = &Type{Kind: TypeRegexp}
	case "lens":
		out = &Type{Kind: TypeLens}
	default:
		out = typeOf(t.Paren)
	}
	if t.Arrow != nil {
		out = &Type{Kind: TypeArrow, From: out, To: typeOf(t.Arrow)}
	}
	return out
}

func (c *converter) exp(e *gExp) Expr {
	if e.LetIn != nil {
		l := e.LetIn
		return &LetIn{Span: c.span(e.Pos, e.EndPos), Name: l.Name, Params: c.params(l.Params), Value: c.exp(l.Value), Body: c.exp(l.Body)}
	}
	return c.compose(e.Compose)
}

// binary folds a left-associative chain.
func binary[T any](c *converter, op byte, left T, rest []T, sub func(T) Expr) Expr {
	out := sub(left)
	for _, r := range rest {
		right := sub(r)
		out = &Binary{Span: source.Span{Start: SpanOf(out).Start, End: SpanOf(right).End}, Op: op, Left: out, Right: right}
	}
	return out
}

func (c *converter) compose(e *gCompose) Expr { return binary(c, ';', e.Left, e.Rest, c.union) }
func (c *converter) union(e *gUnion) Expr {
	if e.Tree != nil {
		return c.tree(e.Tree)
	}
	return binary(c, '|', e.Left, e.Rest, c.minus)
}
func (c *converter) minus(e *gMinus) Expr { return binary(c, '-', e.Left, e.Rest, c.cat) }
func (c *converter) cat(e *gCat) Expr     { return binary(c, '.', e.Left, e.Rest, c.app) }

func (c *converter) app(e *gApp) Expr {
	out := c.rexp(e.Items[0])
	for _, it := range e.Items[1:] {
		arg := c.rexp(it)
		out = &Apply{Span: source.Span{Start: SpanOf(out).Start, End: SpanOf(arg).End}, Func: out, Arg: arg}
	}
	return out
}

func (c *converter) rexp(e *gRexp) Expr {
	x := c.aexp(e.Atom)
	if e.Op == "" {
		return x
	}
	return &Postfix{Span: c.span(e.Pos, e.EndPos), Op: e.Op[0], X: x}
}

func (c *converter) aexp(e *gAexp) Expr {
	sp := c.span(e.Pos, e.EndPos)
	switch {
	case e.Unit:
		return &Unit{Span: sp}
	case e.Paren != nil:
		return c.exp(e.Paren)
	case e.Subtree != nil:
		return &Subtree{Span: sp, X: c.exp(e.Subtree)}
	case e.String != nil:
		return &String{Span: sp, Value: (*e.String)[1:]}
	case e.Regexp != nil:
		v := *e.Regexp
		if strings.HasPrefix(v, "i/") {
			return &Regexp{Span: sp, Pattern: v[2:], NoCase: true}
		}
		return &Regexp{Span: sp, Pattern: v[1:]}
	}
	if mod, name, ok := strings.Cut(e.Name, "."); ok {
		return &Ident{Span: sp, Module: mod, Name: name}
	}
	return &Ident{Span: sp, Name: e.Name}
}

func (c *converter) tree(t *gTree) *Tree {
	return &Tree{Span: c.span(t.Pos, t.EndPos), Nodes: c.branches(t.Nodes)}
}

func (c *converter) branches(bs []*gBranch) []*TreeNode {
	var out []*TreeNode
	for _, b := range bs {
		n := &TreeNode{Span: c.span(b.Pos, b.EndPos), Children: c.branches(b.Children)}
		if b.Label != nil {
			s := (*b.Label)[1:]
			n.Label = &s
		}
		if b.Value != nil {
			s := (*b.Value)[1:]
			n.Value = &s
		}
		out = append(out, n)
	}
	return out
}
