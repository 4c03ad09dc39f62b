package lens

import "slices"

// arena hands out slices cut from chunks, so that the recogniser's many
// short lists need no allocation each. The chunks a text used are kept
// when it is done (reset) and serve the next text, up to a budget, so
// that reading many files through a pooled scratch allocates nothing
// once the pool is warm. Slices handed out have their capacity equal to
// their length: an append copies.
type arena[T any] struct {
	cur   []T   // the chunk being cut: len is what was handed out
	full  [][]T // the chunks this text filled before cur, oldest first
	spare [][]T // chunks to reuse, empty (and zero, when zero is set)
	// zero: chunks are cleared when given back, so that what they
	// held is not kept alive and they hand out zero values
	zero bool
}

// arenaMark is a point in an arena's allocations (see mark).
type arenaMark struct{ chunks, n int }

// alloc returns n elements (zero only if the arena clears chunks).
func (a *arena[T]) alloc(n int) []T {
	if cap(a.cur)-len(a.cur) < n {
		a.next(n)
	}
	k := len(a.cur)
	a.cur = a.cur[:k+n]
	return a.cur[k : k+n : k+n]
}

// free returns the room left in the current chunk, empty, for a caller
// that appends into it and then either takes what it wrote (take) or
// has outgrown it (adopt).
func (a *arena[T]) free() []T { return a.cur[len(a.cur):len(a.cur)] }

// take marks the first n elements of free as handed out.
func (a *arena[T]) take(n int) { a.cur = a.cur[:len(a.cur)+n] }

// adopt makes c, a slice that outgrew free and has its own array, the
// current chunk, with its elements handed out.
func (a *arena[T]) adopt(c []T) {
	if cap(a.cur) > 0 {
		a.full = append(a.full, a.cur)
	}
	a.cur = c
}

// next starts a chunk with room for at least n elements: a spare one if
// the last spare is large enough, else a new one twice the size of the
// current one (from arenaChunk up to arenaReuse).
func (a *arena[T]) next(n int) {
	if cap(a.cur) > 0 {
		a.full = append(a.full, a.cur)
	}
	if k := len(a.spare); k > 0 && cap(a.spare[k-1]) >= n {
		a.cur = a.spare[k-1]
		a.spare[k-1] = nil
		a.spare = a.spare[:k-1]
		return
	}
	a.cur = make([]T, 0, max(arenaChunk, n, min(2*cap(a.cur), arenaReuse)))
}

// mark returns the point of allocation now.
func (a *arena[T]) mark() arenaMark { return arenaMark{len(a.full), len(a.cur)} }

// freeSince gives back what was allocated since m: nothing allocated
// since may be used afterwards. The chunks filled since become spares.
func (a *arena[T]) freeSince(m arenaMark) {
	if len(a.full) == m.chunks {
		if a.zero {
			clear(a.cur[m.n:])
		}
		a.cur = a.cur[:m.n]
		return
	}
	a.spareChunk(a.cur)
	for _, c := range a.full[m.chunks+1:] {
		a.spareChunk(c)
	}
	c := a.full[m.chunks]
	if a.zero {
		clear(c[m.n:])
	}
	a.cur = c[:m.n]
	clear(a.full[m.chunks:])
	a.full = a.full[:m.chunks]
}

func (a *arena[T]) spareChunk(c []T) {
	if a.zero {
		clear(c)
	}
	a.spare = append(a.spare, c[:0])
}

// reset gives back everything, keeping for the next text the largest
// chunks that fit in keep elements in all, the largest used first.
func (a *arena[T]) reset(keep int) {
	if cap(a.cur) > 0 {
		a.full = append(a.full, a.cur)
	}
	a.cur = nil
	for _, c := range a.full {
		if a.zero {
			clear(c)
		}
		a.spare = append(a.spare, c[:0])
	}
	clear(a.full)
	a.full = a.full[:0]
	slices.SortFunc(a.spare, func(x, y []T) int { return cap(x) - cap(y) })
	kept := 0
	for k := len(a.spare) - 1; k >= 0; k-- {
		if c := cap(a.spare[k]); kept+c <= keep {
			kept += c
		} else {
			a.spare[k] = nil
		}
	}
	n := 0
	for _, c := range a.spare {
		if c != nil {
			a.spare[n] = c
			n++
		}
	}
	clear(a.spare[n:])
	a.spare = a.spare[:n]
}
