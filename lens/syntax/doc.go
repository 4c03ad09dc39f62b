// Package syntax reads modules written in Augeas's lens language into an
// abstract syntax tree with source positions.
//
// The lexer knows the language's own rules: nested (* comments *), the
// "let rec" token, string literals whose unknown escapes are kept as
// written, regexp literals /.../ and /.../i whose escapes are reduced to
// what the regexp engine expects. The grammar is written for participle;
// its types stay inside this package, and Parse returns the project's own
// AST (Module, Let, Test and the Expr nodes). A hand-written
// recursive-descent parser of the same grammar reads valid modules, and
// a module it refuses goes through participle, which lists the errors.
// The hand-written parser matters because a handle parses every module
// on the search path: lexing included, Parse reads a valid module about
// fifteen times faster than participle would (the parsing alone, after
// the shared lexer, some sixty times faster; BenchmarkParse, on
// lensnet's own modules).
//
// Syntax errors are reported as "file:line:col: message", one per
// declaration that fails to parse: after an error the parser resumes at
// the next top-level let or test, so every broken declaration of a module
// is listed, not only the first.
//
// # Where things are
//
//	ast.go        the AST (Module, Decl, Expr, ...)
//	lex.go        the lexer
//	descent.go    the hand-written recursive-descent parser, used first
//	grammar.go    the participle grammar, used to list every error of a
//	              module that does not parse, and convert.go its
//	              conversion into the AST
//	parse.go      Parse, Error and ErrorList
package syntax
