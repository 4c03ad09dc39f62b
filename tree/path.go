package tree

import "fmt"

// This file holds Path, a parsed path expression of Augeas's path
// language (pathx.c; the language is specified in doc.go), and the
// expression tree it holds. The parser is in pathparse.go, the
// evaluator in eval.go (with the values in value.go and the functions in
// pathfunc.go), and node creation in create.go.

// Path is a parsed path expression.
type Path struct {
	src string
	e   *expr
}

// PathError is a path that does not parse or cannot be evaluated, with
// the byte offset into the path where the problem is.
//
// Msg is Augeas's word for the error ("type error", "illegal number",
// "empty name", ...), which augtool prints; Detail, when set, says more
// ("int() of \"x\": illegal number"). Errors found while evaluating (and
// type errors) are placed, as Augeas places them, at the end of the path.
type PathError struct {
	Path   string
	Offset int
	Msg    string
	Detail string
}

func (e *PathError) Error() string {
	msg := e.Msg
	if e.Detail != "" {
		msg = e.Detail
	}
	return fmt.Sprintf("%s: %s|=|%s (offset %d)", msg, e.Path[:e.Offset], e.Path[e.Offset:], e.Offset)
}

// MustParsePath is ParsePath for paths written in the program: it
// panics if s does not parse, as regexp.MustCompile does.
func MustParsePath(s string) *Path {
	p, err := ParsePath(s)
	if err != nil {
		panic("tree.MustParsePath: " + err.Error())
	}
	return p
}

// ParsePath parses a path expression.
func ParsePath(s string) (*Path, error) {
	p := &pathParser{src: s}
	if p.blanks(); p.pos == len(s) {
		pe := p.errorf("illegal string literal").(*PathError) // Augeas's words
		pe.Detail = "empty path"
		return nil, pe
	}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	p.blanks()
	if p.pos < len(s) {
		return nil, p.errorf("garbage at end of path expression")
	}
	if bad := productCompared(e); bad != nil {
		return nil, &PathError{Path: s, Offset: len(s), Msg: "type error",
			Detail: "type error: a product (*) cannot be compared (Augeas's type rules)"}
	}
	return &Path{src: s, e: e}, nil
}

func (p *Path) String() string { return p.src }

// The expression tree a Path holds: the parser (pathparse.go) makes
// it, the evaluator (eval.go) walks it.

type axis int

const (
	axChild axis = iota
	axSelf
	axParent
	axDescendant
	axDescendantOrSelf
	axAncestor
	axRoot
	axPrecedingSibling
	axFollowingSibling
	axSeq
)

type nodeTest int

const (
	testName nodeTest = iota // a node with this label
	testAny                  // "*": any node with a label
	testNode                 // any node, hidden ones too ("." "..", root::*, "//")
)

type step struct {
	axis  axis
	test  nodeTest
	name  string
	preds []*expr
	src   string // the step's text, for error messages
}

// locPath is a location path, or a filter expression (a primary
// expression with predicates) followed by a relative location path.
type locPath struct {
	abs    bool
	filter *expr
	fpreds []*expr
	steps  []*step
}

type exprKind int

const (
	exNumber exprKind = iota
	exString
	exVar
	exCall
	exBinary
	exPath
)

type expr struct {
	kind exprKind
	pos  int // offset into the path, for errors
	num  int
	str  string // literal, operator, function or variable name
	args []*expr
	lp   *locPath
}
