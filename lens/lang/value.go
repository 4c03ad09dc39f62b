package lang

import (
	"fmt"
	"strings"

	"github.com/lensnet/lensnet/lens"
	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/lens/syntax"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// Value is the value of an expression: String, *Regexp, *Lens, *Tree,
// Filter, *Transform, Unit or *Func.
type Value interface {
	// Type names the value's type as messages print it.
	Type() string
}

// String is a string value.
type String string

// Regexp is a regexp value. NoCase is set for /.../i literals, so that
// lenses built from them compare case-insensitively where it matters
// (square).
type Regexp struct {
	FA     *regular.FA
	NoCase bool
}

// Lens is a lens value.
type Lens struct{ L *lens.Lens }

// Tree is a tree value: a hidden root whose children are the top-level
// nodes.
type Tree struct{ Root *tree.Node }

// Glob is one include or exclude pattern of a filter.
type Glob struct {
	Include bool
	Pattern string
}

// Filter is a list of file globs built with incl and excl.
type Filter []Glob

// Transform is a lens with the files it applies to.
type Transform struct {
	Lens   *lens.Lens
	Filter Filter
}

// Unit is the value of () and of the print builtins.
type Unit struct{}

// Func is a function, possibly partially applied.
type Func struct {
	name   string
	params []ptype
	args   []Value
	impl   func(ev *evaluator, at source.Span, args []Value) (Value, error)
}

func (String) Type() string     { return "string" }
func (*Regexp) Type() string    { return "regexp" }
func (*Lens) Type() string      { return "lens" }
func (*Tree) Type() string      { return "tree" }
func (Filter) Type() string     { return "filter" }
func (*Transform) Type() string { return "transform" }
func (Unit) Type() string       { return "unit" }

func (f *Func) Type() string {
	parts := make([]string, 0, len(f.params)-len(f.args)+1)
	for _, p := range f.params[len(f.args):] {
		s := p.String()
		if p.kind == pFunc {
			s = "(" + s + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(append(parts, "..."), " -> ")
}

// ptype is a parameter type.
type ptype struct {
	kind     ptypeKind
	from, to *ptype // pFunc from a written arrow type; nil when unknown
}

type ptypeKind int

const (
	pString ptypeKind = iota
	pRegexp
	pLens
	pTree
	pFilter
	pFunc
)

func (p ptype) String() string {
	switch p.kind {
	case pString:
		return "string"
	case pRegexp:
		return "regexp"
	case pLens:
		return "lens"
	case pTree:
		return "tree"
	case pFilter:
		return "filter"
	}
	if p.from != nil {
		f := p.from.String()
		if p.from.kind == pFunc {
			f = "(" + f + ")"
		}
		return f + " -> " + p.to.String()
	}
	return "function"
}

func ptypeOf(t *syntax.Type) ptype {
	switch t.Kind {
	case syntax.TypeString:
		return ptype{kind: pString}
	case syntax.TypeRegexp:
		return ptype{kind: pRegexp}
	case syntax.TypeLens:
		return ptype{kind: pLens}
	}
	from, to := ptypeOf(t.From), ptypeOf(t.To)
	return ptype{kind: pFunc, from: &from, to: &to}
}

// coerce checks v against a parameter type, promoting a string to a
// regexp where one is expected.
func coerce(p ptype, v Value) (Value, bool) {
	switch p.kind {
	case pString:
		_, ok := v.(String)
		return v, ok
	case pRegexp:
		return toRegexp(v)
	case pLens:
		_, ok := v.(*Lens)
		return v, ok
	case pTree:
		_, ok := v.(*Tree)
		return v, ok
	case pFilter:
		_, ok := v.(Filter)
		return v, ok
	}
	_, ok := v.(*Func)
	return v, ok
}

// toRegexp promotes a string or passes a regexp. As in Augeas, the
// promotion puts a backslash before each of . | { } [ ] ( ) + * ? and
// leaves other characters, backslashes included, as they are: the string
// "\/" becomes the regexp \/, which matches "/".
func toRegexp(v Value) (*Regexp, bool) {
	switch v := v.(type) {
	case String:
		return &Regexp{FA: promote(string(v))}, true
	case *Regexp:
		return v, true
	}
	return nil, false
}

func promote(s string) *regular.FA {
	if !strings.Contains(s, "\\") {
		return regular.LiteralFA(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(".|{}[]()+*?", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	re, err := regular.Parse(b.String(), 0)
	if err != nil {
		// a trailing lone backslash: take the string literally
		return regular.LiteralFA(s)
	}
	return regular.Compile(re)
}

// Error is an evaluation error at a source position.
type Error struct {
	Pos source.Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

func errorAt(at source.Span, format string, args ...any) *Error {
	return &Error{Pos: at.Start, Msg: fmt.Sprintf(format, args...)}
}
