package regular

import (
	"encoding/binary"
	"slices"
	"sync"
	"sync/atomic"
)

// matcher is a lazy DFA (see lazyDFA) shared by any number of goroutines
// without a lock on the common path. Its states and transitions live in
// a table published through an atomic pointer: a scan loads the table
// once and then reads one transition per byte with an atomic load (a
// plain load on common hardware). Only a transition not computed yet
// takes the lock: it is computed from the nfa states of the source
// state, which a table keeps and never changes, and stored with an
// atomic store after the target's row is filled in, so that a reader who
// sees the transition also sees the row.
//
// A table has room for a number of rows; when it is full, a copy twice
// as large is published (state numbers stay). When the number of states
// reaches the limit, the cache is flushed: a new table of a new
// generation, in which state numbers mean other sets. Scans still
// holding an older table go on with it until they miss a transition,
// then move to the current table with the state their step computed.
type matcher struct {
	n     *nfa
	cl    *classes
	shift uint     // row stride is 1<<shift ≥ cl.n
	limit int      // states cached before a flush; 0 for no limit
	tags  []uint64 // tags of the nfa states, or nil (see Tagged)
	live  []uint64 // tags of the accepting states each nfa state reaches, or nil

	tab atomic.Pointer[dfaTable]

	mu    sync.Mutex // guards what follows (the writer's side)
	index map[string]int32
	rows  int // states in the current table
	gen   uint32
	closer
	buf []int32
	key []byte
}

// dfaTable is one published state of a matcher's cache. trans, acc and
// sets have room for the same number of rows; only rows reachable by
// published transitions (and the dead and start states) are filled in.
type dfaTable struct {
	trans []atomic.Int32 // state<<shift + class → target<<shift, or unknown
	acc   []bool         // accepting states
	sets  [][]int32      // nfa states of each state, sorted; never changed
	mask  []uint64       // tags of each state (the union of its nfa states'), if tagged
	live  []uint64       // tags each state can still reach, if asked for
	gen   uint32
}

func newMatcher(n *nfa, cl *classes, limit int, tags, live []uint64) *matcher {
	m := &matcher{n: n, cl: cl, limit: limit, tags: tags, live: live, closer: newCloser(n)}
	for 1<<m.shift < cl.n {
		m.shift++
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reset()
	return m
}

// reset starts a new generation holding the dead and start states only.
// The caller holds mu.
func (m *matcher) reset() {
	m.gen++
	m.index = make(map[string]int32)
	m.rows = 0
	m.tab.Store(m.newTable(8))
	m.intern(nil)
	m.buf = append(m.buf[:0], m.n.start)
	m.intern(m.closure(m.buf))
}

// newTable returns an empty table of the current generation with room
// for rows states, holding a copy of the current table's rows when it is
// of the same generation.
func (m *matcher) newTable(rows int) *dfaTable {
	t := &dfaTable{
		trans: make([]atomic.Int32, rows<<m.shift),
		acc:   make([]bool, rows),
		sets:  make([][]int32, rows),
		gen:   m.gen,
	}
	if m.tags != nil {
		t.mask = make([]uint64, rows)
	}
	if m.live != nil {
		t.live = make([]uint64, rows)
	}
	k := 0
	if old := m.tab.Load(); old != nil && old.gen == m.gen {
		for i := range old.trans {
			t.trans[i].Store(old.trans[i].Load())
		}
		copy(t.acc, old.acc)
		copy(t.sets, old.sets)
		copy(t.mask, old.mask)
		copy(t.live, old.live)
		k = len(old.trans)
	}
	for i := k; i < len(t.trans); i++ {
		t.trans[i].Store(unknown)
	}
	return t
}

// intern returns the state of a sorted, ε-closed set of nfa states,
// adding it to the current table if new (publishing a larger table when
// it is full). The caller holds mu.
func (m *matcher) intern(set []int32) int32 {
	m.key = m.key[:0]
	for _, s := range set {
		m.key = binary.LittleEndian.AppendUint32(m.key, uint32(s))
	}
	if id, ok := m.index[string(m.key)]; ok {
		return id
	}
	tab := m.tab.Load()
	if m.rows == len(tab.acc) {
		tab = m.newTable(2 * m.rows)
		m.tab.Store(tab)
	}
	id := int32(m.rows)
	m.rows++
	tab.sets[id] = slices.Clone(set)
	for _, s := range set {
		if m.n.accept[s] {
			tab.acc[id] = true
		}
		if m.tags != nil {
			tab.mask[id] |= m.tags[s]
		}
		if m.live != nil {
			tab.live[id] |= m.live[s]
		}
	}
	m.index[string(m.key)] = id
	return id
}

// step returns the state reached from state s of table tab on class c,
// and the table that state belongs to (the current one, which may differ
// from tab).
func (m *matcher) step(tab *dfaTable, s int32, c int) (*dfaTable, int32) {
	m.mu.Lock()
	defer m.mu.Unlock()
	cur := m.tab.Load()
	if cur.gen == tab.gen {
		if t := cur.trans[int(s)<<m.shift+c].Load(); t != unknown {
			return cur, t >> m.shift
		}
	}
	b := m.cl.reps[c]
	m.buf = m.buf[:0]
	for _, q := range tab.sets[s] {
		for _, e := range m.n.edgesOf(q) {
			if m.n.sets[e.set].Has(b) {
				m.buf = append(m.buf, e.to)
			}
		}
	}
	next := m.closure(m.buf)
	if m.limit > 0 && m.rows >= m.limit {
		target := slices.Clone(next)
		m.reset()
		t := m.intern(target) // s is gone; do not record the edge
		return m.tab.Load(), t
	}
	t := m.intern(next)
	cur = m.tab.Load()
	if cur.gen == tab.gen {
		cur.trans[int(s)<<m.shift+c].Store(t << m.shift)
	}
	return cur, t
}
