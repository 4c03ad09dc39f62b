package regular

// An FA does not build its automaton when it is made. It keeps its
// recipe, how it was made: a regexp (Compile), an operation on operand
// FAs (Concat, Union, Star, ...), or an automaton given whole (the
// minimal DFA of Minimize and the algebra, the product of a large
// Minus). Its nfa is built from the recipe when something needs it, and
// an operation builds its operands straight into its own automaton,
// recursively from their recipes: a lens's types nest as deep as the
// lens, and copying every operand's automaton into every FA made from it
// (as eager combinators do) kept a copy of each sub-lens's automaton at
// every level above it.
//
// The automaton of an FA is a function of its recipe alone, whatever was
// built before: building it costs what copying its operands' automata
// would, and an operand shared by many FAs (a word regexp used hundreds
// of times) is built into each of them, as it would be copied into each.
// Only the forward matcher keeps an FA's own nfa (see nfa and
// tempNFA); what is built for a determinisation or a search is dropped
// after use.

// recipe is how an FA was made.
type recipe uint8

const (
	byInvalid recipe = iota
	byRegexp         // src
	byNFA            // the automaton n, given whole
	byDFA            // the DFA det, given whole
	byConcat         // subs[0]·subs[1]·…
	byUnion          // subs[0] ∪ subs[1] ∪ …
	byStar           // subs[0]*
	byPlus           // subs[0]+
	byQuest          // subs[0]?
	byRepeat         // subs[0]{min,max}, max < 0 for no bound
	byReverse        // the reversed words of subs[0]
)

// nfa returns a's automaton, building it from the recipe the first time
// and keeping it.
func (a *FA) nfa() *nfa {
	if n := a.n.Load(); n != nil {
		return n
	}
	return keep(&a.n, a.buildNFA(false))
}

// tempNFA returns a's automaton without keeping it when it was not built
// already: for one determinisation or search, after which it is garbage.
func (a *FA) tempNFA() *nfa {
	if n := a.n.Load(); n != nil {
		return n
	}
	return a.buildNFA(false)
}

// hasNFA reports whether a keeps an automaton (tests).
func (a *FA) hasNFA() bool { return a.n.Load() != nil }

// buildNFA builds the automaton of a, or of its reversal, from the
// recipe.
func (a *FA) buildNFA(rev bool) *nfa {
	if !rev {
		switch a.op {
		case byNFA:
			return a.n.Load()
		case byDFA:
			return a.det.Load().toNFA()
		}
	}
	b := newBuilder()
	start := b.addState(false)
	end := b.frag(a, start, rev)
	if !a.empty {
		b.accept[end] = true
	}
	return b.finish(start)
}

// frag adds the states of a's language (of its reversal if rev) to n,
// reading from the existing state from, and returns the state where its
// words end: being in it means a whole word was read since from. No
// construction adds a move into from, so from may have other moves (the
// operands of a union all start from it), and the end state may be given
// more moves out (what follows in a concatenation starts from it).
func (b *builder) frag(a *FA, from int32, rev bool) int32 {
	switch a.op {
	case byRegexp:
		return b.build(a.src, from, rev)
	case byNFA:
		return b.whole(a.n.Load(), from, rev)
	case byDFA:
		return b.wholeDFA(a.det.Load(), from, rev)
	case byConcat:
		return b.concat(from, len(a.subs), rev, func(i int, from int32) int32 { return b.frag(a.subs[i], from, rev) })
	case byUnion:
		if len(a.subs) == 1 {
			return b.frag(a.subs[0], from, rev)
		}
		return b.alt(from, len(a.subs), func(i int, from int32) int32 { return b.frag(a.subs[i], from, rev) })
	case byStar:
		return b.star(from, func(head int32) int32 { return b.frag(a.subs[0], head, rev) })
	case byPlus:
		return b.plus(from, func(head int32) int32 { return b.frag(a.subs[0], head, rev) })
	case byQuest:
		return b.quest(from, func(from int32) int32 { return b.frag(a.subs[0], from, rev) })
	case byRepeat:
		return b.repeat(from, a.min, a.max, func(from int32) int32 { return b.frag(a.subs[0], from, rev) })
	case byReverse:
		return b.frag(a.subs[0], from, !rev)
	}
	panic("regular: FA without a recipe")
}

// The constructions below add a language from the state from and
// return the state where it ends; sub adds an operand x the same way.

// concat adds x0·x1·… (in reverse order for a reversed automaton).
func (b *builder) concat(from int32, n int, rev bool, sub func(i int, from int32) int32) int32 {
	for i := range n {
		if rev {
			i = n - 1 - i
		}
		from = sub(i, from)
	}
	return from
}

// alt adds x0|x1|… from from, where sub(i, from) adds xi and returns
// its end; all end at one new state.
func (b *builder) alt(from int32, n int, sub func(i int, from int32) int32) int32 {
	end := b.addState(false)
	for i := range n {
		b.addEps(sub(i, from), end)
	}
	return end
}

// plus adds x+ from from: x from a new head that its end goes back to.
func (b *builder) plus(from int32, sub func(from int32) int32) int32 {
	head := b.addState(false)
	b.addEps(from, head)
	end := sub(head)
	b.addEps(end, head)
	return end
}

// quest adds x? from from: x, or straight to the end.
func (b *builder) quest(from int32, sub func(from int32) int32) int32 {
	end := b.addState(false)
	b.addEps(from, end)
	b.addEps(sub(from), end)
	return end
}

// star adds x*: a new head, from which x goes back to it.
func (b *builder) star(from int32, sub func(from int32) int32) int32 {
	head := b.addState(false)
	b.addEps(from, head)
	b.addEps(sub(head), head)
	return head
}

// repeat adds x{min,max} (max < 0: no bound) from from, where sub adds x
// from a given state and returns its end.
func (b *builder) repeat(from int32, min, max int, sub func(from int32) int32) int32 {
	for i := 0; i < min; i++ {
		from = sub(from)
	}
	switch {
	case max < 0:
		return b.star(from, sub)
	case max > min:
		// x{0,k} as (x(x(…)?)?)?: every optional copy ends at end
		end := b.addState(false)
		for i := min; i < max; i++ {
			b.addEps(from, end)
			from = sub(from)
		}
		b.addEps(from, end)
		return end
	}
	return from
}

// whole adds a copy of the automaton m (reversed if rev) read from from,
// and returns a fresh state where its words end.
func (b *builder) whole(m *nfa, from int32, rev bool) int32 {
	off := b.copyStates(m, rev)
	end := b.addState(false)
	for s, acc := range m.accept {
		if acc {
			b.wireAccept(from, int32(s)+off, end, rev)
		}
	}
	b.wireStart(from, m.start+off, end, rev)
	return end
}

// wholeDFA is whole for the automaton of the table t.
func (b *builder) wholeDFA(t *dfa, from int32, rev bool) int32 {
	num := b.addDFA(t, rev)
	end := b.addState(false)
	for s, acc := range t.acc {
		if acc {
			b.wireAccept(from, num[s], end, rev)
		}
	}
	if t.start != t.dead {
		b.wireStart(from, num[t.start], end, rev)
	}
	return end
}

// wireStart links the start state s of an automaton copied whole to the
// fragment it stands for, read from from and ending at end; wireAccept
// links an accepting state.
func (b *builder) wireStart(from, s, end int32, rev bool) {
	if rev {
		b.addEps(s, end)
	} else {
		b.addEps(from, s)
	}
}

func (b *builder) wireAccept(from, s, end int32, rev bool) {
	if rev {
		b.addEps(from, s)
	} else {
		b.addEps(s, end)
	}
}

// build adds the states for re (reversed if rev), starting from the
// existing state from, and returns the state where re ends (see frag).
func (b *builder) build(re *Regexp, from int32, rev bool) int32 {
	switch re.Op {
	case OpEmpty:
		return from
	case OpSet:
		end := b.addState(false)
		b.addEdge(from, end, re.Set)
		return end
	case OpConcat:
		return b.concat(from, len(re.Sub), rev, func(i int, from int32) int32 { return b.build(re.Sub[i], from, rev) })
	case OpAlt:
		return b.alt(from, len(re.Sub), func(i int, from int32) int32 { return b.build(re.Sub[i], from, rev) })
	case OpStar:
		return b.star(from, func(head int32) int32 { return b.build(re.Sub[0], head, rev) })
	case OpPlus:
		return b.plus(from, func(head int32) int32 { return b.build(re.Sub[0], head, rev) })
	case OpQuest:
		return b.quest(from, func(from int32) int32 { return b.build(re.Sub[0], from, rev) })
	case OpRepeat:
		return b.repeat(from, re.Min, re.Max, func(from int32) int32 { return b.build(re.Sub[0], from, rev) })
	}
	// OpNone: a fresh state with no way in
	return b.addState(false)
}

// facts are what an FA knows of its language and automaton without
// building it, computed when it is made from its operands' facts.
type facts struct {
	states   int  // the states frag adds for it
	nullable bool // the empty word is in the language
	empty    bool // the language has no word
}

// regexpFacts returns the facts of re's language and of what build adds
// for it.
func regexpFacts(re *Regexp) facts {
	switch re.Op {
	case OpEmpty:
		return facts{nullable: true}
	case OpSet:
		return facts{states: 1, empty: re.Set.IsEmpty()}
	case OpConcat:
		f := facts{nullable: true}
		for _, sub := range re.Sub {
			s := regexpFacts(sub)
			f.states += s.states
			f.nullable = f.nullable && s.nullable
			f.empty = f.empty || s.empty
		}
		return f
	case OpAlt:
		f := facts{states: 1, empty: true}
		for _, sub := range re.Sub {
			s := regexpFacts(sub)
			f.states += s.states
			f.nullable = f.nullable || s.nullable
			f.empty = f.empty && s.empty
		}
		return f
	case OpStar, OpQuest:
		return facts{states: 1 + regexpFacts(re.Sub[0]).states, nullable: true}
	case OpPlus:
		s := regexpFacts(re.Sub[0])
		s.states++
		return s
	case OpRepeat:
		return repeatFacts(regexpFacts(re.Sub[0]), re.Min, re.Max)
	}
	return facts{states: 1, empty: true}
}

// repeatFacts are the facts of x{min,max} (max < 0: no bound, max ≥ min
// otherwise) given those of x.
func repeatFacts(x facts, min, max int) facts {
	f := facts{states: min * x.states, nullable: min == 0 || x.nullable, empty: min > 0 && x.empty}
	switch {
	case max < 0:
		f.states += 1 + x.states
	case max > min:
		f.states += 1 + (max-min)*x.states
	}
	return f
}

// wholeFacts are the facts of an automaton given whole (see whole).
func wholeFacts(n *nfa) facts {
	_, found := n.example()
	return facts{states: n.size() + 1, nullable: n.nullable(), empty: !found}
}

// firstBytes computes FirstBytes from the recipe.
func (a *FA) firstBytes() ByteSet {
	switch a.op {
	case byRegexp:
		first, _ := regexpFirst(a.src)
		return first
	case byConcat:
		var out ByteSet
		for _, sub := range a.subs {
			out = out.Union(sub.FirstBytes())
			if !sub.nullable {
				break
			}
		}
		return out
	case byUnion:
		var out ByteSet
		for _, sub := range a.subs {
			out = out.Union(sub.FirstBytes())
		}
		return out
	case byStar, byPlus, byQuest:
		return a.subs[0].FirstBytes()
	case byRepeat:
		if a.max == 0 {
			return ByteSet{}
		}
		return a.subs[0].FirstBytes()
	case byDFA:
		var out ByteSet
		t := a.det.Load()
		for c := 0; c < t.cl.n; c++ {
			if t.next(t.start, c) != t.dead {
				out = out.Union(t.cl.sets[c])
			}
		}
		return out
	}
	return a.tempNFA().firstBytes() // byNFA, byReverse
}

// regexpFirst returns the bytes that start the edges leaving the start
// of re's automaton (see FirstBytes), and whether re is nullable.
func regexpFirst(re *Regexp) (ByteSet, bool) {
	switch re.Op {
	case OpEmpty:
		return ByteSet{}, true
	case OpSet:
		return re.Set, false
	case OpConcat:
		var out ByteSet
		for _, sub := range re.Sub {
			first, nullable := regexpFirst(sub)
			out = out.Union(first)
			if !nullable {
				return out, false
			}
		}
		return out, true
	case OpAlt:
		var out ByteSet
		nullable := false
		for _, sub := range re.Sub {
			first, null := regexpFirst(sub)
			out, nullable = out.Union(first), nullable || null
		}
		return out, nullable
	case OpStar, OpQuest:
		first, _ := regexpFirst(re.Sub[0])
		return first, true
	case OpPlus:
		return regexpFirst(re.Sub[0])
	case OpRepeat:
		first, nullable := regexpFirst(re.Sub[0])
		if re.Max == 0 {
			first = ByteSet{}
		}
		return first, nullable || re.Min == 0
	}
	return ByteSet{}, false
}
