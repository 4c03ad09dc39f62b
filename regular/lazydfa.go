package regular

import (
	"encoding/binary"
	"slices"
)

// lazyDFA determinizes an nfa on demand: a DFA state is the ε-closed set
// of nfa states, and a transition is computed the first time it is taken.
// With a limit, the cache of states is flushed when it grows past the
// limit, so memory stays bounded while every step stays O(nfa size) at
// worst; without one, it grows to the full subset automaton.
type lazyDFA struct {
	n     *nfa
	cl    *classes
	sets  [][]int32 // nfa states of each DFA state, sorted
	acc   []bool
	trans []int32 // state<<shift + class → target<<shift, or unknown
	shift uint    // row stride is 1<<shift ≥ cl.n: no multiply when matching
	index map[string]int32
	limit int

	closer
	buf []int32
	key []byte
}

// closer computes ε-closures over an nfa's states, with reusable
// scratch.
type closer struct {
	n     *nfa
	mark  []uint32
	gen   uint32
	stack []int32
}

func newCloser(n *nfa) closer {
	return closer{n: n, mark: make([]uint32, n.size())}
}

const (
	unknown   = -1
	deadState = 0 // the empty set of nfa states
	startDFA  = 1
)

func newLazyDFA(n *nfa, cl *classes, limit int) *lazyDFA {
	d := &lazyDFA{n: n, cl: cl, limit: limit, closer: newCloser(n)}
	for 1<<d.shift < cl.n {
		d.shift++
	}
	d.reset()
	return d
}

func (d *lazyDFA) reset() {
	d.sets = d.sets[:0]
	d.acc = d.acc[:0]
	d.trans = d.trans[:0]
	d.index = make(map[string]int32)
	d.intern(nil)
	d.buf = append(d.buf[:0], d.n.start)
	d.intern(d.closure(d.buf))
}

// closure extends states (in place, reusing buf) with everything reachable
// by ε-moves, and sorts the result.
func (d *closer) closure(states []int32) []int32 {
	d.gen++
	if d.gen == 0 {
		clear(d.mark)
		d.gen = 1
	}
	d.stack = d.stack[:0]
	out := states[:0]
	for _, s := range states {
		if d.mark[s] != d.gen {
			d.mark[s] = d.gen
			d.stack = append(d.stack, s)
		}
	}
	for len(d.stack) > 0 {
		s := d.stack[len(d.stack)-1]
		d.stack = d.stack[:len(d.stack)-1]
		out = append(out, s)
		for _, t := range d.n.epsOf(s) {
			if d.mark[t] != d.gen {
				d.mark[t] = d.gen
				d.stack = append(d.stack, t)
			}
		}
	}
	slices.Sort(out)
	return out
}

func (d *lazyDFA) intern(set []int32) int32 {
	d.key = d.key[:0]
	for _, s := range set {
		d.key = binary.LittleEndian.AppendUint32(d.key, uint32(s))
	}
	if id, ok := d.index[string(d.key)]; ok {
		return id
	}
	id := int32(len(d.sets))
	d.sets = append(d.sets, slices.Clone(set))
	acc := false
	for _, s := range set {
		if d.n.accept[s] {
			acc = true
			break
		}
	}
	d.acc = append(d.acc, acc)
	for i := 0; i < 1<<d.shift; i++ {
		d.trans = append(d.trans, unknown)
	}
	d.index[string(d.key)] = id
	return id
}

// step returns the state reached from s on class c, computing it if
// needed. After a flush of the cache, state numbers other than deadState
// and startDFA change: callers use only the returned state.
func (d *lazyDFA) step(s int32, c int) int32 {
	if t := d.trans[int(s)<<d.shift+c]; t != unknown {
		return t >> d.shift
	}
	b := d.cl.reps[c]
	d.buf = d.buf[:0]
	for _, q := range d.sets[s] {
		for _, e := range d.n.edgesOf(q) {
			if d.n.sets[e.set].Has(b) {
				d.buf = append(d.buf, e.to)
			}
		}
	}
	next := d.closure(d.buf)
	if d.limit > 0 && len(d.sets) >= d.limit {
		target := slices.Clone(next)
		d.reset()
		return d.intern(target) // s is gone; do not record the edge
	}
	t := d.intern(next)
	d.trans[int(s)<<d.shift+c] = t << d.shift
	return t
}

// explore computes every reachable state and transition (no limit) and
// returns the transition table with rows of cl.n entries.
func (d *lazyDFA) explore() []int32 {
	for s := int32(0); int(s) < len(d.sets); s++ {
		for c := 0; c < d.cl.n; c++ {
			d.step(s, c)
		}
	}
	table := make([]int32, 0, len(d.sets)*d.cl.n)
	for s := range d.sets {
		for c := 0; c < d.cl.n; c++ {
			table = append(table, d.trans[s<<d.shift+c]>>d.shift)
		}
	}
	return table
}
