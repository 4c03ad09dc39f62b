package lens

import (
	"fmt"
	"slices"

	"github.com/lensnet/lensnet/regular"
)

// The cuts: where text splits among the operands of a concatenation
// (or square) and among the iterations of a star, for lenses without
// recursion, found with automata and never by backtracking.

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
