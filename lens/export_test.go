package lens

// SetParallelGet turns reading a large top-level star in parallel on or
// off, and returns a function that restores the setting.
func SetParallelGet(on bool) (restore func()) {
	old := parallelGet
	parallelGet = on
	return func() { parallelGet = old }
}

// ParallelReads is how many stars were read in parallel so far.
func ParallelReads() int64 { return parallelReads.Load() }

// LazySubtrees is how many top-level subtree lenses of l GetLazy may
// leave unread below their own level.
func LazySubtrees(l *Lens) int { return len(l.lazyPlan().ok) }
