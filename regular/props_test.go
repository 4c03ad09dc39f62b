package regular

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Algebraic properties of the language operations, checked on random
// regexps. Every property runs propCases cases from a fixed seed; the
// regexps are kept shallow so that their automata stay small.

const propCases = 300

// propPair is a pair of random languages. Some pairs are related (b holds
// a) so that the subset and equality checks do not only see unrelated
// languages.
type propPair struct {
	pa, pb string
	a, b   *FA
	ra, rb *Regexp
}

func (p propPair) String() string { return "a = /" + p.pa + "/, b = /" + p.pb + "/" }

func genPairs(t *testing.T, seed uint64, n int) []propPair {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	pairs := make([]propPair, n)
	for i := range pairs {
		pa := genRegexp(r, 2)
		var pb string
		switch r.IntN(6) {
		case 0:
			pb = "(" + pa + ")|" + genRegexp(r, 1) // b ⊇ a
		case 1:
			pb = "(" + pa + ")*" // b ⊇ a
		case 2:
			pb = pa + genRegexp(r, 1) // a·something
		default:
			pb = genRegexp(r, 2)
		}
		ra, err := Parse(pa, 0)
		require.NoError(t, err, "pattern %q", pa)
		rb, err := Parse(pb, 0)
		require.NoError(t, err, "pattern %q", pb)
		pairs[i] = propPair{pa, pb, Compile(ra), Compile(rb), ra, rb}
	}
	return pairs
}

// failureCap ends a property test after a few failures, to keep reports
// short.
type failureCap struct {
	t *testing.T
	n int
}

func (f *failureCap) check(ok bool) {
	f.t.Helper()
	if !ok {
		f.n++
		if f.n >= 10 {
			f.t.Fatalf("stopping after %d failures", f.n)
		}
	}
}

// propInputs returns test words for a pair: random strings, members of a
// and b, their concatenations and near misses.
func propInputs(r *rand.Rand, p propPair, n int) []string {
	in := make([]string, 0, 2*n)
	for range n {
		in = append(in, genString(r, 8))
	}
	for range n / 2 {
		wa, okA := genMember(r, p.ra)
		wb, okB := genMember(r, p.rb)
		if okA && len(wa) <= 12 {
			in = append(in, wa, mutate(r, wa))
		}
		if okB && len(wb) <= 12 {
			in = append(in, wb)
		}
		if okA && okB && len(wa)+len(wb) <= 16 {
			in = append(in, wa+wb)
		}
	}
	return in
}

// splits lists the cuts i with s[:i] in a and s[i:] in b, by brute force.
func splits(a, b *FA, s string) []int {
	var cuts []int
	for i := 0; i <= len(s); i++ {
		if a.Match(s[:i]) && b.Match(s[i:]) {
			cuts = append(cuts, i)
		}
	}
	return cuts
}

// inRepeat reports whether s is in a{lo,hi} (hi < 0: no bound) by dynamic
// programming over the ways to cut s into non-empty words of a; empty
// iterations are accounted for separately.
func inRepeat(a *FA, s string, lo, hi int) bool {
	n := len(s)
	// parts[j][m]: s[:j] is m non-empty words of a
	parts := make([][]bool, n+1)
	for j := range parts {
		parts[j] = make([]bool, n+1)
	}
	parts[0][0] = true
	for j := 1; j <= n; j++ {
		for i := 0; i < j; i++ {
			if !a.Match(s[i:j]) {
				continue
			}
			for m := 0; m < n; m++ {
				if parts[i][m] {
					parts[j][m+1] = true
				}
			}
		}
	}
	eps := a.Match("")
	for m := 0; m <= n; m++ {
		if !parts[n][m] || (hi >= 0 && m > hi) {
			continue
		}
		if m >= lo || eps {
			return true
		}
	}
	return false
}

func reverseString(s string) string {
	b := []byte(s)
	reverseBytes(b)
	return string(b)
}

func TestPropAlgebra(t *testing.T) {
	pairs := genPairs(t, 1, propCases)
	tests := []struct {
		name  string
		check func(t *testing.T, p propPair) bool
	}{
		{"minus is disjoint from the subtrahend", func(t *testing.T, p propPair) bool {
			return assert.True(t, Intersect(Minus(p.a, p.b), p.b).IsEmpty(), "(a−b)∩b not empty: %s", p)
		}},
		{"union holds its operands", func(t *testing.T, p propPair) bool {
			u := Union(p.a, p.b)
			return assert.True(t, p.a.Subset(u), "a ⊄ a∪b: %s", p) &&
				assert.True(t, p.b.Subset(u), "b ⊄ a∪b: %s", p)
		}},
		{"intersection lies in its operands", func(t *testing.T, p propPair) bool {
			i := Intersect(p.a, p.b)
			return assert.True(t, i.Subset(p.a), "a∩b ⊄ a: %s", p) &&
				assert.True(t, i.Subset(p.b), "a∩b ⊄ b: %s", p)
		}},
		{"double complement", func(t *testing.T, p propPair) bool {
			cc := Complement(Complement(p.a))
			return assert.True(t, cc.Equal(p.a), "¬¬a ≠ a: %s", p) &&
				assert.Equal(t, p.a.NumStates(), cc.NumStates(), "minimal DFAs differ in size: %s", p)
		}},
		{"minimize keeps the language", func(t *testing.T, p propPair) bool {
			m := p.a.Minimize()
			return assert.True(t, p.a.Equal(m), "a ≠ minimize(a): %s", p) &&
				assert.True(t, m.Equal(p.a), "minimize(a) ≠ a: %s", p) &&
				assert.Equal(t, p.a.NumStates(), m.NumStates(), "%s", p)
		}},
		{"minus is intersection with the complement", func(t *testing.T, p propPair) bool {
			return assert.True(t, Minus(p.a, p.b).Equal(Intersect(p.a, Complement(p.b))), "%s", p)
		}},
		{"equal is mutual subset", func(t *testing.T, p propPair) bool {
			sub, sup := p.a.Subset(p.b), p.b.Subset(p.a)
			return assert.Equal(t, sub && sup, p.a.Equal(p.b), "%s", p) &&
				assert.Equal(t, sub, Minus(p.a, p.b).IsEmpty(), "a ⊆ b but a−b is not empty: %s", p) &&
				assert.True(t, p.a.Subset(Union(p.a, p.b)), "%s", p)
		}},
		{"disjoint", func(t *testing.T, p propPair) bool {
			w, disjoint := Disjoint(p.a, p.b)
			i := Intersect(p.a, p.b)
			if !assert.Equal(t, i.IsEmpty(), disjoint, "Disjoint disagrees with the intersection: %s", p) {
				return false
			}
			if disjoint {
				return true
			}
			iw, _ := i.Example()
			return assert.True(t, p.a.Match(w), "example %q not in a: %s", w, p) &&
				assert.True(t, p.b.Match(w), "example %q not in b: %s", w, p) &&
				assert.Len(t, w, len(iw), "example %q is longer than %q, also in both: %s", w, iw, p)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fc := &failureCap{t: t}
			for _, p := range pairs {
				fc.check(tt.check(t, p))
			}
		})
	}
}

// The String form of an automaton built by the product constructions
// comes from state elimination; it must parse back to the same language.
func TestPropStringRoundTrip(t *testing.T) {
	pairs := genPairs(t, 2, propCases)
	ops := []struct {
		name string
		op   func(p propPair) *FA
	}{
		{"minus", func(p propPair) *FA { return Minus(p.a, p.b) }},
		{"intersect", func(p propPair) *FA { return Intersect(p.a, p.b) }},
		{"complement", func(p propPair) *FA { return Complement(p.a) }},
		{"reverse", func(p propPair) *FA { return Reverse(p.a) }},
		{"minimize", func(p propPair) *FA { return p.a.Minimize() }},
		{"union", func(p propPair) *FA { return Union(p.a, p.b) }},
		{"concat", func(p propPair) *FA { return Concat(p.a, p.b) }},
		{"star", func(p propPair) *FA { return Star(p.a) }},
		{"plus", func(p propPair) *FA { return Plus(p.a) }},
		{"optional", func(p propPair) *FA { return Optional(p.a) }},
		{"repeat", func(p propPair) *FA { return Repeat(p.a, 1, 2) }},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			fc := &failureCap{t: t}
			long := 0
			for _, p := range pairs {
				x := op.op(p)
				s := x.String()
				if len(s) > roundTripLimit {
					long++
					continue
				}
				re, err := Parse(s, 0)
				if err != nil {
					fc.check(assert.Fail(t, "String form does not parse",
						"String %s of %s: %s; %s", clip(s), op.name, errorMsg(err), p))
					continue
				}
				back := Compile(re)
				ok := assert.True(t, back.Equal(x), "String %s of %s is another language: %s", clip(s), op.name, p)
				if !ok {
					only, _ := Minus(x, back).Example()
					extra, _ := Minus(back, x).Example()
					t.Logf("missing from the String form: %q; added by it: %q", only, extra)
				}
				fc.check(ok)
			}
			t.Logf("%d of %d String forms longer than %d bytes not checked", long, len(pairs), roundTripLimit)
		})
	}
}

// roundTripLimit bounds the String forms TestPropStringRoundTrip parses
// back: state elimination can produce huge regexps (see
// TestPropStringSize), and compiling those takes seconds.
const roundTripLimit = 16 << 10

// State elimination can turn a small minimal DFA into a regexp too big for
// Parse, breaking the promise that Parse(a.String()) is a's language.
func TestPropStringSize(t *testing.T) {
	const pattern = "(.b(a?[bc])[^c]b+.){2,}}b" // 26 bytes, 69 DFA states
	for _, tt := range []struct {
		name string
		fa   *FA
	}{
		{"minimize", MustCompile(pattern).Minimize()},
		{"complement", Complement(MustCompile(pattern))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.fa.String()
			re, err := Parse(s, 0)
			if err != nil {
				t.Fatalf("String form of /%s/ (%d DFA states) is %d bytes long and does not parse: %s",
					pattern, tt.fa.NumStates(), len(s), errorMsg(err))
			}
			assert.True(t, Compile(re).Equal(tt.fa))
		})
	}
}

// enumWords holds every word over genWideAlphabet up to enumLen bytes;
// all bytes a generated pattern does not mention behave like 'd', so these
// cover every behaviour of the short words.
const enumLen = 4

var enumWords = genWords(nil, genWideAlphabet, enumLen)

func TestPropExample(t *testing.T) {
	pairs := genPairs(t, 3, propCases)
	ops := []struct {
		name string
		op   func(p propPair) *FA
	}{
		{"compiled", func(p propPair) *FA { return p.a }},
		{"minus", func(p propPair) *FA { return Minus(p.a, p.b) }},
		{"intersect", func(p propPair) *FA { return Intersect(p.a, p.b) }},
		{"complement", func(p propPair) *FA { return Complement(p.a) }},
		{"concat", func(p propPair) *FA { return Concat(p.a, p.b) }},
		{"reverse", func(p propPair) *FA { return Reverse(p.b) }},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			fc := &failureCap{t: t}
			empty := 0
			for _, p := range pairs {
				x := op.op(p)
				w, ok := x.Example()
				// emptiness decided on the DFA, independently of Example
				isNone := x.Equal(None())
				if !ok {
					empty++
				}
				good := assert.Equal(t, !isNone, ok, "Example's ok disagrees with emptiness: %s", p) &&
					assert.Equal(t, isNone, x.IsEmpty(), "IsEmpty: %s", p)
				if ok {
					good = assert.True(t, x.Match(w), "Example %q not matched: %s", w, p) && good
					good = assert.Equal(t, w == "", x.AcceptsEmpty(), "AcceptsEmpty disagrees with Example %q: %s", w, p) && good
					// a shortest word: no shorter word is in the language
					for _, v := range enumWords {
						if len(v) >= len(w) {
							break
						}
						if x.Match(v) {
							good = assert.Fail(t, "Example is not shortest", "Example %q, but %q matches: %s", w, v, p)
							break
						}
					}
				}
				fc.check(good)
			}
			t.Logf("%d of %d languages empty", empty, len(pairs))
		})
	}
}

// Match on the combinators agrees with the combination of the operands'
// verdicts, computed by brute force.
func TestPropMatchCombinators(t *testing.T) {
	pairs := genPairs(t, 4, propCases)
	r := rand.New(rand.NewPCG(4, 4))
	type combo struct {
		name string
		fa   func(p propPair) *FA
		want func(p propPair, s string) bool
	}
	combos := []combo{
		{"union", func(p propPair) *FA { return Union(p.a, p.b) },
			func(p propPair, s string) bool { return p.a.Match(s) || p.b.Match(s) }},
		{"intersect", func(p propPair) *FA { return Intersect(p.a, p.b) },
			func(p propPair, s string) bool { return p.a.Match(s) && p.b.Match(s) }},
		{"minus", func(p propPair) *FA { return Minus(p.a, p.b) },
			func(p propPair, s string) bool { return p.a.Match(s) && !p.b.Match(s) }},
		{"complement", func(p propPair) *FA { return Complement(p.a) },
			func(p propPair, s string) bool { return !p.a.Match(s) }},
		{"concat", func(p propPair) *FA { return Concat(p.a, p.b) },
			func(p propPair, s string) bool { return len(splits(p.a, p.b, s)) > 0 }},
		{"star", func(p propPair) *FA { return Star(p.a) },
			func(p propPair, s string) bool { return inRepeat(p.a, s, 0, -1) }},
		{"plus", func(p propPair) *FA { return Plus(p.a) },
			func(p propPair, s string) bool { return inRepeat(p.a, s, 1, -1) }},
		{"optional", func(p propPair) *FA { return Optional(p.a) },
			func(p propPair, s string) bool { return s == "" || p.a.Match(s) }},
		{"repeat 2,3", func(p propPair) *FA { return Repeat(p.a, 2, 3) },
			func(p propPair, s string) bool { return inRepeat(p.a, s, 2, 3) }},
		{"repeat 2,", func(p propPair) *FA { return Repeat(p.a, 2, -1) },
			func(p propPair, s string) bool { return inRepeat(p.a, s, 2, -1) }},
		{"repeat 0,0", func(p propPair) *FA { return Repeat(p.a, 0, 0) },
			func(p propPair, s string) bool { return s == "" }},
		{"repeat 3,1", func(p propPair) *FA { return Repeat(p.a, 3, 1) },
			func(p propPair, s string) bool { return false }},
		{"reverse", func(p propPair) *FA { return Reverse(p.a) },
			func(p propPair, s string) bool { return p.a.Match(reverseString(s)) }},
		{"minimize", func(p propPair) *FA { return p.a.Minimize() },
			func(p propPair, s string) bool { return p.a.Match(s) }},
	}
	inputs := make([][]string, len(pairs))
	for i, p := range pairs {
		inputs[i] = propInputs(r, p, 12)
	}
	for _, c := range combos {
		t.Run(c.name, func(t *testing.T) {
			fc := &failureCap{t: t}
			checked, matched := 0, 0
			for i, p := range pairs {
				x := c.fa(p)
				for _, s := range inputs[i] {
					want := c.want(p, s)
					checked++
					if want {
						matched++
					}
					fc.check(assert.Equal(t, want, x.Match(s), "%s on %q: %s", c.name, s, p))
				}
			}
			t.Logf("%d words, %d in the language", checked, matched)
		})
	}
}

func checkAmbiguity(t *testing.T, x Ambiguity, a, b *FA, what string, p propPair) bool {
	t.Helper()
	if !assert.True(t, 0 <= x.Cut1 && x.Cut1 < x.Cut2 && x.Cut2 <= len(x.Word),
		"%s: bad cuts in %+v: %s", what, x, p) {
		return false
	}
	return assert.True(t, a.Match(x.Word[:x.Cut1]), "%s: %q not in the first language: %s", what, x.Word[:x.Cut1], p) &&
		assert.True(t, a.Match(x.Word[:x.Cut2]), "%s: %q not in the first language: %s", what, x.Word[:x.Cut2], p) &&
		assert.True(t, b.Match(x.Word[x.Cut1:]), "%s: %q not in the second language: %s", what, x.Word[x.Cut1:], p) &&
		assert.True(t, b.Match(x.Word[x.Cut2:]), "%s: %q not in the second language: %s", what, x.Word[x.Cut2:], p)
}

// The witnesses of AmbigConcat and AmbigStar really witness, are
// shortest, and when there is none no short or random word has two splits.
func TestPropAmbiguity(t *testing.T) {
	pairs := genPairs(t, 5, propCases)
	r := rand.New(rand.NewPCG(5, 5))
	kinds := []struct {
		name   string
		first  func(p propPair) *FA
		rest   func(p propPair) *FA
		restRe func(p propPair) *Regexp
		ambig  func(p propPair) (Ambiguity, bool)
	}{
		{"concat", func(p propPair) *FA { return p.a }, func(p propPair) *FA { return p.b },
			func(p propPair) *Regexp { return p.rb },
			func(p propPair) (Ambiguity, bool) { return AmbigConcat(p.a, p.b) }},
		{"star", func(p propPair) *FA { return p.a }, func(p propPair) *FA { return Star(p.a) },
			func(p propPair) *Regexp { return &Regexp{Op: OpStar, Sub: []*Regexp{p.ra}} },
			func(p propPair) (Ambiguity, bool) { return AmbigStar(p.a) }},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			fc := &failureCap{t: t}
			ambiguous := 0
			for _, p := range pairs {
				a, b := k.first(p), k.rest(p)
				x, amb := k.ambig(p)
				if amb {
					ambiguous++
					good := checkAmbiguity(t, x, a, b, k.name, p)
					// shortest: no shorter word has two splits
					for _, v := range enumWords {
						if len(v) >= len(x.Word) {
							break
						}
						if cuts := splits(a, b, v); len(cuts) > 1 {
							good = assert.Fail(t, "witness is not shortest",
								"witness %s, but %q splits at %v: %s", x, v, cuts, p)
							break
						}
					}
					fc.check(good)
					continue
				}
				words := append([]string(nil), enumWords...)
				words = append(words, propInputs(r, p, 8)...)
				for range 8 {
					wa, okA := genMember(r, p.ra)
					wb, okB := genMember(r, k.restRe(p))
					if okA && okB && len(wa)+len(wb) <= 16 {
						words = append(words, wa+wb)
					}
				}
				good := true
				for _, v := range words {
					if cuts := splits(a, b, v); len(cuts) > 1 {
						good = assert.Fail(t, "ambiguity missed",
							"%s says unambiguous, but %q splits at %v: %s", k.name, v, cuts, p)
						break
					}
				}
				fc.check(good)
			}
			t.Logf("%d of %d ambiguous", ambiguous, len(pairs))
		})
	}
}

// Building a{m,n} must take time linear in n, as MaxSize promises for
// parsed patterns: the 10-byte pattern a{0,32767} passes Parse's size
// check, so neither it nor the combinator Repeat(a, 0, 32767) may take
// minutes. a{0,1500} needs a few thousand states; built in linear time
// that takes about a millisecond.
func TestPropRepeatBuildTime(t *testing.T) {
	const n = 1500
	tests := []struct {
		name  string
		build func() *FA
	}{
		{"compile", func() *FA { return MustCompile("a{0," + strconv.Itoa(n) + "}") }},
		{"combinator", func() *FA { return Repeat(LiteralFA("a"), 0, n) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			fa := tt.build()
			elapsed := time.Since(start)
			assert.True(t, fa.Match("aaaa"))
			assert.True(t, fa.Match(strings.Repeat("a", n)))
			assert.False(t, fa.Match(strings.Repeat("a", n+1)))
			assert.Less(t, elapsed, 200*time.Millisecond, "building a{0,%d} is not linear in the count", n)
		})
	}
}
