package regular

import (
	"math/bits"
	"slices"
	"sync"
)

// nfa is a nondeterministic automaton with ε-moves. Edges carry byte sets.
// Any number of states may accept. nfas are immutable once built (see
// build.go), and stored compactly: the moves of all states in two flat
// arrays, state s owning eps[epsAt[s]:epsAt[s+1]] and
// edges[edgeAt[s]:edgeAt[s+1]], and each distinct byte set once, in
// sets, an edge naming its set by index. (A slice of moves per state,
// with the 32-byte set in every edge, took about five times the
// memory.)
type nfa struct {
	start  int32
	accept []bool
	epsAt  []int32 // size()+1 offsets into eps
	eps    []int32 // targets of ε-moves
	edgeAt []int32 // size()+1 offsets into edges
	edges  []edge
	sets   []ByteSet
}

type edge struct {
	to  int32
	set int32 // index in sets
}

func (n *nfa) size() int { return len(n.accept) }

// epsOf returns the targets of the ε-moves of s.
func (n *nfa) epsOf(s int32) []int32 { return n.eps[n.epsAt[s]:n.epsAt[s+1]] }

// edgesOf returns the edges leaving s.
func (n *nfa) edgesOf(s int32) []edge { return n.edges[n.edgeAt[s]:n.edgeAt[s+1]] }

// builder assembles an nfa: states and moves are added in any order,
// then finish lays them out.
type builder struct {
	accept []bool
	eps    []move
	edges  []move
	sets   []ByteSet
	index  map[ByteSet]int32 // sets by content
	remap  []int32           // scratch: set indices of a copied automaton
	at     []int32           // scratch for finish
}

// move is an ε-move or an edge (set: index in builder.sets) under
// construction.
type move struct{ from, to, set int32 }

var builders = sync.Pool{New: func() any { return &builder{index: map[ByteSet]int32{}} }}

// newBuilder returns an empty builder, to be given back with finish (or
// release).
func newBuilder() *builder { return builders.Get().(*builder) }

// release gives b back for reuse.
func (b *builder) release() {
	b.accept, b.eps, b.edges, b.sets = b.accept[:0], b.eps[:0], b.edges[:0], b.sets[:0]
	if len(b.index) > 256 {
		b.index = map[ByteSet]int32{} // clearing costs the map's size
	} else {
		clear(b.index)
	}
	builders.Put(b)
}

func (b *builder) size() int { return len(b.accept) }

func (b *builder) addState(accept bool) int32 {
	b.accept = append(b.accept, accept)
	return int32(len(b.accept) - 1)
}

func (b *builder) addEps(from, to int32) { b.eps = append(b.eps, move{from, to, -1}) }

// addEdge adds an edge reading set, unless set is empty.
func (b *builder) addEdge(from, to int32, set ByteSet) {
	if !set.IsEmpty() {
		b.edges = append(b.edges, move{from, to, b.set(set)})
	}
}

// set returns the index of set in b.sets, adding it if new.
func (b *builder) set(set ByteSet) int32 {
	i, ok := b.index[set]
	if !ok {
		i = int32(len(b.sets))
		b.sets = append(b.sets, set)
		b.index[set] = i
	}
	return i
}

// copyStates adds a copy of m's states to b, none accepting, with their
// moves (reversed if rev), and returns the offset of m's states in b.
func (b *builder) copyStates(m *nfa, rev bool) int32 {
	off := int32(b.size())
	for range m.accept {
		b.addState(false)
	}
	b.remap = b.remap[:0]
	for _, set := range m.sets {
		b.remap = append(b.remap, b.set(set))
	}
	for s := range int32(m.size()) {
		from := s + off
		for _, t := range m.epsOf(s) {
			if rev {
				b.addEps(t+off, from)
			} else {
				b.addEps(from, t+off)
			}
		}
		for _, e := range m.edgesOf(s) {
			if rev {
				b.edges = append(b.edges, move{e.to + off, from, b.remap[e.set]})
			} else {
				b.edges = append(b.edges, move{from, e.to + off, b.remap[e.set]})
			}
		}
	}
	return off
}

// finish returns the nfa built, starting at start, and gives b back.
func (b *builder) finish(start int32) *nfa {
	n := &nfa{start: start, accept: slices.Clone(b.accept), sets: slices.Clone(b.sets)}
	n.epsAt, n.eps = layout(b, b.eps, func(m move) int32 { return m.to })
	n.edgeAt, n.edges = layout(b, b.edges, func(m move) edge { return edge{m.to, m.set} })
	b.release()
	return n
}

// layout sorts moves by their source state, keeping their order
// otherwise, into a flat array and the offsets of each state's part.
func layout[T any](b *builder, moves []move, conv func(move) T) ([]int32, []T) {
	size := b.size()
	at := make([]int32, size+1)
	for _, m := range moves {
		at[m.from+1]++
	}
	for s := 1; s <= size; s++ {
		at[s] += at[s-1]
	}
	b.at = append(b.at[:0], at[:size]...)
	out := make([]T, len(moves))
	for _, m := range moves {
		out[b.at[m.from]] = conv(m)
		b.at[m.from]++
	}
	return at, out
}

func emptyNFA() *nfa {
	b := newBuilder()
	return b.finish(b.addState(false))
}

// preds returns the states with a move (ε or edge) to each state s, as
// pred[at[s]:at[s+1]].
func (n *nfa) preds() (at, pred []int32) {
	at = make([]int32, n.size()+1)
	for _, t := range n.eps {
		at[t+1]++
	}
	for _, e := range n.edges {
		at[e.to+1]++
	}
	for s := 1; s < len(at); s++ {
		at[s] += at[s-1]
	}
	fill := slices.Clone(at[:n.size()])
	pred = make([]int32, at[n.size()])
	for s := range int32(n.size()) {
		for _, t := range n.epsOf(s) {
			pred[fill[t]] = s
			fill[t]++
		}
		for _, e := range n.edgesOf(s) {
			pred[fill[e.to]] = s
			fill[e.to]++
		}
	}
	return at, pred
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
		for _, t := range n.epsOf(s) {
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

func (n *nfa) classes() *classes { return refineClasses(n.sets) }

// refineClasses returns the coarsest partition of the bytes in which
// every set in sets is a union of classes, the classes numbered in the
// order of their first bytes. Each set splits the classes it cuts in
// two, a few word operations per class, rather than a pass over the 256
// bytes per set.
func refineClasses(sets []ByteSet) *classes {
	parts := make([]ByteSet, 1, 16)
	parts[0] = AllBytes
	for _, s := range sets {
		for i, n := 0, len(parts); i < n; i++ {
			in, out := parts[i].Intersect(s), parts[i].Minus(s)
			if in.IsEmpty() || out.IsEmpty() {
				continue
			}
			parts[i] = in
			parts = append(parts, out)
		}
		if len(parts) == 256 {
			break
		}
	}
	first := func(p ByteSet) int { b, _ := p.Min(); return int(b) }
	slices.SortFunc(parts, func(a, b ByteSet) int { return first(a) - first(b) })
	cl := &classes{n: len(parts), sets: parts}
	for k, p := range parts {
		for w, word := range p {
			for word != 0 {
				cl.of[w<<6|bits.TrailingZeros64(word)] = uint8(k)
				word &= word - 1
			}
		}
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
