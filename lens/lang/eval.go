package lang

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/internal/lensbuild"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/lens/syntax"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// env is a chain of local bindings, innermost first.
type env struct {
	name string
	val  Value
	next *env
}

func (e *env) lookup(name string) (Value, bool) {
	for ; e != nil; e = e.next {
		if e.name == name {
			return e.val, true
		}
	}
	return nil, false
}

// evaluator evaluates the declarations of one module. A lazy evaluator
// (Autoload) evaluates the top-level lets of a module read but not
// evaluated in full: its own and other modules' bindings are evaluated
// as it needs them (lazyGlobal) instead of whole modules being loaded.
type evaluator struct {
	ld   *Loader
	mod  *Module
	lazy bool
}

func (ev *evaluator) eval(e syntax.Expr, en *env) (Value, error) {
	switch e := e.(type) {
	case *syntax.String:
		return String(e.Value), nil
	case *syntax.Regexp:
		flags := regular.Flags(0)
		if e.NoCase {
			flags = regular.FoldCase
		}
		re, err := compileRegexp(e.Pattern, flags)
		if err != nil {
			var rerr *regular.Error
			if errors.As(err, &rerr) {
				return nil, errorAt(e.Span, "invalid regexp /%s/: %s at offset %d", e.Pattern, rerr.Msg, rerr.Offset)
			}
			return nil, errorAt(e.Span, "invalid regexp: %v", err)
		}
		return re, nil
	case *syntax.Unit:
		return Unit{}, nil
	case *syntax.Ident:
		return ev.lookup(e, en)
	case *syntax.Tree:
		root := tree.NewHidden()
		buildTree(root, e.Nodes)
		return &Tree{Root: root}, nil
	case *syntax.Subtree:
		v, err := ev.eval(e.X, en)
		if err != nil {
			return nil, err
		}
		l, ok := v.(*Lens)
		if !ok {
			return nil, errorAt(e.Span, "[..] is only defined for lenses, not for %s", v.Type())
		}
		return ev.lens(lens.Subtree(l.L), e.Span), nil
	case *syntax.Postfix:
		return ev.postfix(e, en)
	case *syntax.Binary:
		return ev.binary(e, en)
	case *syntax.Apply:
		// f a b c is ((f a) b) c: walk the spine iteratively
		spine := []*syntax.Apply{e}
		for {
			inner, ok := spine[len(spine)-1].Func.(*syntax.Apply)
			if !ok {
				break
			}
			spine = append(spine, inner)
		}
		f, err := ev.eval(spine[len(spine)-1].Func, en)
		if err != nil {
			return nil, err
		}
		for i := len(spine) - 1; i >= 0; i-- {
			a := spine[i]
			arg, err := ev.eval(a.Arg, en)
			if err != nil {
				return nil, err
			}
			fn, ok := f.(*Func)
			if !ok {
				return nil, errorAt(a.Span, "application of %s to %s is not possible: not a function", f.Type(), arg.Type())
			}
			if f, err = ev.apply(fn, arg, a.Span, syntax.SpanOf(a.Arg)); err != nil {
				return nil, err
			}
		}
		return f, nil
	case *syntax.LetIn:
		v, err := ev.function(e.Name, e.Params, e.Value, en)
		if err != nil {
			return nil, err
		}
		return ev.eval(e.Body, &env{name: e.Name, val: v, next: en})
	}
	return nil, fmt.Errorf("lang: unknown expression %T", e)
}

func buildTree(parent *tree.Node, nodes []*syntax.TreeNode) {
	for _, tn := range nodes {
		n := tree.NewHidden()
		if tn.Label != nil {
			n.SetLabel(*tn.Label)
		}
		if tn.Value != nil {
			n.SetValue(*tn.Value)
		}
		buildTree(n, tn.Children)
		parent.Append(n)
	}
}

// lens wraps a lens built at span, recording where it was written. l
// must be one the caller has just built and holds alone: its info is set
// in place (where WithInfo would copy it).
func (ev *evaluator) lens(l *lens.Lens, at source.Span) *Lens {
	lensbuild.SetInfo(l, at.Info(""))
	return &Lens{L: l}
}

func (ev *evaluator) lensErr(l *lens.Lens, err error, at source.Span) (Value, error) {
	if err != nil {
		var le *lens.Error
		if errors.As(err, &le) {
			return nil, errorAt(at, "%s", le.Msg)
		}
		return nil, errorAt(at, "%v", err)
	}
	return ev.lens(l, at), nil
}

// lookup resolves a name: local bindings, then the module's top-level
// bindings, then the builtins; Mod.name loads Mod.
func (ev *evaluator) lookup(id *syntax.Ident, en *env) (Value, error) {
	if id.Module != "" {
		switch id.Module {
		case "Builtin":
			if v, ok := builtins[id.Name]; ok {
				return v, nil
			}
		case "Sys":
			if v, ok := sysBuiltins[id.Name]; ok {
				return v, nil
			}
		default:
			if strings.EqualFold(id.Module, ev.mod.Name) {
				if v, ok, err := ev.global(id); ok || err != nil {
					return v, err
				}
				break
			}
			if ev.lazy {
				m, err := ev.ld.readLazy(id.Module, id.Span)
				if err != nil {
					return nil, err
				}
				if v, ok, err := ev.ld.lazyGlobal(m, id.Name, false, id.Span); ok || err != nil {
					return v, err
				}
				break
			}
			m, err := ev.ld.load(id.Module, id.Span)
			if err != nil {
				return nil, err
			}
			if v, ok := m.globals[id.Name]; ok {
				return v, nil
			}
		}
		return nil, errorAt(id.Span, "Undefined variable %s.%s", id.Module, id.Name)
	}
	if v, ok := en.lookup(id.Name); ok {
		return v, nil
	}
	if v, ok, err := ev.global(id); ok || err != nil {
		return v, err
	}
	if v, ok := builtins[id.Name]; ok {
		return v, nil
	}
	return nil, errorAt(id.Span, "Undefined variable %s", id.Name)
}

// global looks a name up among the module's own top-level bindings.
func (ev *evaluator) global(id *syntax.Ident) (Value, bool, error) {
	if ev.lazy {
		return ev.ld.lazyGlobal(ev.mod, id.Name, true, id.Span)
	}
	v, ok := ev.mod.globals[id.Name]
	return v, ok, nil
}

// function evaluates "name params = body": the body itself without
// parameters, a curried closure with them.
func (ev *evaluator) function(name string, params []*syntax.Param, body syntax.Expr, en *env) (Value, error) {
	if len(params) == 0 {
		return ev.eval(body, en)
	}
	f := &Func{name: name}
	for _, p := range params {
		f.params = append(f.params, ptypeOf(p.Type))
	}
	f.impl = func(ev2 *evaluator, at source.Span, args []Value) (Value, error) {
		inner := en
		for i, p := range params {
			inner = &env{name: p.Name, val: args[i], next: inner}
		}
		// the body is evaluated in its own module
		return ev.eval(body, inner)
	}
	return f, nil
}

// apply applies fn to one more argument.
func (ev *evaluator) apply(fn *Func, arg Value, at, argAt source.Span) (Value, error) {
	i := len(fn.args)
	if i >= len(fn.params) {
		return nil, errorAt(at, "%s applied to too many arguments", fn.name)
	}
	v, ok := coerce(fn.params[i], arg)
	if !ok {
		return nil, errorAt(argAt, "type error: %s expects %s but found %s", fn.name, fn.params[i], arg.Type())
	}
	args := make([]Value, i+1, len(fn.params))
	copy(args, fn.args)
	args[i] = v
	if len(args) < len(fn.params) {
		return &Func{name: fn.name, params: fn.params, args: args, impl: fn.impl}, nil
	}
	return fn.impl(ev, at, args)
}

func (ev *evaluator) postfix(e *syntax.Postfix, en *env) (Value, error) {
	v, err := ev.eval(e.X, en)
	if err != nil {
		return nil, err
	}
	if s, ok := v.(String); ok {
		v, _ = toRegexp(s)
	}
	switch v := v.(type) {
	case *Regexp:
		op := regular.Optional
		switch e.Op {
		case '*':
			op = regular.Star
		case '+':
			op = regular.Plus
		}
		return regexpOp(func(fas ...*regular.FA) *regular.FA { return op(fas[0]) }, v.NoCase, v), nil
	case *Lens:
		switch e.Op {
		case '*':
			l, err := lens.Star(v.L)
			return ev.lensErr(l, err, e.Span)
		case '+':
			l, err := lens.Plus(v.L)
			return ev.lensErr(l, err, e.Span)
		}
		return ev.lens(lens.Maybe(v.L), e.Span), nil
	}
	return nil, errorAt(e.Span, "%c is not possible on %s", e.Op, v.Type())
}

// binary evaluates a chain of left-associative operators iteratively, so
// that a long chain (a . b . c ...) does not nest the evaluation.
func (ev *evaluator) binary(e *syntax.Binary, en *env) (Value, error) {
	spine := []*syntax.Binary{e}
	for {
		l, ok := spine[len(spine)-1].Left.(*syntax.Binary)
		if !ok {
			break
		}
		spine = append(spine, l)
	}
	v, err := ev.eval(spine[len(spine)-1].Left, en)
	if err != nil {
		return nil, err
	}
	for i := len(spine) - 1; i >= 0; i-- {
		if v, err = ev.combine(spine[i], v, en); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// combine evaluates the right operand of e and applies e's operator.
func (ev *evaluator) combine(e *syntax.Binary, l Value, en *env) (Value, error) {
	r, err := ev.eval(e.Right, en)
	if err != nil {
		return nil, err
	}
	switch e.Op {
	case '.':
		if ls, ok := l.(String); ok {
			if rs, ok := r.(String); ok {
				return ls + rs, nil
			}
		}
		if lf, ok := l.(Filter); ok {
			if rf, ok := r.(Filter); ok {
				_, named := e.Right.(*syntax.Ident)
				return concatFilters(lf, rf, named), nil
			}
		}
		if ll, ok := l.(*Lens); ok {
			if rl, ok := r.(*Lens); ok {
				c, err := lens.Concat(ll.L, rl.L)
				return ev.lensErr(c, err, e.Span)
			}
		}
		if lr, ok := toRegexp(l); ok {
			if rr, ok := toRegexp(r); ok {
				return regexpOp(regular.Concat, lr.NoCase && rr.NoCase, lr, rr), nil
			}
		}
		return nil, errorAt(e.Span, "concatenation of %s and %s is not possible", l.Type(), r.Type())
	case '|':
		if ll, ok := l.(*Lens); ok {
			if rl, ok := r.(*Lens); ok {
				u, err := lens.Union(ll.L, rl.L)
				return ev.lensErr(u, err, e.Span)
			}
		}
		if lr, ok := toRegexp(l); ok {
			if rr, ok := toRegexp(r); ok {
				return regexpOp(regular.Union, lr.NoCase && rr.NoCase, lr, rr), nil
			}
		}
		return nil, errorAt(e.Span, "union of %s and %s is not possible", l.Type(), r.Type())
	case '-':
		lr, ok1 := toRegexp(l)
		rr, ok2 := toRegexp(r)
		if !ok1 || !ok2 {
			return nil, errorAt(e.Span, "subtraction of %s and %s is not possible", l.Type(), r.Type())
		}
		d, err := regular.Subtract(lr.FA, rr.FA)
		if err != nil {
			return nil, errorAt(e.Span, "regular expression subtraction failed: %v", err)
		}
		out := &Regexp{FA: d, NoCase: lr.NoCase}
		if lr.Check != nil || rr.Check != nil {
			if out.Check, err = regular.Subtract(lr.checkFA(), rr.checkFA()); err != nil {
				return nil, errorAt(e.Span, "regular expression subtraction failed: %v", err)
			}
		}
		return out, nil
	}
	// ';'
	if _, ok := l.(Unit); ok {
		return r, nil
	}
	lf, ok1 := l.(*Func)
	rf, ok2 := r.(*Func)
	if !ok1 || !ok2 || len(lf.params)-len(lf.args) != 1 || len(rf.params)-len(rf.args) != 1 {
		return nil, errorAt(e.Span, "composition of %s and %s is not possible", l.Type(), r.Type())
	}
	from := lf.params[len(lf.params)-1]
	return &Func{name: "composition", params: []ptype{from}, impl: func(ev *evaluator, at source.Span, args []Value) (Value, error) {
		mid, err := ev.apply(lf, args[0], at, at)
		if err != nil {
			return nil, err
		}
		return ev.apply(rf, mid, at, at)
	}}, nil
}
