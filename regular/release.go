package regular

import "sync/atomic"

// Release: an FA or Tagged keeps what it builds on first need (its
// automaton, its DFA, its matchers and their caches of DFA states) as
// long as it lives, which is as long as the lens holding it. A program
// that reads many files through many lenses once each (loading a whole
// root) releases them when done with a lens: what it built is dropped,
// and built again, the same, if the FA is used again. Only what can be
// rebuilt from how the FA was made is dropped: an automaton given whole
// (the DFA of Minimize and of the algebra, the product of a large Minus)
// is the FA itself and stays.
//
// Every cache is held in an atomic pointer and computed by whoever finds
// it missing (the first to store wins), and a user that loaded one keeps
// it for as long as it uses it, so Release may run while other
// goroutines use the FA: they finish with what they loaded, and the
// next use builds afresh. Results never depend on what was cached, only
// the time spent does.

// Release drops what a built on demand (see ReleaseAll), and what its
// operands did.
func (a *FA) Release() { ReleaseAll(a) }

// ReleaseAll releases the FAs and, recursively, their operands, each
// once however many FAs share it (nil entries are skipped).
func ReleaseAll(fas ...*FA) {
	seen := map[*FA]bool{}
	var walk func(a *FA)
	walk = func(a *FA) {
		if a == nil || seen[a] {
			return
		}
		seen[a] = true
		a.release()
		for _, sub := range a.subs {
			walk(sub)
		}
	}
	for _, a := range fas {
		walk(a)
	}
}

// release drops a's own caches, not its operands'.
func (a *FA) release() {
	a.fwd.Store(nil)
	a.rev.Store(nil)
	a.viable.Store(nil)
	if a.op != byNFA {
		a.n.Store(nil)
	}
	if a.op != byDFA {
		a.det.Store(nil)
	}
}

// Release drops the matchers t built (their automata and caches of DFA
// states), to be built again on next need; the languages it reads are
// their own owners' to release. Like FA.Release, it may run while other
// goroutines use t.
func (t *Tagged) Release() {
	if t == nil {
		return
	}
	t.fwd.Store(nil)
	t.rev.Store(nil)
}

// keep stores x, just built, in the cache p unless another goroutine
// stored one first, and returns the one stored; or x when p was cleared
// meanwhile by a Release.
func keep[T any](p *atomic.Pointer[T], x *T) *T {
	if p.CompareAndSwap(nil, x) {
		return x
	}
	if y := p.Load(); y != nil {
		return y
	}
	return x
}
