package regular

import "slices"

// nfa is a nondeterministic automaton with ε-moves. Edges carry byte sets.
// Any number of states may accept. nfas are immutable once built; the
// combinators below copy their operands.
type nfa struct {
	eps    [][]int32
	edges  [][]edge
	accept []bool
	start  int32
}

type edge struct {
	set ByteSet
	to  int32
}

func (n *nfa) size() int { return len(n.accept) }

func (n *nfa) addState(accept bool) int32 {
	n.eps = append(n.eps, nil)
	n.edges = append(n.edges, nil)
	n.accept = append(n.accept, accept)
	return int32(len(n.accept) - 1)
}

func (n *nfa) addEps(from, to int32) { n.eps[from] = append(n.eps[from], to) }

// embed copies m into n and returns the offset of m's states in n.
func (n *nfa) embed(m *nfa) int32 {
	off := int32(n.size())
	for s := range m.accept {
		var eps []int32
		if len(m.eps[s]) > 0 {
			eps = make([]int32, len(m.eps[s]))
			for i, t := range m.eps[s] {
				eps[i] = t + off
			}
		}
		var edges []edge
		if len(m.edges[s]) > 0 {
			edges = make([]edge, len(m.edges[s]))
			for i, e := range m.edges[s] {
				edges[i] = edge{e.set, e.to + off}
			}
		}
		n.eps = append(n.eps, eps)
		n.edges = append(n.edges, edges)
		n.accept = append(n.accept, m.accept[s])
	}
	return off
}

// acceptsOf lists the accepting states among n's states from off on.
func (n *nfa) acceptsFrom(off int32) []int32 {
	var acc []int32
	for s := off; s < int32(n.size()); s++ {
		if n.accept[s] {
			acc = append(acc, s)
		}
	}
	return acc
}

func emptyNFA() *nfa {
	n := &nfa{}
	n.start = n.addState(false)
	return n
}

func epsilonNFA() *nfa {
	n := &nfa{}
	n.start = n.addState(true)
	return n
}

func concatNFA(ms ...*nfa) *nfa {
	if len(ms) == 0 {
		return epsilonNFA()
	}
	n, _ := concatNFAStarts(ms)
	return n
}

// concatNFAStarts is concatNFA of at least one automaton that also
// returns where each operand starts in the result: the states reachable
// from starts[i] are the concatenation of the operands i...
func concatNFAStarts(ms []*nfa) (*nfa, []int32) {
	n := &nfa{}
	starts := make([]int32, len(ms))
	var prevAcc []int32
	for i, m := range ms {
		off := n.embed(m)
		starts[i] = m.start + off
		if i == 0 {
			n.start = m.start + off
		} else {
			for _, a := range prevAcc {
				n.accept[a] = false
				n.addEps(a, m.start+off)
			}
		}
		prevAcc = n.acceptsFrom(off)
	}
	return n, starts
}

func unionNFA(ms ...*nfa) *nfa {
	if len(ms) == 1 {
		return ms[0]
	}
	n := &nfa{}
	n.start = n.addState(false)
	for _, m := range ms {
		off := n.embed(m)
		n.addEps(n.start, m.start+off)
	}
	return n
}

func starNFA(m *nfa) *nfa {
	n := &nfa{}
	n.start = n.addState(true)
	off := n.embed(m)
	n.addEps(n.start, m.start+off)
	for _, a := range n.acceptsFrom(off) {
		n.addEps(a, n.start)
	}
	return n
}

func plusNFA(m *nfa) *nfa {
	n := &nfa{}
	off := n.embed(m)
	n.start = m.start + off
	for _, a := range n.acceptsFrom(off) {
		n.addEps(a, n.start)
	}
	return n
}

func questNFA(m *nfa) *nfa {
	n := &nfa{}
	n.start = n.addState(true)
	off := n.embed(m)
	n.addEps(n.start, m.start+off)
	return n
}

func repeatNFA(m *nfa, min, max int) *nfa {
	n := &nfa{}
	n.start = n.addState(false)
	ends := []int32{n.start}
	// copy appends one copy of m after ends and returns its accepting
	// states, no longer accepting
	copyAfter := func(ends []int32) []int32 {
		off := n.embed(m)
		for _, e := range ends {
			n.addEps(e, m.start+off)
		}
		acc := n.acceptsFrom(off)
		for _, a := range acc {
			n.accept[a] = false
		}
		return acc
	}
	for i := 0; i < min; i++ {
		ends = copyAfter(ends)
	}
	switch {
	case max < 0:
		head := n.addState(false)
		for _, e := range ends {
			n.addEps(e, head)
		}
		for _, a := range copyAfter([]int32{head}) {
			n.addEps(a, head)
		}
		ends = []int32{head}
	case max > min:
		// m{0,k} as (m(m(…)?)?)?: every optional copy may end the word
		end := n.addState(false)
		for i := min; i < max; i++ {
			for _, e := range ends {
				n.addEps(e, end)
			}
			ends = copyAfter(ends)
		}
		for _, e := range ends {
			n.addEps(e, end)
		}
		ends = []int32{end}
	}
	for _, e := range ends {
		n.accept[e] = true
	}
	return n
}

// nullable reports whether an accepting state is reachable from the start
// by ε-moves alone, that is whether the empty word is in the language.
func (n *nfa) nullable() bool {
	accepts := false
	n.startClosure(func(s int32) bool {
		accepts = n.accept[s]
		return !accepts
	})
	return accepts
}

// startClosure calls visit on each state of the start state's ε-closure
// until visit returns false.
func (n *nfa) startClosure(visit func(s int32) bool) {
	seen := make([]bool, n.size())
	stack := []int32{n.start}
	seen[n.start] = true
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(s) {
			return
		}
		for _, t := range n.eps[s] {
			if !seen[t] {
				seen[t] = true
				stack = append(stack, t)
			}
		}
	}
}

// reverse returns the automaton of the reversed language.
func (n *nfa) reverse() *nfa {
	r := &nfa{}
	for range n.accept {
		r.addState(false)
	}
	for s := range n.accept {
		for _, t := range n.eps[s] {
			r.addEps(t, int32(s))
		}
		for _, e := range n.edges[s] {
			r.edges[e.to] = append(r.edges[e.to], edge{e.set, int32(s)})
		}
	}
	r.accept[n.start] = true
	r.start = r.addState(false)
	for s, a := range n.accept {
		if a {
			r.addEps(r.start, int32(s))
		}
	}
	return r
}

// compileNFA builds the automaton of a parsed regexp in one pass, all
// states in one nfa, without copying sub-automata.
func compileNFA(re *Regexp) *nfa {
	n := &nfa{}
	n.start = n.addState(false)
	end := n.build(re, n.start)
	if re.Op != OpNone {
		n.accept[end] = true
	}
	return n
}

// build adds the states for re, starting from the existing state from,
// and returns the state where re ends. No construction loops back to its
// from state (stars loop on fresh states), so from may have other edges.
func (n *nfa) build(re *Regexp, from int32) int32 {
	switch re.Op {
	case OpEmpty:
		return from
	case OpSet:
		end := n.addState(false)
		if !re.Set.IsEmpty() {
			n.edges[from] = append(n.edges[from], edge{re.Set, end})
		}
		return end
	case OpConcat:
		for _, sub := range re.Sub {
			from = n.build(sub, from)
		}
		return from
	case OpAlt:
		end := n.addState(false)
		for _, sub := range re.Sub {
			n.addEps(n.build(sub, from), end)
		}
		return end
	case OpStar:
		head := n.addState(false)
		n.addEps(from, head)
		n.addEps(n.build(re.Sub[0], head), head)
		return head
	case OpPlus:
		head := n.addState(false)
		n.addEps(from, head)
		end := n.build(re.Sub[0], head)
		n.addEps(end, head)
		return end
	case OpQuest:
		end := n.addState(false)
		n.addEps(from, end)
		n.addEps(n.build(re.Sub[0], from), end)
		return end
	case OpRepeat:
		for i := 0; i < re.Min; i++ {
			from = n.build(re.Sub[0], from)
		}
		switch {
		case re.Max < 0:
			return n.build(&Regexp{Op: OpStar, Sub: re.Sub}, from)
		case re.Max > re.Min:
			// x{0,k} as (x(x(…)?)?)?: every optional copy ends at end
			end := n.addState(false)
			for i := re.Min; i < re.Max; i++ {
				n.addEps(from, end)
				from = n.build(re.Sub[0], from)
			}
			n.addEps(from, end)
			return end
		}
		return from
	}
	// OpNone: a fresh state with no way in
	return n.addState(false)
}

// classes partitions the byte alphabet so that bytes in one class behave
// the same on every edge of an automaton.
type classes struct {
	of    [256]uint8 // byte → class
	n     int        // number of classes
	reps  []byte     // a representative byte per class, readable if possible
	sets  []ByteSet  // the bytes of each class
	order []int      // classes by readability of their representative
}

// finish computes representatives and the readability order.
func (cl *classes) finish() *classes {
	cl.reps = make([]byte, cl.n)
	cl.order = make([]int, cl.n)
	for i, s := range cl.sets {
		cl.reps[i], _ = s.example()
		cl.order[i] = i
	}
	slices.SortStableFunc(cl.order, func(x, y int) int { return readability(cl.reps[x]) - readability(cl.reps[y]) })
	return cl
}

// readability ranks bytes for example strings: lower is nicer.
func readability(b byte) int {
	switch {
	case b >= 'a' && b <= 'z':
		return 0
	case b >= '0' && b <= '9':
		return 1
	case b >= 'A' && b <= 'Z':
		return 2
	case b > ' ' && b <= '~':
		return 3
	case b == ' ':
		return 4
	}
	return 5
}

func (n *nfa) classes() *classes {
	seen := map[ByteSet]bool{}
	var sets []ByteSet
	for _, es := range n.edges {
		for _, e := range es {
			if !seen[e.set] {
				seen[e.set] = true
				sets = append(sets, e.set)
			}
		}
	}
	return refineClasses(sets)
}

// refineClasses returns the coarsest partition of the bytes in which
// every set in sets is a union of classes.
func refineClasses(sets []ByteSet) *classes {
	var of [256]int
	// remap[2*class+inside] is the new class plus one (0: none yet)
	var remap [512]int
	n := 1
	for _, s := range sets {
		// split each class into its part inside s and outside s,
		// numbered in the order of their first bytes
		clear(remap[:2*n])
		next := 0
		for c := 0; c < 256; c++ {
			k := 2 * of[c]
			if s.Has(byte(c)) {
				k++
			}
			id := remap[k]
			if id == 0 {
				next++
				id = next
				remap[k] = id
			}
			of[c] = id - 1
		}
		n = next
		if n == 256 {
			break
		}
	}
	cl := &classes{n: n, sets: make([]ByteSet, n)}
	for c := 0; c < 256; c++ {
		cl.of[c] = uint8(of[c])
		cl.sets[of[c]].Add(byte(c))
	}
	return cl.finish()
}

// joinClasses returns the classes of the product of two automata and the
// class of each side for every joint class.
func joinClasses(a, b *classes) (*classes, []int, []int) {
	idx := map[[2]uint8]int{}
	cl := &classes{}
	var ca, cb []int
	for c := 0; c < 256; c++ {
		k := [2]uint8{a.of[c], b.of[c]}
		id, ok := idx[k]
		if !ok {
			id = len(ca)
			idx[k] = id
			ca = append(ca, int(k[0]))
			cb = append(cb, int(k[1]))
			cl.sets = append(cl.sets, ByteSet{})
		}
		cl.of[c] = uint8(id)
		cl.sets[id].Add(byte(c))
	}
	cl.n = len(ca)
	return cl.finish(), ca, cb
}
