package lens

import "github.com/lensnet/lensnet/tree"

// GetLayoutParallel is GetLayout with the parallel read of large
// top-level stars on or off; parallel tells whether a star was read in
// parallel (rather than given up).
func GetLayoutParallel(l *Lens, text string, on bool) (root *tree.Node, lay *Layout, parallel bool, err error) {
	root, lay, reads, err := l.getWith(text, getMode{record: !l.recursive, sequential: !on})
	return root, lay, reads.parallelReads > 0, err
}

// LazySubtrees is how many top-level subtree lenses of l GetLazy may
// leave unread below their own level.
func LazySubtrees(l *Lens) int { return len(l.lazyPlan().ok) }

// GetStreamed is GetLayout, with a layout for a recursive lens too,
// with the streamed read of a recursive star at the end of the text on
// (giving the recogniser's memory back at every cut point) or off;
// drops is how many times the stream gave it back.
func GetStreamed(l *Lens, text string, on bool) (root *tree.Node, lay *Layout, drops int, err error) {
	root, lay, counts, err := l.getWith(text, getMode{record: true, whole: !on, dropEvery: on})
	return root, lay, counts.memoDrops, err
}

// SkeletonFromLayout reports whether a save after an edit of the top
// level makes the level's skeleton from the layout (rather than reading
// the level again).
func SkeletonFromLayout(lay *Layout) bool {
	_, ok := lay.topSkel(&getter{text: lay.text, getMode: getMode{skel: true, shallow: true}, lvl: &level{}})
	return ok
}
