package lang

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/internal/lensbuild"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/lens/syntax"
	"github.com/lensnet/lensnet/tree"
)

// TestFailure is a unit test that did not hold. The comparison has been
// printed to the loader's Stdout already.
type TestFailure struct {
	Pos source.Pos
	Msg string
}

func (e *TestFailure) Error() string { return e.Pos.String() + ": " + e.Msg }

// evalModule evaluates the declarations in order and stops at the first
// that fails.
func (ld *Loader) evalModule(m *Module, ast *syntax.Module) error {
	ev := &evaluator{ld: ld, mod: m}
	for _, d := range ast.Decls {
		var err error
		switch d := d.(type) {
		case *syntax.Let:
			err = ev.let(d)
		case *syntax.Test:
			if ld.opts.Tests {
				err = ev.test(d)
			}
		}
		if err != nil {
			return err
		}
	}
	if m.Autoload != "" {
		v, ok := m.globals[m.Autoload]
		if !ok {
			return &Error{Pos: ast.Start, Msg: fmt.Sprintf("autoload: %s is not defined in module %s", m.Autoload, m.Name)}
		}
		if _, ok := v.(*Transform); !ok {
			return &Error{Pos: ast.Start, Msg: fmt.Sprintf("autoload: %s is a %s, not a transform", m.Autoload, v.Type())}
		}
	}
	return nil
}

func (ev *evaluator) let(d *syntax.Let) error {
	if _, dup := ev.mod.globals[d.Name]; dup {
		return errorAt(d.Span, "the name %s is already defined", d.Name)
	}
	v, err := ev.letValue(d)
	if err != nil {
		return err
	}
	if l, ok := v.(*Lens); ok && ev.ld.opts.TypeCheck {
		if err := ev.ld.checker.Check(l.L); err != nil {
			return compileError(d.Span, d.Name, err)
		}
	}
	if d.Name != "_" {
		ev.mod.globals[d.Name] = v
		ev.mod.names = append(ev.mod.names, d.Name)
	}
	return nil
}

// letValue evaluates the body of a top-level let; a lens is named
// after the binding.
func (ev *evaluator) letValue(d *syntax.Let) (Value, error) {
	var v Value
	var err error
	if d.Rec {
		v, err = ev.letRec(d)
	} else {
		v, err = ev.function(d.Name, d.Params, d.Body, nil)
	}
	if err != nil {
		return nil, err
	}
	if l, ok := v.(*Lens); ok && l.L.Kind() != lens.KindRec {
		info := d.Info(ev.mod.Name + "." + d.Name)
		if builds(d.Body) {
			// no copy: nobody but this binding will hold the lens
			lensbuild.SetInfo(l.L, info)
			return l, nil
		}
		nl := l.L.WithInfo(info)
		if ev.ld.nocase[l.L] {
			ev.ld.nocase[nl] = true
		}
		v = &Lens{L: nl}
	}
	return v, nil
}

// builds reports whether a lens that e evaluates to is one that e's own
// operator has just built, held by nobody else, rather than one a name
// or a function may return (x, f x, let ... in x, () ; x).
func builds(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Subtree, *syntax.Postfix:
		return true
	case *syntax.Binary:
		return e.Op == '.' || e.Op == '|'
	}
	return false
}

func compileError(at source.Span, name string, err error) error {
	var le *lens.Error
	if errors.As(err, &le) {
		msg := le.Msg
		if le.Lens.Start.IsValid() {
			msg += " in lens at " + le.Lens.Start.String()
		}
		if len(le.Details) > 0 {
			msg += ": " + strings.Join(le.Details, "; ")
		}
		return errorAt(at, "Failed to compile %s: %s", name, msg)
	}
	return errorAt(at, "Failed to compile %s: %v", name, err)
}

// letRec evaluates "let rec name = body": name stands for a placeholder
// while the body is built, then the placeholder is tied to the body.
func (ev *evaluator) letRec(d *syntax.Let) (Value, error) {
	r := lens.Rec().WithInfo(d.Info(ev.mod.Name + "." + d.Name))
	v, err := ev.eval(d.Body, &env{name: d.Name, val: &Lens{L: r}})
	if err != nil {
		return nil, err
	}
	body, ok := v.(*Lens)
	if !ok {
		return nil, errorAt(d.Span, "let rec is only possible for lenses, not for %s", v.Type())
	}
	if body.L == r {
		return nil, errorAt(d.Span, "let rec %s: the lens is defined as itself (infinite recursion)", d.Name)
	}
	if !refersTo(body.L, r, map[*lens.Lens]bool{}) {
		return body, nil
	}
	if err := r.Define(body.L); err != nil {
		return nil, errorAt(d.Span, "let rec %s: %v", d.Name, err)
	}
	return &Lens{L: r}, nil
}

func refersTo(l, r *lens.Lens, seen map[*lens.Lens]bool) bool {
	if l == r {
		return true
	}
	if seen[l] {
		return false
	}
	seen[l] = true
	for _, k := range l.Children() {
		if refersTo(k, r, seen) {
			return true
		}
	}
	return false
}

// test runs one unit test.
func (ev *evaluator) test(t *syntax.Test) error {
	out := ev.ld.out()
	actual, err := ev.testValue(t)
	if err != nil {
		if t.Expect == syntax.ExpectError {
			return nil
		}
		var te *TestFailure
		if errors.As(err, &te) {
			return err
		}
		fmt.Fprintf(out, "%s: exception thrown in test\n%v\n", t.Start, err)
		return &TestFailure{Pos: t.Start, Msg: "exception thrown in test: " + err.Error()}
	}
	switch t.Expect {
	case syntax.ExpectPrint:
		fmt.Fprintf(out, "Test result: %s:\n", t.Start)
		printValue(out, actual, true)
		if _, isString := actual.(String); !isString {
			// augparse ends a tree with a blank line, a string without
			fmt.Fprintln(out)
		}
		return nil
	case syntax.ExpectError:
		fmt.Fprintf(out, "%s:Test run should have produced exception, but produced\n", t.Start)
		printValue(out, actual, false)
		fmt.Fprintln(out)
		return &TestFailure{Pos: t.Start, Msg: "test should have produced an exception"}
	}
	expected, err := ev.eval(t.Result, nil)
	if err != nil {
		return err
	}
	if expected.Type() != actual.Type() {
		return errorAt(syntax.SpanOf(t.Result), "expected test result of type %s but got %s", actual.Type(), expected.Type())
	}
	if valuesEqual(expected, actual) {
		return nil
	}
	fmt.Fprintf(out, "Test failure:%s:\n Expected:\n", t.Start)
	printValue(out, expected, false)
	fmt.Fprint(out, "\n Actual:\n")
	printValue(out, actual, false)
	fmt.Fprintln(out)
	return &TestFailure{Pos: t.Start, Msg: "test failed: " + describeDiff(expected, actual)}
}

// testValue computes what the test produces: the tree of get, or the text
// of put after the commands.
func (ev *evaluator) testValue(t *syntax.Test) (Value, error) {
	lv, err := ev.eval(t.Lens, nil)
	if err != nil {
		return nil, err
	}
	l, ok := lv.(*Lens)
	if !ok {
		return nil, errorAt(syntax.SpanOf(t.Lens), "type error: a test needs a lens, not a %s", lv.Type())
	}
	iv, err := ev.eval(t.Input, nil)
	if err != nil {
		return nil, err
	}
	in, ok := iv.(String)
	if !ok {
		return nil, errorAt(syntax.SpanOf(t.Input), "type error: the text of a test must be a string, not a %s", iv.Type())
	}
	root, err := l.L.Get(string(in))
	if err != nil {
		return nil, errorAt(t.Span, "%v", err)
	}
	if t.Mode == syntax.TestGet {
		return &Tree{Root: root}, nil
	}
	cv, err := ev.eval(t.Commands, nil)
	if err != nil {
		return nil, err
	}
	cmds, ok := cv.(*Func)
	if !ok || len(cmds.params)-len(cmds.args) != 1 {
		return nil, errorAt(syntax.SpanOf(t.Commands), "type error: the commands of a put test must be a tree -> tree function, not %s", cv.Type())
	}
	tv, err := ev.apply(cmds, &Tree{Root: root}, syntax.SpanOf(t.Commands), syntax.SpanOf(t.Commands))
	if err != nil {
		return nil, err
	}
	edited, ok := tv.(*Tree)
	if !ok {
		return nil, errorAt(syntax.SpanOf(t.Commands), "type error: the commands of a put test must give a tree, not %s", tv.Type())
	}
	s, err := l.L.Put(edited.Root, string(in))
	if err != nil {
		return nil, errorAt(t.Span, "%v", err)
	}
	return String(s), nil
}

func valuesEqual(a, b Value) bool {
	switch a := a.(type) {
	case String:
		return a == b.(String)
	case *Tree:
		return tree.Equal(a.Root, b.(*Tree).Root)
	}
	return false
}

func describeDiff(expected, actual Value) string {
	if e, ok := expected.(String); ok {
		return fmt.Sprintf("expected %q, got %q", string(e), string(actual.(String)))
	}
	return "the trees differ"
}

// printValue prints a test value the way augparse does: strings in double
// quotes, trees as nested braces; top prints a tree's top-level nodes
// without the enclosing root braces (the "= ?" form).
func printValue(w io.Writer, v Value, top bool) {
	switch v := v.(type) {
	case String:
		fmt.Fprintf(w, "\"%s\"\n", string(v))
	case *Tree:
		if top {
			if v.Root.Len() == 0 {
				fmt.Fprintln(w, "(null tree)")
			}
			for _, c := range v.Root.Children() {
				writeTree(w, c, 2)
			}
			return
		}
		writeTree(w, v.Root, 0)
	default:
		fmt.Fprintln(w, v.Type())
	}
}

// writeTree prints { "label" = "value" children } with values raw, as
// augparse does.
func writeTree(w io.Writer, n *tree.Node, indent int) {
	pad := strings.Repeat(" ", indent)
	fmt.Fprint(w, pad, "{ ")
	if l, ok := n.Label(); ok {
		fmt.Fprintf(w, "\"%s\"", l)
	}
	if v, ok := n.Value(); ok {
		fmt.Fprintf(w, " = \"%s\"", v)
	}
	if n.Len() == 0 {
		fmt.Fprintln(w, " }")
		return
	}
	fmt.Fprintln(w)
	for _, c := range n.Children() {
		writeTree(w, c, indent+2)
	}
	fmt.Fprintln(w, pad+"}")
}
