package regular

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Random regexps and strings for the differential, property and fuzz
// tests. The patterns stay within the syntax our dialect and Go's regexp
// package (RE2) read the same way: literals, '.', simple bracket sets,
// * + ? and small intervals, alternatives (possibly empty) and groups.
// They never put a repeat operator right after another one (our dialect
// refuses a** and a{2}*, RE2 refuses a*+), never use anchors, {,n} or
// escapes, and keep nested interval counts far below RE2's limit of 1000.

// genAlphabet is the alphabet of random strings; newline, last, is drawn
// less often than the letters.
const genAlphabet = "abc\n"

// genWideAlphabet adds a byte that no generated pattern mentions. Every
// generated pattern treats all such bytes like 'd', so words over this
// alphabet exercise every behaviour of a pattern: enumerating them is
// exhaustive up to their length.
const genWideAlphabet = "abc\nd"

// genSource is where the generator takes its decisions from: a seeded
// random source, or the bytes of a fuzz input.
type genSource interface {
	// intn returns a choice in [0, n). Once a byte source is exhausted it
	// returns 0, which is always the choice that ends the pattern soonest.
	intn(n int) int
}

type randSource struct{ r *rand.Rand }

func (s randSource) intn(n int) int { return s.r.IntN(n) }

type byteSource struct {
	data []byte
	pos  int
}

func (s *byteSource) intn(n int) int {
	if s.pos >= len(s.data) {
		return 0
	}
	b := s.data[s.pos]
	s.pos++
	return int(b) % n
}

// regexpGen writes a pattern from the decisions of src. budget bounds the
// number of atoms, so that deep patterns stay small.
type regexpGen struct {
	src    genSource
	budget int
	b      strings.Builder
}

func (g *regexpGen) alt(depth int) {
	n := 1
	if depth > 0 {
		n = [...]int{1, 1, 2, 3}[g.src.intn(4)]
	}
	for i := range n {
		if i > 0 {
			g.b.WriteByte('|')
		}
		g.concat(depth)
	}
}

func (g *regexpGen) concat(depth int) {
	// 0 items is an empty alternative (or an empty group)
	n := [...]int{1, 2, 3, 1, 2, 0, 4}[g.src.intn(7)]
	for range n {
		g.repeat(depth)
	}
}

// repeat writes an atom with at most one repeat operator: a second one
// needs a group around the first.
func (g *regexpGen) repeat(depth int) {
	g.atom(depth)
	switch g.src.intn(12) {
	case 6, 7:
		g.b.WriteByte('*')
	case 8:
		g.b.WriteByte('+')
	case 9:
		g.b.WriteByte('?')
	case 10, 11:
		m := g.src.intn(3)
		switch g.src.intn(3) {
		case 0:
			g.b.WriteString("{" + strconv.Itoa(m) + "}")
		case 1:
			g.b.WriteString("{" + strconv.Itoa(m) + ",}")
		default:
			g.b.WriteString("{" + strconv.Itoa(m) + "," + strconv.Itoa(m+g.src.intn(3)) + "}")
		}
	}
}

func (g *regexpGen) atom(depth int) {
	g.budget--
	choice := g.src.intn(13)
	if g.budget <= 0 || depth <= 0 {
		if choice >= 8 {
			choice %= 8 // no groups
		}
	}
	switch choice {
	case 0, 1:
		g.b.WriteByte('a')
	case 2:
		g.b.WriteByte('b')
	case 3:
		g.b.WriteByte('c')
	case 4:
		if g.src.intn(3) == 0 {
			g.b.WriteByte('\n')
		} else {
			g.b.WriteByte('b')
		}
	case 5:
		g.b.WriteByte('.')
	case 6, 7:
		g.set()
	case 8, 9, 10, 11:
		g.b.WriteByte('(')
		g.alt(depth - 1)
		g.b.WriteByte(')')
	case 12:
		g.b.WriteString("()")
	}
}

// setItems never starts with ']' or '^' and never holds a lone '-', so
// that any sequence of them reads the same in both dialects.
var setItems = [...]string{"a", "b", "c", "a-b", "a-c", "b-c", "ab", "\n"}

func (g *regexpGen) set() {
	g.b.WriteByte('[')
	if g.src.intn(3) == 2 {
		g.b.WriteByte('^')
	}
	n := 1 + g.src.intn(3)
	for range n {
		g.b.WriteString(setItems[g.src.intn(len(setItems))])
	}
	g.b.WriteByte(']')
}

// genRegexp returns a random pattern with groups nested at most depth
// deep.
func genRegexp(r *rand.Rand, depth int) string {
	g := &regexpGen{src: randSource{r}, budget: 12}
	g.alt(depth)
	return g.b.String()
}

// regexpFromBytes builds a pattern from fuzz input, one decision per byte.
// Every input gives a valid pattern, and its size is bounded by the length
// of the input.
func regexpFromBytes(data []byte) string {
	g := &regexpGen{src: &byteSource{data: data}, budget: 16}
	g.alt(3)
	return g.b.String()
}

// genString returns a random string of up to maxLen bytes over
// genAlphabet, newlines being rarer than letters.
func genString(r *rand.Rand, maxLen int) string {
	n := r.IntN(maxLen + 1)
	b := make([]byte, n)
	for i := range b {
		if r.IntN(8) == 0 {
			b[i] = genAlphabet[len(genAlphabet)-1]
		} else {
			b[i] = genAlphabet[r.IntN(len(genAlphabet)-1)]
		}
	}
	return string(b)
}

// genMember returns a random word of the language of re, taking each
// iteration count at random and each byte from genWideAlphabet where the
// set allows it; ok is false when it hit an empty set.
func genMember(r *rand.Rand, re *Regexp) (word string, ok bool) {
	var b strings.Builder
	ok = writeMember(r, re, &b)
	return b.String(), ok
}

func writeMember(r *rand.Rand, re *Regexp, b *strings.Builder) bool {
	times := func(re *Regexp, n int) bool {
		for range n {
			if !writeMember(r, re, b) {
				return false
			}
		}
		return true
	}
	switch re.Op {
	case OpEmpty:
		return true
	case OpSet:
		var cands []byte
		for i := 0; i < len(genWideAlphabet); i++ {
			if re.Set.Has(genWideAlphabet[i]) {
				cands = append(cands, genWideAlphabet[i])
			}
		}
		if len(cands) == 0 {
			c, ok := re.Set.Min()
			if !ok {
				return false
			}
			cands = append(cands, c)
		}
		b.WriteByte(cands[r.IntN(len(cands))])
		return true
	case OpConcat:
		for _, sub := range re.Sub {
			if !writeMember(r, sub, b) {
				return false
			}
		}
		return true
	case OpAlt:
		return writeMember(r, re.Sub[r.IntN(len(re.Sub))], b)
	case OpStar:
		return times(re.Sub[0], r.IntN(4))
	case OpPlus:
		return times(re.Sub[0], 1+r.IntN(3))
	case OpQuest:
		return times(re.Sub[0], r.IntN(2))
	case OpRepeat:
		hi := re.Max
		if hi < 0 {
			hi = re.Min + 2
		}
		return times(re.Sub[0], re.Min+r.IntN(hi-re.Min+1))
	}
	return false
}

// mutate returns s with one byte inserted, deleted or replaced, for words
// near the boundary of a language.
func mutate(r *rand.Rand, s string) string {
	c := string(genWideAlphabet[r.IntN(len(genWideAlphabet))])
	i := r.IntN(len(s) + 1)
	switch {
	case r.IntN(3) == 0 || len(s) == 0:
		return s[:i] + c + s[i:]
	case i == len(s):
		return s[:i-1]
	case r.IntN(2) == 0:
		return s[:i] + s[i+1:]
	default:
		return s[:i] + c + s[i+1:]
	}
}

// genWords appends every word over alphabet of length at most maxLen.
func genWords(dst []string, alphabet string, maxLen int) []string {
	level := []string{""}
	dst = append(dst, "")
	for range maxLen {
		var next []string
		for _, w := range level {
			for i := 0; i < len(alphabet); i++ {
				next = append(next, w+alphabet[i:i+1])
			}
		}
		dst = append(dst, next...)
		level = next
	}
	return dst
}
