package regular

import "fmt"

// Ambiguity is a word with two different splits, the witness that a
// concatenation or an iteration is ambiguous: Word[:Cut1] | Word[Cut1:]
// and Word[:Cut2] | Word[Cut2:] both split it into a first and a second
// part, with Cut1 < Cut2.
type Ambiguity struct {
	Word       string
	Cut1, Cut2 int
}

// String shows the witness the way Augeas reports it.
func (x Ambiguity) String() string {
	return fmt.Sprintf("'%s' can be split into '%s|=|%s' and '%s|=|%s'",
		x.Word, x.Word[:x.Cut1], x.Word[x.Cut1:], x.Word[:x.Cut2], x.Word[x.Cut2:])
}

// AmbigConcat reports whether the concatenation a·b is ambiguous, that is
// whether some word splits into a word of a followed by a word of b in
// more than one way. If so it returns a shortest witness.
//
// The search runs on the product of the DFAs of a and b in three phases,
// reading the witness u·p·v: u with a; then p (non-empty) with a
// continuing and b from its start; then v with b continuing and b again
// from its start. The phases meet the conditions u ∈ a, up ∈ a, pv ∈ b
// and v ∈ b, so a reachable final state is exactly an ambiguity.
//
// When a DFA would have more than DFALimit states, the search runs on
// the nondeterministic automata instead (see large.go), and the witness
// is not necessarily a shortest one.
func AmbigConcat(a, b *FA) (Ambiguity, bool) {
	da, ok1 := a.boundedDFA()
	db, ok2 := b.boundedDFA()
	if !ok1 || !ok2 {
		return ambigNFA(a.tempNFA(), b.tempNFA())
	}
	return ambig(da, db)
}

// AmbigStar reports whether the iteration a* is ambiguous, which is the
// case exactly when a·a* is. The witness splits a word of a·a* into its
// first iteration and the rest.
func AmbigStar(a *FA) (Ambiguity, bool) {
	return AmbigConcat(a, Star(a))
}

type akey struct {
	phase uint8
	ne    bool // phase 1: p is not empty yet
	x, y  int32
}

type anode struct {
	key    akey
	parent int32
	class  int16 // class read to get here, or -1 for a phase change
	dist   int32
}

func ambig(d1, d2 *dfa) (Ambiguity, bool) {
	cl, c1, c2 := joinClasses(d1.cl, d2.cl)
	index := map[akey]int32{}
	var nodes []anode
	var dq deque
	relax := func(k akey, parent int32, class int16, dist int32) {
		if id, ok := index[k]; ok {
			if nodes[id].dist <= dist {
				return
			}
			nodes[id].parent, nodes[id].class, nodes[id].dist = parent, class, dist
			if class < 0 {
				dq.pushFront(id)
			} else {
				dq.pushBack(id)
			}
			return
		}
		id := int32(len(nodes))
		index[k] = id
		nodes = append(nodes, anode{k, parent, class, dist})
		if class < 0 {
			dq.pushFront(id)
		} else {
			dq.pushBack(id)
		}
	}
	relax(akey{phase: 0, x: d1.start}, -1, -1, 0)
	done := map[int32]bool{}
	for !dq.empty() {
		id := dq.popFront()
		if done[id] {
			continue
		}
		done[id] = true
		n := nodes[id]
		k := n.key
		switch k.phase {
		case 0:
			if d1.acc[k.x] {
				relax(akey{phase: 1, x: k.x, y: d2.start}, id, -1, n.dist)
			}
			for _, c := range cl.order {
				x := d1.next(k.x, c1[c])
				if x != d1.dead {
					relax(akey{phase: 0, x: x}, id, int16(c), n.dist+1)
				}
			}
		case 1:
			if k.ne && d1.acc[k.x] {
				relax(akey{phase: 2, x: k.y, y: d2.start}, id, -1, n.dist)
			}
			for _, c := range cl.order {
				x, y := d1.next(k.x, c1[c]), d2.next(k.y, c2[c])
				if x != d1.dead && y != d2.dead {
					relax(akey{phase: 1, ne: true, x: x, y: y}, id, int16(c), n.dist+1)
				}
			}
		case 2:
			if d2.acc[k.x] && d2.acc[k.y] {
				return witness(nodes, id, cl), true
			}
			for _, c := range cl.order {
				x, y := d2.next(k.x, c2[c]), d2.next(k.y, c2[c])
				if x != d2.dead && y != d2.dead {
					relax(akey{phase: 2, x: x, y: y}, id, int16(c), n.dist+1)
				}
			}
		}
	}
	return Ambiguity{}, false
}

func witness(nodes []anode, id int32, cl *classes) Ambiguity {
	var w []byte
	var cuts []int // positions counted from the end
	for ; nodes[id].parent >= 0; id = nodes[id].parent {
		if c := nodes[id].class; c >= 0 {
			w = append(w, cl.reps[c])
		} else {
			cuts = append(cuts, len(w))
		}
	}
	reverseBytes(w)
	// cuts holds the phase changes 1→2 then 0→1, as distances from the end
	return Ambiguity{Word: string(w), Cut1: len(w) - cuts[1], Cut2: len(w) - cuts[0]}
}

// ChainUnambiguous reports whether every word of the concatenation
// fas[0]·…·fas[n-1] of non-empty languages splits into one word of each
// in one way only. That holds exactly when each split
// fas[t]·(fas[t+1]·…·fas[n-1]) is unambiguous, and exactly when each
// split (fas[0]·…·fas[t])·fas[t+1] is (the splits a type checker
// reports). Unlike AmbigConcat on each split it does not determinise
// the growing prefixes: the suffixes share one automaton and are only
// explored as far as each operand can overhang into them, so its cost is
// about linear in n for the usual operands. It is false too when an
// operand is empty (the splits before it may still be ambiguous).
func ChainUnambiguous(fas []*FA) bool {
	if len(fas) < 2 {
		return true
	}
	ns := make([]*nfa, len(fas))
	for i, fa := range fas {
		if fa.IsEmpty() {
			return false
		}
		ns[i] = fa.tempNFA()
	}
	whole, starts := chainNFA(fas)
	wcl := whole.classes()
	// all accepts every word: a split is ambiguous only if its left
	// operand has two words one of which extends the other, which
	// AmbigConcat with all decides from that operand alone; only then
	// is the rest of the chain explored.
	ab := newBuilder()
	s := ab.addState(true)
	ab.addEdge(s, s, AllBytes)
	all := ab.finish(s)
	allcl := all.classes()
	for t := 0; t+1 < len(ns); t++ {
		acl := ns[t].classes()
		if _, ext := ambigNFAFrom(ns[t], all, all.start, acl, allcl); !ext {
			continue
		}
		if _, amb := ambigNFAFrom(ns[t], whole, starts[t+1], acl, wcl); amb {
			return false
		}
	}
	return true
}

// chainNFA returns the automaton of the concatenation of fas, none of
// them empty, and for each operand a state from which exactly the words
// of the concatenation of it and the operands after it are read.
func chainNFA(fas []*FA) (*nfa, []int32) {
	b := newBuilder()
	start := b.addState(false)
	starts := make([]int32, len(fas))
	from := start
	for i, fa := range fas {
		if i > 0 {
			// a fresh state: the end of the operand before may have
			// moves of its own (a star's loop), not to be read again
			s := b.addState(false)
			b.addEps(from, s)
			from = s
		}
		starts[i] = from
		from = b.frag(fa, from, false)
	}
	b.accept[from] = true
	return b.finish(start), starts
}
