package lens

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/lensnet/lensnet/lens/source"
	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// GetError is a failure to read text with a lens: where (Pos, with the
// byte offset), which lens (Top, the named lens the text was read with,
// such as Hosts.lns, and Lens, the part of it that failed), and what
// went wrong.
type GetError struct {
	Pos  source.Pos
	Top  source.Info
	Lens source.Info
	Msg  string
}

func (e *GetError) Error() string {
	if e.Top.Name != "" && (e.Lens == source.Info{} || e.Lens == e.Top) {
		return fmt.Sprintf("%s: %s (byte %d, lens %s)", e.Pos, e.Msg, e.Pos.Offset, e.Top)
	}
	if e.Top.Name != "" {
		return fmt.Sprintf("%s: %s (byte %d, lens %s, in %s)", e.Pos, e.Msg, e.Pos.Offset, e.Top.Name, e.Lens)
	}
	return fmt.Sprintf("%s: %s (byte %d, lens %s)", e.Pos, e.Msg, e.Pos.Offset, e.Lens)
}

// Get reads text with the lens and returns the tree it describes: a
// hidden root whose children are the nodes the lens makes.
func (l *Lens) Get(text string) (*tree.Node, error) {
	root, _, err := l.get(text, false)
	return root, err
}

// GetLayout is Get that also returns the layout of the top level of the
// text (nil for a recursive lens): which subtree lens read each node of
// the top level, for PutChangedLayout, which then need not read that
// level again.
func (l *Lens) GetLayout(text string) (*tree.Node, *Layout, error) {
	return l.get(text, !l.recursive)
}

// GetLazy is GetLayout that may leave the levels below the top-level
// nodes unread: such a node gets its children, read from its text, the
// first time anything looks at them (tree.SetLazy). The tree is the
// one GetLayout returns, node for node, and errors are found at once as
// GetLayout finds them. Only the top-level subtrees whose text can be
// read again on its own with the same result are left unread (no
// square, no recursion, and seq numbers that do not depend on what was
// counted before); the rest is read as GetLayout reads it. Reading a
// large file to change a few nodes of it costs about half as much.
func (l *Lens) GetLazy(text string) (*tree.Node, *Layout, error) {
	if l.recursive {
		return l.get(text, false)
	}
	return l.getWith(text, true, l.lazyPlan())
}

func (l *Lens) get(text string, record bool) (*tree.Node, *Layout, error) {
	return l.getWith(text, record, nil)
}

func (l *Lens) getWith(text string, record bool, lazy *lazyPlan) (*tree.Node, *Layout, error) {
	g := newGetter(text)
	defer g.recycle()
	g.record = record
	if lazy != nil && len(lazy.ok) > 0 {
		g.lazy = lazy
	}
	lvl, _, err := g.top(l)
	if err != nil {
		if ge, ok := err.(*GetError); ok {
			ge.Top = l.info
		}
		return nil, nil, err
	}
	root := g.nodes.Read("", false, "", false, lvl.nodes) // nothing in it is modified
	root.Span = tree.Span{Start: 0, End: len(text)}
	var lay *Layout
	if record {
		lay = newLayout(l, text, lvl.nodes, g.found)
	}
	g.found = nil
	return root, lay, nil
}

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
// the input. Recursive lenses are parsed by a
// memoising recogniser over positions (ends), whose terminals are their
// largest non-recursive parts, matched with the same automata; the tree
// is then built top-down along the unique parse.
type getter struct {
	text     string
	skel     bool // also build skeletons and dictionaries (for put)
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

	// shallow: read one level only, noting each subtree met (found)
	// instead of reading it (see PutChanged)
	shallow bool
	found   []foundSubtree
	// record: note each subtree of the top level (topLvl) met in found,
	// besides reading it (see GetLayout)
	record bool
	topLvl *level
	// isolated: the text is read from inside a subtree, so a seq whose
	// counter was not met here may have been counted before (unsure)
	isolated bool
	unsure   bool
	// checkLens: the top-level concatenation read without matching the
	// whole text first (see selfChecking); its cuts come from prefix
	// scans only
	checkLens *Lens
	// topLens: the lens the text is read with, at the top
	topLens *Lens
	// lazy: the top-level subtrees to leave unread below their own
	// level (see GetLazy), nil to read everything; inLazy while the
	// level of one of them is read
	lazy      *lazyPlan
	inLazy    bool
	lazyFound []foundSubtree // what was left unread, in order: subtrees and counters (see lazyAdd)
	lazyBase  int            // where the lazy node being read starts in lazyFound
	// size: what node and children chunks are sized by (the text read,
	// or the part of it a lazy node reads)
	size int
}

// foundSubtree is a subtree lens and the text it applies to.
type foundSubtree struct {
	lens *Lens
	i, j int
}

// level collects what a lens sets for the node being built: its label
// and value, and its children.
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

type level struct {
	key, value       string
	hasKey, hasValue bool
	ks, ke, vs, ve   int
	nodes            []*tree.Node
	dict             *dict
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

func (g *getter) errAt(l *Lens, off int, msg string) *GetError {
	return &GetError{Pos: source.PosOf("", g.text, off), Lens: l.info, Msg: msg}
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

// cutsRegular splits text[i:j] among the operands of a concatenation:
// cut t is the largest end of a prefix in operand t's language from
// which the rest is in the language of the operands after it. An
// operand with a single candidate end needs no check of the rest (the
// text is known to be in the concatenation); the first one with several
// has the text read once backward with all the operands' suffixes
// (splitter), which answers for every later operand too.
func (g *getter) cutsRegular(l *Lens, i, j int) ([]int, error) {
	n := len(l.kids)
	base := len(g.cutStack)
	g.cutStack = slices.Grow(g.cutStack, n+1)[:base+n+1]
	cuts := g.cutStack[base:]
	cuts[0], cuts[n] = i, j
	var starts []int   // ascending, with text[p:j] in some suffix: p-from
	var masks []uint64 // for each start, bit t set when it is in operands t+1..
	scanned, from := false, 0
	var plan *splitPlan
	pos := i
	for k := 0; k < n-1; k++ {
		kfa := l.kids[k].ctype()
		if w, ok := kfa.FixedLength(); ok && pos+w <= j && l != g.checkLens {
			// every word of the operand has the same length: that is
			// the cut, no need to read it
			pos += w
			cuts[k+1] = pos
			continue
		}
		ps := kfa.AppendPrefixes(g.pbuf[:0], g.text[pos:j])
		g.pbuf = ps
		if len(ps) > 1 {
			// keep the candidates after which the rest can start: the
			// only one left, if so, is the cut
			if plan == nil {
				plan = l.splitPlan()
			}
			first, nullable := &plan.first[k+1], plan.nullable[k+1]
			m := 0
			for _, c := range ps {
				if q := pos + c; q < j && first.Has(g.text[q]) || q == j && nullable {
					ps[m] = c
					m++
				}
			}
			ps = ps[:m]
		}
		p := -1
		switch {
		case len(ps) == 1:
			p = pos + ps[0]
		case len(ps) > 1:
			if !scanned {
				sp := plan.tagged
				if sp == nil { // too many operands: one scan per suffix
					var ok bool
					if p, ok = cut(l.kids[k].ctype(), l.csuf(k+1), g.text, pos, j, &g.pbuf, &g.sbuf); !ok {
						p = -1
					}
					break
				}
				// no later cut comes before this operand's first candidate
				from = pos + ps[0]
				starts, masks = sp.AppendStartMasks(g.sbuf[:0], g.mbuf[:0], g.text[from:j])
				g.sbuf, g.mbuf = starts, masks
				scanned = true
			}
			// the largest candidate from which operands k+1.. read the rest
			bit := uint64(1) << k
			for a := len(ps) - 1; a >= 0; a-- {
				if b, ok := slices.BinarySearch(starts, pos+ps[a]-from); ok && masks[b]&bit != 0 {
					p = pos + ps[a]
					break
				}
			}
		}
		if p < 0 {
			g.cutStack = g.cutStack[:base]
			return nil, g.errAt(l, pos, "internal error: no split for concatenation")
		}
		cuts[k+1] = p
		pos = p
	}
	return cuts, nil
}

// splitPlan is what get keeps about a non-recursive union or
// concatenation (or square) to split text among its operands.
type splitPlan struct {
	// union: its branches read together (chooser); concatenation: the
	// suffixes of its operands after the first (splitter); nil if there
	// are too many operands
	tagged *regular.Tagged
	// concatenation: first[k] holds the bytes a word of the operands
	// k.. can start with (an over-approximation), nullable[k] whether
	// they read the empty word
	first    []regular.ByteSet
	nullable []bool
}

// splitPlan returns the lens's split plan, built on first use.
func (l *Lens) splitPlan() *splitPlan {
	if sp := l.split.Load(); sp != nil {
		return sp
	}
	sp := &splitPlan{}
	fas := make([]*regular.FA, len(l.kids))
	for k, kid := range l.kids {
		fas[k] = kid.ctype()
	}
	switch l.kind {
	case KindUnion:
		sp.tagged = regular.NewTagged(fas...)
	default:
		if len(fas) > 1 {
			sp.tagged = regular.NewSuffixes(fas[1:]...)
		}
		n := len(fas)
		sp.first, sp.nullable = make([]regular.ByteSet, n+1), make([]bool, n+1)
		sp.nullable[n] = true
		for k := n - 1; k >= 0; k-- {
			sp.first[k], sp.nullable[k] = fas[k].FirstBytes(), fas[k].AcceptsEmpty()
			if sp.nullable[k] {
				sp.first[k] = sp.first[k].Union(sp.first[k+1])
				sp.nullable[k] = sp.nullable[k+1]
			}
		}
	}
	l.split.CompareAndSwap(nil, sp)
	return l.split.Load()
}

// cut returns the largest p in [pos, j] with s[pos:p] in left and s[p:j]
// in right. A single candidate for the left part needs no check of the
// right part, because s[pos:j] is known to be in left . right.
func cut(left, right *regular.FA, s string, pos, j int, pbuf, sbuf *[]int) (int, bool) {
	ps := left.AppendPrefixes((*pbuf)[:0], s[pos:j])
	*pbuf = ps
	switch len(ps) {
	case 0:
		return 0, false
	case 1:
		return pos + ps[0], true
	}
	starts := right.AppendStarts((*sbuf)[:0], s[pos:j])
	*sbuf = starts
	// both ascending: the largest common element
	a, b := len(ps)-1, len(starts)-1
	for a >= 0 && b >= 0 {
		switch {
		case ps[a] == starts[b]:
			return pos + ps[a], true
		case ps[a] > starts[b]:
			a--
		default:
			b--
		}
	}
	return 0, false
}

func (g *getter) checkSquare(l *Lens, cuts []int) error {
	left := g.text[cuts[0]:cuts[1]]
	right := g.text[cuts[len(cuts)-2]:cuts[len(cuts)-1]]
	if left == right || (l.fold && equalFold(left, right)) {
		return nil
	}
	return g.errAt(l, cuts[len(cuts)-2], fmt.Sprintf("mismatched in square lens, expecting %q but got %q", left, right))
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
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
	return skel{}, g.errAt(l, i, "no branch of the union matches")
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
			return skel{}, g.errAt(l, i, "optional lens does not match")
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

// starIter finds the iterations of a non-recursive star over
// text[i:j] one after the other, from pos.
type starIter struct {
	g      *getter
	l      *Lens
	cfa    *regular.FA
	i, j   int
	pos    int
	starts []int // positions from which the rest is in the star's language, lazily
	base   int   // of starts on g.startStack
	budget int   // bytes othersDead may read, at most as many as the backward scan
}

func (g *getter) newStarIter(l *Lens, i, j int) starIter {
	return starIter{g: g, l: l, cfa: l.kids[0].ctype(), i: i, j: j, pos: i, base: len(g.startStack), budget: j - i}
}

// done gives back what the iterator took of the getter's start stack.
func (it *starIter) done() { it.g.startStack = it.g.startStack[:it.base] }

// next returns the end of the iteration that starts at it.pos, or -1
// when no iteration starting there leads to the end of the range.
func (it *starIter) next() int {
	g, pos, j := it.g, it.pos, it.j
	ps := it.cfa.AppendPrefixes(g.pbuf[:0], g.text[pos:j])
	g.pbuf = ps
	// drop the empty iteration
	if len(ps) > 0 && ps[0] == 0 {
		ps = ps[1:]
	}
	switch len(ps) {
	case 0:
		return -1
	case 1:
		return pos + ps[0]
	}
	if it.starts == nil && it.budget > 0 {
		// before reading the whole range backward: when no candidate
		// but the longest can be followed by the star's text (each
		// dies within a few bytes), the longest is the iteration, as
		// the backward scan would find
		if q := pos + ps[len(ps)-1]; q == j || g.othersDead(it.l.ctype(), ps, pos, j, &it.budget) {
			return q
		}
	}
	if it.starts == nil {
		g.startStack = it.l.ctype().AppendStarts(g.startStack, g.text[it.i:j])
		it.starts = g.startStack[it.base:len(g.startStack):len(g.startStack)]
	}
	for a := len(ps) - 1; a >= 0; a-- {
		if _, ok := slices.BinarySearch(it.starts, pos+ps[a]-it.i); ok {
			return pos + ps[a]
		}
	}
	return pos + ps[len(ps)-1]
}

// lookahead is how far othersDead reads after each candidate.
const lookahead = 64

// othersDead reports whether the text after every candidate iteration
// end but the last (pos+ps[k]) certainly is not in the star's language
// sfa: read forward, it stops fitting within lookahead bytes (and before
// j). It reads at most *budget bytes in all, and says false once that is
// spent.
func (g *getter) othersDead(sfa *regular.FA, ps []int, pos, j int, budget *int) bool {
	for _, c := range ps[:len(ps)-1] {
		q := pos + c
		w := min(j, q+lookahead)
		r := sfa.Reach(g.text[q:w])
		*budget -= r + 1
		if r == w-q || *budget <= 0 {
			return false
		}
	}
	return true
}

// mismatch explains why text[i:j] is not in l's language: the longest
// part that still fits, what comes next, and the innermost lens that
// could not go on.
func (g *getter) mismatch(l *Lens, i, j int) error {
	who := l.info // the innermost lens with a name or position
	for {
		if l.info != (source.Info{}) {
			who = l.info
		}
		switch l.kind {
		case KindStar:
			child := l.kids[0].ctype()
			pos := i
			for pos < j {
				p := child.LongestPrefix(g.text[pos:j])
				if p <= 0 {
					break
				}
				pos += p
			}
			if pos == j {
				goto report
			}
			l, i = l.kids[0], pos
			continue
		case KindSubtree, KindRec:
			if l.body() == nil && l.kind == KindRec {
				goto report
			}
			l = l.kids[0]
			if l.recursive {
				goto report
			}
			continue
		case KindUnion:
			best, bestN := l.kids[0], -2
			for _, k := range l.kids {
				if k.recursive {
					continue
				}
				n, _ := k.ctype().Viable(g.text[i:j])
				if n > bestN {
					best, bestN = k, n
				}
			}
			if bestN == -2 {
				goto report
			}
			l = best
			continue
		}
		break
	}
report:
	if l.recursive {
		return g.recFailure(l)
	}
	n, next := l.ctype().Viable(g.text[i:j])
	pos := i + max(n, 0)
	msg := ""
	switch {
	case pos < j && next.IsEmpty():
		msg = "unexpected " + describeAt(g.text, pos) + ", expected end of input"
	case pos < j:
		msg = "unexpected " + describeAt(g.text, pos) + ", expected " + describeSet(next)
	case next.IsEmpty():
		msg = "unexpected end of input"
	default:
		msg = "unexpected end of input, expected " + describeSet(next)
	}
	e := g.errAt(l, pos, msg)
	e.Lens = who
	return e
}

// recFailure reports a failed parse with a recursive lens at the
// furthest point any terminal read to, with what that terminal expected.
func (g *getter) recFailure(l *Lens) error {
	pos := g.furthest
	msg := "unexpected " + describeAt(g.text, pos)
	if pos >= len(g.text) {
		msg = "unexpected end of input"
	}
	who := l.info
	if g.fFA != nil {
		if _, next := g.fFA.Viable(g.text[g.fStart:]); !next.IsEmpty() {
			msg += ", expected " + describeSet(next)
		}
		if g.fWho.info != (source.Info{}) {
			who = g.fWho.info
		}
	}
	e := g.errAt(l, pos, msg)
	e.Lens = who
	return e
}

func describeAt(s string, pos int) string {
	if pos >= len(s) {
		return "end of input"
	}
	end := pos + 1
	for end < len(s) && end-pos < 16 && s[end] != '\n' {
		end++
	}
	return strconv.Quote(s[pos:end])
}

func describeSet(set regular.ByteSet) string {
	if set.Len() == 1 {
		b, _ := set.Min()
		return strconv.Quote(string([]byte{b}))
	}
	return (&regular.Regexp{Op: regular.OpSet, Set: set}).Quote()
}

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
			return s.ends[v-1], nil
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
		s.ends = append(s.ends, e)
		s.put(t, p, int32(len(s.ends)))
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
	free := s.arena[len(s.arena):]
	out, reach := fa.AppendPrefixesReach(free[:0], g.text[p:])
	if p+reach > g.furthest || g.fFA == nil {
		g.furthest, g.fFA, g.fWho, g.fStart = p+reach, fa, who, p
	}
	if len(out) == 0 {
		return nil
	}
	if len(out) <= cap(free) {
		s.arena = s.arena[:len(s.arena)+len(out)] // read into the arena
	} else {
		// the list outgrew the chunk and has its own array: start a new
		// chunk for the next lists
		s.arena = make([]int, 0, max(arenaChunk, 2*len(out)))
	}
	for k := range out {
		out[k] += p
	}
	return out[:len(out):len(out)] // appends copy
}

// just returns the one-element list [p] without allocating: a window
// of a shared identity table (capacity 1, so appends copy).
func (g *getter) just(p int) []int {
	s := g.scratch()
	if len(s.ident) <= p {
		k := len(s.ident)
		s.ident = append(s.ident, make([]int, max(len(g.text)+1, 256)-k)...)
		for i := k; i < len(s.ident); i++ {
			s.ident[i] = i
		}
	}
	return s.ident[p : p+1 : p+1]
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
		return s.star[v-1], nil
	}
	r, err := g.reach(l.kids[0], p)
	if err != nil {
		return starReach{}, err
	}
	s.star = append(s.star, r)
	s.put(t, p, int32(len(s.star)))
	return r, nil
}

// reach explores the iterations of child from p and returns every
// position reached, ascending, with the ends of child from each.
func (g *getter) reach(child *Lens, p int) (starReach, error) {
	// the heap and the lists grow on the scratch stacks: a nested reach
	// (in ends) pushes above them and pops back before returning
	s := g.scratch()
	hb, rb, eb := len(s.heap), len(s.tmp), len(s.tmpEnds)
	s.heap = append(s.heap, p)
	last := -1
	for len(s.heap) > hb {
		// positions come out ascending, a position pushed twice twice
		q := s.popHeap(hb)
		if q == last {
			continue
		}
		last = q
		e, err := g.ends(child, q)
		if err != nil {
			s.heap, s.tmp, s.tmpEnds = s.heap[:hb], s.tmp[:rb], s.tmpEnds[:eb]
			return starReach{}, err
		}
		s.tmp = append(s.tmp, q)
		s.tmpEnds = append(s.tmpEnds, e)
		for _, x := range e {
			if x > q {
				s.pushHeap(hb, x)
			}
		}
	}
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
	s := g.scratch()
	n := len(l.kids)
	// sets[t]: the positions operand t can start at, up to j; at[t][k]:
	// the ends of operand t from sets[t][k], each asked once
	sets := s.allocEnds(n)
	var atBuf [8][][]int
	at := atBuf[:]
	if n > len(atBuf) {
		at = make([][][]int, n)
	}
	sets[0] = g.just(i)
	for t := 0; t < n; t++ {
		if t > 0 {
			var next []int
			if prev := at[t-1]; len(prev) == 1 {
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
			sets[t] = next[:k]
		}
		at[t] = s.allocEnds(len(sets[t]))
		for k, p := range sets[t] {
			e, err := g.ends(l.kids[t], p)
			if err != nil {
				return nil, err
			}
			at[t][k] = e
		}
	}
	// valid[t]: positions in sets[t] from which operands t.. reach j
	valid := s.allocEnds(n + 1)
	valid[n] = g.just(j)
	for t := n - 1; t >= 1; t-- {
		v := s.alloc(len(sets[t]))[:0]
		for k, p := range sets[t] {
			if intersects(at[t][k], valid[t+1]) {
				v = append(v, p)
			}
		}
		if len(v) == 0 {
			return nil, g.recFailure(l.kids[t])
		}
		valid[t] = v
	}
	cuts := s.alloc(n + 1)
	cuts[0] = i
	for t := 0; t < n; t++ {
		k, _ := slices.BinarySearch(sets[t], cuts[t]) // cuts[t] is in valid[t]
		e := at[t][k]
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
