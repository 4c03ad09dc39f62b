package lens

import (
	"runtime"

	"github.com/lensnet/lensnet/internal/workers"
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

// splittable reports whether the star l over text[i:j] may be read in
// parallel: it is what the top of the lens ends with (so nothing read
// after it depends on the state it leaves), its iterations make nodes
// of the top level, only a tree is wanted (no skeleton for put, no
// shallow read), and the getter's mode is not sequential.
func (g *getter) splittable(l *Lens, i, j int) bool {
	return j-i >= parallelMin && j == len(g.text) && g.lvl == g.topLvl && !g.skel && !g.shallow &&
		!g.sequential && g.depth == 0 && (l == g.topLens || g.topLens != nil && g.topLens.kind == KindConcat && l == g.topLens.kids[len(g.topLens.kids)-1]) &&
		runtime.GOMAXPROCS(0) > 1
}

// parRun is one run of iterations read by a getter of its own.
type parRun struct {
	ends  []int // where its iterations start and end, ascending
	first bool  // the star's first run
	nodes []*tree.Node
	found []foundSubtree
	fail  bool
}

// starParallel reads the star l over text[i:j] as described above. It
// returns true when it did (its nodes are on g.stack), false when the
// star must be read sequentially (nothing of g was changed). The ends
// are found here, and each run is handed to the readers as soon as its
// ends are known, so that they start while the rest is being cut.
func (g *getter) starParallel(l *Lens, i, j int) bool {
	runBytes := max(16<<10, (j-i)/(8*runtime.GOMAXPROCS(0)))
	var runs []*parRun
	readers := workers.NewQueue(func(r *parRun) { g.readRun(l, r) })
	it := g.newStarIter(l, i, j)
	ends := []int{i}
	failed := false
	for it.pos < j {
		p := it.next()
		if p < 0 {
			failed = true // the sequential read explains the error
			break
		}
		ends = append(ends, p)
		it.pos = p
		if p-ends[0] >= runBytes || p == j {
			r := &parRun{ends: ends, first: len(runs) == 0}
			runs = append(runs, r)
			readers.Put(r)
			ends = []int{p}
		}
	}
	it.done()
	readers.Wait() // this goroutine reads what is left
	if failed || len(runs) < 2 {
		return false
	}
	for _, r := range runs {
		if r.fail {
			return false
		}
	}
	g.counts.parallelReads++
	for _, r := range runs {
		g.stack = append(g.stack, r.nodes...)
		if g.record {
			g.found = append(g.found, r.found...)
		}
	}
	return true
}

// readRun reads the iterations of the star l that make up run.
func (g *getter) readRun(l *Lens, run *parRun) {
	w := newGetter(g.text)
	defer w.recycle()
	lvl := &level{}
	w.lvl, w.topLvl, w.record, w.lazy = lvl, lvl, g.record, g.lazy
	if run.first {
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
	for k := 0; k+1 < len(run.ends); k++ {
		if _, err := w.exact(child, run.ends[k], run.ends[k+1]); err != nil {
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
