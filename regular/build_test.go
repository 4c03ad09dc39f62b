package regular

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rlang is a random FA made by the combinators, with what it must hold:
// a membership oracle computed by brute force from its operands' (Go's
// regexp package for the regexps at the leaves), and an equivalent
// pattern when the operations have one.
type rlang struct {
	fa      *FA
	in      func(s string) bool
	pattern string // "" if none
	desc    string
}

// memo caches a membership oracle.
func memo(in func(string) bool) func(string) bool {
	seen := map[string]bool{}
	return func(s string) bool {
		v, ok := seen[s]
		if !ok {
			v = in(s)
			seen[s] = v
		}
		return v
	}
}

// inConcat reports whether s splits into one word of each of ins.
func inConcat(ins []func(string) bool, s string) bool {
	if len(ins) == 0 {
		return s == ""
	}
	for i := 0; i <= len(s); i++ {
		if ins[0](s[:i]) && inConcat(ins[1:], s[i:]) {
			return true
		}
	}
	return false
}

// inStar reports whether s is a sequence of words of in.
func inStar(in func(string) bool, s string) bool {
	ok := make([]bool, len(s)+1)
	ok[0] = true
	for j := 1; j <= len(s); j++ {
		for i := 0; i < j && !ok[j]; i++ {
			ok[j] = ok[i] && in(s[i:j])
		}
	}
	return ok[len(s)]
}

// inRepeatOf reports whether s is in x{min,max} (max < 0: no bound).
func inRepeatOf(in func(string) bool, min, max int, s string) bool {
	pow := func(k int, s string) bool { return inConcat(slices.Repeat([]func(string) bool{in}, k), s) }
	if max < 0 {
		for i := 0; i <= len(s); i++ {
			if pow(min, s[:i]) && inStar(in, s[i:]) {
				return true
			}
		}
		return false
	}
	for k := min; k <= max; k++ {
		if pow(k, s) {
			return true
		}
	}
	return false
}

func genLeaf(t *testing.T, r *rand.Rand) rlang {
	switch r.IntN(10) {
	case 0:
		return rlang{fa: None(), in: func(string) bool { return false }, desc: "none"}
	case 1:
		return rlang{fa: Epsilon(), in: func(s string) bool { return s == "" }, pattern: "()", desc: "()"}
	}
	p := genRegexp(r, 1)
	re, err := goAnchored(p, 0)
	require.NoError(t, err, p)
	return rlang{fa: MustCompile(p), in: memo(re.MatchString), pattern: p, desc: "/" + p + "/"}
}

// genLang returns a random FA of operations nested at most depth deep.
func genLang(t *testing.T, r *rand.Rand, depth int) rlang {
	if depth == 0 || r.IntN(5) == 0 {
		return genLeaf(t, r)
	}
	sub := func() rlang { return genLang(t, r, depth-1) }
	subs := func(n int) ([]*FA, []func(string) bool, []string, []string) {
		var fas []*FA
		var ins []func(string) bool
		var pats, descs []string
		for range n {
			x := sub()
			fas, ins, descs = append(fas, x.fa), append(ins, x.in), append(descs, x.desc)
			if pats != nil || len(fas) == 1 {
				if x.pattern == "" {
					pats = nil
				} else {
					pats = append(pats, "("+x.pattern+")")
				}
			}
		}
		return fas, ins, pats, descs
	}
	switch r.IntN(11) {
	case 0, 1:
		fas, ins, pats, descs := subs(1 + r.IntN(3))
		l := rlang{fa: Concat(fas...), in: memo(func(s string) bool { return inConcat(ins, s) }), desc: "concat(" + strings.Join(descs, ", ") + ")"}
		if pats != nil {
			l.pattern = strings.Join(pats, "")
		}
		return l
	case 2, 3:
		fas, ins, pats, descs := subs(1 + r.IntN(3))
		l := rlang{fa: Union(fas...), in: memo(func(s string) bool {
			return slices.ContainsFunc(ins, func(in func(string) bool) bool { return in(s) })
		}), desc: "union(" + strings.Join(descs, ", ") + ")"}
		if pats != nil {
			l.pattern = strings.Join(pats, "|")
		}
		return l
	}
	x := sub()
	wrap := func(op string) string {
		if x.pattern == "" {
			return ""
		}
		return "(" + x.pattern + ")" + op
	}
	switch r.IntN(9) {
	case 0:
		return rlang{Star(x.fa), memo(func(s string) bool { return inStar(x.in, s) }), wrap("*"), "star(" + x.desc + ")"}
	case 1:
		return rlang{Plus(x.fa), memo(func(s string) bool { return inRepeatOf(x.in, 1, -1, s) }), wrap("+"), "plus(" + x.desc + ")"}
	case 2:
		return rlang{Optional(x.fa), memo(func(s string) bool { return s == "" || x.in(s) }), wrap("?"), "opt(" + x.desc + ")"}
	case 3:
		min, max := r.IntN(3), r.IntN(4)-1
		if max >= 0 {
			max += min
		}
		bounds := fmt.Sprintf("{%d,%d}", min, max)
		if max < 0 {
			bounds = fmt.Sprintf("{%d,}", min)
		}
		return rlang{Repeat(x.fa, min, max), memo(func(s string) bool { return inRepeatOf(x.in, min, max, s) }), wrap(bounds), "repeat" + bounds + "(" + x.desc + ")"}
	case 4:
		return rlang{Reverse(x.fa), memo(func(s string) bool { return x.in(reverseString(s)) }), "", "reverse(" + x.desc + ")"}
	case 5:
		return rlang{x.fa.Minimize(), x.in, x.pattern, "minimize(" + x.desc + ")"}
	case 6:
		y := sub()
		return rlang{Minus(x.fa, y.fa), memo(func(s string) bool { return x.in(s) && !y.in(s) }), "", "minus(" + x.desc + ", " + y.desc + ")"}
	case 7:
		y := sub()
		return rlang{Intersect(x.fa, y.fa), memo(func(s string) bool { return x.in(s) && y.in(s) }), "", "intersect(" + x.desc + ", " + y.desc + ")"}
	}
	var allowed ByteSet
	allowed.AddRange('a', 'b')
	return rlang{Restrict(x.fa, allowed), memo(func(s string) bool { return strings.Trim(s, "ab") == "" && x.in(s) }), "", "restrict(" + x.desc + ")"}
}

// langInputs returns every string over genAlphabet of up to 3 bytes and
// some longer random ones.
func langInputs(r *rand.Rand) []string {
	in := []string{""}
	for n := 0; n < len(in) && len(in[n]) < 3; n++ {
		for _, c := range genAlphabet {
			in = append(in, in[n]+string(c))
		}
	}
	for range 30 {
		in = append(in, genString(r, 7))
	}
	return in
}

// walkRecipe calls f on every FA a is made from, a excluded.
func walkRecipe(a *FA, f func(*FA)) {
	for _, sub := range a.subs {
		f(sub)
		walkRecipe(sub, f)
	}
}

// TestPropLazyLanguages: FAs made by random nestings of the
// combinators and the algebra hold the words the operations say (checked
// by brute force from the operands' languages, and against the pattern
// of the whole when there is one); what is known without an automaton
// (States, AcceptsEmpty, IsEmpty, FirstBytes) agrees with the automaton;
// and matching the whole builds nothing for its operands.
func TestPropLazyLanguages(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 5))
	inputs := langInputs(r)
	fc := &failureCap{t: t}
	var withPattern, nonEmpty int
	for range propCases {
		l := genLang(t, r, 3)
		a := l.fa
		ok := true
		for _, s := range inputs {
			ok = ok && assert.Equal(t, l.in(s), a.Match(s), "%q in %s", s, l.desc)
		}
		for _, s := range inputs[len(inputs)-5:] {
			var prefixes, starts []int
			for i := 0; i <= len(s); i++ {
				if l.in(s[:i]) {
					prefixes = append(prefixes, i)
				}
				if l.in(s[i:]) {
					starts = append(starts, i)
				}
			}
			ok = ok && assert.Equal(t, prefixes, a.AppendPrefixes(nil, s), "prefixes of %q in %s", s, l.desc)
			ok = ok && assert.Equal(t, starts, a.AppendStarts(nil, s), "starts of %q in %s", s, l.desc)
		}
		ok = ok && assert.Equal(t, l.in(""), a.AcceptsEmpty(), "%s", l.desc)
		w, found := a.Example()
		ok = ok && assert.Equal(t, !found, a.IsEmpty(), "%s", l.desc)
		if found {
			nonEmpty++
			ok = ok && assert.True(t, l.in(w), "example %q of %s", w, l.desc)
		}
		built := a.buildNFA(false)
		ok = ok && assert.Equal(t, built.size(), a.States(), "states of %s", l.desc)
		ok = ok && assert.Equal(t, built.firstBytes(), a.FirstBytes(), "first bytes of %s", l.desc)
		for _, s := range inputs {
			if s != "" && l.in(s) {
				first := a.FirstBytes()
				ok = ok && assert.True(t, first.Has(s[0]), "%q starts a word of %s", s, l.desc)
			}
		}
		if l.pattern != "" {
			withPattern++
			ok = ok && assert.True(t, a.Equal(MustCompile(l.pattern)), "%s is not /%s/", l.desc, l.pattern)
		}
		walkRecipe(a, func(sub *FA) {
			if sub.op != byNFA {
				ok = ok && assert.False(t, sub.hasNFA(), "an operand of %s keeps an automaton", l.desc)
			}
		})
		fc.check(ok)
	}
	assert.Greater(t, withPattern, propCases/4)
	assert.Greater(t, nonEmpty, propCases/2)
}

// TestPropLazyTagged: Tagged and NewSuffixes over FAs made by the
// combinators read what their languages do, and build nothing for them.
func TestPropLazyTagged(t *testing.T) {
	r := rand.New(rand.NewPCG(29, 3))
	inputs := langInputs(r)
	fc := &failureCap{t: t}
	for range propCases / 3 {
		ls := make([]rlang, 1+r.IntN(4))
		fas := make([]*FA, len(ls))
		for k := range ls {
			ls[k] = genLang(t, r, 2)
			fas[k] = ls[k].fa
		}
		tg, sf := NewTagged(fas...), NewSuffixes(fas...)
		ok := true
		for _, s := range inputs {
			var want uint64
			wantStarts := make([]uint64, len(s)+1)
			wantSuffix := make([]uint64, len(s)+1)
			for k, l := range ls {
				if l.in(s) {
					want |= 1 << k
				}
				for i := 0; i <= len(s); i++ {
					if l.in(s[i:]) {
						wantStarts[i] |= 1 << k
					}
					ins := make([]func(string) bool, 0, len(ls)-k)
					for _, m := range ls[k:] {
						ins = append(ins, m.in)
					}
					if inConcat(ins, s[i:]) {
						wantSuffix[i] |= 1 << k
					}
				}
			}
			ok = ok && assert.Equal(t, want, tg.MatchMask(s), "%q", s)
			if want != 0 {
				ok = ok && assert.Equal(t, bits.TrailingZeros64(want), tg.Choose(s), "%q", s)
			}
			check := func(name string, want []uint64, starts []int, masks []uint64) {
				var gotMasks []uint64
				for i := 0; i <= len(s); i++ {
					var m uint64
					if k := slices.Index(starts, i); k >= 0 {
						m = masks[k]
					}
					gotMasks = append(gotMasks, m)
				}
				ok = ok && assert.Equal(t, want, gotMasks, "%s of %q", name, s)
			}
			starts, masks := tg.AppendStartMasks(nil, nil, s)
			check("starts", wantStarts, starts, masks)
			starts, masks = sf.AppendStartMasks(nil, nil, s)
			check("suffix starts", wantSuffix, starts, masks)
			ok = ok && assert.Equal(t, wantSuffix[0], sf.MatchMask(s), "suffixes of %q", s)
		}
		for _, a := range fas {
			if a.op != byNFA {
				ok = ok && assert.False(t, a.hasNFA(), "a tagged language keeps an automaton")
			}
		}
		fc.check(ok)
	}
}

// TestLazyOperands: matching an FA made of others builds its automaton
// only; reading it backward, determinising it or reading it in a Tagged
// keeps none at all.
func TestLazyOperands(t *testing.T) {
	word := MustCompile("[a-z]+")
	all := []*FA{word}
	top := word
	for i := range 100 {
		op := Concat(top, Optional(LiteralFA("=")), Star(Union(word, MustCompile("[0-9]"))))
		if i%2 == 1 {
			op = Union(op, Repeat(LiteralFA(fmt.Sprint(i)), 1, 2))
		}
		all = append(all, op)
		top = op
	}
	none := func(what string) {
		t.Helper()
		for _, a := range all {
			require.False(t, a.hasNFA(), "%s built an automaton", what)
		}
	}
	assert.True(t, top.Equal(Minimize(top)))
	none("Equal")
	var starts []int
	for i := range len("ab=c9") + 1 {
		if Compile(top.Regexp()).Match("ab=c9"[i:]) {
			starts = append(starts, i)
		}
	}
	assert.Equal(t, starts, top.AppendStarts(nil, "ab=c9"))
	none("AppendStarts")
	tg := NewTagged(top, all[50])
	assert.Equal(t, uint64(3), tg.MatchMask("ab=c9"))
	none("Tagged")
	assert.True(t, top.Match("ab=c9"))
	assert.True(t, top.hasNFA())
	all = all[:len(all)-1]
	none("Match")
}

// Minimize is FA.Minimize, for brevity.
func Minimize(a *FA) *FA { return a.Minimize() }

// TestSharedOperand: an operand used by many FAs is built into each, as
// it would be copied: the automaton of a union of n concatenations
// holding it has as many states as the operands' together.
func TestSharedOperand(t *testing.T) {
	word := MustCompile("[a-z_]+")
	var lines []*FA
	for i := range 500 {
		lines = append(lines, Concat(word, LiteralFA(fmt.Sprintf("=%d\n", i))))
	}
	u := Union(lines...)
	want := 2 // a start, the union's end
	for _, l := range lines {
		want += l.States() - 1
	}
	assert.Equal(t, want, u.States())
	assert.True(t, u.Match("abc=499\n"))
	assert.Equal(t, want, u.nfa().size())
	assert.False(t, word.hasNFA())
}

// TestDeepRecipe: an FA nested far deeper than any lens builds without
// trouble (the stack grows). Its operands have no regexp (Reverse), as
// the regexps of nested concatenations are flattened at every level.
func TestDeepRecipe(t *testing.T) {
	const depth = 100000
	a, b := Reverse(LiteralFA("a")), Reverse(LiteralFA("b"))
	x := Epsilon()
	for i := range depth {
		if i%2 == 0 {
			x = Concat(x, a)
		} else {
			x = Concat(Optional(b), x)
		}
	}
	s := strings.Repeat("a", depth/2)
	assert.True(t, x.Match(s))
	assert.True(t, x.Match("b"+s))
	assert.False(t, x.Match(s+"b"))
	assert.Equal(t, []int{0, 1}, x.AppendStarts(nil, "b"+s))
	assert.Equal(t, ByteSet{}.Union(a.FirstBytes()).Union(b.FirstBytes()), x.FirstBytes())
}

// TestLazyConcurrent: goroutines using FAs that share operands for the
// first time, each in its own order, see what one goroutine does.
func TestLazyConcurrent(t *testing.T) {
	langs := func() []*FA {
		word, num := MustCompile("[a-z]+"), MustCompile("[0-9]+")
		kv := Concat(word, LiteralFA("="), Union(word, num))
		line := Concat(Optional(kv), Star(Concat(LiteralFA(";"), kv)), LiteralFA("\n"))
		return []*FA{word, num, kv, line, Star(line), Reverse(line), Plus(kv).Minimize(), Repeat(line, 1, 3)}
	}
	use := func(fas []*FA, order []int) []string {
		out := make([]string, len(fas))
		for _, i := range order {
			a := fas[i]
			first := a.FirstBytes()
			w, _ := a.Example()
			out[i] = fmt.Sprint(a.Match("a=1;b=c\n"), a.AppendStarts(nil, "x=1\nab=c\n"), first, a.NumStates(), w, a.States())
		}
		return out
	}
	want := use(langs(), []int{0, 1, 2, 3, 4, 5, 6, 7})
	fas := langs()
	got := make([][]string, 4)
	done := make(chan bool)
	for g := range got {
		go func() {
			order := rand.New(rand.NewPCG(uint64(g), 1)).Perm(len(fas))
			got[g] = use(fas, order)
			done <- true
		}()
	}
	for range got {
		<-done
	}
	for _, g := range got {
		assert.Equal(t, want, g)
	}
}
