package syntax

import "github.com/lensnet/lensnet/lens/source"

// Module is a parsed .aug file.
type Module struct {
	source.Span
	Name     string // as written after "module"
	Autoload string // name of the autoload transform, "" when absent
	Decls    []Decl
}

// Decl is a top-level declaration: *Let or *Test.
type Decl interface{ declSpan() source.Span }

// Let binds a name: "let name params = body" or "let rec name = body".
type Let struct {
	source.Span
	Name   string
	Rec    bool
	Params []*Param
	Body   Expr
}

// Param is a function parameter "(name : type)".
type Param struct {
	source.Span
	Name string
	Type *Type
}

// TypeKind names a type written in a parameter annotation.
type TypeKind int

// The types a parameter annotation can name, after the zero value,
// which names none.
const (
	TypeInvalid TypeKind = iota
	TypeString
	TypeRegexp
	TypeLens
	TypeArrow // From -> To
)

// Type is a parameter type: string, regexp, lens or From -> To.
type Type struct {
	Kind     TypeKind
	From, To *Type
}

func (t *Type) String() string {
	switch t.Kind {
	case TypeString:
		return "string"
	case TypeRegexp:
		return "regexp"
	case TypeLens:
		return "lens"
	case TypeInvalid:
		return "invalid"
	}
	from := t.From.String()
	if t.From.Kind == TypeArrow {
		from = "(" + from + ")"
	}
	return from + " -> " + t.To.String()
}

// TestMode says whether a test reads text (get) or writes it (put).
type TestMode int

// Test modes, after the zero value, which is neither.
const (
	TestInvalid TestMode = iota
	TestGet
	TestPut
)

// Expectation is what a test expects: a value, anything (printed: "= ?")
// or an exception ("= *").
type Expectation int

// Test expectations, after the zero value, which is none of them.
const (
	ExpectInvalid Expectation = iota
	ExpectValue
	ExpectPrint
	ExpectError
)

// Test is a unit test: "test L get S = R" or "test L put S after C = R".
type Test struct {
	source.Span
	Lens     Expr
	Mode     TestMode
	Input    Expr
	Commands Expr // put tests only
	Expect   Expectation
	Result   Expr // ExpectValue only: an expression or a *Tree
}

func (d *Let) declSpan() source.Span  { return d.Span }
func (d *Test) declSpan() source.Span { return d.Span }

// Expr is an expression node.
type Expr interface{ exprSpan() source.Span }

// Ident is a name, qualified (Module.name) or not.
type Ident struct {
	source.Span
	Module string // "" when unqualified
	Name   string
}

// String is a string literal with its escapes resolved.
type String struct {
	source.Span
	Value string
}

// Regexp is a regexp literal; Pattern is what the regexp engine reads.
type Regexp struct {
	source.Span
	Pattern string
	NoCase  bool
}

// Unit is "()".
type Unit struct{ source.Span }

// Binary is "l . r", "l | r", "l - r" or "l ; r".
type Binary struct {
	source.Span
	Op          byte
	Left, Right Expr
}

// Apply is a function application "f x".
type Apply struct {
	source.Span
	Func, Arg Expr
}

// Postfix is "x*", "x+" or "x?".
type Postfix struct {
	source.Span
	Op byte
	X  Expr
}

// Subtree is "[ x ]".
type Subtree struct {
	source.Span
	X Expr
}

// LetIn is "let name params = value in body".
type LetIn struct {
	source.Span
	Name   string
	Params []*Param
	Value  Expr
	Body   Expr
}

// Tree is a tree literal: a sequence of { } nodes.
type Tree struct {
	source.Span
	Nodes []*TreeNode
}

// TreeNode is one { "label" = "value" children } of a tree literal; nil
// Label or Value means absent.
type TreeNode struct {
	source.Span
	Label    *string
	Value    *string
	Children []*TreeNode
}

func (e *Ident) exprSpan() source.Span   { return e.Span }
func (e *String) exprSpan() source.Span  { return e.Span }
func (e *Regexp) exprSpan() source.Span  { return e.Span }
func (e *Unit) exprSpan() source.Span    { return e.Span }
func (e *Binary) exprSpan() source.Span  { return e.Span }
func (e *Apply) exprSpan() source.Span   { return e.Span }
func (e *Postfix) exprSpan() source.Span { return e.Span }
func (e *Subtree) exprSpan() source.Span { return e.Span }
func (e *LetIn) exprSpan() source.Span   { return e.Span }
func (e *Tree) exprSpan() source.Span    { return e.Span }

// SpanOf returns the source range of an expression or declaration.
func SpanOf(n interface{}) source.Span {
	switch n := n.(type) {
	case Expr:
		return n.exprSpan()
	case Decl:
		return n.declSpan()
	}
	return source.Span{}
}
