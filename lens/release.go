package lens

import "github.com/lensnet/lensnet/regular"

// Release drops what l and the lenses inside it computed on first need
// (their text and tree languages, split and recursion plans, lazy
// plans) and releases the automata they built (see regular.FA.Release);
// all of it is computed again, the same, when the lens is used next.
// Results never change, only time is spent rebuilding. A program that
// reads many files through many lenses once each calls it when done
// with a lens, so that the memory the lens's automata took is not kept
// as long as the lens.
//
// Release must not run while another goroutine uses l or a lens inside
// it (lenses are shared: a module's lens is inside those of the modules
// using it): a get or put running meanwhile could find a language it
// computed gone. Using released lenses afterwards, from any number of
// goroutines, is safe.
func (l *Lens) Release() {
	var fas []*regular.FA
	var tagged []*regular.Tagged
	seen := map[*Lens]bool{}
	var walk func(l *Lens)
	walk = func(l *Lens) {
		if l == nil || seen[l] {
			return
		}
		seen[l] = true
		fas = append(fas, l.re, l.cre)
		for _, t := range []*types{l.ty.Swap(nil), l.cty.Swap(nil)} {
			if t != nil {
				fas = append(fas, t.atype, t.ktype, t.vtype)
				if s := t.asuf.Load(); s != nil {
					fas = append(fas, *s...)
				}
			}
		}
		for _, t := range []*textTypes{l.tt.Swap(nil), l.ctt.Swap(nil)} {
			if t != nil && t != noText {
				fas = append(fas, t.ctype)
				if s := t.csuf.Load(); s != nil {
					fas = append(fas, *s...)
				}
			}
		}
		if sp := l.split.Swap(nil); sp != nil {
			tagged = append(tagged, sp.tagged)
		}
		if p := l.plan.Swap(nil); p != nil {
			for _, rp := range p.parts {
				fas = append(fas, rp.fa)
			}
		}
		l.lazy.Store(nil)
		for _, k := range l.kids {
			walk(k)
		}
	}
	walk(l)
	regular.ReleaseAll(fas...)
	for _, t := range tagged {
		t.Release()
	}
}
