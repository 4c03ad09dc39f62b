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
// (square). Check, when set, is the language Augeas's type checker reads
// for the regexp where it differs from FA's (see compileRegexp); lenses
// built from the regexp are type-checked with it.
type Regexp struct {
	FA     *regular.FA
	Check  *regular.FA
	NoCase bool
}

// checkFA is the language the type checker reads for r.
func (r *Regexp) checkFA() *regular.FA {
	if r.Check != nil {
		return r.Check
	}
	return r.FA
}

// regexpOp applies an operation of the regexp algebra to the regexps'
// languages, and to the checker's where one of them has its own.
func regexpOp(op func(...*regular.FA) *regular.FA, noCase bool, rs ...*Regexp) *Regexp {
	fas := make([]*regular.FA, len(rs))
	var checks []*regular.FA
	for i, r := range rs {
		fas[i] = r.FA
		if r.Check != nil && checks == nil {
			checks = make([]*regular.FA, len(rs))
		}
	}
	out := &Regexp{FA: op(fas...), NoCase: noCase}
	if checks != nil {
		for i, r := range rs {
			checks[i] = r.checkFA()
		}
		out.Check = op(checks...)
	}
	return out
}

// compileRegexp compiles a pattern for matching and, where ^ or $ make a
// difference, for the type checker: Augeas matches with GNU regex, which
// reads them as anchors at the ends of the pattern, of a group or of an
// alternative, and type-checks with libfa, which reads them as ordinary
// characters everywhere. Its own lenses rely on that (sip_conf's
// /[ \t]*[#;].*$/ before an end of line).
func compileRegexp(pattern string, flags regular.Flags) (*Regexp, error) {
	re, err := regular.Parse(pattern, flags)
	if err != nil {
		return nil, err
	}
	out := &Regexp{FA: regular.Compile(re), NoCase: flags&regular.FoldCase != 0}
	if strings.ContainsAny(pattern, "^$") {
		lit, err := regular.Parse(pattern, flags|regular.LiteralAnchors)
		if err == nil && lit.String() != re.String() {
			out.Check = regular.Compile(lit)
		}
	}
	return out, nil
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

// Filter is a list of file globs built with incl and excl, in the
// reverse of the order Augeas keeps them: /augeas/load lists them from
// last to first, and a transform looks for files with its include globs
// in that listed order (see concatFilters).
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
		return promote(string(v)), true
	case *Regexp:
		return v, true
	}
	return nil, false
}

func promote(s string) *Regexp {
	if !strings.Contains(s, "\\") {
		return &Regexp{FA: regular.LiteralFA(s)}
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(".|{}[]()+*?", s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	r, err := compileRegexp(b.String(), 0)
	if err != nil {
		// a trailing lone backslash: take the string literally
		return &Regexp{FA: regular.LiteralFA(s)}
	}
	return r
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
