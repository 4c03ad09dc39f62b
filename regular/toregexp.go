package regular

import "slices"

// Regexp returns a regexp for the language of a. For languages built by
// Compile and the structural combinators it is the regexp they were built
// from; for results of Minus, Intersect and Complement it is computed from
// the minimal DFA by state elimination.
func (a *FA) Regexp() *Regexp {
	if a.src != nil {
		return a.src
	}
	return a.dfa().regexp()
}

// String returns the regexp of a in the syntax Parse reads.
func (a *FA) String() string { return a.Regexp().String() }

// regexp converts the table into a regexp by eliminating states of the
// generalised automaton one by one, cheapest (fewest in × out edges)
// first.
func (t *dfa) regexp() *Regexp {
	n := t.size()
	// nodes 0..n-1 are DFA states, n is the initial node, n+1 the final
	initial, final := n, n+1
	out := make([]map[int]*Regexp, n+2)
	in := make([]map[int]*Regexp, n+2)
	for i := range out {
		out[i] = map[int]*Regexp{}
		in[i] = map[int]*Regexp{}
	}
	link := func(p, q int, re *Regexp) {
		if old, ok := out[p][q]; ok {
			re = simplifyAlt([]*Regexp{old, re})
		}
		out[p][q] = re
		in[q][p] = re
	}
	alive := make([]bool, n)
	for s := 0; s < n; s++ {
		alive[s] = int32(s) != t.dead
	}
	if t.start == t.dead {
		return &Regexp{Op: OpNone}
	}
	link(initial, int(t.start), &Regexp{Op: OpEmpty})
	for s := 0; s < n; s++ {
		if !alive[s] {
			continue
		}
		if t.acc[s] {
			link(s, final, &Regexp{Op: OpEmpty})
		}
		sets := map[int]ByteSet{}
		for c := 0; c < t.cl.n; c++ {
			to := int(t.next(int32(s), c))
			if alive[to] {
				sets[to] = sets[to].Union(t.cl.sets[c])
			}
		}
		targets := make([]int, 0, len(sets))
		for to := range sets {
			targets = append(targets, to)
		}
		slices.Sort(targets)
		for _, to := range targets {
			link(s, to, &Regexp{Op: OpSet, Set: sets[to]})
		}
	}
	sizes := sizer{}
	remaining := make([]int, 0, n)
	for s := 0; s < n; s++ {
		if alive[s] {
			remaining = append(remaining, s)
		}
	}
	for len(remaining) > 0 {
		// pick the state whose removal grows the regexps least
		best, bestCost := 0, -1
		for i, s := range remaining {
			if cost := sizes.weight(s, in[s], out[s]); bestCost < 0 || cost < bestCost {
				best, bestCost = i, cost
			}
		}
		s := remaining[best]
		remaining = slices.Delete(remaining, best, best+1)
		loop := &Regexp{Op: OpEmpty}
		if re, ok := out[s][s]; ok {
			loop = simplifyStar(re)
			delete(out[s], s)
			delete(in[s], s)
		}
		preds := sortedKeys(in[s])
		succs := sortedKeys(out[s])
		for _, p := range preds {
			delete(out[p], s)
		}
		for _, q := range succs {
			delete(in[q], s)
		}
		for _, p := range preds {
			for _, q := range succs {
				link(p, q, simplifyConcat([]*Regexp{in[s][p], loop, out[s][q]}))
			}
		}
		in[s], out[s] = nil, nil
	}
	if re, ok := out[initial][final]; ok {
		return re
	}
	return &Regexp{Op: OpNone}
}

func sortedKeys(m map[int]*Regexp) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sizer measures regexps (in nodes, memoised: edge labels share subtrees).
type sizer map[*Regexp]int

func (z sizer) size(re *Regexp) int {
	if n, ok := z[re]; ok {
		return n
	}
	n := 1
	for _, sub := range re.Sub {
		n += z.size(sub)
	}
	z[re] = n
	return n
}

// weight estimates how much eliminating state s adds to the regexps:
// every in-edge label is copied once per out-edge and vice versa, the loop
// once per pair, and the edges of s itself disappear.
func (z sizer) weight(s int, in, out map[int]*Regexp) int {
	nin, nout := len(in), len(out)
	loop := 0
	if re, ok := out[s]; ok {
		loop = z.size(re)
		nin--
		nout--
	}
	w := loop * (nin*nout - 1)
	for p, re := range in {
		if p != s {
			w += z.size(re) * (nout - 1)
		}
	}
	for q, re := range out {
		if q != s {
			w += z.size(re) * (nin - 1)
		}
	}
	return w
}
