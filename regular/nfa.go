package regular

import "slices"

// nfa is a nondeterministic automaton with ε-moves. Edges carry byte sets.
// Any number of states may accept. nfas are immutable once built (see
// build.go).
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

func (n *nfa) addEdge(from, to int32, set ByteSet) {
	if !set.IsEmpty() {
		n.edges[from] = append(n.edges[from], edge{set, to})
	}
}

// copyStates adds a copy of m's states to n, none accepting, with their
// moves (reversed if rev), and returns the offset of m's states in n.
func (n *nfa) copyStates(m *nfa, rev bool) int32 {
	off := int32(n.size())
	for range m.accept {
		n.addState(false)
	}
	for s := range m.accept {
		from := int32(s) + off
		for _, t := range m.eps[s] {
			if rev {
				n.addEps(t+off, from)
			} else {
				n.addEps(from, t+off)
			}
		}
		for _, e := range m.edges[s] {
			if rev {
				n.addEdge(e.to+off, from, e.set)
			} else {
				n.addEdge(from, e.to+off, e.set)
			}
		}
	}
	return off
}

func emptyNFA() *nfa {
	n := &nfa{}
	n.start = n.addState(false)
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
