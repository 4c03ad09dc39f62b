package lang

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

var (
	tString = ptype{kind: pString}
	tRegexp = ptype{kind: pRegexp}
	tLens   = ptype{kind: pLens}
	tTree   = ptype{kind: pTree}
)

type implFunc = func(ev *evaluator, at source.Span, args []Value) (Value, error)

func builtin(name string, impl implFunc, params ...ptype) *Func {
	return &Func{name: name, params: params, impl: impl}
}

// builtins is module Builtin, whose names are visible unqualified.
var builtins map[string]Value

// sysBuiltins is module Sys.
var sysBuiltins map[string]Value

func init() {
	builtins = map[string]Value{
		"del": builtin("del", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			re := a[0].(*Regexp)
			l := ev.lens(lens.Del(re.FA, string(a[1].(String))).WithCheckRegexp(re.Check), at)
			ev.ld.noteCase(l.L, re.NoCase)
			return l, nil
		}, tRegexp, tString),
		"store": builtin("store", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			re := a[0].(*Regexp)
			return ev.lens(lens.Store(re.FA).WithCheckRegexp(re.Check), at), nil
		}, tRegexp),
		"key": builtin("key", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			re := a[0].(*Regexp)
			l := ev.lens(lens.Key(re.FA).WithCheckRegexp(re.Check), at)
			ev.ld.noteCase(l.L, re.NoCase)
			return l, nil
		}, tRegexp),
		"label":   stringLens("label", lens.Label),
		"value":   stringLens("value", lens.Value),
		"seq":     stringLens("seq", lens.Seq),
		"counter": stringLens("counter", lens.Counter),
		"square": builtin("square", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			left, body, right := a[0].(*Lens).L, a[1].(*Lens).L, a[2].(*Lens).L
			fold := ev.ld.nocase[left] || ev.ld.nocase[right]
			l, err := lens.Square(left, body, right, fold)
			return ev.lensErr(l, err, at)
		}, tLens, tLens, tLens),
		"get": builtin("get", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			root, err := a[0].(*Lens).L.Get(string(a[1].(String)))
			if err != nil {
				return nil, errorAt(at, "%v", err)
			}
			return &Tree{Root: root}, nil
		}, tLens, tString),
		"put": builtin("put", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			s, err := a[0].(*Lens).L.Put(a[1].(*Tree).Root, string(a[2].(String)))
			if err != nil {
				return nil, errorAt(at, "%v", err)
			}
			return String(s), nil
		}, tLens, tTree, tString),
		"set": builtin("set", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return treeEdit(at, a[len(a)-1], string(a[0].(String)), func(root *tree.Node, p *tree.Path) error {
				n, err := p.Create(root)
				if err == nil {
					n.SetValue(string(a[1].(String)))
				}
				return err
			})
		}, tString, tString, tTree),
		"clear": builtin("clear", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return treeEdit(at, a[len(a)-1], string(a[0].(String)), func(root *tree.Node, p *tree.Path) error {
				n, err := p.Create(root)
				if err == nil {
					n.ClearValue()
				}
				return err
			})
		}, tString, tTree),
		"rm": builtin("rm", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return treeEdit(at, a[len(a)-1], string(a[0].(String)), func(root *tree.Node, p *tree.Path) error {
				ns, err := p.Match(root)
				for _, n := range ns {
					if n.Parent() != nil {
						n.Detach()
					}
				}
				return err
			})
		}, tString, tTree),
		"insa": insert("insa", 1),
		"insb": insert("insb", 0),
		"incl": builtin("incl", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return Filter{{Include: true, Pattern: string(a[0].(String))}}, nil
		}, tString),
		"excl": builtin("excl", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return Filter{{Include: false, Pattern: string(a[0].(String))}}, nil
		}, tString),
		"transform": builtin("transform", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			l := a[0].(*Lens).L
			if l.SetsKey() {
				return nil, errorAt(at, "Can not build a transform from a lens that leaves a key behind")
			}
			if l.SetsValue() {
				return nil, errorAt(at, "Can not build a transform from a lens that leaves a value behind")
			}
			return &Transform{Lens: l, Filter: a[1].(Filter)}, nil
		}, tLens, ptype{kind: pFilter}),
		"gensym": builtin("gensym", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			ev.ld.gensym++
			return String(string(a[0].(String)) + strconv.Itoa(ev.ld.gensym)), nil
		}, tString),
		"print_string": builtin("print_string", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			fmt.Fprint(ev.ld.out(), string(a[0].(String)))
			return Unit{}, nil
		}, tString),
		"print_endline": builtin("print_endline", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			fmt.Fprintln(ev.ld.out(), string(a[0].(String)))
			return Unit{}, nil
		}, tString),
		"print_regexp": builtin("print_regexp", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			fmt.Fprint(ev.ld.out(), "/"+a[0].(*Regexp).FA.Regexp().String()+"/")
			return Unit{}, nil
		}, tRegexp),
		"print_tree": builtin("print_tree", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			writeTree(ev.ld.out(), a[0].(*Tree).Root, 0)
			return a[0], nil
		}, tTree),
		"lens_ctype": lensType("lens_ctype", (*lens.Lens).CType),
		"lens_atype": lensType("lens_atype", (*lens.Lens).AType),
		"lens_ktype": lensType("lens_ktype", (*lens.Lens).KType),
		"lens_vtype": lensType("lens_vtype", (*lens.Lens).VType),
		"lens_format_atype": builtin("lens_format_atype", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return String(lens.FormatAtype(a[0].(*Lens).L)), nil
		}, tLens),
		"regexp_match": builtin("regexp_match", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			s := string(a[1].(String))
			ends := a[0].(*Regexp).FA.AppendPrefixes(nil, s)
			if len(ends) == 0 {
				return String(""), nil
			}
			return String(s[:ends[len(ends)-1]]), nil
		}, tRegexp, tString),
	}
	sysBuiltins = map[string]Value{
		"getenv": builtin("Sys.getenv", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			return String(ev.ld.getenv(string(a[0].(String)))), nil
		}, tString),
		"read_file": builtin("Sys.read_file", func(ev *evaluator, at source.Span, a []Value) (Value, error) {
			b, err := ev.ld.readFile(string(a[0].(String)))
			if err != nil {
				return nil, errorAt(at, "failed to read %s: %v", string(a[0].(String)), errors.Unwrap(err))
			}
			return String(b), nil
		}, tString),
	}
}

func stringLens(name string, mk func(string) *lens.Lens) *Func {
	return builtin(name, func(ev *evaluator, at source.Span, a []Value) (Value, error) {
		return ev.lens(mk(string(a[0].(String))), at), nil
	}, tString)
}

func lensType(name string, get func(*lens.Lens) *regular.FA) *Func {
	return builtin(name, func(ev *evaluator, at source.Span, a []Value) (Value, error) {
		fa := get(a[0].(*Lens).L)
		if fa == nil {
			return nil, errorAt(at, "%s: the lens has no such type", name)
		}
		return &Regexp{FA: fa}, nil
	}, tLens)
}

// treeEdit applies a path edit to a copy of a tree.
func treeEdit(at source.Span, t Value, path string, edit func(*tree.Node, *tree.Path) error) (Value, error) {
	p, err := tree.ParsePath(path)
	if err != nil {
		return nil, errorAt(at, "%v", err)
	}
	root := t.(*Tree).Root.Clone()
	if err := edit(root, p); err != nil {
		return nil, errorAt(at, "%v", err)
	}
	return &Tree{Root: root}, nil
}

// insert makes insa (after = 1) and insb (after = 0): a new node with the
// label next to the single node the path selects.
func insert(name string, after int) *Func {
	return builtin(name, func(ev *evaluator, at source.Span, a []Value) (Value, error) {
		label := string(a[0].(String))
		return treeEdit(at, a[2], string(a[1].(String)), func(root *tree.Node, p *tree.Path) error {
			ns, err := p.Match(root)
			if err != nil {
				return err
			}
			if len(ns) != 1 {
				return fmt.Errorf("%s: path %s must match exactly one node, not %d", name, p, len(ns))
			}
			n := ns[0]
			if n.Parent() == nil {
				// next to the root: first or last among the top-level nodes
				n.Insert(after*n.Len(), tree.New(label))
				return nil
			}
			n.Parent().Insert(n.Index()+after, tree.New(label))
			return nil
		})
	}, tString, tString, tTree)
}
