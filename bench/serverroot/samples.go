package main

import (
	"strings"

	"github.com/lensnet/lensnet/lens/syntax"
)

// samples returns the texts that the test module src (named file) reads
// with lens mod.name in its get tests, in the order the tests are
// written, without repeats. A test counts when its lens is written
// mod.name, or is a name the test module binds to mod.name, and its
// text is a string literal, a name the module binds to a string, or a
// concatenation of those; tests that expect an exception ("= *") and
// texts that need more evaluation than that are left out.
func samples(file, src, mod, name string) ([]string, error) {
	m, err := syntax.Parse(file, src)
	if err != nil {
		return nil, err
	}
	sc := &scope{module: m.Name, strs: map[string]string{}, alias: map[string]*syntax.Ident{}}
	var out []string
	seen := map[string]bool{}
	for _, d := range m.Decls {
		switch d := d.(type) {
		case *syntax.Let:
			sc.bind(d)
		case *syntax.Test:
			if d.Mode != syntax.TestGet || d.Expect == syntax.ExpectError || !sc.isLens(d.Lens, mod, name) {
				continue
			}
			if s, ok := sc.str(d.Input); ok && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out, nil
}

// scope holds what the test module's lets bound so far, as far as
// samples can tell: strings, and names of other bindings.
type scope struct {
	module string // the test module's own name, which may qualify its names
	strs   map[string]string
	alias  map[string]*syntax.Ident
}

// bind records let d: its string, or the binding it names; any other
// let hides what the name meant before.
func (sc *scope) bind(d *syntax.Let) {
	delete(sc.strs, d.Name)
	delete(sc.alias, d.Name)
	if len(d.Params) > 0 || d.Rec {
		return
	}
	if s, ok := sc.str(d.Body); ok {
		sc.strs[d.Name] = s
	} else if id, ok := d.Body.(*syntax.Ident); ok {
		sc.alias[d.Name] = sc.resolve(id)
	}
}

// own reports whether id names a binding of the test module.
func (sc *scope) own(id *syntax.Ident) bool {
	return id.Module == "" || strings.EqualFold(id.Module, sc.module)
}

// resolve follows the module's aliases from id (each was resolved
// when bound, so one step suffices).
func (sc *scope) resolve(id *syntax.Ident) *syntax.Ident {
	if sc.own(id) {
		if a, ok := sc.alias[id.Name]; ok {
			return a
		}
	}
	return id
}

// str evaluates e as a string: a literal, a bound string, or the
// concatenation of two strings.
func (sc *scope) str(e syntax.Expr) (string, bool) {
	switch e := e.(type) {
	case *syntax.String:
		return e.Value, true
	case *syntax.Ident:
		if sc.own(e) {
			s, ok := sc.strs[e.Name]
			return s, ok
		}
	case *syntax.Binary:
		if e.Op != '.' {
			return "", false
		}
		l, ok := sc.str(e.Left)
		if !ok {
			return "", false
		}
		r, ok := sc.str(e.Right)
		return l + r, ok
	}
	return "", false
}

// isLens reports whether e is the lens mod.name: written so, or a name
// of the test module bound to it.
func (sc *scope) isLens(e syntax.Expr, mod, name string) bool {
	id, ok := e.(*syntax.Ident)
	if !ok {
		return false
	}
	id = sc.resolve(id)
	return strings.EqualFold(id.Module, mod) && id.Name == name
}
