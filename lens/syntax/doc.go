// Package syntax reads modules written in Augeas's lens language into an
// abstract syntax tree with source positions.
//
// The lexer knows the language's own rules: nested (* comments *), the
// "let rec" token, string literals whose unknown escapes are kept as
// written, regexp literals /.../ and /.../i whose escapes are reduced to
// what the regexp engine expects. The grammar is written for participle;
// its types stay inside this package, and Parse returns the project's own
// AST (Module, Let, Test and the Expr nodes). A hand-written
// recursive-descent parser of the same grammar reads valid modules (about
// twenty times faster: a handle parses every module on the search path);
// a module it refuses goes through participle, which lists the errors.
//
// Syntax errors are reported as "file:line:col: message", one per
// declaration that fails to parse: after an error the parser resumes at
// the next top-level let or test, so every broken declaration of a module
// is listed, not only the first.
package syntax
