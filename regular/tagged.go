package regular

import (
	"math/bits"
	"slices"
	"sync/atomic"
)

// MaxTags is the number of languages a Tagged can hold.
const MaxTags = 64

// Tagged is a list of languages read together: one scan of a text tells,
// for each language, whether the text is in it (MatchMask), or, at every
// position, whether the rest of the text from there is in it
// (AppendStartMasks), where one scan per language would otherwise be
// needed. Languages are numbered by their index in the list; a set of
// them is a mask with bit k for language k. A Tagged is safe for
// concurrent use.
type Tagged struct {
	// build returns the tagged automaton of the languages, or of their
	// reversals
	build    func(reverse bool) (*nfa, []uint64)
	fwd, rev atomic.Pointer[matcher]
}

// NewTagged returns the languages fas read together, or nil if there
// are more than MaxTags.
func NewTagged(fas ...*FA) *Tagged {
	if len(fas) > MaxTags {
		return nil
	}
	fas = slices.Clone(fas)
	return &Tagged{build: func(reverse bool) (*nfa, []uint64) {
		b := newBuilder()
		start := b.addState(false)
		ends := make([]int32, len(fas))
		for k, fa := range fas {
			ends[k] = b.frag(fa, start, reverse)
		}
		return tagEnds(b, start, ends, func(k int) bool { return fas[k].empty })
	}}
}

// tagEnds makes ends[k], where the words of language k end in b,
// accepting and tagged 1<<k unless language k is empty, and returns the
// automaton built and the tags of its states.
func tagEnds(b *builder, start int32, ends []int32, empty func(k int) bool) (*nfa, []uint64) {
	tags := make([]uint64, b.size())
	for k, e := range ends {
		if !empty(k) {
			b.accept[e] = true
			tags[e] |= 1 << k
		}
	}
	return b.finish(start), tags
}

// NewSuffixes returns the languages parts[k]·parts[k+1]·…, for each k,
// read together (the ways the rest of a text can be split among the
// last operands of a concatenation), or nil if there are more than
// MaxTags parts. Backward scans read one automaton of the size of the
// concatenation, not one per suffix.
func NewSuffixes(parts ...*FA) *Tagged {
	if len(parts) > MaxTags {
		return nil
	}
	parts = slices.Clone(parts)
	return &Tagged{build: func(reverse bool) (*nfa, []uint64) {
		b := newBuilder()
		start := b.addState(false)
		ends := make([]int32, len(parts))
		// the suffix from k is empty if a part from k on is
		empty := func(k int) bool {
			return slices.ContainsFunc(parts[k:], func(p *FA) bool { return p.empty })
		}
		if !reverse {
			// one concatenation per suffix, all read from the start
			for k := range parts {
				from := start
				for _, p := range parts[k:] {
					from = b.frag(p, from, false)
				}
				ends[k] = from
			}
			return tagEnds(b, start, ends, empty)
		}
		// the reversal of the whole concatenation, read from its last
		// part: where the reversed part k ends, the suffix from k is read
		from := start
		for k := len(parts) - 1; k >= 0; k-- {
			from = b.frag(parts[k], from, true)
			ends[k] = from
		}
		return tagEnds(b, start, ends, empty)
	}}
}

// reachable returns, for each state of n, the union of the tags of the
// states it reaches (itself included).
func reachable(n *nfa, tags []uint64) []uint64 {
	predAt, pred := n.preds()
	live := slices.Clone(tags)
	var work []int32
	for s, tag := range tags {
		if tag != 0 {
			work = append(work, int32(s))
		}
	}
	for len(work) > 0 {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		for _, p := range pred[predAt[s]:predAt[s+1]] {
			if live[p]|live[s] != live[p] {
				live[p] |= live[s]
				work = append(work, p)
			}
		}
	}
	return live
}

func (t *Tagged) forward() *matcher { return t.forwardLimit(matcherLimit) }

// forwardLimit is forward with a matcher that caches at most limit
// states (tests make it tiny), when none is built yet.
func (t *Tagged) forwardLimit(limit int) *matcher {
	if m := t.fwd.Load(); m != nil {
		return m
	}
	n, tags := t.build(false)
	return keep(&t.fwd, newMatcher(n, n.classes(), limit, tags, reachable(n, tags)))
}

func (t *Tagged) backward() *matcher { return t.backwardLimit(matcherLimit) }

// backwardLimit is backward with a matcher that caches at most limit
// states, when none is built yet.
func (t *Tagged) backwardLimit(limit int) *matcher {
	if m := t.rev.Load(); m != nil {
		return m
	}
	n, tags := t.build(true)
	return keep(&t.rev, newMatcher(n, n.classes(), limit, tags, nil))
}

// MatchMask returns the set of languages s is in.
func (t *Tagged) MatchMask(s string) uint64 {
	m := t.forward()
	tab := m.tab.Load()
	of, shift, trans := &m.cl.of, m.shift, tab.trans
	st := int32(startDFA) << shift
	for i := 0; i < len(s); i++ {
		c := int32(of[s[i]])
		x := trans[st+c].Load()
		if x < 0 {
			tab, x = m.step(tab, st>>shift, int(c))
			x <<= shift
			trans = tab.trans
		}
		if x == deadState {
			return 0
		}
		st = x
	}
	return tab.mask[st>>shift]
}

// Choose returns the first language s is in, or -1 if none, for s known
// to be in one of them (as when choosing among the branches of a union):
// it stops reading as soon as a single language can still hold the
// text, and then answers that one without reading the rest.
func (t *Tagged) Choose(s string) int {
	m := t.forward()
	tab := m.tab.Load()
	of, shift, trans, live := &m.cl.of, m.shift, tab.trans, tab.live
	st := int32(startDFA) << shift
	for i := 0; i < len(s); i++ {
		if x := live[st>>shift]; x&(x-1) == 0 {
			return single(x)
		}
		c := int32(of[s[i]])
		x := trans[st+c].Load()
		if x < 0 {
			tab, x = m.step(tab, st>>shift, int(c))
			x <<= shift
			trans, live = tab.trans, tab.live
		}
		st = x
	}
	if x := tab.mask[st>>shift]; x != 0 {
		return bits.TrailingZeros64(x)
	}
	return -1
}

// single returns the language of a mask with at most one bit set, -1 for
// none.
func single(x uint64) int {
	if x == 0 {
		return -1
	}
	return bits.TrailingZeros64(x)
}

// AppendStartMasks reads s once, from the end, and appends to starts,
// in increasing order, every i such that s[i:] is in some of the
// languages, and to masks the set of those languages.
func (t *Tagged) AppendStartMasks(starts []int, masks []uint64, s string) ([]int, []uint64) {
	m := t.backward()
	tab := m.tab.Load()
	first := len(starts)
	of, shift, trans, mask := &m.cl.of, m.shift, tab.trans, tab.mask
	st := int32(startDFA) << shift
	if x := mask[st>>shift]; x != 0 {
		starts, masks = append(starts, len(s)), append(masks, x)
	}
	for i := len(s) - 1; i >= 0; i-- {
		c := int32(of[s[i]])
		x := trans[st+c].Load()
		if x < 0 {
			tab, x = m.step(tab, st>>shift, int(c))
			x <<= shift
			trans, mask = tab.trans, tab.mask
		}
		if x == deadState {
			break
		}
		st = x
		if x := mask[st>>shift]; x != 0 {
			starts, masks = append(starts, i), append(masks, x)
		}
	}
	reverseInts(starts[first:])
	slices.Reverse(masks[len(masks)-(len(starts)-first):])
	return starts, masks
}
