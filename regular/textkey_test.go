package regular

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// simplifyAltByText is simplifyAlt as it was before textKey: it drops an
// alternative when one added before prints the same. It is the oracle
// simplifyAlt must agree with.
func simplifyAltByText(subs []*Regexp) *Regexp {
	var out []*Regexp
	setAt := -1
	hasEmpty := false
	seen := map[string]bool{}
	var add func(s *Regexp)
	add = func(s *Regexp) {
		switch s.Op {
		case OpNone:
			return
		case OpAlt:
			for _, sub := range s.Sub {
				add(sub)
			}
			return
		case OpEmpty:
			hasEmpty = true
			return
		case OpQuest:
			hasEmpty = true
			add(s.Sub[0])
			return
		case OpSet:
			if setAt >= 0 {
				out[setAt] = &Regexp{Op: OpSet, Set: out[setAt].Set.Union(s.Set)}
				return
			}
			setAt = len(out)
		}
		key := s.String()
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, s)
	}
	for _, s := range subs {
		add(s)
	}
	var re *Regexp
	switch len(out) {
	case 0:
		if hasEmpty {
			return &Regexp{Op: OpEmpty}
		}
		return &Regexp{Op: OpNone}
	case 1:
		re = out[0]
	default:
		re = &Regexp{Op: OpAlt, Sub: out}
	}
	if hasEmpty {
		return simplifyQuest(re)
	}
	return re
}

// writeSetByBuilder is writeSet as it was before appendSet, the oracle
// appendSet must agree with.
func writeSetByBuilder(b *strings.Builder, s ByteSet) {
	switch {
	case s.Len() == 1:
		c, _ := s.Min()
		if strings.IndexByte(special, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
		return
	case s == anyButNewline:
		b.WriteByte('.')
		return
	case s == AllBytes:
		b.WriteString("(.|\n)")
		return
	case s.IsEmpty():
		b.WriteString("[^\x00-\xff]")
		return
	}
	b.WriteByte('[')
	if s.Len() > 128 {
		b.WriteByte('^')
		s = s.Complement()
	}
	rb, dash, caret := s.Has(']'), s.Has('-'), s.Has('^')
	s.Remove(']')
	s.Remove('-')
	s.Remove('^')
	if rb {
		b.WriteByte(']')
	}
	body := b.Len()
	s.Ranges(func(lo, hi byte) {
		switch {
		case lo == hi:
			b.WriteByte(lo)
		case hi == lo+1:
			b.WriteByte(lo)
			b.WriteByte(hi)
		default:
			b.WriteByte(lo)
			b.WriteByte('-')
			b.WriteByte(hi)
		}
	})
	if caret {
		if !rb && b.Len() == body && !strings.HasSuffix(b.String(), "[^") {
			if dash {
				b.WriteString("-^]")
				return
			}
		}
		b.WriteByte('^')
	}
	if dash {
		b.WriteByte('-')
	}
	b.WriteByte(']')
}

// keySets are byte sets the generator draws from: the ones the printer
// treats apart, and the bytes it escapes or moves inside brackets.
var keySets = func() []ByteSet {
	one := func(cs string) ByteSet {
		var s ByteSet
		for i := 0; i < len(cs); i++ {
			s.Add(cs[i])
		}
		return s
	}
	sets := []ByteSet{AllBytes, anyButNewline, {}, one("\n")}
	for _, cs := range []string{"a", "b", ".", "(", "\\", "^", "-", "]", "ab", "abc", "^-", "]^", "]-", "-^a", "a-c", "]-^", "\x00\xff"} {
		s := one(cs)
		sets = append(sets, s, s.Complement())
	}
	return sets
}()

// randomSet returns a random set: one of keySets, or random bytes.
func randomSet(r *rand.Rand) ByteSet {
	if r.IntN(3) > 0 {
		return keySets[r.IntN(len(keySets))]
	}
	var s ByteSet
	for range r.IntN(200) {
		s.Add(byte(r.IntN(256)))
	}
	if r.IntN(2) == 0 {
		s.AddRange(byte(r.IntN(256)), byte(r.IntN(256)))
	}
	return s
}

func TestAppendSetMatchesWriteSet(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sets := append([]ByteSet(nil), keySets...)
	for c := range 256 {
		var s ByteSet
		s.Add(byte(c))
		sets = append(sets, s, s.Complement())
	}
	for range 20000 {
		sets = append(sets, randomSet(r))
	}
	for _, s := range sets {
		var want strings.Builder
		writeSetByBuilder(&want, s)
		require.Equal(t, want.String(), string(appendSet(nil, s)), "set %v", s)
		var got strings.Builder
		got.WriteString("x[^")
		writeSet(&got, s)
		require.Equal(t, "x[^"+want.String(), got.String(), "set %v after other text", s)
	}
}

// treeGen builds random regexp trees of every shape, including ones the
// simplifying constructors never build (a concatenation of one, nested
// unions, an empty set), and reuses nodes and copies of them, so that many
// alternatives print alike.
type treeGen struct {
	r    *rand.Rand
	made []*Regexp
}

func (g *treeGen) tree(depth int) *Regexp {
	if len(g.made) > 0 && g.r.IntN(5) == 0 {
		old := g.made[g.r.IntN(len(g.made))]
		if g.r.IntN(2) == 0 {
			return old
		}
		return cloneTree(old)
	}
	re := g.fresh(depth)
	g.made = append(g.made, re)
	return re
}

func (g *treeGen) fresh(depth int) *Regexp {
	r := g.r
	if depth <= 0 {
		switch r.IntN(12) {
		case 0:
			return &Regexp{Op: OpNone}
		case 1:
			return &Regexp{Op: OpEmpty}
		case 2:
			return &Regexp{Op: Op(r.IntN(2) * 17)} // invalid
		}
		return &Regexp{Op: OpSet, Set: randomSet(r)}
	}
	subs := func(n int) []*Regexp {
		out := make([]*Regexp, n)
		for i := range out {
			out[i] = g.tree(depth - 1 - r.IntN(2))
		}
		return out
	}
	switch r.IntN(7) {
	case 0:
		return g.fresh(0)
	case 1:
		return &Regexp{Op: OpConcat, Sub: subs(r.IntN(4))}
	case 2:
		return &Regexp{Op: OpAlt, Sub: subs(1 + r.IntN(3))}
	case 3:
		return &Regexp{Op: OpStar, Sub: subs(1)}
	case 4:
		return &Regexp{Op: OpPlus, Sub: subs(1)}
	case 5:
		return &Regexp{Op: OpQuest, Sub: subs(1)}
	}
	max := r.IntN(5) - 1
	if max >= 0 {
		max += 10 * r.IntN(2)
	}
	return &Regexp{Op: OpRepeat, Sub: subs(1), Min: r.IntN(3), Max: max}
}

func cloneTree(re *Regexp) *Regexp {
	c := &Regexp{Op: re.Op, Set: re.Set, Min: re.Min, Max: re.Max}
	for _, sub := range re.Sub {
		c.Sub = append(c.Sub, cloneTree(sub))
	}
	return c
}

// walkTree calls f on every node of re.
func walkTree(re *Regexp, f func(*Regexp)) {
	f(re)
	for _, sub := range re.Sub {
		walkTree(sub, f)
	}
}

func TestTextKeyIsKeyOfString(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		g := &treeGen{r: r}
		re := g.tree(1 + r.IntN(5))
		walkTree(re, func(n *Regexp) {
			assert.Equal(t, emptyKey.str(n.String()), n.textKey(), "%q", n.String())
			for _, prec := range []int{precAlt, precConcat, precRepeat} {
				var b strings.Builder
				n.write(&b, prec)
				assert.Equal(t, emptyKey.str(b.String()), n.textKeyAt(prec), "%q at %d", b.String(), prec)
			}
		})
	}
}

// altResult is the result of a simplifyAlt, or the panic it raised.
type altResult struct {
	re    *Regexp
	panic string
}

func runAlt(f func([]*Regexp) *Regexp, subs []*Regexp) (res altResult) {
	defer func() {
		if p := recover(); p != nil {
			res.panic = fmt.Sprint(p)
		}
	}()
	return altResult{re: f(subs)}
}

// sameAltResult reports whether a and b are the same result: the nodes
// they reuse from the input (in) the very same, the nodes they made
// alike.
func sameAltResult(a, b *Regexp, in map[*Regexp]bool) bool {
	if a == b {
		return true
	}
	if in[a] || in[b] {
		return false
	}
	if a.Op != b.Op || a.Set != b.Set || a.Min != b.Min || a.Max != b.Max || len(a.Sub) != len(b.Sub) {
		return false
	}
	for i := range a.Sub {
		if !sameAltResult(a.Sub[i], b.Sub[i], in) {
			return false
		}
	}
	return true
}

// checkSimplifyAlt compares simplifyAlt with the oracle on many random
// lists of alternatives; prepare, if set, runs on every list first.
func checkSimplifyAlt(t *testing.T, seed uint64, n int, prepare func([]*Regexp)) {
	r := rand.New(rand.NewPCG(seed, 5))
	for i := range n {
		g := &treeGen{r: r}
		subs := make([]*Regexp, 1+r.IntN(6))
		if i%10 == 0 {
			subs = make([]*Regexp, 20+r.IntN(60)) // past seenScanMax
		}
		for j := range subs {
			subs[j] = g.tree(r.IntN(4))
		}
		in := map[*Regexp]bool{}
		for _, s := range subs {
			walkTree(s, func(n *Regexp) { in[n] = true })
		}
		if prepare != nil {
			prepare(subs)
		}
		want := runAlt(simplifyAltByText, subs)
		got := runAlt(simplifyAlt, subs)
		if want.panic != "" || got.panic != "" {
			require.Equal(t, want.panic, got.panic, "case %d", i)
			continue
		}
		require.True(t, sameAltResult(want.re, got.re, in), "case %d: want %q, got %q", i, want.re, got.re)
	}
}

func TestSimplifyAltMatchesTextDedup(t *testing.T) {
	checkSimplifyAlt(t, 6, 20000, nil)
}

// TestSimplifyAltKeyCollisions: with every node's key replaced by one of
// three values (texts alike still have keys alike), distinct texts
// collide all the time, and simplifyAlt must still agree with the oracle.
func TestSimplifyAltKeyCollisions(t *testing.T) {
	checkSimplifyAlt(t, 7, 20000, func(subs []*Regexp) {
		for _, s := range subs {
			walkTree(s, func(n *Regexp) { n.textKey() })
		}
		for _, s := range subs {
			walkTree(s, func(n *Regexp) {
				if n.keyP.Load() != 3 {
					n.keyH.Store(n.keyH.Load() % 3)
					n.keyP.Store(3)
				}
			})
		}
	})
}

// TestSimplifyAltConcurrent: goroutines that simplify unions of the same
// nodes compute and keep their keys at once (run with -race).
func TestSimplifyAltConcurrent(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	g := &treeGen{r: r}
	subs := make([]*Regexp, 40)
	for i := range subs {
		subs[i] = g.tree(3)
	}
	want := simplifyAltByText(subs).String()
	var wg sync.WaitGroup
	got := make([]string, 4)
	for i := range got {
		wg.Go(func() { got[i] = simplifyAlt(subs).String() })
	}
	wg.Wait()
	for _, s := range got {
		assert.Equal(t, want, s)
	}
}
