package syntax

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"

	"github.com/lensnet/lensnet/lens/source"
)

// Error is a syntax error at a position.
type Error struct {
	Pos source.Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every syntax error found in a module, in source order.
// Its message is the first error's followed by how many more there are,
// "file:line:col: msg (and N more errors)", as go/scanner's ErrorList
// prints; range over the list for every message.
type ErrorList []*Error

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0].Error(), len(l)-1)
}

// The grammar parsers are built on first use (a syntax error): building
// them takes ~1.3 ms and 1 MB, which every process paid at start.
var (
	moduleParser = sync.OnceValue(func() *participle.Parser[gModule] {
		return participle.MustBuild[gModule](
			participle.Lexer(definition{}),
			participle.UseLookahead(3),
		)
	})
	declsParser = sync.OnceValue(func() *participle.Parser[gDecls] {
		return participle.MustBuild[gDecls](
			participle.Lexer(definition{}),
			participle.UseLookahead(3),
		)
	})
)

// tokenBufs holds token slices (*[]token) for Parse to lex into. The
// tokens of a module are garbage once its AST is built (the AST copies
// what it needs out of them), and allocating them afresh for every
// module was about a seventh of the bytes allocated in compiling a lens
// library. Slices longer than maxPooledTokens are left to the collector.
var tokenBufs sync.Pool

const maxPooledTokens = 1 << 16 // 4.5 MB; the largest module of Augeas's library and tests has about 3,000 tokens

func posOf(p lexer.Position) source.Pos {
	return source.Pos{Filename: p.Filename, Offset: p.Offset, Line: p.Line, Column: p.Column}
}

// Parse parses the module in src; filename is used in positions. The
// error, if any, is an ErrorList.
func Parse(filename, src string) (*Module, error) {
	buf, _ := tokenBufs.Get().(*[]token)
	if buf == nil {
		buf = new([]token)
	}
	toks, lerr := lexInto(*buf, filename, src)
	defer func() {
		if cap(toks) <= maxPooledTokens {
			clear(toks) // hold on to no module text
			*buf = toks[:0]
			tokenBufs.Put(buf)
		}
	}()
	if lerr != nil {
		return nil, ErrorList{lerr}
	}
	if e := tooDeep(toks); e != nil {
		return nil, ErrorList{e}
	}
	c := &converter{src: src, toks: toks}
	if m, ok := parseDescent(c, toks); ok {
		return m, nil
	}
	return parseGrammar(c, toks)
}

// parseGrammar parses with the participle grammar, which lists every
// syntax error (parseDescent stops at the first).
func parseGrammar(c *converter, toks []token) (*Module, error) {
	var errs ErrorList
	var decls []*gDecl
	g, err := parseTokens(moduleParser(), toks)
	if g != nil {
		decls = g.Decls
	}
	for err != nil {
		e := c.error(err)
		errs = append(errs, e)
		// resume at the next declaration keyword at the start of a line
		next := resumeAt(toks, e.Pos.Offset)
		if next < 0 {
			break
		}
		var d *gDecls
		d, err = parseTokens(declsParser(), toks[next:])
		if d != nil && err == nil {
			decls = append(decls, d.Decls...)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	m := &Module{Name: g.Name, Autoload: g.Autoload}
	m.Span = source.Span{Start: posOf(g.Pos), End: posOf(toks[len(toks)-1].Pos)}
	for _, d := range decls {
		m.Decls = append(m.Decls, c.decl(d))
	}
	return m, nil
}

// parseTokens runs a participle parser over already lexed tokens.
func parseTokens[G any](p *participle.Parser[G], toks []token) (*G, error) {
	plex, err := lexer.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		return nil, err
	}
	return p.ParseFromLexer(plex)
}

// MaxNesting bounds how deeply brackets ( [ { may nest, so that no module
// can exhaust the parser's stack.
const MaxNesting = 2000

func tooDeep(toks []token) *Error {
	depth := 0
	for _, t := range toks {
		if t.Type == tokPunct {
			switch t.Value {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
			}
		}
		if depth > MaxNesting {
			return &Error{Pos: posOf(t.Pos), Msg: fmt.Sprintf("expression nested more than %d levels deep", MaxNesting)}
		}
	}
	return nil
}

// resumeAt finds the first token after offset off that begins a top-level
// declaration ("let", "let rec" or "test" in the first column).
func resumeAt(toks []token, off int) int {
	for i, t := range toks {
		if t.Pos.Offset <= off || t.Pos.Column != 1 {
			continue
		}
		if t.Type == tokLetRec || t.Type == tokKeyword && (t.Value == "let" || t.Value == "test") {
			return i
		}
	}
	return -1
}

// converter builds the AST from the participle types.
type converter struct {
	src  string
	toks []token
}

// endOf returns the position just past the last token before next (next
// is participle's EndPos: the start of the following token).
func (c *converter) endOf(next lexer.Position) source.Pos {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].Pos.Offset >= next.Offset })
	if i == 0 {
		return posOf(next)
	}
	return c.endOfToken(i - 1)
}

func (c *converter) span(start, end lexer.Position) source.Span {
	return source.Span{Start: posOf(start), End: c.endOf(end)}
}

// error turns a participle error into an *Error with our position.
func (c *converter) error(err error) *Error {
	var le *Error
	if errors.As(err, &le) {
		return le
	}
	var pe participle.Error
	if errors.As(err, &pe) {
		return &Error{Pos: posOf(pe.Position()), Msg: message(pe)}
	}
	return &Error{Msg: err.Error()}
}

// message rewords participle's messages for lens-language readers.
func message(pe participle.Error) string {
	var ut *participle.UnexpectedTokenError
	if errors.As(pe, &ut) {
		what := describe(ut.Unexpected)
		if ut.Expect != "" {
			return fmt.Sprintf("syntax error, unexpected %s, expecting %s", what, strings.ReplaceAll(ut.Expect, `"`, "'"))
		}
		return "syntax error, unexpected " + what
	}
	return "syntax error, " + pe.Message()
}

func describe(t lexer.Token) string {
	switch t.Type {
	case tokEOF:
		return "end of file"
	case tokString:
		return "string " + fmt.Sprintf("%q", t.Value[1:])
	case tokRegexp:
		return "regexp"
	case tokKeyword, tokLetRec:
		return "keyword '" + t.Value + "'"
	case tokLID, tokUID, tokQID:
		return "name '" + t.Value + "'"
	}
	return "'" + t.Value + "'"
}
