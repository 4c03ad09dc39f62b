package regular

import "slices"

// Languages whose deterministic automaton is too large to build: a
// regexp like (a|b)*a(a|b){20} has a small nondeterministic automaton
// but needs 2^21 deterministic states. The checks the type checker runs
// (ambiguity of a concatenation or iteration, overlap of two languages)
// are questions about single words, which the nondeterministic automata
// answer on their product without building the subset automaton: those
// checks determinise up to DFALimit states and otherwise search the
// product of the nondeterministic automata, whose size is the product of
// theirs. Minimising such a language is skipped (MinimizeBounded).

// DFALimit is the number of deterministic states the checks build
// before they work on the nondeterministic automata instead.
var DFALimit = 1 << 16

// boundedDFA returns the language's minimal DFA, building it only if it
// has at most DFALimit states before minimisation; ok is false if it
// has more.
func (a *FA) boundedDFA() (*dfa, bool) {
	if t := a.loadDFA(); t != nil {
		return t, true
	}
	if a.large.Load() {
		return nil, false
	}
	n := a.tempNFA()
	cl := n.classes()
	d := newLazyDFA(n, cl, 0)
	for s := int32(0); int(s) < len(d.sets); s++ {
		for c := 0; c < cl.n; c++ {
			d.step(s, c)
		}
		if len(d.sets) > DFALimit {
			a.large.Store(true)
			return nil, false
		}
	}
	t := (&dfa{cl: cl, trans: d.explore(), acc: d.acc, start: startDFA}).minimize()
	return keep(&a.det, t), true
}

// loadDFA returns the DFA if it was built already.
func (a *FA) loadDFA() *dfa { return a.det.Load() }

// MinimizeBounded is Minimize for a language whose DFA has at most
// DFALimit states; a larger one is returned as it is.
func (a *FA) MinimizeBounded() *FA {
	if _, ok := a.boundedDFA(); !ok {
		return a
	}
	return a.Minimize()
}

// Restrict returns the words of a made of allowed bytes only, built on
// a's automaton (no determinisation): a itself when a has no other.
func Restrict(a *FA, allowed ByteSet) *FA {
	n := a.tempNFA()
	if !slices.ContainsFunc(n.sets, func(set ByteSet) bool { return set.Intersect(allowed) != set }) {
		return a
	}
	// the same states and ε-moves; each set restricted, the edges whose
	// set is left empty dropped
	r := &nfa{start: n.start, accept: n.accept, epsAt: n.epsAt, eps: n.eps, edgeAt: make([]int32, n.size()+1)}
	num := make([]int32, len(n.sets))
	index := map[ByteSet]int32{}
	for i, set := range n.sets {
		set = set.Intersect(allowed)
		if set.IsEmpty() {
			num[i] = -1
			continue
		}
		k, ok := index[set]
		if !ok {
			k = int32(len(r.sets))
			index[set] = k
			r.sets = append(r.sets, set)
		}
		num[i] = k
	}
	for s := range int32(n.size()) {
		for _, e := range n.edgesOf(s) {
			if num[e.set] >= 0 {
				r.edges = append(r.edges, edge{e.to, num[e.set]})
			}
		}
		r.edgeAt[s+1] = int32(len(r.edges))
	}
	return nfaFA(r)
}

// pnode is a node of a search over the product of nondeterministic
// automata: the states, the phase of an ambiguity search, the node it
// was reached from and how (a byte class, or a phase change or ε-move).
type pnode struct {
	key    pkey
	parent int32
	class  int16
}

type pkey struct {
	phase uint8
	ne    bool
	x, y  int32
}

const (
	viaPhase = -1 // a phase change: a cut of the witness
	viaEps   = -2 // an ε-move of one of the automata
)

// psearch is a breadth-first search over pairs of nfa states whose
// moves are ε-moves of either automaton (free) and bytes read by both.
type psearch struct {
	cl    *classes
	index map[pkey]int32
	nodes []pnode
	dq    deque
	done  []bool
}

func newPsearch(a, b *nfa) *psearch { return newPsearchClasses(a.classes(), b.classes()) }

// newPsearchClasses is newPsearch given the automata's byte classes.
func newPsearchClasses(acl, bcl *classes) *psearch {
	cl, _, _ := joinClasses(acl, bcl)
	return &psearch{cl: cl, index: map[pkey]int32{}}
}

// visit adds a node; free moves go to the front of the queue, so nodes
// come out in the order of the length of their word.
func (s *psearch) visit(k pkey, parent int32, class int16) {
	if _, ok := s.index[k]; ok {
		return
	}
	id := int32(len(s.nodes))
	s.index[k] = id
	s.nodes = append(s.nodes, pnode{k, parent, class})
	s.done = append(s.done, false)
	if class < 0 {
		s.dq.pushFront(id)
	} else {
		s.dq.pushBack(id)
	}
}

// moves adds the successors of node id within its phase: ε-moves of x
// in na and of y in nb, and each byte class both can read.
func (s *psearch) moves(id int32, na, nb *nfa, ne bool) {
	k := s.nodes[id].key
	for _, t := range na.epsOf(k.x) {
		s.visit(pkey{k.phase, k.ne, t, k.y}, id, viaEps)
	}
	for _, t := range nb.epsOf(k.y) {
		s.visit(pkey{k.phase, k.ne, k.x, t}, id, viaEps)
	}
	for _, c := range s.cl.order {
		b := s.cl.reps[c]
		for _, ex := range na.edgesOf(k.x) {
			if !na.sets[ex.set].Has(b) {
				continue
			}
			for _, ey := range nb.edgesOf(k.y) {
				if nb.sets[ey.set].Has(b) {
					s.visit(pkey{k.phase, ne, ex.to, ey.to}, id, int16(c))
				}
			}
		}
	}
}

// next returns the next node to expand, or -1.
func (s *psearch) next() int32 {
	for !s.dq.empty() {
		id := s.dq.popFront()
		if !s.done[id] {
			s.done[id] = true
			return id
		}
	}
	return -1
}

// word returns the bytes read on the way to id and the positions of the
// phase changes on it, in order.
func (s *psearch) word(id int32) ([]byte, []int) {
	var w []byte
	var cuts []int // from the end
	for ; s.nodes[id].parent >= 0; id = s.nodes[id].parent {
		switch c := s.nodes[id].class; {
		case c >= 0:
			w = append(w, s.cl.reps[c])
		case c == viaPhase:
			cuts = append(cuts, len(w))
		}
	}
	reverseBytes(w)
	for i := range cuts {
		cuts[i] = len(w) - cuts[i]
	}
	for i, j := 0, len(cuts)-1; i < j; i, j = i+1, j-1 {
		cuts[i], cuts[j] = cuts[j], cuts[i]
	}
	return w, cuts
}

// ambigNFA is ambig on the nondeterministic automata (see AmbigConcat):
// phase 0 reads u with two runs of a, one of which accepts u; phase 1
// reads p with the other run of a and a run of b from its start; phase
// 2 reads v with that run of b and another from b's start.
func ambigNFA(a, b *nfa) (Ambiguity, bool) {
	return ambigNFAFrom(a, b, b.start, a.classes(), b.classes())
}

// ambigNFAFrom is ambigNFA with b started at bstart instead of its own
// start, given both automata's byte classes.
func ambigNFAFrom(a, b *nfa, bstart int32, acl, bcl *classes) (Ambiguity, bool) {
	s := newPsearchClasses(acl, bcl)
	s.visit(pkey{phase: 0, x: a.start, y: a.start}, -1, viaPhase)
	for id := s.next(); id >= 0; id = s.next() {
		k := s.nodes[id].key
		switch k.phase {
		case 0:
			if a.accept[k.x] {
				s.visit(pkey{phase: 1, x: k.y, y: bstart}, id, viaPhase)
			}
			s.moves(id, a, a, false)
		case 1:
			if k.ne && a.accept[k.x] {
				s.visit(pkey{phase: 2, x: k.y, y: bstart}, id, viaPhase)
			}
			s.moves(id, a, b, true)
		case 2:
			if b.accept[k.x] && b.accept[k.y] {
				w, cuts := s.word(id)
				return Ambiguity{Word: string(w), Cut1: cuts[0], Cut2: cuts[1]}, true
			}
			s.moves(id, b, b, false)
		}
	}
	return Ambiguity{}, false
}

// disjointNFA is Disjoint on the nondeterministic automata: a shortest
// word both accept, if any.
func disjointNFA(a, b *nfa) (string, bool) {
	s := newPsearch(a, b)
	s.visit(pkey{x: a.start, y: b.start}, -1, viaPhase)
	for id := s.next(); id >= 0; id = s.next() {
		k := s.nodes[id].key
		if a.accept[k.x] && b.accept[k.y] {
			w, _ := s.word(id)
			return string(w), false
		}
		s.moves(id, a, b, false)
	}
	return "", true
}
