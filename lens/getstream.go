package lens

import "slices"

// The streamed read of a recursive star that runs to the end of the
// text, the shape of most recursive lenses at their top (Shellvars:
// blank lines, then statements, some of them nested blocks). Read as a
// nested star is, its iterations are found first over the whole text
// (starReach), and the memo tables hold every position the recogniser
// asked about until the tree is built: on a large file, tens of bytes
// for each byte of text. Read as a stream, the positions the iterations
// reach are explored in increasing order, as starReach does, and each
// time only one is left to explore (a cut point: every parse of the
// rest goes through it) the iterations up to it are built at once, as
// starRec would have chosen them, and the recogniser's memory is given
// back, unless something was memoised beyond the cut point, in which
// case it is kept until a later one. Nothing the recogniser found is
// ever computed again, so the cost stays linear and is that of the
// whole read; the memory is that of the largest stretch between two
// cut points the recogniser had to look across (at least streamDrop).

// streamDrop is the least stretch of text, in bytes, after which a
// stream gives the recogniser's memory back: less would spend more time
// clearing memo tables than it saves.
const streamDrop = 4096

// streamable reports whether exact reads l over text[i:j] as a stream:
// a recursive star, or a concatenation ending in one, that reads to the
// end of the text. Nothing is asked about the text before j once it is
// read (the operands after it read the empty word at the end), so its
// memory can be given back as it goes.
func (g *getter) streamable(l *Lens, j int) bool {
	if j != len(g.text) || g.whole {
		return false
	}
	switch l.kind {
	case KindStar:
		return l.recursive
	case KindConcat:
		last := l.kids[len(l.kids)-1]
		return last.kind == KindStar && last.recursive
	}
	return false
}

// stream reads text[i:j] with l (streamable) as exact does: the cuts of
// a concatenation are those cutsRec finds, the iterations of the star
// those starRec finds, the errors the same.
func (g *getter) stream(l *Lens, i, j int) (skel, error) {
	st := starStream{g: g, l: l, star: l, starts: g.just(i), seg: -1}
	var atBuf [8][][]int
	f := recSets{at: atBuf[:]}
	if l.kind == KindConcat {
		st.m = len(l.kids) - 1
		st.star = l.kids[st.m]
		if err := g.recForward(&f, l, i, j, st.m); err != nil {
			return skel{}, err
		}
		if st.starts = f.sets[st.m]; len(st.starts) == 0 {
			return skel{}, g.recFailure(st.star)
		}
	}
	return st.run(&f, j)
}

// starStream is the state of a streamed read.
type starStream struct {
	g      *getter
	l      *Lens // what is read: star, or a concatenation ending in it
	star   *Lens
	m      int    // the operands of l before the star
	starts []int  // where the star may start
	seg    int    // where the iterations not yet built start (-1: not chosen)
	kids   []skel // skel mode: the operands of l, and the star's iterations
	iters  []skel
	// the scratch stacks (heap, reached positions and their ends) start
	// at these
	hb, rb, eb int
	mark       scratchMark // the arenas when the stream began
}

func (st *starStream) run(f *recSets, j int) (skel, error) {
	g := st.g
	s := g.scratch()
	child := st.star.kids[0]
	st.hb, st.rb, st.eb = len(s.heap), len(s.tmp), len(s.tmpEnds)
	st.mark = s.mark()
	defer st.pop()
	for _, p := range st.starts {
		s.pushHeap(st.hb, p)
	}
	for len(s.heap) > st.hb {
		q := s.popHeap(st.hb)
		for len(s.heap) > st.hb && s.heap[st.hb] == q {
			s.popHeap(st.hb)
		}
		if len(s.heap) == st.hb {
			// nothing else is left to explore: q is a cut point
			if err := st.build(f, q); err != nil {
				return skel{}, err
			}
			if q == j {
				return st.result(), nil
			}
			if s.last < q && (q-s.base >= streamDrop || g.dropEvery) {
				// nothing memoised will be asked again
				s.forgetMemo(q)
				s.freeSince(st.mark)
				g.counts.memoDrops++
			}
		}
		e, err := g.ends(child, q)
		if err != nil {
			return skel{}, err
		}
		s.tmp = append(s.tmp, q)
		s.tmpEnds = append(s.tmpEnds, e)
		for _, x := range e {
			if x > q {
				s.pushHeap(st.hb, x)
			}
		}
	}
	// the end is not reached: the error cutsRec or starRec reports
	if st.m > 0 {
		return skel{}, g.recFailure(st.star)
	}
	return skel{}, g.recFailure(child)
}

// pop gives the scratch stacks back.
func (st *starStream) pop() {
	s := st.g.rec
	clear(s.tmpEnds[st.eb:])
	s.heap, s.tmp, s.tmpEnds = s.heap[:st.hb], s.tmp[:st.rb], s.tmpEnds[:st.eb]
}

func (st *starStream) result() skel {
	sk := skel{lens: st.star, kids: st.iters}
	if st.m == 0 {
		return sk
	}
	if st.g.skel {
		st.kids[st.m] = sk
	}
	return skel{lens: st.l, kids: st.kids}
}

// build reads the iterations up to the cut point q, from the positions
// reached since the last one (on the scratch stacks), and before the
// first, the operands before the star (whose forward sets are f).
func (st *starStream) build(f *recSets, q int) error {
	g := st.g
	s := g.rec
	reached, ends := s.tmp[st.rb:], s.tmpEnds[st.eb:]
	// valid[a]: whether iterations reach q from reached[a]; every end of
	// an iteration from before q is at most q
	valid := s.alloc(len(reached))
	clear(valid)
	isValid := func(a, x int) (int, bool) {
		if x == q {
			return len(reached), true
		}
		k, ok := slices.BinarySearch(reached[a+1:], x)
		return a + 1 + k, ok && valid[a+1+k] != 0
	}
	for a := len(reached) - 1; a >= 0; a-- {
		for _, x := range ends[a] {
			if x <= reached[a] {
				continue
			}
			if _, ok := isValid(a, x); ok {
				valid[a] = 1
				break
			}
		}
	}
	if st.seg < 0 {
		if err := st.begin(f, q, reached, valid); err != nil {
			return err
		}
	}
	cur, a := st.seg, 0
	if cur < q {
		a, _ = slices.BinarySearch(reached, cur)
	}
	child := st.star.kids[0]
	for cur != q {
		// the longest iteration after which the rest still reaches q
		// (Augeas's leftmost-longest, as starRec)
		e := ends[a]
		next, nextA := -1, 0
		for b := len(e) - 1; b >= 0; b-- {
			if e[b] <= cur {
				continue
			}
			if k, ok := isValid(a, e[b]); ok {
				next, nextA = e[b], k
				break
			}
		}
		if next < 0 {
			return g.recFailure(child)
		}
		sk, err := g.exact(child, cur, next)
		if err != nil {
			return err
		}
		if g.skel {
			st.iters = append(st.iters, sk)
		}
		cur, a = next, nextA
	}
	st.seg = q
	clear(s.tmpEnds[st.eb:])
	s.tmp, s.tmpEnds = s.tmp[:st.rb], s.tmpEnds[:st.eb]
	return nil
}

// begin chooses where the star starts, from the starts that reach the
// first cut point q, and reads the operands before it.
func (st *starStream) begin(f *recSets, q int, reached, valid []int) error {
	g := st.g
	if st.m == 0 {
		st.seg = st.starts[0]
		return nil
	}
	s := g.rec
	ok := s.alloc(len(st.starts))[:0]
	for _, p := range st.starts {
		if p == q {
			ok = append(ok, p)
		} else if a, found := slices.BinarySearch(reached, p); found && valid[a] != 0 {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return g.recFailure(st.star)
	}
	cuts, err := g.recChoose(st.l, f, st.m, ok)
	if err != nil {
		return err
	}
	if g.skel {
		st.kids = make([]skel, st.m+1)
	}
	for t := range st.m {
		sk, err := g.exact(st.l.kids[t], cuts[t], cuts[t+1])
		if err != nil {
			return err
		}
		if g.skel {
			st.kids[t] = sk
		}
	}
	st.seg = cuts[st.m]
	return nil
}
