package lens

import (
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// The getter: the state of one reading of a text (its mode, the level
// being built, the nodes made so far, scratch buffers, pooled between
// texts) and the walk of a lens over the text, which builds the tree.
// Where each operand of a concatenation or iteration ends is found in
// cut.go, the parse of a recursive lens in getrec.go (of a recursive
// star that reads to the end of the text, in getstream.go), the
// parallel read of a large star in getpar.go.

// getter reads one text. Lenses without recursion are split with
// automata: each concatenation and iteration is cut where a forward scan
// of the left part and a backward scan of the rest agree. A single
// candidate needs no backward scan, nor does one left after dropping
// those the rest cannot start after (a concatenation looks at the next
// byte, a star a few bytes ahead); one backward scan serves all the
// operands of a concatenation, and a union's branch is picked by one
// forward scan of all its branches, which stops once one branch is left.
// An operand whose words all have one length is cut by that length. The
// text is matched against the whole lens first, except when the lens
// checks it as it goes (a star, or a concatenation ending in one: see
// selfChecking). Every byte is read a bounded number of times whatever
// the input. Recursive lenses are parsed by a memoising recogniser over
// positions (ends), whose terminals are their largest non-recursive
// parts, matched with the same automata; the tree is then built
// top-down along the unique parse.
type getter struct {
	text     string
	getMode  // what the text is read for, fixed while it is read
	seqs     map[string]int
	lvl      *level
	stack    []*tree.Node // the nodes made so far whose parent is not made yet
	free     []*level     // levels to reuse (one per nesting depth)
	rec      *recScratch  // memory of the recursive recogniser, pooled
	pbuf     []int        // scratch for cut
	sbuf     []int
	furthest int         // rightmost position any terminal of a recursive lens read to
	fFA      *regular.FA // the language of the terminal that read furthest,
	fWho     *Lens       // the lens named for it, and where it started
	fStart   int
	depth    int

	mbuf       []uint64     // scratch for cutsRegular
	cutStack   []int        // the cuts of the concatenations being read, innermost last
	startStack []int        // the iteration starts of the stars being read, innermost last
	kids       []*tree.Node // chunk the children lists of the nodes made are cut from (see kidSlice); never reused by another get
	nodes      tree.Alloc   // the nodes made, likewise

	// found: the subtrees met, in order (shallow, record)
	found []foundSubtree
	// topLvl: the level of the top of the text (record and lazy apply
	// to its subtrees only)
	topLvl *level
	// unsure: a seq was numbered whose counter was not met (isolated)
	unsure bool
	// checkLens: the top-level concatenation read without matching the
	// whole text first (see selfChecking); its cuts come from prefix
	// scans only
	checkLens *Lens
	// topLens: the lens the text is read with, at the top
	topLens *Lens
	// inLazy while the level of a subtree left lazy is read
	inLazy    bool
	lazyFound []foundSubtree // what was left unread, in order: subtrees and counters (see lazyAdd)
	lazyBase  int            // where the lazy node being read starts in lazyFound
	// size: what node and children chunks are sized by (the text read,
	// or the part of it a lazy node reads)
	size   int
	counts getCounts
}

// getCounts is what a getter counts, for tests.
type getCounts struct {
	parallelReads int // the stars read in parallel
	// memoDrops counts the times a streamed read gave the recogniser's
	// memory back (getstream.go)
	memoDrops int
}

// getMode is what a getter reads a text for, in one place: it is set
// before the getter starts and never changes while it reads. The zero
// mode reads the tree and nothing else (Get).
type getMode struct {
	// skel: also build the skeleton of every level and the dictionary
	// of its subtrees, which put writes the original text back from
	// (Put, PutChanged)
	skel bool
	// shallow: read one level only, noting each subtree met in found
	// instead of reading it (PutChanged)
	shallow bool
	// record: note each subtree of the top level (topLvl) met in found,
	// besides reading it (GetLayout)
	record bool
	// isolated: the text is read out of its context, from inside a
	// subtree (PutChanged, the runs of a parallel read), so a seq whose
	// counter is not met here may have been counted before: meeting one
	// sets unsure, and the caller falls back on reading in context
	isolated bool
	// lazy: the top-level subtrees to leave unread below their own
	// level (GetLazy), nil to read everything
	lazy *lazyPlan
	// sequential: never read a large star in parallel (see getpar.go;
	// for tests that compare the two reads)
	sequential bool
	// whole: never read a recursive star as a stream (see getstream.go;
	// for tests that compare the two reads); dropEvery: a stream gives
	// the recogniser's memory back at every cut point it may (for tests
	// of short texts)
	whole, dropEvery bool
}

// foundSubtree is a subtree lens and the text it applies to.
type foundSubtree struct {
	lens *Lens
	i, j int
}

// level collects what a lens sets for the node being built: its label
// and value, and its children.
type level struct {
	key, value       string
	hasKey, hasValue bool
	ks, ke, vs, ve   int
	nodes            []*tree.Node
	dict             *dict
}

// newLevel returns a cleared level from the getter's free list.
func (g *getter) newLevel() *level {
	if k := len(g.free); k > 0 {
		l := g.free[k-1]
		g.free = g.free[:k-1]
		return l
	}
	return &level{}
}

func (g *getter) freeLevel(l *level) {
	*l = level{}
	g.free = append(g.free, l)
}

// maxDepth bounds the nesting of recursive lenses (the only way input can
// nest deeper than the lens itself), so that hostile input cannot exhaust
// the stack.
const maxDepth = 10000

func (g *getter) top(l *Lens) (*level, skel, error) {
	lvl := &level{}
	if g.skel {
		lvl.dict = &dict{}
	}
	g.lvl, g.topLvl, g.topLens = lvl, lvl, l
	n := len(g.text)
	if !l.recursive && l.kind != KindStar {
		if selfChecking(l) {
			// no separate pass over the whole text: it is checked as
			// it is read, and explained as below if it does not fit
			g.checkLens = l
		} else if !l.ctype().Match(g.text) {
			return nil, skel{}, g.mismatch(l, 0, n)
		}
	}
	sk, err := g.exact(l, 0, n)
	if err != nil {
		if g.checkLens != nil && !l.ctype().Match(g.text) {
			return nil, skel{}, g.mismatch(l, 0, n)
		}
		return nil, skel{}, err
	}
	lvl.nodes, g.stack = g.stack, nil
	if lvl.hasKey {
		return nil, skel{}, g.errAt(l, lvl.ks, fmt.Sprintf("get left unused key %q", lvl.key))
	}
	if lvl.hasValue {
		return nil, skel{}, g.errAt(l, lvl.vs, fmt.Sprintf("get left unused value %q", lvl.value))
	}
	return lvl, sk, nil
}

// selfChecking reports whether get, reading text with l at the top,
// finds out by itself when the text is not in l's language, so that it
// need not be matched against it first. A star does (each iteration is
// a prefix the operand reads, and the star fails when none is left);
// so does a concatenation whose last operand is a star, when every
// other cut is a prefix its operand reads (checkLens: no cut by length
// alone).
func selfChecking(l *Lens) bool {
	return l.kind == KindConcat && len(l.kids) > 1 && l.kids[len(l.kids)-1].kind == KindStar
}

// exact applies l to text[i:j], which is known to be in l's language
// (except at the top of the lens, where a star reports its own failure).
func (g *getter) exact(l *Lens, i, j int) (skel, error) {
	switch l.kind {
	case KindDel:
		return skel{lens: l, text: g.text[i:j]}, nil
	case KindStore:
		g.lvl.value, g.lvl.hasValue, g.lvl.vs, g.lvl.ve = g.text[i:j], true, i, j
	case KindKey:
		g.lvl.key, g.lvl.hasKey, g.lvl.ks, g.lvl.ke = g.text[i:j], true, i, j
	case KindLabel:
		g.lvl.key, g.lvl.hasKey, g.lvl.ks, g.lvl.ke = l.str, true, i, i
	case KindValue:
		g.lvl.value, g.lvl.hasValue, g.lvl.vs, g.lvl.ve = l.str, true, i, i
	case KindSeq:
		if g.seqs == nil {
			g.seqs = map[string]int{}
		}
		n, ok := g.seqs[l.str]
		if !ok {
			n = 1
			g.unsure = g.unsure || g.isolated
		}
		g.seqs[l.str] = n + 1
		g.lvl.key, g.lvl.hasKey, g.lvl.ks, g.lvl.ke = strconv.Itoa(n), true, i, i
	case KindCounter:
		if g.seqs == nil {
			g.seqs = map[string]int{}
		}
		g.seqs[l.str] = 1
		if g.inLazy {
			g.lazyAdd(foundSubtree{l, i, i})
		}
	case KindSubtree:
		return g.subtree(l, i, j)
	case KindRec:
		if l.body() == nil {
			return skel{}, g.errAt(l, i, "recursive lens used before it was defined")
		}
		// no defer in exact: it would make every return take the
		// runtime's deferreturn path
		if g.depth >= maxDepth {
			return skel{}, g.errAt(l, i, "input nested too deeply")
		}
		g.depth++
		sk, err := g.exact(l.body(), i, j)
		g.depth--
		return sk, err
	case KindConcat, KindSquare:
		var cuts []int
		var err error
		if l.recursive {
			if g.streamable(l, j) {
				return g.stream(l, i, j)
			}
			cuts, err = g.cutsRec(l, i, j)
		} else {
			// cuts is on g.cutStack, given back once the operands are read
			base := len(g.cutStack)
			cuts, err = g.cutsRegular(l, i, j)
			if err == nil && l.kind == KindSquare {
				err = g.checkSquare(l, cuts)
			}
			var sk skel
			if err == nil {
				sk, err = g.sequence(l, cuts)
			}
			g.cutStack = g.cutStack[:base]
			return sk, err
		}
		if err != nil {
			return skel{}, err
		}
		if l.kind == KindSquare {
			if err := g.checkSquare(l, cuts); err != nil {
				return skel{}, err
			}
		}
		return g.sequence(l, cuts)
	case KindUnion:
		return g.union(l, i, j)
	case KindMaybe:
		return g.maybe(l, i, j)
	case KindStar:
		if l.recursive {
			if g.streamable(l, j) {
				return g.stream(l, i, j)
			}
			return g.starRec(l, i, j)
		}
		if g.inLazy && onlySubtrees(l) {
			// below a lazy node, a star that only makes subtrees is
			// left whole to the expansion (its iterations are not
			// even cut)
			if i < j {
				g.lazyAdd(foundSubtree{l, i, j})
			}
			return skel{lens: l}, nil
		}
		return g.star(l, i, j)
	default:
		return skel{}, g.errAt(l, i, "invalid lens")
	}
	return skel{lens: l}, nil
}

// kidSlice returns a slice for k children: small ones are cut from a
// shared chunk (one allocation for many nodes), each with its capacity
// equal to its length so that a node that grows its list copies it. The
// chunk belongs to the tree read, never to another get.
func (g *getter) kidSlice(k int) []*tree.Node {
	const chunk = 1024
	if k > chunk/8 {
		return make([]*tree.Node, k)
	}
	n := len(g.kids)
	if n+k > cap(g.kids) {
		// a small text gets a small chunk (a 150-byte ifcfg file makes
		// a dozen nodes, not a thousand)
		size := max(min(chunk, g.sizeHint()/16), 16, k)
		g.kids, n = make([]*tree.Node, 0, size), 0
	}
	g.kids = g.kids[:n+k]
	return g.kids[n : n+k : n+k]
}

// lazyAdd notes what the lazy node being read left unread. The notes of
// all lazy nodes are cut from chunks (one allocation for many nodes, no
// copy of what earlier nodes hold); a chunk that fills up in the middle
// of a node goes on in a new one, which takes that node's notes along.
func (g *getter) lazyAdd(f foundSubtree) {
	if len(g.lazyFound) == cap(g.lazyFound) {
		part := g.lazyFound[g.lazyBase:]
		chunk := make([]foundSubtree, 0, max(min(1024, g.sizeHint()/32), 2*len(part), 8))
		g.lazyFound, g.lazyBase = append(chunk, part...), 0
	}
	g.lazyFound = append(g.lazyFound, f)
}

// sizeHint is the size of what the getter reads, for sizing chunks.
func (g *getter) sizeHint() int {
	if g.size > 0 {
		return g.size
	}
	return len(g.text)
}

func (g *getter) subtree(l *Lens, i, j int) (skel, error) {
	if g.shallow {
		g.found = append(g.found, foundSubtree{l, i, j})
		return skel{lens: l}, nil
	}
	if g.inLazy {
		g.lazyAdd(foundSubtree{l, i, j})
		return skel{lens: l}, nil
	}
	outer := g.lvl
	lazy := g.lazy != nil && outer == g.topLvl && g.lazy.ok[l]
	if g.record && outer == g.topLvl {
		g.found = append(g.found, foundSubtree{l, i, j})
	}
	base := len(g.stack)
	inner := g.newLevel()
	defer g.freeLevel(inner)
	g.lvl = inner
	g.inLazy = lazy
	g.lazyBase = len(g.lazyFound)
	sk, err := g.exact(l.kids[0], i, j)
	g.inLazy = false
	g.lvl = outer
	if err != nil {
		return skel{}, err
	}
	if g.nodes.Chunk == 0 {
		// as kidSlice: a small text gets small chunks
		g.nodes.Chunk = max(min(256, g.sizeHint()/64), 4)
	}
	var kids []*tree.Node
	if k := len(g.stack) - base; k > 0 {
		// the children came on the shared stack: one exact-size slice
		// per node instead of a slice grown child by child
		kids = g.kidSlice(k)
		copy(kids, g.stack[base:])
		clear(g.stack[base:])
	}
	n := g.nodes.Read(inner.key, inner.hasKey, inner.value, inner.hasValue, kids)
	n.Span = tree.Span{Start: i, End: j}
	if lazy && len(g.lazyFound) > g.lazyBase {
		// the subtrees (and counters) met below, to read when the
		// children are wanted; the list is cut from the getter's
		// chunk, so that later appends do not touch it
		tree.SetLazy(n, &lazyKids{text: g.text, found: g.lazyFound[g.lazyBase:len(g.lazyFound):len(g.lazyFound)]})
	}
	if inner.hasKey {
		n.Span.LabelStart, n.Span.LabelEnd = inner.ks, inner.ke
	}
	if inner.hasValue {
		n.Span.ValueStart, n.Span.ValueEnd = inner.vs, inner.ve
	}
	g.stack = append(g.stack[:base], n)
	if !g.skel {
		return skel{}, nil
	}
	if outer.dict == nil {
		outer.dict = &dict{}
	}
	outer.dict.add(dictKey{inner.key, inner.hasKey}, sk, inner.dict)
	return skel{lens: l}, nil
}

func (g *getter) sequence(l *Lens, cuts []int) (skel, error) {
	var kids []skel
	if g.skel {
		kids = make([]skel, len(l.kids))
	}
	for t, k := range l.kids {
		sk, err := g.exact(k, cuts[t], cuts[t+1])
		if err != nil {
			return skel{}, err
		}
		if g.skel {
			kids[t] = sk
		}
	}
	return skel{lens: l, kids: kids}, nil
}

func (g *getter) union(l *Lens, i, j int) (skel, error) {
	if !l.recursive {
		// the range is in the union: its first branch that can read the
		// text is the one, most often known after a few bytes
		if ch := l.splitPlan().tagged; ch != nil {
			n := ch.Choose(g.text[i:j])
			if n < 0 {
				n = len(l.kids) - 1 // as the loop below would
			}
			return g.exact(l.kids[n], i, j)
		}
	}
	for n, k := range l.kids {
		if n == len(l.kids)-1 && !l.recursive {
			return g.exact(k, i, j) // the range is in the union: the last branch needs no check
		}
		ok, err := g.matches(k, i, j)
		if err != nil {
			return skel{}, err
		}
		if ok {
			return g.exact(k, i, j)
		}
	}
	if l.recursive {
		return skel{}, g.recFailure(l)
	}
	e := g.errAt(l, i, "no branch of the union matches")
	e.noFit = true
	return skel{}, e
}

// matches reports whether text[i:j] is in l's language.
func (g *getter) matches(l *Lens, i, j int) (bool, error) {
	if !l.recursive {
		return l.ctype().Match(g.text[i:j]), nil
	}
	e, err := g.ends(l, i)
	if err != nil {
		return false, err
	}
	_, ok := slices.BinarySearch(e, j)
	return ok, nil
}

func (g *getter) maybe(l *Lens, i, j int) (skel, error) {
	k := l.kids[0]
	apply := i < j
	if i == j {
		var err error
		if apply, err = g.matches(k, i, j); err != nil {
			return skel{}, err
		}
	} else if l.recursive {
		ok, err := g.matches(k, i, j)
		if err != nil {
			return skel{}, err
		}
		if !ok {
			e := g.errAt(l, i, "optional lens does not match")
			e.noFit = true
			return skel{}, e
		}
	}
	if !apply {
		return skel{lens: l}, nil
	}
	sk, err := g.exact(k, i, j)
	if err != nil {
		return skel{}, err
	}
	if g.skel {
		return skel{lens: l, kids: []skel{sk}}, nil
	}
	return skel{}, nil
}

// star reads iterations of a non-recursive lens: each is the longest
// prefix in the operand's language after which the rest can still be
// read by the star; when the operand has a single candidate it is taken
// without looking further.
func (g *getter) star(l *Lens, i, j int) (skel, error) {
	if g.splittable(l, i, j) && g.starParallel(l, i, j) {
		return skel{lens: l}, nil
	}
	child := l.kids[0]
	var kids []skel
	it := g.newStarIter(l, i, j)
	defer it.done()
	for it.pos < j {
		p := it.next()
		if p < 0 {
			return skel{}, g.mismatch(l, it.pos, j)
		}
		sk, err := g.exact(child, it.pos, p)
		if err != nil {
			return skel{}, err
		}
		if g.skel {
			kids = append(kids, sk)
		}
		it.pos = p
	}
	return skel{lens: l, kids: kids}, nil
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
