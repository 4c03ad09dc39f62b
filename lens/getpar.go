package lens

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/lensnet/lensnet/tree"
)

// A large file is mostly one star at its top level (the stanzas of an
// interfaces file, the lines of sysctl.conf). Finding where its
// iterations end is a small part of reading it (about an eighth for
// Interfaces); building their trees is the rest, and the iterations are
// independent once their ends are known. So get finds the ends first,
// then reads runs of iterations in parallel, each with a getter of its
// own, and puts their nodes together in order. Whatever the parallel
// read cannot vouch for (an error anywhere, a seq counted across runs)
// makes it give up, and the star is read again one iteration after the
// other as usual, so the tree, the errors and the seq numbers are
// always those of the sequential read.

// parallelMin is the smallest range read in parallel: below it, starting
// goroutines and getters costs more than it saves.
const parallelMin = 64 << 10

// parallelGet turns the parallel read off when false (for tests that
// compare it with the sequential one).
var parallelGet = true

// parallelReads counts the stars read in parallel (for tests).
var parallelReads atomic.Int64

// splittable reports whether the star l over text[i:j] may be read in
// parallel: it is what the top of the lens ends with (so nothing read
// after it depends on the state it leaves), its iterations make nodes
// of the top level, and only a tree is wanted (no skeleton for put, no
// shallow read).
func (g *getter) splittable(l *Lens, i, j int) bool {
	return j-i >= parallelMin && j == len(g.text) && g.lvl == g.topLvl && !g.skel && !g.shallow &&
		parallelGet && g.depth == 0 && (l == g.topLens || g.topLens != nil && g.topLens.kind == KindConcat && l == g.topLens.kids[len(g.topLens.kids)-1]) &&
		runtime.GOMAXPROCS(0) > 1
}

// parRun is one run of iterations read by a getter of its own.
type parRun struct {
	i, j  int // the run's text
	nodes []*tree.Node
	found []foundSubtree
	fail  bool
}

// starParallel reads the star l over text[i:j] as described above. It
// returns true when it did (its nodes are on g.stack), false when the
// star must be read sequentially (nothing of g was changed).
func (g *getter) starParallel(l *Lens, i, j int) (bool, error) {
	it := g.newStarIter(l, i, j)
	ends := []int{i}
	for it.pos < j {
		p := it.next()
		if p < 0 {
			it.done()
			return false, nil // the sequential read explains the error
		}
		ends = append(ends, p)
		it.pos = p
	}
	it.done()
	workers := runtime.GOMAXPROCS(0)
	if len(ends)-1 < 2*workers {
		return false, nil
	}
	// runs of about equal size in bytes, cut at iteration ends
	runs := make([]parRun, 0, workers)
	e := 0
	for w := range workers {
		target := i + (j-i)*(w+1)/workers
		s := e
		for e < len(ends)-1 && (ends[e] < target || e == s) {
			e++
		}
		if w == workers-1 {
			e = len(ends) - 1
		}
		if e > s {
			runs = append(runs, parRun{i: ends[s], j: ends[e]})
		}
	}
	var wg sync.WaitGroup
	for r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			g.readRun(l, &runs[r], r == 0, ends)
		}()
	}
	wg.Wait()
	for _, r := range runs {
		if r.fail {
			return false, nil
		}
	}
	parallelReads.Add(1)
	for _, r := range runs {
		g.stack = append(g.stack, r.nodes...)
		if g.record {
			g.found = append(g.found, r.found...)
		}
	}
	return true, nil
}

// readRun reads the iterations of the star l that make up run.
func (g *getter) readRun(l *Lens, run *parRun, first bool, ends []int) {
	w := newGetter(g.text)
	defer w.recycle()
	lvl := &level{}
	w.lvl, w.topLvl, w.record, w.lazy = lvl, lvl, g.record, g.lazy
	if first {
		// the seq counts the star starts with are g's
		for k, v := range g.seqs {
			if w.seqs == nil {
				w.seqs = map[string]int{}
			}
			w.seqs[k] = v
		}
	} else {
		w.isolated = true // a seq not counted in this run may have been before
	}
	child := l.kids[0]
	lo, _ := slices.BinarySearch(ends, run.i)
	for k := lo; k < len(ends)-1 && ends[k] < run.j; k++ {
		if _, err := w.exact(child, ends[k], ends[k+1]); err != nil {
			run.fail = true
			return
		}
	}
	if w.unsure || lvl.hasKey || lvl.hasValue {
		run.fail = true
		return
	}
	run.nodes = w.stack
	w.stack = nil
	if w.record {
		run.found = w.found
		w.found = nil
	}
}
