package lens

import (
	"math/bits"
	"slices"
	"sync"

	"github.com/lensnet/lensnet/regular"
)

// The recursive recogniser: a recursive lens is parsed by memoising,
// for each lens and text position, every end a word of the lens can
// have from there (ends); its terminals are its largest non-recursive
// parts, matched with automata. Its scratch memory (memo tables, arenas
// of end lists, stacks) is pooled between texts.

// ends returns, in increasing order, every q such that text[p:q] is in
// l's language. Results for recursive placeholders are memoised.
func (g *getter) ends(l *Lens, p int) ([]int, error) {
	if !l.recursive {
		return g.scan(l.ctype(), l, p), nil
	}
	switch l.kind {
	case KindRec:
		s := g.scratch()
		t := s.table(l)
		v := s.at(t, p)
		if v > 0 {
			return s.ends.at(v), nil
		}
		if l.body() == nil {
			return nil, g.errAt(l, p, "recursive lens used before it was defined")
		}
		if v < 0 {
			return nil, g.errAt(l, p, "left recursion: the recursive lens refers to itself without reading text first")
		}
		if g.depth >= maxDepth {
			return nil, g.errAt(l, p, "input nested too deeply")
		}
		g.depth++
		s.put(t, p, -1) // busy
		e, err := g.ends(l.body(), p)
		g.depth--
		if err != nil {
			s.put(t, p, 0)
			return nil, err
		}
		s.put(t, p, s.ends.add(e))
		return e, nil
	case KindSubtree:
		return g.ends(l.kids[0], p)
	case KindConcat:
		var set []int
		parts := l.recPlan().parts
		for i := range parts {
			var next []int
			if i == 0 || len(set) == 1 {
				q := p
				if i > 0 {
					q = set[0]
				}
				var err error
				if next, err = g.partEnds(&parts[i], q); err != nil {
					return nil, err
				}
			} else {
				s := g.scratch()
				base := len(s.tmp)
				for _, q := range set {
					e, err := g.partEnds(&parts[i], q)
					if err != nil {
						s.tmp = s.tmp[:base]
						return nil, err
					}
					s.tmp = append(s.tmp, e...)
				}
				next = s.collect(base)
			}
			if len(next) == 0 {
				return nil, nil
			}
			set = next
		}
		return set, nil
	case KindSquare:
		return g.squareEnds(l, p)
	case KindUnion:
		// most positions start only one branch: its ends are returned as
		// they are, a merge happens only when a second branch reads too
		var out []int
		base := -1 // once merging: where the lists start on the scratch stack
		plan := l.recPlan()
		parts := plan.parts
		for _, i := range plan.starting(g.text, p) {
			e, err := g.partRead(&parts[i], p)
			if err != nil {
				if base >= 0 {
					g.rec.tmp = g.rec.tmp[:base]
				}
				return nil, err
			}
			switch {
			case len(e) == 0:
			case out == nil:
				out = e
			case base < 0:
				s := g.scratch()
				base = len(s.tmp)
				s.tmp = append(append(s.tmp, out...), e...)
			default:
				g.rec.tmp = append(g.rec.tmp, e...)
			}
		}
		if base >= 0 {
			out = g.rec.collect(base)
		}
		return out, nil
	case KindMaybe:
		e, err := g.ends(l.kids[0], p)
		if err != nil {
			return nil, err
		}
		if len(e) > 0 && e[0] == p {
			return e, nil
		}
		if len(e) == 0 {
			return g.just(p), nil
		}
		// ends are ascending and never before p: p goes first
		out := g.scratch().alloc(len(e) + 1)
		out[0] = p
		copy(out[1:], e)
		return out, nil
	case KindStar:
		r, err := g.starReach(l, p)
		if err != nil {
			return nil, err
		}
		return r.reached, nil
	}
	return nil, g.errAt(l, p, "invalid lens")
}

// scan returns every q such that text[p:q] is in the language of fa, a
// terminal of a recursive lens, and notes how far it read (for errors).
func (g *getter) scan(fa *regular.FA, who *Lens, p int) []int {
	s := g.scratch()
	free := s.ints.free()
	if cap(free) < 64 {
		// start a chunk rather than outgrow a small remainder
		s.ints.next(64)
		free = s.ints.free()
	}
	out, reach := fa.AppendPrefixesReach(free, g.text[p:])
	if p+reach > g.furthest || g.fFA == nil {
		g.furthest, g.fFA, g.fWho, g.fStart = p+reach, fa, who, p
	}
	if len(out) == 0 {
		return nil
	}
	if len(out) <= cap(free) {
		s.ints.take(len(out)) // read into the arena
	} else {
		// the list outgrew the chunk and has its own array: the rest
		// of that array serves the next lists
		s.ints.adopt(out)
	}
	for k := range out {
		out[k] += p
	}
	return out[:len(out):len(out)] // appends copy
}

// just returns the one-element list [p], from the arena (capacity 1,
// so appends copy). Each position asks at most a few times, and only
// some do: an identity table over the whole text cost 8 bytes a byte.
func (g *getter) just(p int) []int {
	out := g.scratch().alloc(1)
	out[0] = p
	return out
}

// partEnds is ends for one group of a recursive concatenation or union.
// The result may be memoised or shared: callers must not modify it.
func (g *getter) partEnds(part *recPart, p int) ([]int, error) {
	if p < len(g.text) && part.first.Has(g.text[p]) {
		return g.partRead(part, p)
	}
	if !part.nullable {
		return nil, nil
	}
	// Only the empty word can be read here (first and nullable are exact
	// unless first has every byte). The part is not explored when that
	// changes nothing: each terminal it would read from p dies on the
	// first byte, which moves furthest only when p is past it, and
	// memoised results are the same whenever they are asked.
	if g.fFA != nil && p <= g.furthest {
		return g.just(p), nil
	}
	return g.partRead(part, p)
}

// partRead is partEnds for a part that may start at p.
func (g *getter) partRead(part *recPart, p int) ([]int, error) {
	if part.fa != nil {
		return g.scan(part.fa, part.who, p), nil
	}
	return g.ends(part.who, p)
}

// firstBytes returns the bytes the words of l can start with and
// whether l reads the empty word, walking the structure of a recursive
// lens (its exact type is a costly fixpoint). Where a recursive lens is
// met again before any byte is read it answers every byte and nullable,
// an over-approximation: a part is then never skipped.
func firstBytes(l *Lens, visiting map[*Lens]bool) (regular.ByteSet, bool) {
	if !l.recursive {
		ct := l.ctype()
		return ct.FirstBytes(), ct.AcceptsEmpty()
	}
	switch l.kind {
	case KindRec:
		if visiting[l] || l.body() == nil {
			return regular.AllBytes, true
		}
		visiting[l] = true
		defer delete(visiting, l)
		return firstBytes(l.body(), visiting)
	case KindSubtree:
		return firstBytes(l.kids[0], visiting)
	case KindConcat, KindSquare:
		var acc regular.ByteSet
		for _, k := range l.kids {
			f, nullable := firstBytes(k, visiting)
			acc = acc.Union(f)
			if !nullable {
				return acc, false
			}
		}
		return acc, true
	case KindUnion:
		var acc regular.ByteSet
		anyNullable := false
		for _, k := range l.kids {
			f, nullable := firstBytes(k, visiting)
			acc, anyNullable = acc.Union(f), anyNullable || nullable
		}
		return acc, anyNullable
	case KindMaybe, KindStar:
		f, _ := firstBytes(l.kids[0], visiting)
		return f, true
	}
	return regular.AllBytes, true
}

// recPlan groups the operands of a recursive concatenation or union for
// the recogniser: each run of adjacent non-recursive operands of a
// concatenation, and all non-recursive operands of a union, become one
// automaton, so that the text is read once per group rather than once
// per operand.
type recPlan struct {
	parts []recPart
	// union: for each byte, the parts (indexes, in order) that may read
	// a text starting with it, and those that may read at its end
	byByte [][]int32 // 256 lists
	atEnd  []int32
}

// starting returns the indexes of the parts of a union that may read
// text from p: the others certainly read nothing there.
func (rp *recPlan) starting(text string, p int) []int32 {
	if p < len(text) {
		return rp.byByte[text[p]]
	}
	return rp.atEnd
}

// recPart is a group of non-recursive operands merged into fa (who is
// the lens named in messages: the operand itself when it is alone), or
// a recursive operand who (fa nil).
type recPart struct {
	fa  *regular.FA
	who *Lens
	// first holds the bytes a non-empty word of the part can start
	// with; a part that cannot read the empty word is skipped where the
	// text has none of them (most branches of a statement union)
	first    regular.ByteSet
	nullable bool
}

func (l *Lens) recPlan() *recPlan {
	if p := l.plan.Load(); p != nil {
		return p
	}
	plan := &recPlan{}
	var run []*Lens
	flush := func() {
		switch len(run) {
		case 0:
			return
		case 1:
			plan.parts = append(plan.parts, recPart{fa: run[0].ctype(), who: run[0]})
		default:
			fas := make([]*regular.FA, len(run))
			for i, k := range run {
				fas[i] = k.ctype()
			}
			merged := regular.Concat(fas...)
			if l.kind == KindUnion {
				merged = regular.Union(fas...)
			}
			plan.parts = append(plan.parts, recPart{fa: merged, who: l})
		}
		run = nil
	}
	for _, k := range l.kids {
		if !k.recursive {
			run = append(run, k)
			continue
		}
		if l.kind == KindConcat {
			flush()
		}
		plan.parts = append(plan.parts, recPart{who: k})
	}
	flush()
	for i := range plan.parts {
		rp := &plan.parts[i]
		if rp.fa != nil {
			rp.first, rp.nullable = rp.fa.FirstBytes(), rp.fa.AcceptsEmpty()
		} else {
			rp.first, rp.nullable = firstBytes(rp.who, map[*Lens]bool{})
		}
	}
	if l.kind == KindUnion {
		plan.byByte = make([][]int32, 256)
		for i := range plan.parts {
			rp := &plan.parts[i]
			for c := range 256 {
				if rp.nullable || rp.first.Has(byte(c)) {
					plan.byByte[c] = append(plan.byByte[c], int32(i))
				}
			}
			if rp.nullable {
				plan.atEnd = append(plan.atEnd, int32(i))
			}
		}
	}
	l.plan.Store(plan)
	return plan
}

func (g *getter) squareEnds(l *Lens, p int) ([]int, error) {
	left, body, right := l.kids[0], l.kids[1], l.kids[2]
	le, err := g.ends(left, p)
	if err != nil {
		return nil, err
	}
	// the ends found are gathered on the scratch stack
	s := g.scratch()
	base := len(s.tmp)
	for _, k1 := range le {
		be, err := g.ends(body, k1)
		if err != nil {
			s.tmp = s.tmp[:base]
			return nil, err
		}
		for _, m := range be {
			re, err := g.ends(right, m)
			if err != nil {
				s.tmp = s.tmp[:base]
				return nil, err
			}
			for _, k2 := range re {
				a, b := g.text[p:k1], g.text[m:k2]
				if a == b || (l.fold && equalFold(a, b)) {
					s.tmp = append(s.tmp, k2)
				}
			}
		}
	}
	return s.collect(base), nil
}

func sortUnique(x []int) []int {
	slices.Sort(x)
	return slices.Compact(x)
}

// starReach is the set of positions the iterations of a recursive star
// can reach from p, ascending, with the ends of one iteration from each;
// memoised, since the recogniser and the tree building both need it.
type starReach struct {
	reached []int
	ends    [][]int // ends[k]: the ends of the operand from reached[k]
}

func (g *getter) starReach(l *Lens, p int) (starReach, error) {
	s := g.scratch()
	t := s.table(l)
	if v := s.at(t, p); v > 0 {
		return s.star.at(v), nil
	}
	r, err := g.reach(l.kids[0], p)
	if err != nil {
		return starReach{}, err
	}
	s.put(t, p, s.star.add(r))
	return r, nil
}

// reach explores the iterations of child from p and returns every
// position reached, ascending, with the ends of child from each.
func (g *getter) reach(child *Lens, p int) (starReach, error) {
	// the positions to explore are bits over p.. (bit k of word w is
	// p+64w+k) on the scratch stack of words, read in increasing order:
	// each once, however many ends lead to it. A nested reach (in ends)
	// works above them and leaves its words zero when it pops back.
	s := g.scratch()
	wb, rb, eb := len(s.bits), len(s.tmp), len(s.tmpEnds)
	s.bits = append(s.bits, 1)
	for w := wb; w < len(s.bits); {
		word := s.bits[w]
		if word == 0 {
			w++
			continue
		}
		b := bits.TrailingZeros64(word)
		s.bits[w] = word &^ (1 << b)
		q := p + (w-wb)<<6 + b
		e, err := g.ends(child, q)
		if err != nil {
			clear(s.bits[wb:])
			s.bits, s.tmp, s.tmpEnds = s.bits[:wb], s.tmp[:rb], s.tmpEnds[:eb]
			return starReach{}, err
		}
		s.tmp = append(s.tmp, q)
		s.tmpEnds = append(s.tmpEnds, e)
		for _, x := range e {
			if x > q {
				k := x - p
				v := wb + k>>6
				for v >= len(s.bits) {
					s.bits = append(s.bits, 0)
				}
				s.bits[v] |= 1 << (k & 63)
			}
		}
	}
	s.bits = s.bits[:wb]
	r := starReach{reached: s.alloc(len(s.tmp) - rb), ends: s.allocEnds(len(s.tmpEnds) - eb)}
	copy(r.reached, s.tmp[rb:])
	copy(r.ends, s.tmpEnds[eb:])
	clear(s.tmpEnds[eb:])
	s.tmp, s.tmpEnds = s.tmp[:rb], s.tmpEnds[:eb]
	return r, nil
}

// pushHeap pushes x on the min-heap of positions s.heap[base:].
func (s *recScratch) pushHeap(base, x int) {
	s.heap = append(s.heap, x)
	a := s.heap[base:]
	for i := len(a) - 1; i > 0; {
		p := (i - 1) / 2
		if a[p] <= a[i] {
			break
		}
		a[p], a[i] = a[i], a[p]
		i = p
	}
}

// popHeap pops the least position of the min-heap s.heap[base:].
func (s *recScratch) popHeap(base int) int {
	a := s.heap[base:]
	x := a[0]
	n := len(a) - 1
	a[0] = a[n]
	a = a[:n]
	s.heap = s.heap[:base+n]
	for i := 0; ; {
		c := 2*i + 1
		if c >= n {
			break
		}
		if c+1 < n && a[c+1] < a[c] {
			c++
		}
		if a[i] <= a[c] {
			break
		}
		a[i], a[c] = a[c], a[i]
		i = c
	}
	return x
}

func (g *getter) starRec(l *Lens, i, j int) (skel, error) {
	child := l.kids[0]
	r, err := g.starReach(l, i)
	if err != nil {
		return skel{}, err
	}
	last, ok := slices.BinarySearch(r.reached, j)
	if !ok {
		return skel{}, g.recFailure(child)
	}
	// valid[k]: whether iterations reach j from reached[k] (every end of
	// an iteration from a reached position is reached); then each
	// iteration, from the first, takes the longest piece that stays valid
	// (Augeas's leftmost-longest)
	s := g.scratch()
	valid := s.alloc(last + 1) // 1 for valid
	clear(valid)
	valid[last] = 1
	for a := last - 1; a >= 0; a-- {
		q := r.reached[a]
		for _, x := range r.ends[a] {
			if x <= q || x > j {
				continue
			}
			if k, _ := slices.BinarySearch(r.reached[a+1:last+1], x); valid[a+1+k] != 0 {
				valid[a] = 1
				break
			}
		}
	}
	cuts := s.alloc(last + 1)[:1] // at most one cut per reached position
	cuts[0] = i
	for cur, a := i, 0; cur != j; {
		e := r.ends[a]
		next, nextK := -1, 0
		for b := len(e) - 1; b >= 0; b-- {
			if e[b] <= cur || e[b] > j {
				continue
			}
			if k, _ := slices.BinarySearch(r.reached[a+1:last+1], e[b]); valid[a+1+k] != 0 {
				next, nextK = e[b], a+1+k
				break
			}
		}
		if next < 0 {
			return skel{}, g.recFailure(child)
		}
		cuts = append(cuts, next)
		cur, a = next, nextK
	}
	var kids []skel
	for t := 0; t+1 < len(cuts); t++ {
		sk, err := g.exact(child, cuts[t], cuts[t+1])
		if err != nil {
			return skel{}, err
		}
		if g.skel {
			kids = append(kids, sk)
		}
	}
	return skel{lens: l, kids: kids}, nil
}

// cutsRec splits text[i:j] among the operands of a concatenation with a
// recursive part, leftmost-longest as Augeas does: forward sets of
// reachable positions, then backward the starts from which the rest still
// reaches j, then forward again, giving each operand the longest piece
// after which the rest still fits.
func (g *getter) cutsRec(l *Lens, i, j int) ([]int, error) {
	n := len(l.kids)
	var atBuf [8][][]int
	f := recSets{at: atBuf[:]}
	if err := g.recForward(&f, l, i, j, n); err != nil {
		return nil, err
	}
	return g.recChoose(l, &f, n, g.just(j))
}

// recSets are the forward sets of a recursive concatenation:
// sets[t] holds the positions operand t can start at, up to j, and
// at[t][k] the ends of operand t from sets[t][k], each asked once.
type recSets struct {
	sets [][]int
	at   [][][]int
}

// recForward finds the sets of the first m operands of l from i, and
// the positions operand m can start at (sets[m], when m < len(l.kids)).
// f.at may come with room for them (a caller's array).
func (g *getter) recForward(f *recSets, l *Lens, i, j, m int) error {
	s := g.scratch()
	n := len(l.kids)
	f.sets = s.allocEnds(n)
	if m > cap(f.at) {
		f.at = make([][][]int, m)
	}
	f.at = f.at[:m]
	f.sets[0] = g.just(i)
	for t := 0; t <= m && t < n; t++ {
		if t > 0 {
			var next []int
			if prev := f.at[t-1]; len(prev) == 1 {
				next = prev[0]
			} else {
				base := len(s.tmp)
				for _, e := range prev {
					s.tmp = append(s.tmp, e...)
				}
				next = s.collect(base)
			}
			k := len(next)
			for k > 0 && next[k-1] > j {
				k--
			}
			f.sets[t] = next[:k]
		}
		if t == m {
			break
		}
		f.at[t] = s.allocEnds(len(f.sets[t]))
		for k, p := range f.sets[t] {
			e, err := g.ends(l.kids[t], p)
			if err != nil {
				return err
			}
			f.at[t][k] = e
		}
	}
	return nil
}

// recChoose returns the cuts between the first m operands of l, given
// the positions from which the rest reaches the end (last, ascending,
// all in f.sets[m] or the end itself): cuts[0] is the start, cuts[m]
// where operand m starts.
func (g *getter) recChoose(l *Lens, f *recSets, m int, last []int) ([]int, error) {
	s := g.scratch()
	// valid[t]: positions in sets[t] from which operands t.. reach j
	valid := s.allocEnds(m + 1)
	valid[m] = last
	for t := m - 1; t >= 1; t-- {
		v := s.alloc(len(f.sets[t]))[:0]
		for k, p := range f.sets[t] {
			if intersects(f.at[t][k], valid[t+1]) {
				v = append(v, p)
			}
		}
		if len(v) == 0 {
			return nil, g.recFailure(l.kids[t])
		}
		valid[t] = v
	}
	cuts := s.alloc(m + 1)
	cuts[0] = f.sets[0][0]
	for t := 0; t < m; t++ {
		k, _ := slices.BinarySearch(f.sets[t], cuts[t]) // cuts[t] is in valid[t]
		e := f.at[t][k]
		found := false
		for a := len(e) - 1; a >= 0 && !found; a-- {
			if _, ok := slices.BinarySearch(valid[t+1], e[a]); ok {
				cuts[t+1] = e[a]
				found = true
			}
		}
		if !found {
			return nil, g.recFailure(l.kids[t])
		}
	}
	return cuts, nil
}

// intersects reports whether two ascending lists share an element.
func intersects(a, b []int) bool {
	for x, y := 0, 0; x < len(a) && y < len(b); {
		switch {
		case a[x] == b[y]:
			return true
		case a[x] < b[y]:
			x++
		default:
			y++
		}
	}
	return false
}

// recScratch is the memory of the recursive recogniser for one text:
// the memo tables of recursive placeholders and stars, and the lists of
// ends it found. It is taken from recPool when a text first needs it and
// given back, cleared, when the get is done, so that reading many small
// files (ifcfg) allocates it once per processor rather than per file.
type recScratch struct {
	n    int                 // length of the text
	tabs []memoTab           // one per lens memoised in this text
	free [][]int32           // dense slot arrays to reuse, all zero
	base int                 // the position dense slots start at
	last int                 // the furthest position memoised
	big  map[uint64]int32    // slots outside the dense ones, by table<<32 | position
	ends memoList[[]int]     // memoised ends of placeholders, slot values 1..
	star memoList[starReach] // memoised star reaches, slot values 1..
	// ints holds the ends lists found by scan and the other lists of
	// positions, so that they need no allocation each
	ints arena[int]
	// stacks for lists being built: each user pushes above what is
	// there and pops back to it before returning
	tmp     []int
	tmpEnds [][]int
	heap    []int    // of a stream (getstream.go)
	bits    []uint64 // of reach: the positions left to explore
	// lists holds lists of ends lists (cleared: it hands out nil lists)
	lists arena[[]int]
}

// scratchMark is a point in the arenas' allocations (see mark).
type scratchMark struct{ ints, lists arenaMark }

// mark returns the arenas' point of allocation now.
func (s *recScratch) mark() scratchMark {
	return scratchMark{s.ints.mark(), s.lists.mark()}
}

// freeSince gives back to the arenas what was allocated since m: no
// list allocated since may be used afterwards.
func (s *recScratch) freeSince(m scratchMark) {
	s.ints.freeSince(m.ints)
	s.lists.freeSince(m.lists)
}

// arenaReuse is the largest arena chunk, in elements, made by doubling
// the one before (a larger request gets a chunk of its own size).
const arenaReuse = 1 << 16

// keepInts and keepLists bound the arena chunks a pooled scratch keeps
// for the next text, in elements (1 MiB and 768 KiB).
const (
	keepInts  = 1 << 17
	keepLists = 1 << 15
)

// forgetMemo empties the memo tables and lists, and makes the dense
// slots start at base. The lists the memo referred to stay where they
// are (freeSince gives them back).
func (s *recScratch) forgetMemo(base int) {
	for t := range s.tabs {
		clear(s.tabs[t].slots)
		s.tabs[t].slots = s.tabs[t].slots[:0]
	}
	s.big = nil
	s.ends.reset()
	s.star.reset()
	s.base, s.last = base, base-1
}

// memoList is a list of memoised results, numbered from 1, held in
// chunks so that a long text's list grows without copying.
type memoList[T any] struct {
	chunks [][]T
	n      int
}

// memoChunk is the number of results in a chunk of a memoList.
const memoChunk = 1 << 12

// add appends x and returns its number.
func (m *memoList[T]) add(x T) int32 {
	c := m.n / memoChunk
	if c == len(m.chunks) {
		// a short text's list stays short: the first chunk grows
		// until it is whole, the others are made whole
		size := memoChunk
		if c == 0 {
			size = 16
		}
		m.chunks = append(m.chunks, make([]T, 0, size))
	}
	m.chunks[c] = append(m.chunks[c], x)
	m.n++
	return int32(m.n)
}

// at returns the result numbered v.
func (m *memoList[T]) at(v int32) T {
	i := int(v) - 1
	return m.chunks[i/memoChunk][i%memoChunk]
}

// reset empties the list, keeping its first chunk.
func (m *memoList[T]) reset() {
	if len(m.chunks) > 0 {
		clear(m.chunks[0])
		m.chunks[0] = m.chunks[0][:0]
		clear(m.chunks[1:])
		m.chunks = m.chunks[:1]
	}
	m.n = 0
}

// allocEnds returns n nil lists from the lists arena (capacity n).
func (s *recScratch) allocEnds(n int) [][]int { return s.lists.alloc(n) }

// alloc returns n ints from the arena (capacity n: appends copy), not
// zeroed.
func (s *recScratch) alloc(n int) []int { return s.ints.alloc(n) }

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
	lens *Lens
	// slots: dense, by position from the scratch's base, grown as
	// positions are asked up to denseMax (the rest goes to big)
	slots []int32
}

// denseMax is the longest stretch of text, from the base, whose memo
// tables are dense arrays (4 bytes per position and memoised lens);
// positions further on use a map.
const denseMax = 1 << 16

// arenaChunk is the size of the first arena chunk, in elements; a
// chunk made when one is full is at least as large as it.
const arenaChunk = 1024

var recPool = sync.Pool{New: func() any { return new(recScratch) }}

// scratch returns the getter's recogniser memory, taking it from the
// pool on first use.
func (g *getter) scratch() *recScratch {
	if g.rec == nil {
		g.rec = recPool.Get().(*recScratch)
		g.rec.n = len(g.text)
		g.rec.lists.zero = true
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
	long := s.n > denseMax || s.ends.n > denseMax || s.star.n > denseMax
	s.forgetMemo(0)
	for _, t := range s.tabs {
		if cap(t.slots) > 0 {
			s.free = append(s.free, t.slots)
		}
	}
	clear(s.tabs)
	s.tabs = s.tabs[:0]
	s.ends.reset()
	s.star.reset()
	s.ints.reset(keepInts)
	s.lists.reset(keepLists)
	clear(s.tmpEnds[:cap(s.tmpEnds)])
	s.tmp, s.tmpEnds, s.heap = s.tmp[:0], s.tmpEnds[:0], s.heap[:0]
	clear(s.bits[:cap(s.bits)]) // zero unless a panic left some
	s.bits = s.bits[:0]
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
	// every array in free is all zero
	if k := len(s.free); k > 0 {
		tab.slots = s.free[k-1][:0]
		s.free = s.free[:k-1]
	}
	s.tabs = append(s.tabs, tab)
	return len(s.tabs) - 1
}

func (s *recScratch) at(t, p int) int32 {
	o := p - s.base
	if slots := s.tabs[t].slots; o >= 0 && o < len(slots) {
		return slots[o]
	} else if o >= 0 && o < denseMax {
		return 0
	}
	return s.big[uint64(t)<<32|uint64(p)]
}

func (s *recScratch) put(t, p int, v int32) {
	s.last = max(s.last, p)
	o := p - s.base
	if o >= 0 && o < denseMax {
		tab := &s.tabs[t]
		if o >= len(tab.slots) {
			if o < cap(tab.slots) {
				tab.slots = tab.slots[:o+1] // zero beyond len: cleared when given back
			} else {
				tab.slots = append(tab.slots[:cap(tab.slots)], make([]int32, o+1-cap(tab.slots))...)
				tab.slots = tab.slots[:cap(tab.slots)]
			}
		}
		tab.slots[o] = v
		return
	}
	if s.big == nil {
		s.big = map[uint64]int32{}
	}
	s.big[uint64(t)<<32|uint64(p)] = v
}
