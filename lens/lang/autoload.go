package lang

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/lensnet/lensnet/internal/workers"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/lens/syntax"
)

// Autoload is a module's autoload declaration: the module's name as it
// declares it and the files its transform claims.
type Autoload struct {
	Module string
	Filter Filter
}

// Autoload returns the autoload transform's filter of the module called
// name, or nil when the module declares no autoload transform, without
// compiling the module's lenses: only the definitions the filter needs
// are evaluated, here and in the modules it refers to. The transform's
// lens comes with the module, from Load, which evaluates the whole
// module as before and reports its errors; a module whose filter reads
// well here may still fail there.
//
// Where the autoload binding is not written "transform LENS FILTER"
// (with the builtin transform), the whole binding is evaluated.
func (ld *Loader) Autoload(name string) (*Autoload, error) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	m, err := ld.readLazy(name, source.Span{})
	if err != nil {
		return nil, err
	}
	if m.Autoload == "" {
		return nil, nil
	}
	if m.lazy == nil { // evaluated in full, without error
		if t, ok := m.Transform(); ok {
			return &Autoload{Module: m.Name, Filter: t.Filter}, nil
		}
		return nil, nil
	}
	start := m.lazy.ast.Start
	b := m.lazy.byName[m.Autoload]
	if b == nil {
		return nil, &Error{Pos: start, Msg: fmt.Sprintf("autoload: %s is not defined in module %s", m.Autoload, m.Name)}
	}
	if f, ok := ld.transformFilter(m, b); ok {
		return &Autoload{Module: m.Name, Filter: f}, nil
	}
	v, _, err := ld.lazyGlobal(m, m.Autoload, false, source.Span{Start: start})
	if err != nil {
		return nil, err
	}
	t, ok := v.(*Transform)
	if !ok {
		return nil, &Error{Pos: start, Msg: fmt.Sprintf("autoload: %s is a %s, not a transform", m.Autoload, v.Type())}
	}
	return &Autoload{Module: m.Name, Filter: t.Filter}, nil
}

// transformFilter evaluates the filter of a binding written "transform
// LENS FILTER", leaving LENS alone; ok is false for any other binding
// or a filter that does not evaluate to a filter.
func (ld *Loader) transformFilter(m *Module, b *lazyLet) (Filter, bool) {
	d := b.d
	outer, ok := d.Body.(*syntax.Apply)
	if !ok || d.Rec || len(d.Params) > 0 {
		return nil, false
	}
	inner, ok := outer.Func.(*syntax.Apply)
	if !ok {
		return nil, false
	}
	fn, ok := inner.Func.(*syntax.Ident)
	if !ok || fn.Name != "transform" || fn.Module != "" && fn.Module != "Builtin" {
		return nil, false
	}
	if fn.Module == "" {
		if own, ok := m.lazy.byName["transform"]; ok && own.idx < b.idx {
			return nil, false // the module's own transform
		}
	}
	saved := m.lazy.limit
	m.lazy.limit = b.idx
	ev := &evaluator{ld: ld, mod: m, lazy: true}
	v, err := ev.eval(outer.Arg, nil)
	m.lazy.limit = saved
	if err != nil {
		return nil, false
	}
	f, ok := v.(Filter)
	return f, ok
}

// lazyModule is a module read for Autoload: its top-level lets, each
// evaluated when first needed. While one is evaluated, the module's own
// names resolve to the lets declared before it (limit), as when the
// module is evaluated in order; at other times (a function of the
// module called from elsewhere) to all of them, as once it is loaded.
type lazyModule struct {
	ast    *syntax.Module
	byName map[string]*lazyLet // the first let of each name
	limit  int
}

// lazyLet is one top-level let of a lazyModule; idx is its place among
// the module's lets, which bounds the names it sees.
type lazyLet struct {
	d          *syntax.Let
	idx        int
	busy, done bool
	val        Value
	err        error
}

func newLazyModule(ast *syntax.Module) *lazyModule {
	lm := &lazyModule{ast: ast, byName: map[string]*lazyLet{}, limit: math.MaxInt}
	idx := 0
	for _, d := range ast.Decls {
		if l, ok := d.(*syntax.Let); ok {
			if _, dup := lm.byName[l.Name]; !dup && l.Name != "_" {
				lm.byName[l.Name] = &lazyLet{d: l, idx: idx}
			}
			idx++
		}
	}
	return lm
}

// readLazy returns the module called name, read and parsed but not
// evaluated unless it was already.
func (ld *Loader) readLazy(name string, at source.Span) (*Module, error) {
	if m, ok := ld.module(name); ok {
		if m.lazy != nil || m.done && m.err == nil {
			return m, nil
		}
		if m.err == nil { // being evaluated in full (not reached: loads do not nest in Autoload)
			return nil, errorAt(at, "module %s depends on itself", name)
		}
		return nil, m.err
	}
	file, src, err := ld.read(name, at)
	if err != nil {
		return nil, err
	}
	ast, err := ld.parse(file, src, name)
	if err != nil {
		return nil, err
	}
	m := &Module{Name: ast.Name, File: file, Autoload: ast.Autoload, imports: ast.Imports(), lazy: newLazyModule(ast)}
	ld.modules[strings.ToLower(ast.Name)] = m
	return m, nil
}

// lazyGlobal returns the top-level binding name of m, evaluating it if
// needed; own is set for a name used inside m, which sees only the lets
// before the one being evaluated (limit). found is false when there is
// no such binding.
func (ld *Loader) lazyGlobal(m *Module, name string, own bool, at source.Span) (v Value, found bool, err error) {
	if m.lazy == nil {
		v, ok := m.globals[name]
		return v, ok, nil
	}
	b := m.lazy.byName[name]
	if b == nil || own && b.idx >= m.lazy.limit {
		return nil, false, nil
	}
	if !b.done {
		if b.busy {
			return nil, true, errorAt(at, "module %s depends on itself", m.Name)
		}
		b.busy = true
		saved := m.lazy.limit
		m.lazy.limit = b.idx
		ev := &evaluator{ld: ld, mod: m, lazy: true}
		b.val, b.err = ev.letValue(b.d)
		m.lazy.limit = saved
		b.busy, b.done = false, true
	}
	return b.val, true, b.err
}

// Preload reads and parses the modules called names several at a time
// (over the processors), so that Autoload and Load, which take one
// module at a time, find them parsed: reading the autoload filters of
// a whole library is mostly parsing it. Modules known already, missing,
// or that fail to read or parse are left alone: Autoload and Load meet
// them as before and report them.
func (ld *Loader) Preload(names []string) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	var todo []string
	for _, n := range names {
		if _, ok := ld.modules[strings.ToLower(n)]; !ok {
			todo = append(todo, n)
		}
	}
	type parsed struct {
		file string
		ast  *syntax.Module
	}
	out := make([]parsed, len(todo))
	workers.Each(len(todo), func(i int) {
		d, file, b, err := ld.find(todo[i])
		if err != nil {
			return
		}
		if d.Name != "" {
			file = filepath.Join(d.Name, file)
		}
		ast, err := syntax.Parse(file, string(b))
		if err != nil || !strings.EqualFold(ast.Name, todo[i]) {
			return
		}
		out[i] = parsed{file, ast}
	})
	for _, p := range out {
		if p.ast == nil {
			continue
		}
		key := strings.ToLower(p.ast.Name)
		if _, ok := ld.modules[key]; !ok {
			ld.modules[key] = &Module{Name: p.ast.Name, File: p.file, Autoload: p.ast.Autoload, imports: p.ast.Imports(), lazy: newLazyModule(p.ast)}
		}
	}
}

// Imports lists the modules that the module called name names, in the
// order its definitions first name them (syntax.Module.Imports), reading
// and parsing it if needed; ok is false when it cannot be read or
// parsed. Augeas loads a module's imports as it compiles it, and keeps
// modules in the order their loading ends: a module comes after what
// it imports.
func (ld *Loader) Imports(name string) (imports []string, ok bool) {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	m, ok := ld.modules[strings.ToLower(name)]
	if !ok {
		var err error
		if m, err = ld.readLazy(name, source.Span{}); err != nil {
			return nil, false
		}
	}
	return m.imports, m.err == nil
}
