package regular

// Matching runs a lazily built DFA over the input: one table lookup per
// byte once the states it visits are cached, never any backtracking. The
// cache is bounded; when it fills up it is flushed and rebuilt as needed,
// which keeps memory bounded and every pass linear in the input.

func (a *FA) forward() *matcher { return a.forwardLimit(matcherLimit) }

// forwardLimit is forward with a matcher that caches at most limit
// states (tests make it tiny), when none is built yet.
func (a *FA) forwardLimit(limit int) *matcher {
	if m := a.fwd.Load(); m != nil {
		return m
	}
	n := a.nfa()
	return keep(&a.fwd, newMatcher(n, n.classes(), limit, nil, nil))
}

func (a *FA) backward() *matcher { return a.backwardLimit(matcherLimit) }

// backwardLimit is backward with a matcher that caches at most limit
// states, when none is built yet.
func (a *FA) backwardLimit(limit int) *matcher {
	if m := a.rev.Load(); m != nil {
		return m
	}
	r := a.buildNFA(true)
	return keep(&a.rev, newMatcher(r, r.classes(), limit, nil, nil))
}

// Match reports whether the whole of s is a word of a.
func (a *FA) Match(s string) bool {
	m := a.forward()
	tab := m.tab.Load()
	of, shift, trans := &m.cl.of, m.shift, tab.trans
	st := int32(startDFA) << shift // states are row offsets here
	for i := 0; i < len(s); i++ {
		c := int32(of[s[i]])
		t := trans[st+c].Load()
		if t < 0 {
			tab, t = m.step(tab, st>>shift, int(c))
			t <<= shift
			trans = tab.trans
		}
		if t == deadState {
			return false
		}
		st = t
	}
	return tab.acc[st>>shift]
}

// LongestPrefix returns the length of the longest prefix of s in a, or -1
// if no prefix (not even the empty one) is.
func (a *FA) LongestPrefix(s string) int {
	_, longest, _ := a.prefixes(nil, s, false)
	return longest
}

// AppendPrefixes appends to dst, in increasing order, every n such that
// s[:n] is a word of a.
func (a *FA) AppendPrefixes(dst []int, s string) []int {
	dst, _, _ = a.prefixes(dst, s, true)
	return dst
}

// AppendPrefixesReach is AppendPrefixes that also returns how far the
// scan got: the length of the longest prefix of s that is a prefix of
// some word of a (where the input stopped fitting, for error messages).
func (a *FA) AppendPrefixesReach(dst []int, s string) ([]int, int) {
	dst, _, reach := a.prefixes(dst, s, true)
	return dst, reach
}

// Reach returns the length of the longest prefix of s that is also a
// prefix of some word of a: where the automaton dies reading s (len(s)
// if it does not).
func (a *FA) Reach(s string) int {
	_, _, reach := a.prefixes(nil, s, false)
	return reach
}

// prefixes reads s forward and returns dst with every prefix length of s
// in a appended (when all is set), the longest such length (-1 if none)
// and how far the scan got before the automaton died.
func (a *FA) prefixes(dst []int, s string, all bool) ([]int, int, int) {
	m := a.forward()
	tab := m.tab.Load()
	of, shift, trans, acc := &m.cl.of, m.shift, tab.trans, tab.acc
	st := int32(startDFA) << shift
	last := -1
	if acc[st>>shift] {
		last = 0
		if all {
			dst = append(dst, 0)
		}
	}
	for i := 0; i < len(s); i++ {
		c := int32(of[s[i]])
		t := trans[st+c].Load()
		if t < 0 {
			tab, t = m.step(tab, st>>shift, int(c))
			t <<= shift
			trans, acc = tab.trans, tab.acc
		}
		if t == deadState {
			return dst, last, i
		}
		st = t
		if acc[st>>shift] {
			last = i + 1
			if all {
				dst = append(dst, i+1)
			}
		}
	}
	return dst, last, len(s)
}

// AppendStarts appends to dst, in increasing order, every i such that
// s[i:] is a word of a. It reads s once, from the end.
func (a *FA) AppendStarts(dst []int, s string) []int {
	m := a.backward()
	tab := m.tab.Load()
	first := len(dst)
	of, shift, trans, acc := &m.cl.of, m.shift, tab.trans, tab.acc
	st := int32(startDFA) << shift
	if acc[st>>shift] {
		dst = append(dst, len(s))
	}
	for i := len(s) - 1; i >= 0; i-- {
		c := int32(of[s[i]])
		t := trans[st+c].Load()
		if t < 0 {
			tab, t = m.step(tab, st>>shift, int(c))
			t <<= shift
			trans, acc = tab.trans, tab.acc
		}
		if t == deadState {
			break
		}
		st = t
		if acc[st>>shift] {
			dst = append(dst, i)
		}
	}
	reverseInts(dst[first:])
	return dst
}

func reverseInts(x []int) {
	for i, j := 0, len(x)-1; i < j; i, j = i+1, j-1 {
		x[i], x[j] = x[j], x[i]
	}
}

// Viable returns the length of the longest prefix of s that is also a
// prefix of some word of a (-1 if not even the empty word is, that is if
// a is empty), and the bytes that could follow that prefix in a word of
// a. It is meant for error messages: where input stops fitting a
// language, and what was expected there.
func (a *FA) Viable(s string) (n int, next ByteSet) {
	if a.IsEmpty() {
		return -1, next
	}
	// A private, unbounded matcher: state numbers must stay valid while
	// the bytes after the prefix are tried. It is kept for the next call
	// (a root with a few files a lens cannot read asks on every load)
	// unless it grew large; concurrent callers build their own.
	d := a.viable.Swap(nil)
	if d == nil {
		nf := a.tempNFA()
		d = newLazyDFA(nf, nf.classes(), 0)
	}
	defer func() {
		if len(d.sets) <= viableKeep {
			a.viable.CompareAndSwap(nil, d)
		}
	}()
	st := int32(startDFA)
	for i := 0; i < len(s); i++ {
		t := d.step(st, int(d.cl.of[s[i]]))
		if t == deadState {
			break
		}
		st = t
		n = i + 1
	}
	for b := 0; b < 256; b++ {
		if d.step(st, int(d.cl.of[b])) != deadState {
			next.Add(byte(b))
		}
	}
	return n, next
}

// viableKeep is the largest number of states a matcher of Viable may
// have to be kept for the next call.
const viableKeep = 1024
