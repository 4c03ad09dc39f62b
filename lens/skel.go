package lens

import "github.com/lensnet/lensnet/tree"

// A skel is the shape of one parse outside subtrees, kept so that put can
// write the original text of everything the tree does not hold: the text
// of each del, and the structure of concatenations, iterations and
// options. A subtree leaves only a marker; its own skeleton goes into the
// dictionary of its level.
type skel struct {
	lens *Lens
	text string // del: the text matched
	kids []skel // concat, square: one per operand; star: one per iteration; maybe: none or one
}

// A dict holds, for one level of the tree, the skeleton and the
// dictionary of the level below of every subtree met in the original
// text, in document order. Put takes the first unused entry with the
// label of the node it writes (Augeas's per-label queues), which is how a
// node keeps its formatting when it moves among its siblings.
type dict struct {
	// ents[k]: entry k, its label, whether put took it, its skeleton and
	// the dictionary of the level below (with src: none, see there)
	ents []dictEntry
	// index, made on the first pop of a large dict: the first unused
	// entry of each label, and for each entry the next one with its
	// label (-1: none)
	index map[dictKey]int32
	next  []int32
	// before the index is made (most puts write the nodes in the order
	// they were read, and never need it): every entry before cur is
	// used or has its key in skipped
	cur     int
	skipped map[dictKey]bool
	// src, when set, is the layout the entries stand for (PutChanged
	// writing a changed top level): entry k is the subtree src.found[k]
	// with label src.keys[k], used[k] tells whether put took it, and its
	// skeleton and dictionary are read from its text only when put needs
	// them (putter.subtree, dict.read)
	src  *Layout
	used []bool
	// stable, when set (PutChangedStable), gives each node read there
	// its own entry (see take)
	stable *stableDict
}

// stableDict is what take needs: the entry of each node read, and the
// entries of each label in order with, for each, whether its node is
// gone from the tree (a new node takes a gone node's layout first).
type stableDict struct {
	own   map[*tree.Node]int
	byKey map[dictKey][]int
	gone  []bool
}

func newStable(lay *Layout, root *tree.Node) *stableDict {
	live := make(map[*tree.Node]bool, root.Len())
	for _, c := range root.Children() {
		live[c] = true
	}
	st := &stableDict{own: make(map[*tree.Node]int, len(lay.nodes)), byKey: map[dictKey][]int{}, gone: make([]bool, len(lay.nodes))}
	for k, n := range lay.nodes {
		st.own[n] = k
		st.byKey[lay.keys[k]] = append(st.byKey[lay.keys[k]], k)
		st.gone[k] = !live[n]
	}
	return st
}

// take returns the entry for node n with key: with stable set, n's own
// entry if it was read there, else the first unused entry of key whose
// node is gone, else the first unused one; otherwise pop's.
func (d *dict) take(n *tree.Node, key dictKey) int {
	if d == nil || d.stable == nil {
		return d.pop(key)
	}
	st := d.stable
	if k, ok := st.own[n]; ok && !d.isUsed(k) && d.key(k) == key {
		d.use(k)
		return k
	}
	first := -1
	for _, k := range st.byKey[key] {
		if d.isUsed(k) {
			continue
		}
		if st.gone[k] {
			d.use(k)
			return k
		}
		if first < 0 {
			first = k
		}
	}
	if first >= 0 {
		d.use(first)
	}
	return first
}

type dictKey struct {
	label    string
	hasLabel bool
}

type dictEntry struct {
	key  dictKey
	skel skel
	sub  *dict
	used bool
}

func (d *dict) add(key dictKey, sk skel, sub *dict) {
	d.ents = append(d.ents, dictEntry{key: key, skel: sk, sub: sub})
}

// size, key, isUsed and use read and mark the entries of either form.
func (d *dict) size() int {
	if d.src != nil {
		return len(d.src.keys)
	}
	return len(d.ents)
}

func (d *dict) key(k int) dictKey {
	if d.src != nil {
		return d.src.keys[k]
	}
	return d.ents[k].key
}

func (d *dict) isUsed(k int) bool {
	if d.src != nil {
		return d.used[k]
	}
	return d.ents[k].used
}

func (d *dict) use(k int) {
	if d.src != nil {
		d.used[k] = true
	} else {
		d.ents[k].used = true
	}
}

// dictScan is the size up to which lookups scan instead of indexing.
const dictScan = 16

// pop returns the index of the first unused entry for key, marking it
// used, or -1.
func (d *dict) pop(key dictKey) int {
	if d == nil {
		return -1
	}
	n := d.size()
	if n <= dictScan {
		for i := range n {
			if !d.isUsed(i) && d.key(i) == key {
				d.use(i)
				return i
			}
		}
		return -1
	}
	if d.index == nil {
		if !d.skipped[key] {
			// no unused entry for key before cur: the first one is
			// the next entry for key from cur, found if near
			end := min(d.cur+dictScan, n)
			for x := d.cur; x < end; x++ {
				if d.key(x) != key {
					continue
				}
				for y := d.cur; y < x; y++ {
					if d.skipped == nil {
						d.skipped = map[dictKey]bool{}
					}
					d.skipped[d.key(y)] = true
				}
				d.use(x)
				d.cur = x + 1
				return x
			}
			if end == n {
				return -1
			}
		}
		d.makeIndex()
	}
	i, ok := d.index[key]
	if !ok || i < 0 {
		return -1
	}
	d.index[key] = d.next[i]
	d.use(int(i))
	return int(i)
}

// makeIndex indexes the unused entries of d.
func (d *dict) makeIndex() {
	d.index = make(map[dictKey]int32)
	d.next = make([]int32, d.size())
	for i := len(d.next) - 1; i >= 0; i-- {
		if d.isUsed(i) {
			continue
		}
		k := d.key(i)
		if j, ok := d.index[k]; ok {
			d.next[i] = j
		} else {
			d.next[i] = -1
		}
		d.index[k] = int32(i)
	}
}

// instanceOf reports whether sk could have been produced by l, so that
// put may reuse it (Augeas's skel_instance_of).
func instanceOf(l *Lens, sk *skel) bool {
	return instanceDepth(l, sk, 0)
}

func instanceDepth(l *Lens, sk *skel, depth int) bool {
	if sk == nil || sk.lens == nil || depth > 1000 {
		return false
	}
	if sk.lens == l {
		return true
	}
	switch l.kind {
	case KindDel:
		return sk.lens.kind == KindDel && l.re.Match(sk.text)
	case KindStore, KindKey, KindLabel, KindValue, KindSeq, KindCounter, KindSubtree:
		return sk.lens.kind == l.kind
	case KindConcat, KindSquare:
		if sk.lens.kind != l.kind || len(sk.kids) != len(l.kids) {
			return false
		}
		for i, k := range l.kids {
			if !instanceDepth(k, &sk.kids[i], depth+1) {
				return false
			}
		}
		return true
	case KindUnion:
		for _, k := range l.kids {
			if instanceDepth(k, sk, depth+1) {
				return true
			}
		}
		return false
	case KindStar:
		if sk.lens.kind != KindStar {
			return false
		}
		for i := range sk.kids {
			if !instanceDepth(l.kids[0], &sk.kids[i], depth+1) {
				return false
			}
		}
		return true
	case KindMaybe:
		if sk.lens.kind == KindMaybe {
			return len(sk.kids) == 0 || instanceDepth(l.kids[0], &sk.kids[0], depth+1)
		}
		return instanceDepth(l.kids[0], sk, depth+1)
	case KindRec:
		if b := l.body(); b != nil {
			return instanceDepth(b, sk, depth+1)
		}
	}
	return false
}
