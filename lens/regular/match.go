package regular

// Matching runs a lazily built DFA over the input: one table lookup per
// byte once the states it visits are cached, never any backtracking. The
// cache is bounded; when it fills up it is flushed and rebuilt as needed,
// which keeps memory bounded and every pass linear in the input.

func (a *FA) forward() *lazyDFA {
	if a.fwd == nil {
		a.fwd = newLazyDFA(a.n, a.n.classes(), matcherLimit)
	}
	return a.fwd
}

func (a *FA) backward() *lazyDFA {
	if a.rev == nil {
		r := a.n.reverse()
		a.rev = newLazyDFA(r, r.classes(), matcherLimit)
	}
	return a.rev
}

// Match reports whether the whole of s is a word of a.
func (a *FA) Match(s string) bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	d := a.forward()
	of, shift, trans := &d.cl.of, d.shift, d.trans
	st := int32(startDFA) << shift // states are row offsets here
	for i := 0; i < len(s); i++ {
		c := int32(of[s[i]])
		t := trans[st+c]
		if t < 0 {
			t = d.step(st>>shift, int(c)) << shift
			trans = d.trans
		}
		if t == deadState {
			return false
		}
		st = t
	}
	return d.acc[st>>shift]
}

// LongestPrefix returns the length of the longest prefix of s in a, or -1
// if no prefix (not even the empty one) is.
func (a *FA) LongestPrefix(s string) int {
	longest := -1
	a.prefixes(s, func(n int) { longest = n })
	return longest
}

// AppendPrefixes appends to dst, in increasing order, every n such that
// s[:n] is a word of a.
func (a *FA) AppendPrefixes(dst []int, s string) []int {
	a.prefixes(s, func(n int) { dst = append(dst, n) })
	return dst
}

// AppendPrefixesReach is AppendPrefixes that also returns how far the
// scan got: the length of the longest prefix of s that is a prefix of
// some word of a (where the input stopped fitting, for error messages).
func (a *FA) AppendPrefixesReach(dst []int, s string) ([]int, int) {
	reach := a.prefixes(s, func(n int) { dst = append(dst, n) })
	return dst, reach
}

func (a *FA) prefixes(s string, yield func(int)) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	d := a.forward()
	of, shift, trans, acc := &d.cl.of, d.shift, d.trans, d.acc
	st := int32(startDFA) << shift
	if acc[st>>shift] {
		yield(0)
	}
	for i := 0; i < len(s); i++ {
		c := int32(of[s[i]])
		t := trans[st+c]
		if t < 0 {
			t = d.step(st>>shift, int(c)) << shift
			trans, acc = d.trans, d.acc
		}
		if t == deadState {
			return i
		}
		st = t
		if acc[st>>shift] {
			yield(i + 1)
		}
	}
	return len(s)
}

// AppendStarts appends to dst, in increasing order, every i such that
// s[i:] is a word of a. It reads s once, from the end.
func (a *FA) AppendStarts(dst []int, s string) []int {
	a.mu.Lock()
	defer a.mu.Unlock()
	d := a.backward()
	first := len(dst)
	of, shift, trans, acc := &d.cl.of, d.shift, d.trans, d.acc
	st := int32(startDFA) << shift
	if acc[st>>shift] {
		dst = append(dst, len(s))
	}
	for i := len(s) - 1; i >= 0; i-- {
		c := int32(of[s[i]])
		t := trans[st+c]
		if t < 0 {
			t = d.step(st>>shift, int(c)) << shift
			trans, acc = d.trans, d.acc
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
	// the bytes after the prefix are tried, and this is the error path.
	d := newLazyDFA(a.n, a.n.classes(), 0)
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
