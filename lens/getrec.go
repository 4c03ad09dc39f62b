package lens

import "sync"

// recScratch is the memory of the recursive recogniser for one text:
// the memo tables of recursive placeholders and stars, and the lists of
// ends it found. It is taken from recPool when a text first needs it and
// given back, cleared, when the get is done, so that reading many small
// files (ifcfg) allocates it once per processor rather than per file.
type recScratch struct {
	n    int              // length of the text
	tabs []memoTab        // one per lens memoised in this text
	free [][]int32        // dense slot arrays to reuse
	big  map[uint64]int32 // slots of long texts, by table<<32 | position
	ends [][]int          // memoised ends of placeholders, slot values 1..
	star []starReach      // memoised star reaches, slot values 1..
	// arena holds the ends lists found by scan, so that they need no
	// allocation each; a full chunk is left to the lists in it
	arena []int
	ident []int // ident[i] == i, for just; kept across texts
	// stacks for lists being built: each user pushes above what is
	// there and pops back to it before returning
	tmp     []int
	tmpEnds [][]int
	heap    []int
	// endsArena holds lists of ends lists as arena holds ends lists
	endsArena [][]int
}

// allocEnds returns n nil lists from the ends arena (capacity n).
func (s *recScratch) allocEnds(n int) [][]int {
	if cap(s.endsArena)-len(s.endsArena) < n {
		s.endsArena = make([][]int, 0, max(arenaChunk/4, n))
	}
	k := len(s.endsArena)
	s.endsArena = s.endsArena[:k+n]
	return s.endsArena[k : k+n : k+n]
}

// alloc returns n ints from the arena (capacity n: appends copy).
func (s *recScratch) alloc(n int) []int {
	if cap(s.arena)-len(s.arena) < n {
		s.arena = make([]int, 0, max(arenaChunk, n))
	}
	k := len(s.arena)
	s.arena = s.arena[:k+n]
	return s.arena[k : k+n : k+n]
}

// collect pops the stack tmp down to base and returns what was above
// it sorted and without duplicates, in the arena (nil if nothing).
func (s *recScratch) collect(base int) []int {
	x := s.tmp[base:]
	if !strictlyAscending(x) { // lists from ascending starts often are
		x = sortUnique(x)
	}
	var out []int
	if len(x) > 0 {
		out = s.alloc(len(x))
		copy(out, x)
	}
	s.tmp = s.tmp[:base]
	return out
}

func strictlyAscending(x []int) bool {
	for k := 1; k < len(x); k++ {
		if x[k] <= x[k-1] {
			return false
		}
	}
	return true
}

// memoTab maps the positions of the text to a lens's memo slot: 0 for
// not yet known, -1 while being computed, k > 0 for entry k-1 of the
// ends or star list.
type memoTab struct {
	lens  *Lens
	slots []int32 // dense, one per position (nil for long texts)
}

// denseMax is the longest text whose memo tables are dense arrays (4
// bytes per position and memoised lens); longer texts use a map.
const denseMax = 1 << 16

// arenaChunk is the size of a fresh arena chunk, in ints.
const arenaChunk = 1024

var recPool = sync.Pool{New: func() any { return new(recScratch) }}

// scratch returns the getter's recogniser memory, taking it from the
// pool on first use.
func (g *getter) scratch() *recScratch {
	if g.rec == nil {
		g.rec = recPool.Get().(*recScratch)
		g.rec.n = len(g.text)
	}
	return g.rec
}

// release gives the recogniser memory back to the pool. Nothing found
// with it may be used afterwards.
func (g *getter) release() {
	s := g.rec
	if s == nil {
		return
	}
	g.rec = nil
	long := s.n > denseMax || len(s.ends) > denseMax || len(s.star) > denseMax
	for _, t := range s.tabs {
		if t.slots != nil {
			clear(t.slots)
			s.free = append(s.free, t.slots)
		}
	}
	clear(s.tabs)
	s.tabs = s.tabs[:0]
	s.big = nil
	clear(s.ends)
	s.ends = s.ends[:0]
	clear(s.star)
	s.star = s.star[:0]
	s.arena = s.arena[:0]
	clear(s.endsArena) // every list handed out was nil, and is cleared here
	s.endsArena = s.endsArena[:0]
	clear(s.tmpEnds[:cap(s.tmpEnds)])
	s.tmp, s.tmpEnds, s.heap = s.tmp[:0], s.tmpEnds[:0], s.heap[:0]
	if long {
		return // a long text: let its memory go rather than keep it
	}
	recPool.Put(s)
}

// table returns the index of l's memo table, making it on first use.
func (s *recScratch) table(l *Lens) int {
	for t := range s.tabs {
		if s.tabs[t].lens == l {
			return t
		}
	}
	tab := memoTab{lens: l}
	if s.n < denseMax {
		// every array in free is all zero
		if k := len(s.free); k > 0 {
			tab.slots = s.free[k-1]
			s.free = s.free[:k-1]
		}
		if cap(tab.slots) > s.n {
			tab.slots = tab.slots[:s.n+1]
		} else {
			tab.slots = make([]int32, s.n+1, max(s.n+1, 512))
		}
	}
	s.tabs = append(s.tabs, tab)
	return len(s.tabs) - 1
}

func (s *recScratch) at(t, p int) int32 {
	if slots := s.tabs[t].slots; slots != nil {
		return slots[p]
	}
	return s.big[uint64(t)<<32|uint64(p)]
}

func (s *recScratch) put(t, p int, v int32) {
	if slots := s.tabs[t].slots; slots != nil {
		slots[p] = v
		return
	}
	if s.big == nil {
		s.big = map[uint64]int32{}
	}
	s.big[uint64(t)<<32|uint64(p)] = v
}

// getterPool keeps getters for Get, with their scratch buffers (for
// cut, the cut stack, the levels and the seq counters), so that reading
// many small files does not allocate them again for each.
var getterPool = sync.Pool{New: func() any { return new(getter) }}

// maxKept is the largest buffer (in elements) a pooled getter keeps.
const maxKept = 1 << 12

// newGetter returns a getter for text, reusing a pooled one's buffers.
func newGetter(text string) *getter {
	g := getterPool.Get().(*getter)
	g.text = text
	return g
}

// recycle gives the getter back to the pool: everything it read is
// dropped, only empty buffers are kept. Nothing it returned may refer
// to them.
func (g *getter) recycle() {
	g.release()
	old := *g
	*g = getter{}
	if cap(old.pbuf) <= maxKept && cap(old.sbuf) <= maxKept && cap(old.mbuf) <= maxKept &&
		cap(old.cutStack) <= maxKept && len(old.free) <= maxKept && len(old.seqs) <= maxKept {
		g.pbuf, g.sbuf, g.mbuf, g.cutStack = old.pbuf[:0], old.sbuf[:0], old.mbuf[:0], old.cutStack[:0]
		g.free = old.free // cleared by freeLevel
		if old.seqs != nil {
			clear(old.seqs)
			g.seqs = old.seqs
		}
	}
	getterPool.Put(g)
}
