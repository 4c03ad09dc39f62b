package regular

import "slices"

// dfa is a complete, explicit deterministic automaton over byte classes.
// Tables built by this package are minimal.
type dfa struct {
	cl    *classes
	trans []int32 // state*cl.n + class → state
	acc   []bool
	start int32
	dead  int32 // the non-accepting trap state, or -1
}

func (t *dfa) size() int { return len(t.acc) }

func (t *dfa) next(s int32, c int) int32 { return t.trans[int(s)*t.cl.n+c] }

// determinize builds the full subset automaton of n and minimises it.
func determinize(n *nfa) *dfa {
	cl := n.classes()
	d := newLazyDFA(n, cl, 0)
	t := &dfa{cl: cl, trans: d.explore(), acc: d.acc, start: startDFA}
	return t.minimize()
}

// product explores the reachable part of the product of a and b and keeps
// the states for which accept(accA, accB) holds as accepting.
func product(a, b *dfa, accept func(x, y bool) bool) *dfa {
	cl, ca, cb := joinClasses(a.cl, b.cl)
	type pair struct{ x, y int32 }
	index := map[pair]int32{}
	var queue []pair
	t := &dfa{cl: cl}
	add := func(p pair) int32 {
		if id, ok := index[p]; ok {
			return id
		}
		id := int32(len(queue))
		index[p] = id
		queue = append(queue, p)
		t.acc = append(t.acc, accept(a.acc[p.x], b.acc[p.y]))
		return id
	}
	t.start = add(pair{a.start, b.start})
	for i := 0; i < len(queue); i++ {
		p := queue[i]
		for c := 0; c < cl.n; c++ {
			t.trans = append(t.trans, add(pair{a.next(p.x, ca[c]), b.next(p.y, cb[c])}))
		}
	}
	return t.minimize()
}

// complement flips acceptance; t is complete, so this is the complement.
func (t *dfa) complement() *dfa {
	c := &dfa{cl: t.cl, trans: t.trans, acc: make([]bool, len(t.acc)), start: t.start}
	for i, a := range t.acc {
		c.acc[i] = !a
	}
	return c.minimize()
}

// minimize merges equivalent states with Hopcroft's partition refinement
// and drops unreachable ones. The result has at most one dead state.
func (t *dfa) minimize() *dfa {
	n, k := t.size(), t.cl.n
	// inverse transitions in CSR form: for (target, class), the sources
	invStart := make([]int32, n*k+1)
	for s := 0; s < n; s++ {
		for c := 0; c < k; c++ {
			invStart[int(t.trans[s*k+c])*k+c+1]++
		}
	}
	for i := 1; i < len(invStart); i++ {
		invStart[i] += invStart[i-1]
	}
	inv := make([]int32, n*k)
	fill := make([]int32, n*k)
	copy(fill, invStart[:n*k])
	for s := 0; s < n; s++ {
		for c := 0; c < k; c++ {
			slot := int(t.trans[s*k+c])*k + c
			inv[fill[slot]] = int32(s)
			fill[slot]++
		}
	}

	// partition: elems is a permutation of states; block b owns
	// elems[first[b]:end[b]]
	elems := make([]int32, n)
	loc := make([]int32, n)
	blk := make([]int32, n)
	var first, end, marked []int32
	// initial blocks: accepting and non-accepting
	i := 0
	for _, want := range []bool{true, false} {
		start := i
		for s := 0; s < n; s++ {
			if t.acc[s] == want {
				elems[i] = int32(s)
				loc[s] = int32(i)
				blk[s] = int32(len(first))
				i++
			}
		}
		if i > start {
			first = append(first, int32(start))
			end = append(end, int32(i))
			marked = append(marked, 0)
		}
	}
	inWork := make([]bool, n*k)
	var work []int32 // block*k + class
	for b := range first {
		for c := 0; c < k; c++ {
			inWork[b*k+c] = true
			work = append(work, int32(b*k+c))
		}
	}
	var touched, xs []int32
	for len(work) > 0 {
		w := work[len(work)-1]
		work = work[:len(work)-1]
		inWork[w] = false
		b, c := int(w)/k, int(w)%k
		xs = xs[:0]
		for j := first[b]; j < end[b]; j++ {
			q := elems[j]
			slot := int(q)*k + c
			xs = append(xs, inv[invStart[slot]:invStart[slot+1]]...)
		}
		touched = touched[:0]
		for _, s := range xs {
			y := blk[s]
			// move s into the marked prefix of its block, if not there
			m := first[y] + marked[y]
			if loc[s] < m {
				continue
			}
			if marked[y] == 0 {
				touched = append(touched, y)
			}
			other := elems[m]
			elems[m], elems[loc[s]] = s, other
			loc[other], loc[s] = loc[s], m
			marked[y]++
		}
		for _, y := range touched {
			mk := marked[y]
			marked[y] = 0
			if first[y]+mk == end[y] {
				continue // all of y moved: no split
			}
			// split: the marked prefix becomes a new block
			nb := int32(len(first))
			first = append(first, first[y])
			end = append(end, first[y]+mk)
			marked = append(marked, 0)
			first[y] += mk
			for j := first[nb]; j < end[nb]; j++ {
				blk[elems[j]] = nb
			}
			for len(inWork) < len(first)*k {
				inWork = append(inWork, false)
			}
			for cc := 0; cc < k; cc++ {
				yi, ni := int(y)*k+cc, int(nb)*k+cc
				switch {
				case inWork[yi]:
					inWork[ni] = true
					work = append(work, int32(ni))
				case end[nb]-first[nb] < end[y]-first[y]:
					inWork[ni] = true
					work = append(work, int32(ni))
				default:
					inWork[yi] = true
					work = append(work, int32(yi))
				}
			}
		}
	}

	// renumber blocks reachable from the start, in BFS order
	num := make([]int32, len(first))
	for i := range num {
		num[i] = -1
	}
	order := []int32{blk[t.start]}
	num[blk[t.start]] = 0
	m := &dfa{cl: t.cl, start: 0, dead: -1}
	for j := 0; j < len(order); j++ {
		b := order[j]
		s := elems[first[b]]
		m.acc = append(m.acc, t.acc[s])
		for c := 0; c < k; c++ {
			tb := blk[t.trans[int(s)*k+c]]
			if num[tb] < 0 {
				num[tb] = int32(len(order))
				order = append(order, tb)
			}
			m.trans = append(m.trans, num[tb])
		}
	}
	m.findDead()
	return m
}

// findDead sets t.dead to a non-accepting state whose every transition
// loops to itself. In a minimal automaton there is at most one.
func (t *dfa) findDead() {
	t.dead = -1
	for s := 0; s < t.size(); s++ {
		if t.acc[s] {
			continue
		}
		trap := true
		for c := 0; c < t.cl.n; c++ {
			if t.next(int32(s), c) != int32(s) {
				trap = false
				break
			}
		}
		if trap {
			t.dead = int32(s)
			return
		}
	}
}

// toNFA converts the table back into an nfa without its dead state, with
// one edge per (state, target) pair.
func (t *dfa) toNFA() *nfa {
	if t.start == t.dead {
		return emptyNFA()
	}
	b := newBuilder()
	num := b.addDFA(t, false)
	for s, acc := range t.acc {
		if acc {
			b.accept[num[s]] = true
		}
	}
	return b.finish(num[t.start])
}

// addDFA adds to b the states of t but its dead state, none accepting,
// with one edge per (state, target) pair (reversed if rev), and returns
// the number of each state of t in b (-1 for the dead state).
func (b *builder) addDFA(t *dfa, rev bool) []int32 {
	num := make([]int32, t.size())
	for s := range num {
		num[s] = -1
		if int32(s) != t.dead {
			num[s] = b.addState(false)
		}
	}
	// the bytes leading from one state to each target, targets in the
	// order of their first class
	var targets []int32
	var sets []ByteSet
	for s := range int32(t.size()) {
		if num[s] < 0 {
			continue
		}
		targets, sets = targets[:0], sets[:0]
		for c := 0; c < t.cl.n; c++ {
			to := t.next(s, c)
			if to == t.dead {
				continue
			}
			k := slices.Index(targets, to)
			if k < 0 {
				k = len(targets)
				targets, sets = append(targets, to), append(sets, ByteSet{})
			}
			sets[k] = sets[k].Union(t.cl.sets[c])
		}
		for k, to := range targets {
			if rev {
				b.addEdge(num[to], num[s], sets[k])
			} else {
				b.addEdge(num[s], num[to], sets[k])
			}
		}
	}
	return num
}
