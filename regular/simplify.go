package regular

import "math/bits"

// The simplifying constructors keep regexps built from automata and from
// combinators short: they flatten nested concatenations and unions, merge
// byte sets in unions, and drop neutral elements.

func simplifyConcat(subs []*Regexp) *Regexp {
	var out []*Regexp
	for _, s := range subs {
		switch s.Op {
		case OpNone:
			return &Regexp{Op: OpNone}
		case OpEmpty:
			continue
		case OpConcat:
			out = append(out, s.Sub...)
		default:
			out = append(out, s)
		}
	}
	switch len(out) {
	case 0:
		return &Regexp{Op: OpEmpty}
	case 1:
		return out[0]
	}
	return &Regexp{Op: OpConcat, Sub: out}
}

func simplifyAlt(subs []*Regexp) *Regexp {
	var out []*Regexp
	setAt := -1
	var atSet *Regexp // what was added as out[setAt], before sets merged into it
	hasEmpty := false
	var seen altSeen
	var add func(s *Regexp)
	add = func(s *Regexp) {
		switch s.Op {
		case OpNone:
			return
		case OpAlt:
			for _, sub := range s.Sub {
				add(sub)
			}
			return
		case OpEmpty:
			hasEmpty = true
			return
		case OpQuest:
			hasEmpty = true
			add(s.Sub[0])
			return
		case OpSet:
			if setAt >= 0 {
				out[setAt] = &Regexp{Op: OpSet, Set: out[setAt].Set.Union(s.Set)}
				return
			}
			setAt = len(out)
		}
		// an alternative is dropped when one added before had the same text
		if seen.has(s, out, setAt, atSet) {
			return
		}
		if len(out) == setAt {
			atSet = s
		}
		out = append(out, s)
	}
	for _, s := range subs {
		add(s)
	}
	var re *Regexp
	switch len(out) {
	case 0:
		if hasEmpty {
			return &Regexp{Op: OpEmpty}
		}
		return &Regexp{Op: OpNone}
	case 1:
		re = out[0]
	default:
		re = &Regexp{Op: OpAlt, Sub: out}
	}
	if hasEmpty {
		return simplifyQuest(re)
	}
	return re
}

// altSeen finds, among the alternatives simplifyAlt kept so far, one with
// the same text as a new one. It compares keys (see textKey): by a scan
// while there are few alternatives, then through a hash table.
type altSeen struct {
	// slots is an open-addressing table of the alternatives' indexes
	// plus one (0 is a free slot), placed by key; its size is a power of
	// two and at least twice n.
	slots []int32
	n     int // alternatives in slots
}

// seenScanMax is how many alternatives are scanned before a table is built.
const seenScanMax = 16

// has reports whether out held an alternative with the text of s when it
// was added; out[setAt] was added as atSet.
func (a *altSeen) has(s *Regexp, out []*Regexp, setAt int, atSet *Regexp) bool {
	at := func(i int) *Regexp {
		if i == setAt {
			return atSet
		}
		return out[i]
	}
	k := s.textKey()
	if len(out) < seenScanMax {
		for i := range out {
			if o := at(i); o.textKey() == k && sameText(o, s) {
				return true
			}
		}
		return false
	}
	if 2*len(out) > len(a.slots) {
		a.slots = make([]int32, 1<<bits.Len(uint(4*len(out))))
		a.n = 0
	}
	mask := len(a.slots) - 1
	for ; a.n < len(out); a.n++ {
		i := slotOf(at(a.n).textKey(), mask)
		for a.slots[i] != 0 {
			i = (i + 1) & mask
		}
		a.slots[i] = int32(a.n + 1)
	}
	for i := slotOf(k, mask); a.slots[i] != 0; i = (i + 1) & mask {
		if o := at(int(a.slots[i] - 1)); o.textKey() == k && sameText(o, s) {
			return true
		}
	}
	return false
}

// slotOf returns the slot of a key in a table of mask+1 slots.
func slotOf(k textKey, mask int) int {
	// the high bits of a multiplicative hash mix best
	return int((k.h^k.p)*0x9e3779b97f4a7c15>>32) & mask
}

func simplifyStar(re *Regexp) *Regexp {
	switch re.Op {
	case OpNone, OpEmpty:
		return &Regexp{Op: OpEmpty}
	case OpStar:
		return re
	case OpPlus, OpQuest:
		return simplifyStar(re.Sub[0])
	}
	return &Regexp{Op: OpStar, Sub: []*Regexp{re}}
}

func simplifyQuest(re *Regexp) *Regexp {
	switch re.Op {
	case OpNone, OpEmpty:
		return &Regexp{Op: OpEmpty}
	case OpStar, OpQuest:
		return re
	case OpPlus:
		return &Regexp{Op: OpStar, Sub: re.Sub}
	}
	return &Regexp{Op: OpQuest, Sub: []*Regexp{re}}
}
