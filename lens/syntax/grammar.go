package syntax

import "github.com/alecthomas/participle/v2/lexer"

// The participle grammar. These types mirror the language's precedence
// levels and are converted into the AST of ast.go by convert.go; nothing
// outside this package sees them.

type gModule struct {
	Pos      lexer.Position
	Name     string   `parser:"'module' @UID '='"`
	Autoload string   `parser:"( 'autoload' @LID )?"`
	Decls    []*gDecl `parser:"@@*"`
}

type gDecls struct {
	Decls []*gDecl `parser:"@@*"`
}

type gDecl struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Rec    *gLetRec `parser:"  @@"`
	Let    *gLet    `parser:"| @@"`
	Test   *gTest   `parser:"| @@"`
}

type gLetRec struct {
	Name string `parser:"LetRec @LID '='"`
	Body *gExp  `parser:"@@"`
}

type gLet struct {
	Name   string    `parser:"'let' @LID"`
	Params []*gParam `parser:"@@*"`
	Body   *gExp     `parser:"'=' @@"`
}

type gParam struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Name   string `parser:"'(' @(LID | 'get' | 'put') ':'"`
	Type   *gType `parser:"@@ ')'"`
}

type gType struct {
	Atom  string `parser:"( @('string' | 'regexp' | 'lens')"`
	Paren *gType `parser:"| '(' @@ ')' )"`
	Arrow *gType `parser:"( '->' @@ )?"`
}

type gTest struct {
	Lens     *gAexp `parser:"'test' @@"`
	Get      *gExp  `parser:"( 'get' @@"`
	Put      *gAexp `parser:"| 'put' @@"`
	Commands *gExp  `parser:"'after' @@ )"`
	Print    bool   `parser:"'=' ( @'?'"`
	Error    bool   `parser:"| @'*'"`
	Result   *gExp  `parser:"| @@ )"`
}

type gExp struct {
	Pos     lexer.Position
	EndPos  lexer.Position
	LetIn   *gLetIn   `parser:"  @@"`
	Compose *gCompose `parser:"| @@"`
}

type gLetIn struct {
	Name   string    `parser:"'let' @LID"`
	Params []*gParam `parser:"@@*"`
	Value  *gExp     `parser:"'=' @@"`
	Body   *gExp     `parser:"'in' @@"`
}

// binary levels: a left operand and (operator, operand) pairs

type gCompose struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Left   *gUnion   `parser:"@@"`
	Rest   []*gUnion `parser:"( ';' @@ )*"`
}

type gUnion struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Tree   *gTree    `parser:"  @@"`
	Left   *gMinus   `parser:"| @@"`
	Rest   []*gMinus `parser:"  ( '|' @@ )*"`
}

type gMinus struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Left   *gCat   `parser:"@@"`
	Rest   []*gCat `parser:"( '-' @@ )*"`
}

type gCat struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Left   *gApp   `parser:"@@"`
	Rest   []*gApp `parser:"( '.' @@ )*"`
}

type gApp struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Items  []*gRexp `parser:"@@+"`
}

type gRexp struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Atom   *gAexp `parser:"@@"`
	Op     string `parser:"@( '*' | '+' | '?' )?"`
}

type gAexp struct {
	Pos     lexer.Position
	EndPos  lexer.Position
	Unit    bool    `parser:"  @( '(' ')' )"`
	Paren   *gExp   `parser:"| '(' @@ ')'"`
	Subtree *gExp   `parser:"| '[' @@ ']'"`
	Name    string  `parser:"| @( LID | QID | 'get' | 'put' )"`
	String  *string `parser:"| @String"`
	Regexp  *string `parser:"| @Regexp"`
}

type gTree struct {
	Pos    lexer.Position
	EndPos lexer.Position
	Nodes  []*gBranch `parser:"( '{' @@ '}' )+"`
}

type gBranch struct {
	Pos      lexer.Position
	EndPos   lexer.Position
	Label    *string    `parser:"@String?"`
	Value    *string    `parser:"( '=' @String )?"`
	Children []*gBranch `parser:"( '{' @@ '}' )*"`
}
