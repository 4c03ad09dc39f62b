package regular

// FixedLength reports whether every word of a has the same length, and
// that length. It answers false for the empty language and, to stay
// cheap, for automata too large to check quickly (over fixedMaxStates
// nfa states or fixedMaxLen bytes); get then reads the text instead of
// trusting the length. The answer is computed once.
func (a *FA) FixedLength() (int, bool) {
	v := a.fixed.Load()
	if v == fixedUnknown {
		v = a.fixedLength()
		a.fixed.Store(v)
	}
	if v == fixedNo {
		return 0, false
	}
	return int(v) - 1, true
}

const (
	fixedUnknown   = 0 // stored values are length+1, or fixedNo
	fixedNo        = -1
	fixedMaxStates = 64
	fixedMaxLen    = 64
)

// fixedLength walks the subset automaton breadth first, one layer of
// states per word length: the language is of fixed length n when only
// layer n holds an accepting state and the walk dies after it. It gives
// up (fixedNo) on loops, wide layers and long words.
func (a *FA) fixedLength() int32 {
	if a.States() > fixedMaxStates {
		return fixedNo
	}
	n := a.tempNFA()
	d := newLazyDFA(n, n.classes(), 0)
	layer, next := []int32{startDFA}, []int32(nil)
	seen := map[int32]bool{}
	length := -1
	for depth := 0; len(layer) > 0; depth++ {
		if depth > fixedMaxLen {
			return fixedNo
		}
		clear(seen)
		next = next[:0]
		for _, s := range layer {
			if d.acc[s] {
				if length >= 0 && length != depth {
					return fixedNo
				}
				length = depth
			}
			for c := 0; c < d.cl.n; c++ {
				if t := d.step(s, c); t != deadState && !seen[t] {
					seen[t] = true
					next = append(next, t)
				}
			}
		}
		if len(next) > fixedMaxStates {
			return fixedNo
		}
		layer, next = next, layer
	}
	if length < 0 {
		return fixedNo
	}
	return int32(length) + 1
}
