package regular

import (
	"fmt"
	"strings"
)

// String returns re in the syntax Parse reads, so that Parse(re.String())
// is the same language. Bytes are written raw; see Quote for the form of
// the lens language.
func (re *Regexp) String() string {
	var b strings.Builder
	re.write(&b, precAlt)
	return b.String()
}

// precedence levels, loosest first
const (
	precAlt = iota
	precConcat
	precRepeat
)

func (re *Regexp) write(b *strings.Builder, prec int) {
	switch re.Op {
	case OpNone:
		b.WriteString(noneText)
	case OpEmpty:
		b.WriteString("()")
	case OpSet:
		writeSet(b, re.Set)
	case OpConcat:
		if prec > precConcat {
			b.WriteByte('(')
		}
		for _, sub := range re.Sub {
			sub.write(b, precConcat)
		}
		if prec > precConcat {
			b.WriteByte(')')
		}
	case OpAlt:
		if prec > precAlt {
			b.WriteByte('(')
		}
		for i, sub := range re.Sub {
			if i > 0 {
				b.WriteByte('|')
			}
			sub.write(b, precConcat)
		}
		if prec > precAlt {
			b.WriteByte(')')
		}
	case OpStar, OpPlus, OpQuest, OpRepeat:
		sub := re.Sub[0]
		if sub.Op >= OpStar {
			// GNU regex refuses a second repeat operator on one atom
			b.WriteByte('(')
			sub.write(b, precAlt)
			b.WriteByte(')')
		} else {
			sub.write(b, precRepeat)
		}
		switch re.Op {
		case OpStar:
			b.WriteByte('*')
		case OpPlus:
			b.WriteByte('+')
		case OpQuest:
			b.WriteByte('?')
		default:
			if re.Max < 0 {
				fmt.Fprintf(b, "{%d,}", re.Min)
			} else {
				fmt.Fprintf(b, "{%d,%d}", re.Min, re.Max)
			}
		}
	default:
		b.WriteString("<invalid>")
	}
}

// noneText is a class of every byte, negated: it matches nothing.
const noneText = "[^\x00-\xff]"

// special lists the bytes that need a backslash outside brackets.
const special = `.()[]{}*|+?\^$`

func writeSet(b *strings.Builder, s ByteSet) {
	var buf [setTextCap]byte
	b.Write(appendSet(buf[:0], s))
}

// setTextCap is room for the text of most sets (appendSet grows past it).
const setTextCap = 160

// appendSet appends the text of s to dst: the byte alone (escaped if
// special), '.', or a bracket expression.
func appendSet(dst []byte, s ByteSet) []byte {
	switch {
	case s.Len() == 1:
		c, _ := s.Min()
		if strings.IndexByte(special, c) >= 0 {
			dst = append(dst, '\\')
		}
		return append(dst, c)
	case s == anyButNewline:
		return append(dst, '.')
	case s == AllBytes:
		return append(dst, "(.|\n)"...)
	case s.IsEmpty():
		return append(dst, noneText...)
	}
	dst = append(dst, '[')
	negated := s.Len() > 128
	if negated {
		dst = append(dst, '^')
		s = s.Complement()
	}
	// ']' must come first, '-' last, and '^' anywhere but first
	rb, dash, caret := s.Has(']'), s.Has('-'), s.Has('^')
	s.Remove(']')
	s.Remove('-')
	s.Remove('^')
	if rb {
		dst = append(dst, ']')
	}
	body := len(dst)
	s.Ranges(func(lo, hi byte) {
		switch {
		case lo == hi:
			dst = append(dst, lo)
		case hi == lo+1:
			dst = append(dst, lo, hi)
		default:
			dst = append(dst, lo, '-', hi)
		}
	})
	if caret {
		if !rb && len(dst) == body && !negated && dash {
			// '^' would come first: put '-' before it instead
			return append(dst, "-^]"...)
		}
		dst = append(dst, '^')
	}
	if dash {
		dst = append(dst, '-')
	}
	return append(dst, ']')
}

// Quote returns re as a lens-language regexp literal /.../, the way
// Augeas's print_regexp shows it: '/' is escaped, a literal backslash is
// written \\, and control and non-ASCII bytes as \n, \t or octal escapes.
// The result is for display; octal escapes do not read back.
func (re *Regexp) Quote() string {
	s := re.String()
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '/':
			b.WriteString(`\/`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteString(`\t`)
		case c == '\r':
			b.WriteString(`\r`)
		case c < ' ' || c >= 0x7f:
			fmt.Fprintf(&b, `\%03o`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('/')
	return b.String()
}
