package lens

import (
	"github.com/lensnet/lensnet/tree"
)

// lazyPlan tells, for the top of a lens, which subtree lenses of its top
// level GetLazy may leave unread below their own level: ok[S] when
// reading S's text again on its own, later, gives the children reading
// it in place gives.
//
// Reading again can differ in two ways. It can fail where reading in
// place did not notice (a square whose closing word differs, which get
// checks as it reads): S must hold no square and no recursion (the
// other failures of exact need text outside the lens's language, which
// the cut of S's text excludes). And seq numbers can differ: a seq in a
// subtree below S counts from the counter it shares with the whole
// read. So every seq below S's own level must be reset by a counter
// read before it in S (the Augeas idiom `counter "x" . [ seq "x" ... ]*`),
// and as the nested seqs and counters left unread do not count, their
// names must not be used by any seq that is not reset that way (a seq
// labelling the top-level nodes themselves, as in Hosts, or any seq of
// a subtree read in full).
type lazyPlan struct {
	ok map[*Lens]bool
}

func (l *Lens) lazyPlan() *lazyPlan {
	if p := l.lazy.Load(); p != nil {
		return p
	}
	p := newLazyPlan(l)
	l.lazy.Store(p)
	return p
}

// subtreeFacts is what the analysis finds of one top-level subtree lens.
type subtreeFacts struct {
	// safe: no square or recursion, and every seq below its own level
	// is reset by a counter read before it in it
	safe    bool
	nested  bool            // it holds subtrees below its own level
	names   map[string]bool // names of the seqs and counters below its own level
	exposed map[string]bool // names of its seqs that count across nodes
}

func newLazyPlan(top *Lens) *lazyPlan {
	p := &lazyPlan{ok: map[*Lens]bool{}}
	if top.recursive {
		return p
	}
	// the subtrees of the top level, and the seqs read there outside
	// any subtree
	var subs []*Lens
	seen := map[*Lens]bool{}
	topSeqs := map[string]bool{}
	var walk func(l *Lens)
	walk = func(l *Lens) {
		if seen[l] {
			return
		}
		seen[l] = true
		switch l.kind {
		case KindSubtree:
			subs = append(subs, l)
			return
		case KindSeq:
			topSeqs[l.str] = true
		}
		for _, k := range l.kids {
			walk(k)
		}
	}
	walk(top)
	facts := make([]subtreeFacts, len(subs))
	for k, s := range subs {
		facts[k] = analyseSubtree(s)
	}
	// a subtree is read in full unless it can be left unread; the names
	// every seq read in full may count with, until nothing changes
	lazy := make([]bool, len(subs))
	for k := range subs {
		lazy[k] = facts[k].safe && facts[k].nested
	}
	for changed := true; changed; {
		changed = false
		exposed := map[string]bool{}
		for n := range topSeqs {
			exposed[n] = true
		}
		for k, f := range facts {
			for n := range f.exposed {
				exposed[n] = true
			}
			if !lazy[k] {
				for n := range f.names {
					exposed[n] = true
				}
			}
		}
		for k, f := range facts {
			if !lazy[k] {
				continue
			}
			for n := range f.names {
				if exposed[n] {
					lazy[k], changed = false, true
					break
				}
			}
		}
	}
	for k, s := range subs {
		if lazy[k] {
			p.ok[s] = true
		}
	}
	return p
}

// analyseSubtree finds the facts of the subtree lens s (see lazyPlan).
func analyseSubtree(s *Lens) subtreeFacts {
	f := subtreeFacts{safe: true, names: map[string]bool{}, exposed: map[string]bool{}}
	// flow reads l at depth (0: s's own level) with the counters of
	// reset read before it, and returns those read after it on every
	// path
	var flow func(l *Lens, depth int, reset map[string]bool) map[string]bool
	flow = func(l *Lens, depth int, reset map[string]bool) map[string]bool {
		if l.recursive {
			f.safe = false
			return reset
		}
		switch l.kind {
		case KindSquare:
			// not looked into: its seqs count as not reset
			f.safe = false
			return reset
		case KindSeq:
			if depth == 0 {
				f.exposed[l.str] = true
			} else {
				f.names[l.str] = true
				if !reset[l.str] {
					f.safe = false
				}
			}
			return reset
		case KindCounter:
			if depth > 0 {
				f.names[l.str] = true
			}
			out := make(map[string]bool, len(reset)+1)
			for n := range reset {
				out[n] = true
			}
			out[l.str] = true
			return out
		case KindSubtree:
			if depth == 0 {
				f.nested = true
			}
			return flow(l.kids[0], depth+1, reset)
		case KindConcat:
			for _, k := range l.kids {
				reset = flow(k, depth, reset)
			}
			return reset
		case KindUnion:
			var out map[string]bool
			for b, k := range l.kids {
				r := flow(k, depth, reset)
				if b == 0 {
					out = r
					continue
				}
				both := map[string]bool{}
				for n := range out {
					if r[n] {
						both[n] = true
					}
				}
				out = both
			}
			return out
		case KindStar, KindMaybe:
			// the body may not be read at all; a second iteration sees
			// at least what the first did
			flow(l.kids[0], depth, reset)
			return reset
		}
		return reset
	}
	flow(s.kids[0], 0, map[string]bool{})
	return f
}

// seqsLocal reports whether reading the subtree lens s from its own
// text alone numbers every seq below the node's own level as reading it
// in place does: each is reset by a counter read before it in s (the
// seq of the node's own level, if any, makes only the node's label,
// which put does not read back). Computed once per lens.
func (s *Lens) seqsLocal() bool {
	switch s.seqLocal.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	ok := analyseSubtree(s).safe
	if ok {
		s.seqLocal.Store(1)
	} else {
		s.seqLocal.Store(2)
	}
	return ok
}

// onlySubtrees reports whether all the star l does to the level it is
// read in is add subtrees: it holds no seq or counter outside them (keys,
// values and labels cannot be in an iteration). Below a lazy node such a
// star can be read later as a whole.
func onlySubtrees(l *Lens) bool {
	switch l.subsOnly.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	var walk func(k *Lens) bool
	walk = func(k *Lens) bool {
		switch k.kind {
		case KindSubtree, KindDel:
			return true
		case KindConcat, KindUnion, KindStar, KindMaybe:
			for _, c := range k.kids {
				if !walk(c) {
					return false
				}
			}
			return true
		}
		return false
	}
	ok := walk(l.kids[0])
	if ok {
		l.subsOnly.Store(1)
	} else {
		l.subsOnly.Store(2)
	}
	return ok
}

// lazyKids makes the children of a node GetLazy left unread: found
// lists, in order, the subtrees met while reading the node's level (and
// the counters, whose effect on the seqs of later subtrees is replayed).
type lazyKids struct {
	text  string
	found []foundSubtree
}

// Expand reads the subtrees found below the node and returns the nodes
// they make. The lazy plan guarantees it reads what reading in place
// would have; were it to fail, the node would keep no children.
func (z *lazyKids) Expand() []*tree.Node {
	return z.ExpandBatch([]tree.Expander{z})[0]
}

// ExpandBatch is Expand for many nodes of one text, with one getter.
func (z *lazyKids) ExpandBatch(es []tree.Expander) [][]*tree.Node {
	zs := make([]*lazyKids, len(es))
	size := 0
	for k, e := range es {
		y, ok := e.(*lazyKids)
		if !ok || y.text != z.text {
			return nil
		}
		zs[k] = y
		size += y.found[len(y.found)-1].j - y.found[0].i
	}
	g := newGetter(z.text)
	defer g.recycle()
	g.size = size
	g.lvl = &level{}
	out := make([][]*tree.Node, len(zs))
	for k, y := range zs {
		if kids := g.expand(y); len(kids) > 0 {
			out[k] = g.kidSlice(len(kids))
			copy(out[k], kids)
		}
		g.stack = g.stack[:0]
	}
	return out
}

// expand reads the subtrees z found, replaying its counters, and returns
// the nodes made (on g.stack), or nil if reading failed.
func (g *getter) expand(z *lazyKids) []*tree.Node {
	for _, f := range z.found {
		if f.lens.kind == KindCounter {
			if g.seqs == nil {
				g.seqs = map[string]int{}
			}
			g.seqs[f.lens.str] = 1
			continue
		}
		if _, err := g.exact(f.lens, f.i, f.j); err != nil {
			g.stack = g.stack[:0]
			return nil
		}
	}
	return g.stack
}
