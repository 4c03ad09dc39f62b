package regular

// The difference of two languages without determinising the first: a
// word of a − b is a word a's automaton accepts on a path that b's DFA,
// run alongside, ends outside b. The product of a's nondeterministic
// automaton and b's DFA has at most |a|·|b| states, where determinising
// a first may take exponentially many ((a|b)*a(a|b){20} needs 2^21
// deterministic states, and minus gave it 920 MB and 9 s).

// minusNFA returns an automaton of the words of n that t (complete)
// does not accept: the reachable pairs of a state of n and one of t,
// trimmed to those from which a word can still be accepted.
func minusNFA(n *nfa, t *dfa) *nfa {
	type pair struct{ s, q int32 }
	index := map[pair]int32{}
	var pairs []pair
	p := newBuilder()
	add := func(x pair) int32 {
		if id, ok := index[x]; ok {
			return id
		}
		id := p.addState(n.accept[x.s] && !t.acc[x.q])
		index[x] = id
		pairs = append(pairs, x)
		return id
	}
	start := add(pair{n.start, t.start})
	type out struct {
		to  int32
		set ByteSet
	}
	var outs []out
	for i := int32(0); int(i) < len(pairs); i++ {
		x := pairs[i]
		for _, u := range n.epsOf(x.s) {
			p.addEps(i, add(pair{u, x.q}))
		}
		for _, e := range n.edgesOf(x.s) {
			eset := n.sets[e.set]
			if x.q == t.dead {
				// outside b for good: n's edge as it is
				p.addEdge(i, add(pair{e.to, x.q}), eset)
				continue
			}
			// one edge per state of t the bytes of e lead to
			outs = outs[:0]
			for c, cs := range t.cl.sets {
				set := eset.Intersect(cs)
				if set.IsEmpty() {
					continue
				}
				q := t.next(x.q, c)
				k := 0
				for k < len(outs) && pairs[outs[k].to].q != q {
					k++
				}
				if k == len(outs) {
					outs = append(outs, out{to: add(pair{e.to, q})})
				}
				outs[k].set = outs[k].set.Union(set)
			}
			for _, o := range outs {
				p.addEdge(i, o.to, o.set)
			}
		}
	}
	return p.finish(start).trim()
}

// trim returns n without the states from which no accepting state can
// be reached (every state of n being reachable from its start).
func (n *nfa) trim() *nfa {
	predAt, pred := n.preds()
	live := make([]bool, n.size())
	var stack []int32
	for s, acc := range n.accept {
		if acc {
			live[s] = true
			stack = append(stack, int32(s))
		}
	}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, r := range pred[predAt[s]:predAt[s+1]] {
			if !live[r] {
				live[r] = true
				stack = append(stack, r)
			}
		}
	}
	if !live[n.start] {
		return emptyNFA()
	}
	num := make([]int32, n.size())
	m := newBuilder()
	for s := range n.accept {
		num[s] = -1
		if live[s] {
			num[s] = m.addState(n.accept[s])
		}
	}
	for s := range int32(n.size()) {
		if num[s] < 0 {
			continue
		}
		for _, t := range n.epsOf(s) {
			if num[t] >= 0 {
				m.addEps(num[s], num[t])
			}
		}
		for _, e := range n.edgesOf(s) {
			if num[e.to] >= 0 {
				m.addEdge(num[s], num[e.to], n.sets[e.set])
			}
		}
	}
	return m.finish(num[n.start])
}
