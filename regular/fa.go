package regular

import (
	"fmt"
	"slices"
	"sync/atomic"
)

// FA is a regular language, held as an automaton. FAs are immutable and
// safe for concurrent use. The automata behind matching and the algebra
// are built on first use and cached: the nondeterministic one from how
// the FA was made (see build.go), the deterministic ones from it.
type FA struct {
	src *Regexp // the regexp the language was built from, if known

	// the recipe (see build.go)
	op       recipe
	subs     []*FA // operands
	min, max int   // byRepeat
	facts

	n     atomic.Pointer[nfa] // the automaton, once built (given for byNFA)
	first atomic.Pointer[ByteSet]

	det   atomic.Pointer[dfa] // the minimal DFA, once built (given for byDFA)
	large atomic.Bool         // the DFA has more than DFALimit states (boundedDFA)

	fwd atomic.Pointer[matcher] // matcher over the automaton, bounded cache
	rev atomic.Pointer[matcher] // matcher over the reversed language
	// viable: the unbounded matcher Viable used last, when not in use
	viable atomic.Pointer[lazyDFA]

	fixed atomic.Int32 // FixedLength: 0 unknown, length+1, or fixedNo
}

// matcherLimit bounds the states a matcher caches before it flushes.
const matcherLimit = 10000

// newFA returns the FA made by op from subs; its facts are computed
// from theirs.
func newFA(op recipe, src *Regexp, subs ...*FA) *FA {
	a := &FA{op: op, src: src, subs: subs}
	switch op {
	case byConcat:
		a.nullable = true
		for _, sub := range subs {
			a.states += sub.states
			a.nullable = a.nullable && sub.nullable
			a.empty = a.empty || sub.empty
		}
	case byUnion:
		a.empty = true
		for _, sub := range subs {
			a.states += sub.states
			a.nullable = a.nullable || sub.nullable
			a.empty = a.empty && sub.empty
		}
		if len(subs) > 1 {
			a.states++
		}
	case byStar, byQuest:
		a.facts = facts{states: 1 + subs[0].states, nullable: true}
	case byPlus:
		a.facts = subs[0].facts
		a.states++
	case byReverse:
		a.facts = subs[0].facts
	}
	return a
}

// nfaFA returns the language of the automaton n.
func nfaFA(n *nfa) *FA {
	a := &FA{op: byNFA, facts: wholeFacts(n)}
	a.n.Store(n)
	return a
}

func fromDFA(t *dfa) *FA {
	a := &FA{op: byDFA, facts: facts{nullable: t.acc[t.start], empty: t.start == t.dead}}
	a.states = t.size() + 1 // the states but the dead one (see wholeDFA), and an end
	if t.dead >= 0 {
		a.states--
	}
	a.det.Store(t)
	return a
}

// Compile returns the language of a parsed regexp. Like every FA, it
// builds its automaton when something needs it.
func Compile(re *Regexp) *FA {
	return &FA{op: byRegexp, src: re, facts: regexpFacts(re)}
}

// CompilePattern parses pattern (see Parse) and compiles it.
func CompilePattern(pattern string, flags Flags) (*FA, error) {
	re, err := Parse(pattern, flags)
	if err != nil {
		return nil, err
	}
	return Compile(re), nil
}

// MustCompile is like CompilePattern without flags, but panics on error.
func MustCompile(pattern string) *FA { return Compile(MustParse(pattern, 0)) }

// None returns the empty language.
func None() *FA { return Compile(&Regexp{Op: OpNone}) }

// Epsilon returns the language holding only the empty word.
func Epsilon() *FA { return Compile(&Regexp{Op: OpEmpty}) }

// LiteralFA returns the language holding only s.
func LiteralFA(s string) *FA { return Compile(Literal(s)) }

// Concat returns the concatenation of the languages, in order.
func Concat(fas ...*FA) *FA {
	fas = slices.Clone(fas)
	subs := sources(fas)
	if subs == nil {
		return newFA(byConcat, nil, fas...)
	}
	return newFA(byConcat, simplifyConcat(subs), fas...)
}

// sources returns the regexps the automata were built from, or nil when
// one of them has none (an automaton derived from a DFA): its regexp is
// then computed from the result only if someone asks for it.
func sources(fas []*FA) []*Regexp {
	subs := make([]*Regexp, len(fas))
	for i, fa := range fas {
		if fa.src == nil {
			return nil
		}
		subs[i] = fa.src
	}
	return subs
}

// Union returns the union of the languages.
func Union(fas ...*FA) *FA {
	if len(fas) == 0 {
		return None()
	}
	fas = slices.Clone(fas)
	subs := sources(fas)
	if subs == nil {
		return newFA(byUnion, nil, fas...)
	}
	return newFA(byUnion, simplifyAlt(subs), fas...)
}

// Star returns the iteration a*.
func Star(a *FA) *FA {
	if a.src == nil {
		return newFA(byStar, nil, a)
	}
	return newFA(byStar, simplifyStar(a.src), a)
}

// Plus returns a+, that is a·a*.
func Plus(a *FA) *FA {
	if a.src == nil {
		return newFA(byPlus, nil, a)
	}
	return newFA(byPlus, &Regexp{Op: OpPlus, Sub: []*Regexp{a.src}}, a)
}

// Optional returns a?, the union of a and the empty word.
func Optional(a *FA) *FA {
	if a.src == nil {
		return newFA(byQuest, nil, a)
	}
	return newFA(byQuest, &Regexp{Op: OpQuest, Sub: []*Regexp{a.src}}, a)
}

// Repeat returns a{min,max}; max < 0 means no upper bound.
func Repeat(a *FA, min, max int) *FA {
	if max >= 0 && max < min {
		return None()
	}
	var re *Regexp
	if a.src != nil {
		re = &Regexp{Op: OpRepeat, Sub: []*Regexp{a.src}, Min: min, Max: max}
	}
	if max < 0 {
		max = -1
	}
	return &FA{op: byRepeat, src: re, subs: []*FA{a}, min: min, max: max, facts: repeatFacts(a.facts, min, max)}
}

// dfa returns the minimal complete DFA of the language.
func (a *FA) dfa() *dfa {
	if t := a.det.Load(); t != nil {
		return t
	}
	return keep(&a.det, determinize(a.tempNFA()))
}

// Minimize returns the same language as a minimal DFA, which matches and
// combines faster than an automaton built by the combinators.
func (a *FA) Minimize() *FA {
	m := fromDFA(a.dfa())
	m.src = a.src
	return m
}

// Intersect returns a ∩ b.
func Intersect(a, b *FA) *FA {
	return fromDFA(product(a.dfa(), b.dfa(), func(x, y bool) bool { return x && y }))
}

// Minus returns the difference a − b: the words of a that are not in b.
// Only b is determinised (see minus.go); the result is a minimal DFA
// when that has at most DFALimit states, else the automaton of the
// product.
func Minus(a, b *FA) *FA {
	return minus(a, b.dfa())
}

func minus(a *FA, b *dfa) *FA {
	if t := a.loadDFA(); t != nil {
		return fromDFA(product(t, b, func(x, y bool) bool { return x && !y }))
	}
	return nfaFA(minusNFA(a.tempNFA(), b)).MinimizeBounded()
}

// MinusError is the error of a regexp subtraction whose result is the
// empty language, which Augeas refuses, or that is not computed (Large).
type MinusError struct {
	// Left, Right: the operands (nil for a language known only by an
	// automaton too large to turn into a regexp)
	Left, Right *Regexp
	// Large: the result is not known, the right-hand side's DFA having
	// more than DFALimit states
	Large bool
}

func (e *MinusError) Error() string {
	quote := func(re *Regexp) string {
		if re == nil {
			return "(a large language)"
		}
		return re.Quote()
	}
	if e.Large {
		return fmt.Sprintf("regexp subtraction %s - %s: the right-hand side needs more than %d deterministic states", quote(e.Left), quote(e.Right), DFALimit)
	}
	return fmt.Sprintf("regexp subtraction %s - %s: empty result", quote(e.Left), quote(e.Right))
}

// boundedRegexp is Regexp for a language given as a regexp or whose DFA
// has at most DFALimit states, nil for another.
func (a *FA) boundedRegexp() *Regexp {
	if a.src != nil {
		return a.src
	}
	if t, ok := a.boundedDFA(); ok {
		return t.regexp()
	}
	return nil
}

// Subtract is the lens language's regexp minus: like Minus, but an empty
// result is a *MinusError, as in Augeas, and so is a right-hand side
// whose DFA has more than DFALimit states (Augeas determinises it
// whatever its size).
func Subtract(a, b *FA) (*FA, error) {
	bd, ok := b.boundedDFA()
	if !ok {
		return nil, &MinusError{Left: a.boundedRegexp(), Right: b.boundedRegexp(), Large: true}
	}
	d := minus(a, bd)
	if d.IsEmpty() {
		return nil, &MinusError{Left: a.boundedRegexp(), Right: b.boundedRegexp()}
	}
	return d, nil
}

// Complement returns the words over all bytes that are not in a.
func Complement(a *FA) *FA { return fromDFA(a.dfa().complement()) }

// Reverse returns the language of the reversed words of a.
func Reverse(a *FA) *FA { return newFA(byReverse, nil, a) }

// IsEmpty reports whether a holds no word at all.
func (a *FA) IsEmpty() bool { return a.empty }

// AcceptsEmpty reports whether the empty word is in a.
func (a *FA) AcceptsEmpty() bool { return a.nullable }

// Equal reports whether a and b hold the same words.
func (a *FA) Equal(b *FA) bool {
	_, found := counterexample(a.dfa(), b.dfa(), func(x, y bool) bool { return x != y })
	return !found
}

// Subset reports whether every word of a is in b.
func (a *FA) Subset(b *FA) bool {
	_, found := counterexample(a.dfa(), b.dfa(), func(x, y bool) bool { return x && !y })
	return !found
}

// Disjoint reports whether a and b share no word; if they do, it returns
// a shortest shared word as the example.
func Disjoint(a, b *FA) (example string, disjoint bool) {
	da, ok1 := a.boundedDFA()
	db, ok2 := b.boundedDFA()
	if !ok1 || !ok2 {
		return disjointNFA(a.tempNFA(), b.tempNFA())
	}
	w, found := counterexample(da, db, func(x, y bool) bool { return x && y })
	return w, !found
}

// counterexample searches the product of a and b breadth first for a
// shortest word leading to a pair of states for which bad holds.
func counterexample(a, b *dfa, bad func(x, y bool) bool) (string, bool) {
	cl, ca, cb := joinClasses(a.cl, b.cl)
	type node struct {
		x, y   int32
		parent int32
		c      int32
	}
	type pair struct{ x, y int32 }
	seen := map[pair]bool{{a.start, b.start}: true}
	queue := []node{{a.start, b.start, -1, -1}}
	for i := 0; i < len(queue); i++ {
		p := queue[i]
		if bad(a.acc[p.x], b.acc[p.y]) {
			var w []byte
			for j := int32(i); queue[j].parent >= 0; j = queue[j].parent {
				w = append(w, cl.reps[queue[j].c])
			}
			reverseBytes(w)
			return string(w), true
		}
		for _, c := range cl.order {
			q := pair{a.next(p.x, ca[c]), b.next(p.y, cb[c])}
			if q.x == a.dead && q.y == b.dead {
				continue // neither side accepts anything from here
			}
			if !seen[q] {
				seen[q] = true
				queue = append(queue, node{q.x, q.y, int32(i), int32(c)})
			}
		}
	}
	return "", false
}

// Example returns a shortest word of a, preferring readable bytes; ok is
// false when a is empty. It works on the nondeterministic automaton, so it
// is cheap even for languages whose DFA would be large.
func (a *FA) Example() (word string, ok bool) {
	if a.empty {
		return "", false
	}
	return a.tempNFA().example()
}

// example is Example on the automaton.
func (n *nfa) example() (word string, ok bool) {
	const inf = int32(1<<31 - 1)
	dist := make([]int32, n.size())
	parent := make([]int32, n.size())
	via := make([]int16, n.size()) // byte taken into the state, -1 for ε
	for i := range dist {
		dist[i] = inf
	}
	dist[n.start], parent[n.start], via[n.start] = 0, -1, -1
	var dq deque
	dq.pushFront(n.start)
	for !dq.empty() {
		s := dq.popFront()
		if n.accept[s] {
			var w []byte
			for ; parent[s] >= 0; s = parent[s] {
				if via[s] >= 0 {
					w = append(w, byte(via[s]))
				}
			}
			reverseBytes(w)
			return string(w), true
		}
		for _, t := range n.epsOf(s) {
			if dist[s] < dist[t] {
				dist[t], parent[t], via[t] = dist[s], s, -1
				dq.pushFront(t)
			}
		}
		for _, e := range n.edgesOf(s) {
			if dist[s]+1 < dist[e.to] {
				b, _ := n.sets[e.set].example()
				dist[e.to], parent[e.to], via[e.to] = dist[s]+1, s, int16(b)
				dq.pushBack(e.to)
			}
		}
	}
	return "", false
}

// deque supports 0-1 breadth-first search: a stack in front of a queue.
type deque struct {
	front []int32
	back  []int32
	head  int
}

func (d *deque) pushFront(x int32) { d.front = append(d.front, x) }
func (d *deque) pushBack(x int32)  { d.back = append(d.back, x) }
func (d *deque) empty() bool       { return len(d.front) == 0 && d.head == len(d.back) }
func (d *deque) popFront() int32 {
	if n := len(d.front); n > 0 {
		x := d.front[n-1]
		d.front = d.front[:n-1]
		return x
	}
	x := d.back[d.head]
	d.head++
	return x
}

func reverseBytes(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

// NumStates returns the number of states of the minimal DFA of a.
func (a *FA) NumStates() int { return a.dfa().size() }

// Words returns the words of a's language when it has at most limit of
// them, in no particular order, and false when it has more (or infinitely
// many).
func (a *FA) Words(limit int) ([]string, bool) {
	t := a.dfa()
	var out []string
	onPath := make([]bool, t.size())
	var buf []byte
	var walk func(s int32) bool
	walk = func(s int32) bool {
		if s == t.dead {
			return true
		}
		if onPath[s] {
			return false // a cycle through a live state: infinitely many words
		}
		if t.acc[s] {
			if len(out) == limit {
				return false
			}
			out = append(out, string(buf))
		}
		onPath[s] = true
		defer func() { onPath[s] = false }()
		for c := 0; c < t.cl.n; c++ {
			next := t.next(s, c)
			if next == t.dead {
				continue
			}
			set := t.cl.sets[c]
			for b := 0; b < 256; b++ {
				if !set.Has(byte(b)) {
					continue
				}
				buf = append(buf, byte(b))
				ok := walk(next)
				buf = buf[:len(buf)-1]
				if !ok {
					return false
				}
			}
		}
		return true
	}
	if !walk(t.start) {
		return nil, false
	}
	return out, true
}

// FirstBytes returns a superset of the bytes that can start a word of a
// (the labels of the edges leaving the start state's ε-closure of its
// automaton). It is computed from how a was made, without building any
// automaton, so it serves as a quick disjointness test: two languages
// whose first bytes differ share at most the empty word.
func (a *FA) FirstBytes() ByteSet {
	if p := a.first.Load(); p != nil {
		return *p
	}
	first := a.firstBytes()
	a.first.Store(&first)
	return first
}

// firstBytes is FirstBytes on the automaton.
func (n *nfa) firstBytes() ByteSet {
	var out ByteSet
	n.startClosure(func(s int32) bool {
		for _, e := range n.edgesOf(s) {
			out = out.Union(n.sets[e.set])
		}
		return true
	})
	return out
}

// States returns the number of states of the automaton behind a (not of
// its minimal DFA), built or not: a measure of how much memory it holds
// or would hold.
func (a *FA) States() int {
	switch a.op {
	case byNFA:
		return a.states - 1 // the automaton itself, without frag's end
	case byDFA:
		return max(a.states-1, 1) // toNFA's states (one for the empty language)
	}
	return a.states + 1 // a start state, then frag's
}
