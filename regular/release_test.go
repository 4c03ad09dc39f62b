package regular

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// observe is everything the matchers of a tell about the texts.
func observe(a *FA, texts []string) string {
	var out []byte
	for _, s := range texts {
		n, next := a.Viable(s)
		out = fmt.Appendf(out, "%q match=%v longest=%d reach=%d prefixes=%v starts=%v viable=%d,%v\n",
			s, a.Match(s), a.LongestPrefix(s), a.Reach(s), a.AppendPrefixes(nil, s), a.AppendStarts(nil, s), n, next)
	}
	return string(out)
}

// dfaFacts are what a's DFA and recipe tell.
func dfaFacts(a *FA) string {
	n, fixed := a.FixedLength()
	ex, ok := a.Example()
	return fmt.Sprint(a.NumStates(), n, fixed, ex, ok)
}

// observeTagged is observe for a Tagged.
func observeTagged(t *Tagged, texts []string) string {
	var out []byte
	for _, s := range texts {
		starts, masks := t.AppendStartMasks(nil, nil, s)
		out = fmt.Appendf(out, "%q mask=%x choose=%d starts=%v masks=%x\n", s, t.MatchMask(s), t.Choose(s), starts, masks)
	}
	return string(out)
}

// releaseCase is a set of FAs made every way an FA can be, from random
// regexps, and Tagged reading them.
type releaseCase struct {
	desc   string
	fas    []*FA
	tagged []*Tagged
}

func newReleaseCase(r *rand.Rand) releaseCase {
	p1, p2 := genRegexp(r, 3), genRegexp(r, 3)
	a, b := MustCompile(p1), MustCompile(p2)
	fas := []*FA{a, b, Concat(a, b), Union(a, b), Star(a), Plus(b), Optional(a), Repeat(b, 1, 3),
		Reverse(Concat(a, b)), a.Minimize(), Minus(a, b), Minus(Star(Union(a, b)), b), Intersect(Star(a), Star(b)),
		Concat(a.Minimize(), Minus(b, a))}
	return releaseCase{
		desc:   fmt.Sprintf("%q, %q", p1, p2),
		fas:    fas,
		tagged: []*Tagged{NewTagged(fas[:8]...), NewSuffixes(fas[8:]...)},
	}
}

// TestReleaseKeepsResults: FAs and Tagged match the same after Release,
// whether their caches were built in full, in part or not at all.
func TestReleaseKeepsResults(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 200 {
		c := newReleaseCase(r)
		texts := make([]string, 12)
		for i := range texts {
			texts[i] = genString(r, 12)
		}
		var before []string
		for _, a := range c.fas {
			before = append(before, observe(a, texts), dfaFacts(a))
		}
		for _, tg := range c.tagged {
			before = append(before, observeTagged(tg, texts))
		}
		for round := range 3 {
			ReleaseAll(c.fas...)
			for _, tg := range c.tagged {
				tg.Release()
			}
			if round == 1 {
				// half built: release again with only some caches there
				c.fas[0].Match(texts[0])
				c.tagged[0].MatchMask(texts[1])
				ReleaseAll(c.fas...)
				c.tagged[0].Release()
			}
			var after []string
			for _, a := range c.fas {
				after = append(after, observe(a, texts), dfaFacts(a))
			}
			for _, tg := range c.tagged {
				after = append(after, observeTagged(tg, texts))
			}
			require.Equal(t, before, after, "%s, round %d", c.desc, round)
		}
	}
}

// TestReleaseDropsCaches: Release drops the matchers, automata and DFAs
// an FA built, of the FA and its operands, but keeps an automaton given
// whole; Tagged drops its matchers.
func TestReleaseDropsCaches(t *testing.T) {
	a, b := MustCompile("(a|b)*c"), MustCompile("a+")
	cat := Concat(a, b)
	min := cat.Minimize() // byDFA
	large := Minus(Star(MustCompile("(a|b)*a(a|b){20}")), a)
	require.Equal(t, byNFA, large.op)
	all := []*FA{a, b, cat, min, large}
	for _, x := range all {
		x.Match("ab")
		x.AppendStarts(nil, "ab")
	}
	a.NumStates()
	cat.NumStates()
	for _, x := range all {
		require.NotNil(t, x.fwd.Load())
		require.NotNil(t, x.rev.Load())
		require.True(t, x.hasNFA())
	}
	require.NotNil(t, a.det.Load())
	tg := NewTagged(a, b)
	tg.MatchMask("ab")
	tg.AppendStartMasks(nil, nil, "ab")
	require.NotNil(t, tg.fwd.Load())
	require.NotNil(t, tg.rev.Load())

	ReleaseAll(cat, min, large) // a and b as operands of cat
	tg.Release()
	for _, x := range all {
		assert.Nil(t, x.fwd.Load())
		assert.Nil(t, x.rev.Load())
	}
	for _, x := range []*FA{a, b, cat} {
		assert.False(t, x.hasNFA())
		assert.Nil(t, x.det.Load())
	}
	assert.NotNil(t, min.det.Load(), "a DFA given whole is kept")
	assert.True(t, large.hasNFA(), "an automaton given whole is kept")
	assert.Nil(t, tg.fwd.Load())
	assert.Nil(t, tg.rev.Load())
}

// TestReleaseWhileMatching: Release may run while other goroutines
// match (run with -race).
func TestReleaseWhileMatching(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	c := newReleaseCase(r)
	texts := []string{"", "a", "ab\nc", "abcabc", "ccc\na"}
	var want []string
	for _, a := range c.fas {
		want = append(want, observe(a, texts))
	}
	for _, tg := range c.tagged {
		want = append(want, observeTagged(tg, texts))
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				k := (w + i) % (len(c.fas) + len(c.tagged))
				if k < len(c.fas) {
					assert.Equal(t, want[k], observe(c.fas[k], texts))
				} else {
					assert.Equal(t, want[k], observeTagged(c.tagged[k-len(c.fas)], texts))
				}
			}
		}()
	}
	for range 50 {
		ReleaseAll(c.fas...)
		for _, tg := range c.tagged {
			tg.Release()
		}
	}
	wg.Wait()
}
