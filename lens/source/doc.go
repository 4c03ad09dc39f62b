// Package source holds the positions shared by the lens language's
// parser (lens/syntax), the lens engine (lens) and the evaluator
// (lens/lang): Pos, a place in a text printed file:line:col; Span, a
// range of a text (that of each syntax node); and Info, where a lens was
// written. It imports nothing of lensnet, as go/token sits below
// go/scanner, go/parser and go/ast.
package source
