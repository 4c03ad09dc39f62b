package regular

import (
	"fmt"
	"strconv"
)

// Flags change how Parse reads a pattern.
type Flags uint8

const (
	// FoldCase makes the pattern case-insensitive for ASCII letters, as
	// the /re/i form of the lens language does.
	FoldCase Flags = 1 << iota
	// LiteralAnchors reads ^ and $ as ordinary characters everywhere, as
	// Augeas's type checker (libfa) does; without it they are anchors
	// where GNU regex, Augeas's matcher, reads them as anchors.
	LiteralAnchors
)

// MaxRepeat is the largest count allowed in an interval {m,n}, as in GNU
// regex (RE_DUP_MAX).
const MaxRepeat = 32767

// MaxSize bounds the size of a regexp once its intervals are expanded
// (roughly, the number of automaton states it needs); GNU regex likewise
// refuses such patterns as "too big".
const MaxSize = 1 << 20

// Error is a syntax error in a regexp, with the byte offset into the
// pattern where it was found.
type Error struct {
	Pattern string
	Offset  int
	Msg     string
}

func (e *Error) Error() string {
	return fmt.Sprintf("regexp /%s/ at offset %d: %s", printable(e.Pattern), e.Offset, e.Msg)
}

// printable escapes control characters so that a pattern fits on one line.
func printable(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

// Parse parses pattern in Augeas's regexp dialect (POSIX extended syntax
// as libfa reads it). The pattern is the text the engine sees, after the
// lens language has converted its literal escapes: outside brackets \c
// stands for the character c, inside brackets a backslash is literal.
func Parse(pattern string, flags Flags) (*Regexp, error) {
	p := &parser{src: pattern, fold: flags&FoldCase != 0, literalAnchors: flags&LiteralAnchors != 0}
	re, err := p.alt()
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.src) {
		// alt only stops early at an unmatched ')'
		return nil, p.errorf(p.pos, "unmatched )")
	}
	if expandedSize(re) > MaxSize {
		return nil, p.errorf(0, "regular expression too big: more than %d states once intervals are expanded", MaxSize)
	}
	return re, nil
}

// MustParse is like Parse but panics on error. It is meant for patterns
// known at compile time.
func MustParse(pattern string, flags Flags) *Regexp {
	re, err := Parse(pattern, flags)
	if err != nil {
		panic(err)
	}
	return re
}

type parser struct {
	src            string
	pos            int
	fold           bool
	literalAnchors bool
	depth          int
}

// maxDepth bounds nesting of groups so that hostile patterns cannot
// exhaust the stack.
const maxDepth = 1000

func (p *parser) errorf(off int, format string, args ...any) error {
	return &Error{Pattern: p.src, Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// atEnd reports whether the pattern, a group or an alternative ends at i.
func (p *parser) atEnd(i int) bool {
	return i == len(p.src) || p.src[i] == ')' || p.src[i] == '|'
}

func (p *parser) more() bool { return p.pos < len(p.src) }
func (p *parser) peek() byte { return p.src[p.pos] }

// alt := concat ('|' concat)*
func (p *parser) alt() (*Regexp, error) {
	var subs []*Regexp
	for {
		re, err := p.concat()
		if err != nil {
			return nil, err
		}
		subs = append(subs, re)
		if p.more() && p.peek() == '|' {
			p.pos++
			continue
		}
		break
	}
	if len(subs) == 1 {
		return subs[0], nil
	}
	return &Regexp{Op: OpAlt, Sub: subs}, nil
}

// concat := repeat*
func (p *parser) concat() (*Regexp, error) {
	var subs []*Regexp
	for p.more() {
		c := p.peek()
		if c == '|' || c == ')' {
			break
		}
		// GNU regex reads ^ as an anchor at the start of the pattern, a
		// group or an alternative, and $ as one at their end; elsewhere
		// both are literals. Matching is anchored at both ends already,
		// so an anchor there matches the empty word.
		if !p.literalAnchors && (c == '^' && len(subs) == 0 || c == '$' && p.atEnd(p.pos+1)) {
			p.pos++
			continue
		}
		re, err := p.repeat()
		if err != nil {
			return nil, err
		}
		subs = append(subs, re)
	}
	switch len(subs) {
	case 0:
		return &Regexp{Op: OpEmpty}, nil
	case 1:
		return subs[0], nil
	}
	return &Regexp{Op: OpConcat, Sub: subs}, nil
}

// repeat := atom ( '*' | '+' | '?' | interval )*
func (p *parser) repeat() (*Regexp, error) {
	re, err := p.atom()
	if err != nil {
		return nil, err
	}
	repeated := false
	for p.more() {
		c := p.peek()
		if repeated && (c == '*' || c == '{') {
			// GNU regex refuses a star or interval after a repeat
			// operator; a further + or ? applies to the whole.
			return nil, p.errorf(p.pos, "invalid preceding regular expression: %c after a repeat operator", c)
		}
		repeated = true
		switch c {
		case '*':
			re = &Regexp{Op: OpStar, Sub: []*Regexp{re}}
			p.pos++
		case '+', '?':
			re = stackRepeat(re, c)
			p.pos++
		case '{':
			min, max, err := p.interval()
			if err != nil {
				return nil, err
			}
			re = &Regexp{Op: OpRepeat, Sub: []*Regexp{re}, Min: min, Max: max}
		default:
			return re, nil
		}
	}
	return re, nil
}

// stackRepeat applies + or ? to re, folding it into a repeat operator re
// already has (X++ is X+, X?+ and X+? are X*, X?? is X?), so that long
// chains such as a?+?+... stay one node deep.
func stackRepeat(re *Regexp, c byte) *Regexp {
	op := OpPlus
	if c == '?' {
		op = OpQuest
	}
	switch {
	case re.Op == OpStar:
		return re
	case re.Op == op:
		return re
	case re.Op == OpPlus || re.Op == OpQuest:
		return &Regexp{Op: OpStar, Sub: re.Sub}
	}
	return &Regexp{Op: op, Sub: []*Regexp{re}}
}

// interval := '{' m '}' | '{' m ',' '}' | '{' m ',' n '}'
func (p *parser) interval() (min, max int, err error) {
	start := p.pos
	p.pos++ // '{'
	if !p.more() {
		return 0, 0, p.errorf(start, "bad interval: missing }")
	}
	min, ok := p.number()
	if !ok && p.peek() != ',' {
		return 0, 0, p.errorf(start, "bad interval: expected a count after {")
	}
	max = min
	if p.more() && p.peek() == ',' {
		p.pos++
		max = -1
		if p.more() && p.peek() != '}' {
			if max, ok = p.number(); !ok {
				return 0, 0, p.errorf(start, "bad interval: expected a count or } after ,")
			}
		}
	}
	if !p.more() || p.peek() != '}' {
		return 0, 0, p.errorf(start, "bad interval: missing }")
	}
	p.pos++
	if min > MaxRepeat || max > MaxRepeat {
		return 0, 0, p.errorf(start, "bad interval: count larger than %d", MaxRepeat)
	}
	if max != -1 && max < min {
		return 0, 0, p.errorf(start, "bad interval: {%d,%d} has maximum below minimum", min, max)
	}
	return min, max, nil
}

func (p *parser) number() (int, bool) {
	start := p.pos
	n := 0
	for p.more() && p.peek() >= '0' && p.peek() <= '9' {
		if n <= MaxRepeat {
			n = n*10 + int(p.peek()-'0')
		}
		p.pos++
	}
	return n, p.pos > start
}

func (p *parser) atom() (*Regexp, error) {
	start := p.pos
	c := p.peek()
	switch c {
	case '(':
		p.depth++
		if p.depth > maxDepth {
			return nil, p.errorf(start, "groups nested more than %d deep", maxDepth)
		}
		p.pos++
		re, err := p.alt()
		if err != nil {
			return nil, err
		}
		if !p.more() || p.peek() != ')' {
			return nil, p.errorf(start, "unmatched (")
		}
		p.pos++
		p.depth--
		return re, nil
	case '[':
		return p.class()
	case '.':
		p.pos++
		return &Regexp{Op: OpSet, Set: anyButNewline}, nil
	case '*', '+', '?':
		return nil, p.errorf(start, "nothing to repeat before %c", c)
	case '{':
		return nil, p.errorf(start, "nothing to repeat before {")
	case '\\':
		if p.pos+1 >= len(p.src) {
			return nil, p.errorf(start, "trailing backslash")
		}
		p.pos += 2
		return p.char(p.src[start+1]), nil
	}
	p.pos++
	return p.char(c), nil
}

func (p *parser) char(c byte) *Regexp {
	re := charRe(c)
	if p.fold {
		re = &Regexp{Op: OpSet, Set: re.Set.foldCase()}
	}
	return re
}

// class parses a bracket expression: '[' '^'? ']'? items ']'.
func (p *parser) class() (*Regexp, error) {
	start := p.pos
	p.pos++ // '['
	negate := false
	if p.more() && p.peek() == '^' {
		negate = true
		p.pos++
	}
	var set ByteSet
	first, afterRange := true, false
	for {
		if !p.more() {
			return nil, p.errorf(start, "unbalanced bracket: missing ]")
		}
		c := p.peek()
		if c == ']' && !first {
			p.pos++
			break
		}
		first = false
		lo := c
		p.pos++
		if lo == '-' && afterRange && p.more() && p.peek() != ']' {
			return nil, p.errorf(p.pos-1, "invalid range end: - after a range")
		}
		afterRange = false
		if p.pos+1 < len(p.src) && p.peek() == '-' && p.src[p.pos+1] != ']' {
			hi := p.src[p.pos+1]
			if hi < lo {
				return nil, p.errorf(p.pos-1, "invalid range %c-%c: end before start", lo, hi)
			}
			set.AddRange(lo, hi)
			p.pos += 2
			afterRange = true
			continue
		}
		set.Add(lo)
	}
	if p.fold {
		set = set.foldCase()
	}
	if negate {
		set = set.Complement()
	}
	return &Regexp{Op: OpSet, Set: set}, nil
}

// expandedSize estimates the automaton size of re with every interval
// expanded, saturating instead of overflowing.
func expandedSize(re *Regexp) int {
	switch re.Op {
	case OpConcat, OpAlt:
		n := 1
		for _, sub := range re.Sub {
			n += expandedSize(sub)
			if n > MaxSize {
				return MaxSize + 1
			}
		}
		return n
	case OpStar, OpPlus, OpQuest:
		return 2 + expandedSize(re.Sub[0])
	case OpRepeat:
		k := re.Max
		if k < re.Min {
			k = re.Min + 1
		}
		n := expandedSize(re.Sub[0])
		if k > 0 && n > (MaxSize+1)/k {
			return MaxSize + 1
		}
		return 1 + n*max(k, 1)
	}
	return 2
}
