package syntax

import (
	"fmt"
	"io"
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// Token types of the lens language.
const (
	tokEOF lexer.TokenType = lexer.EOF
	tokLID lexer.TokenType = iota + 1
	tokUID
	tokQID
	tokString
	tokRegexp
	tokKeyword
	tokLetRec
	tokPunct
)

var symbols = map[string]lexer.TokenType{
	"EOF":     tokEOF,
	"LID":     tokLID,
	"UID":     tokUID,
	"QID":     tokQID,
	"String":  tokString,
	"Regexp":  tokRegexp,
	"Keyword": tokKeyword,
	"LetRec":  tokLetRec,
	"Punct":   tokPunct,
}

var keywords = map[string]bool{
	"module": true, "autoload": true, "let": true, "in": true,
	"string": true, "regexp": true, "lens": true, "test": true,
	"get": true, "put": true, "after": true,
}

// token is a lexed token with the offset just past its last byte, which
// participle's tokens do not carry.
type token struct {
	lexer.Token
	end int
}

// definition is the participle lexer definition. Parse lexes a module
// itself (to keep token end offsets and report errors in its own format)
// and hands participle the ready token slice.
type definition struct{}

func (definition) Symbols() map[string]lexer.TokenType { return symbols }

func (definition) Lex(filename string, r io.Reader) (lexer.Lexer, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	toks, lerr := lex(filename, string(b))
	if lerr != nil {
		return nil, lerr
	}
	return &sliceLexer{toks: toks}, nil
}

type sliceLexer struct {
	toks []token
	i    int
}

func (s *sliceLexer) Next() (lexer.Token, error) {
	if s.i >= len(s.toks) {
		return s.toks[len(s.toks)-1].Token, nil
	}
	t := s.toks[s.i]
	s.i++
	return t.Token, nil
}

// scanner turns module text into tokens.
type scanner struct {
	file string
	src  string
	off  int
	line int
	col  int // 1-based, in bytes
}

func (s *scanner) pos() lexer.Position {
	return lexer.Position{Filename: s.file, Offset: s.off, Line: s.line, Column: s.col}
}

func (s *scanner) advance(n int) {
	end := min(s.off+n, len(s.src))
	if n < 16 {
		for ; s.off < end; s.off++ {
			if s.src[s.off] == '\n' {
				s.line++
				s.col = 1
			} else {
				s.col++
			}
		}
		return
	}
	for {
		i := strings.IndexByte(s.src[s.off:end], '\n')
		if i < 0 {
			break
		}
		s.line++
		s.col = 1
		s.off += i + 1
	}
	s.col += end - s.off
	s.off = end
}

func (s *scanner) errorf(p lexer.Position, format string, args ...any) *Error {
	return &Error{Pos: posOf(p), Msg: fmt.Sprintf(format, args...)}
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' || c == '_' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isIdent(c byte) bool { return isLower(c) || isUpper(c) || c >= '0' && c <= '9' }
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func identEnd(s string, i int) int {
	for i < len(s) && isIdent(s[i]) {
		i++
	}
	return i
}

// lex splits src into tokens, ending with an EOF token.
func lex(file, src string) ([]token, *Error) {
	return lexInto(nil, file, src)
}

// lexInto is lex appending to toks[:0], so that Parse can reuse one
// slice for many modules (see tokenBufs).
func lexInto(toks []token, file, src string) ([]token, *Error) {
	s := &scanner{file: file, src: src, line: 1, col: 1}
	if toks == nil {
		// no guess fits: Augeas's lens library runs 5.6 to 50 bytes a
		// token (13 overall), mostly after how much of a module is comments
		toks = make([]token, 0, len(src)/8+1)
	}
	toks = toks[:0]
	emit := func(typ lexer.TokenType, val string, p lexer.Position) {
		toks = append(toks, token{Token: lexer.Token{Type: typ, Value: val, Pos: p}, end: s.off})
	}
	for {
		// blanks and nested comments
		for s.off < len(s.src) {
			c := s.src[s.off]
			if isBlank(c) {
				s.off++
				if c == '\n' {
					s.line++
					s.col = 1
				} else {
					s.col++
				}
				continue
			}
			if strings.HasPrefix(s.src[s.off:], "(*") {
				if err := s.comment(); err != nil {
					return nil, err
				}
				continue
			}
			break
		}
		p := s.pos()
		if s.off >= len(s.src) {
			toks = append(toks, token{Token: lexer.EOFToken(p), end: s.off})
			return toks, nil
		}
		c := s.src[s.off]
		switch {
		case c == '"':
			v, err := s.str()
			if err != nil {
				return nil, err
			}
			emit(tokString, `"`+v, p) // the quote keeps a string from matching a keyword or symbol
		case c == '/':
			v, err := s.regexp()
			if err != nil {
				return nil, err
			}
			emit(tokRegexp, v, p)
		case isLower(c):
			e := identEnd(s.src, s.off)
			word := s.src[s.off:e]
			if word == "let" {
				if n := letRec(s.src, e); n > 0 {
					s.advance(n - s.off)
					emit(tokLetRec, "let rec", p)
					continue
				}
			}
			s.advance(e - s.off)
			if keywords[word] {
				emit(tokKeyword, word, p)
			} else {
				emit(tokLID, word, p)
			}
		case isUpper(c):
			e := identEnd(s.src, s.off)
			if e+1 < len(s.src) && s.src[e] == '.' && isLower(s.src[e+1]) {
				e2 := identEnd(s.src, e+1)
				word := s.src[s.off:e2]
				s.advance(e2 - s.off)
				emit(tokQID, word, p)
				continue
			}
			word := s.src[s.off:e]
			s.advance(e - s.off)
			emit(tokUID, word, p)
		case c == '-' && s.off+1 < len(s.src) && s.src[s.off+1] == '>':
			s.advance(2)
			emit(tokPunct, "->", p)
		case strings.IndexByte("|*?+()=:;.[]{}-", c) >= 0:
			s.advance(1)
			emit(tokPunct, string(c), p)
		default:
			return nil, s.errorf(p, "unexpected character %q", rune(c))
		}
	}
}

// letRec returns the offset just past "rec" when src[i:] is blanks, "rec"
// and a blank (the "let rec" token), or 0.
func letRec(src string, i int) int {
	j := i
	for j < len(src) && isBlank(src[j]) {
		j++
	}
	if j == i || !strings.HasPrefix(src[j:], "rec") {
		return 0
	}
	j += 3
	if j < len(src) && !isBlank(src[j]) {
		return 0
	}
	return j
}

// comment skips a comment, counting nested (* *).
func (s *scanner) comment() *Error {
	start := s.pos()
	depth := 0
	for s.off < len(s.src) {
		// skip to the next ( or *, which may start (* or *)
		i := strings.IndexAny(s.src[s.off:], "(*")
		if i < 0 {
			break
		}
		s.advance(i)
		switch {
		case strings.HasPrefix(s.src[s.off:], "(*"):
			depth++
			s.advance(2)
		case strings.HasPrefix(s.src[s.off:], "*)"):
			depth--
			s.advance(2)
			if depth == 0 {
				return nil
			}
		default:
			s.advance(1)
		}
	}
	s.advance(len(s.src) - s.off)
	return s.errorf(start, "missing *) to close this comment")
}

// literal reads a literal closed by the byte delim, which the scanner is
// on. Escapes: \a \b \t \n \v \f \r give control characters, \delim and
// \\ give the character itself, any other \x stays as the two bytes (the
// rule Augeas applies to both strings and regexps).
func (s *scanner) literal(delim byte, what string) (string, *Error) {
	start := s.pos()
	s.advance(1)
	var b strings.Builder
	for s.off < len(s.src) {
		c := s.src[s.off]
		switch {
		case c == delim:
			s.advance(1)
			return b.String(), nil
		case c == '\\' && s.off+1 < len(s.src):
			d := s.src[s.off+1]
			if r, ok := controlEscape(d); ok {
				b.WriteByte(r)
			} else if d == delim || d == '\\' {
				b.WriteByte(d)
			} else {
				b.WriteByte('\\')
				b.WriteByte(d)
			}
			s.advance(2)
		default:
			b.WriteByte(c)
			s.advance(1)
		}
	}
	return "", s.errorf(start, "missing %c to close this %s", delim, what)
}

// str reads a string literal and returns its value.
func (s *scanner) str() (string, *Error) { return s.literal('"', "string") }

// regexp reads a regexp literal. The value is the pattern as the regexp
// engine sees it, prefixed by "i/" for /.../i and "/" otherwise.
func (s *scanner) regexp() (string, *Error) {
	v, err := s.literal('/', "regular expression")
	if err != nil {
		return "", err
	}
	if s.off < len(s.src) && s.src[s.off] == 'i' && (s.off+1 >= len(s.src) || !isIdent(s.src[s.off+1])) {
		s.advance(1)
		return "i/" + v, nil
	}
	return "/" + v, nil
}

func controlEscape(c byte) (byte, bool) {
	switch c {
	case 'a':
		return '\a', true
	case 'b':
		return '\b', true
	case 't':
		return '\t', true
	case 'n':
		return '\n', true
	case 'v':
		return '\v', true
	case 'f':
		return '\f', true
	case 'r':
		return '\r', true
	}
	return 0, false
}
