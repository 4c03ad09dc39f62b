package lens

import (
	"errors"
	"slices"

	"github.com/lensnet/lensnet/regular"
	"github.com/lensnet/lensnet/tree"
)

// PutChanged is Put for a tree that Get read from original and that was
// edited since, with the change marks of package tree telling what was
// edited: root is the node Get returned, or a node that took over its
// children, and every node still carries the Span it was read from. It
// gives the bytes Put gives, but reads and writes only the changed
// parts: where the children of a node are the ones read (none added,
// removed or moved, none relabelled or given another value) and writing
// that level gives back its text (checked by writing it, unless the
// level's sibling lists split among its lenses in one way only, see
// putsBack, where put is known to), the text between the children and
// the text of every unchanged child is copied from original, and only
// changed children (and those read by a recursive lens) are written,
// each with the skeleton read again from its own text. Elsewhere the
// smallest enclosing subtree is written as Put writes it, or the whole
// text when that is the top.
//
// Copying an unchanged child relies on the GetPut law for it, which
// holds for lenses that pass Check; recursive lenses are not fully
// checked, so the children they read are always written through put.
//
// A tree whose spans do not come from original (it was read from other
// text, or original was rewritten since) must go to Put instead: spans
// that contradict the text are detected and make PutChanged fall back to
// Put, but spans that fit by chance are not.
func (l *Lens) PutChanged(root *tree.Node, original string) (string, error) {
	return l.PutChangedLayout(root, original, nil)
}

// PutChangedLayout is PutChanged given the layout GetLayout returned
// with the tree (nil: none). The layout stands for reading the top level
// again when the top level holds the nodes it was read with and the text
// is the one read; it is ignored otherwise.
func (l *Lens) PutChangedLayout(root *tree.Node, original string, lay *Layout) (string, error) {
	return l.putChanged(root, original, lay, false)
}

// PutChangedStable is PutChangedLayout where, when the top level
// changed, each node read from the text keeps the layout it was read
// with: removing a node does not give the nodes after it the layout of
// the ones before them, as Augeas's put (and PutChangedLayout) does by
// taking the next unused layout of a node's label. New nodes take the
// layout of a removed node of their label, else the first unused one.
// It is not augtool's output: it is for programs that edit files for
// their users (the interface backends), where a removed stanza must
// leave the others byte for byte.
func (l *Lens) PutChangedStable(root *tree.Node, original string, lay *Layout) (string, error) {
	return l.putChanged(root, original, lay, true)
}

func (l *Lens) putChanged(root *tree.Node, original string, lay *Layout, stable bool) (string, error) {
	out, _, err := l.putChangedSplicer(&splicer{text: original, top: root, lay: lay, stable: stable})
	return out, err
}

// putChangedSplicer is PutChanged's flow: splice where the tree is as
// read, else the top level from the layout, else Put. It reports
// whether the splice wrote it (only then are the splicer's moves set).
func (l *Lens) putChangedSplicer(sp *splicer) (string, bool, error) {
	root := sp.top
	if root.Len() == 0 {
		return "", false, nil
	}
	sp.out = make([]byte, 0, len(sp.text)+len(sp.text)/16)
	ok, err := sp.splice(l, root, 0, len(sp.text))
	if err != nil {
		return "", false, err
	}
	if ok {
		return string(sp.out), true, nil
	}
	if out, ok := sp.putTop(l, root); ok {
		return out, false, nil
	}
	out, err := l.Put(root, sp.text)
	return out, false, err
}

type splicer struct {
	text   string
	top    *tree.Node
	lay    *Layout // of the top level, or nil
	out    []byte
	stable bool // PutChangedStable
	track  bool // PutChangedTracked: record moves
	moves  []Move
}

// Move says where a top-level node of the tree lands in the text a
// PutChangedTracked wrote: unchanged nodes are copied, Shift bytes from
// where they were; a rewritten node's text is new (the spans of its
// descendants still describe the old text).
type Move struct {
	Node       *tree.Node
	Lens       *Lens // the subtree lens that read it
	Start, End int
	Shift      int
	Rewritten  bool
}

// PutChangedTracked is PutChangedLayout (PutChangedStable with stable)
// that also returns, when the top level's nodes are the ones read and
// only their subtrees changed, where each lands in the new text, and
// the layout of the new text (see MoveSpans): a program that keeps
// editing the tree (the interface backends) then saves again without
// reading the whole text again. moves and the layout are nil otherwise.
func (l *Lens) PutChangedTracked(root *tree.Node, original string, lay *Layout, stable bool) (string, []Move, *Layout, error) {
	sp := &splicer{text: original, top: root, lay: lay, stable: stable, track: true}
	out, spliced, err := l.putChangedSplicer(sp)
	if err != nil || !spliced || len(sp.moves) != root.Len() {
		return out, nil, nil, err
	}
	var newLay *Layout
	if lay != nil && lay.lens == l && len(lay.nodes) == len(sp.moves) {
		newLay = &Layout{lens: l, text: out, nodes: lay.nodes, keys: lay.keys, found: make([]foundSubtree, len(sp.moves))}
		for k, m := range sp.moves {
			if m.Node != lay.nodes[k] {
				newLay = nil
				break
			}
			newLay.found[k] = foundSubtree{lens: m.Lens, i: m.Start, j: m.End}
		}
	}
	return out, sp.moves, newLay, nil
}

// MoveSpans makes the spans of the tree describe the text
// PutChangedTracked wrote: an unchanged node's subtree shifts; a
// rewritten node takes its new place, its descendants keep spans of the
// old text, which PutChanged checks against the text before it trusts
// them (and otherwise writes that subtree from its own text).
func MoveSpans(moves []Move) {
	for _, m := range moves {
		if m.Rewritten {
			m.Node.Span = tree.Span{Start: m.Start, End: m.End}
			continue
		}
		shiftSpans(m.Node, m.Shift)
	}
}

func shiftSpans(n *tree.Node, d int) {
	if d == 0 {
		return
	}
	sp := &n.Span
	sp.Start += d
	sp.End += d
	if sp.LabelEnd > 0 || sp.LabelStart > 0 {
		sp.LabelStart += d
		sp.LabelEnd += d
	}
	if sp.ValueEnd > 0 || sp.ValueStart > 0 {
		sp.ValueStart += d
		sp.ValueEnd += d
	}
	for _, c := range n.Children() {
		shiftSpans(c, d)
	}
}

// Layout is the layout of the top level of a text read by GetLayout:
// the nodes it made and which subtree lens read each, from where.
type Layout struct {
	lens  *Lens
	text  string
	nodes []*tree.Node
	found []foundSubtree
	keys  []dictKey // the label each node was read with
}

// newLayout returns the layout of the top level nodes read from text by
// l, found being the subtrees met there, or nil if they do not match.
func newLayout(l *Lens, text string, nodes []*tree.Node, found []foundSubtree) *Layout {
	if len(found) != len(nodes) {
		return nil
	}
	for k, n := range nodes {
		if f := found[k]; n.Span.Start != f.i || n.Span.End != f.j {
			return nil
		}
	}
	keys := make([]dictKey, len(nodes))
	for k, n := range nodes {
		keys[k].label, keys[k].hasLabel = n.Label()
	}
	return &Layout{lens: l, text: text, nodes: append([]*tree.Node(nil), nodes...), found: found, keys: keys}
}

// putTop writes the tree as Put does when the top level changed (nodes
// added, removed, moved, relabelled or given another value), given the
// layout of the text: the top level is written by put, with its
// skeleton read again (one level only) and a dictionary made from the
// layout, whose entries are read from their own text only when used
// for a node that is not the unchanged node read there (see
// putter.subtree). It reports false where that may differ from Put:
// no layout of this text, an entry that reading alone could number
// differently, or put failing (Put then reports why).
func (sp *splicer) putTop(l *Lens, root *tree.Node) (string, bool) {
	lay := sp.lay
	if lay == nil || lay.lens != l || lay.text != sp.text {
		return "", false
	}
	g := &getter{text: sp.text, getMode: getMode{skel: true, shallow: true}, lvl: &level{}}
	sk, ok := lay.topSkel(g)
	if !ok {
		var err error
		sk, err = g.exact(l, 0, len(sp.text))
		if err != nil || !slices.Equal(g.found, lay.found) {
			return "", false
		}
	}
	d := &dict{src: lay, used: make([]bool, len(lay.keys))}
	if sp.stable {
		d.stable = newStable(lay, root)
	}
	out, err := l.put(root, &sk, d, len(sp.text))
	return out, err == nil
}

// topSkel returns the skeleton of the top level of the layout's text,
// made from the layout instead of reading the text again, where the
// top lens is a star of subtrees, or a concatenation of such stars, the
// first operand possibly a lens without subtrees instead (read here,
// with g, up to the first subtree). A star of subtrees iterates a lens
// whose words are each one subtree (subtree lenses under unions and
// recursion), or, in some branches of its unions, one subtree followed
// by a star of subtrees (trailers: Interfaces's "auto" line with the
// comments and blank lines after it). Each subtree lens starts the
// iterations of one star only and is no trailer of that star or of a
// star before which that one comes, so which star read which subtree,
// and where each iteration and each operand's text lies, is known from
// the subtrees found; the skeleton of an iteration is then made of
// those of its subtrees, which hold only their lens.
func (lay *Layout) topSkel(g *getter) (skel, bool) {
	l := lay.lens
	parts := []*Lens{l}
	if l.kind == KindConcat {
		parts = l.kids
	}
	starts := make([]map[*Lens]topBranch, len(parts)) // by star: the subtree lenses that start its iterations
	owner := map[*Lens]int{}                          // the star each subtree lens starts the iterations of
	plain := -1                                       // the operand without subtrees, if any
	for t, p := range parts {
		if p.kind == KindStar {
			starts[t] = map[*Lens]topBranch{}
			if topBranches(p.kids[0], map[*Lens]bool{}, topBranch{}, starts[t]) {
				for x := range starts[t] {
					if _, dup := owner[x]; dup {
						return skel{}, false
					}
					owner[x] = t
				}
				continue
			}
		}
		if t != 0 || l.kind != KindConcat || p.recursive || holdsSubtree(p, map[*Lens]bool{}) {
			return skel{}, false
		}
		plain = t
	}
	for t := range parts {
		for _, br := range starts[t] {
			for x := range br.trail {
				if o, ok := owner[x]; ok && o >= t {
					return skel{}, false // a trailer that could start an iteration
				}
			}
		}
	}
	kids := make([]skel, len(parts))
	pos, k := 0, 0 // where the next operand starts, the next subtree found
	for t, p := range parts {
		if t == plain {
			end := len(lay.text)
			if len(lay.found) > 0 {
				end = lay.found[0].i
			}
			if !p.ctype().Match(lay.text[:end]) {
				return skel{}, false
			}
			sk, err := g.exact(p, 0, end)
			if err != nil {
				return skel{}, false
			}
			kids[t], pos = sk, end
			continue
		}
		var its []skel
		if n := lay.iterations(k, starts[t]); n > 0 {
			its = make([]skel, 0, n)
		}
		for k < len(lay.found) {
			f := lay.found[k]
			br, ok := starts[t][f.lens]
			if !ok {
				break // read by a star further on
			}
			if f.i != pos {
				return skel{}, false
			}
			it := skel{lens: f.lens}
			pos, k = f.j, k+1
			if br.cat != nil {
				var trail []skel
				for k < len(lay.found) && br.trail[lay.found[k].lens] {
					if f := lay.found[k]; f.i != pos {
						return skel{}, false
					}
					trail = append(trail, skel{lens: lay.found[k].lens})
					pos, k = lay.found[k].j, k+1
				}
				it = skel{lens: br.cat, kids: []skel{it, {lens: br.cat.kids[1], kids: trail}}}
			}
			its = append(its, it)
		}
		kids[t] = skel{lens: p, kids: its}
	}
	if k != len(lay.found) || pos != len(lay.text) {
		return skel{}, false
	}
	if l.kind != KindConcat {
		return kids[0], true
	}
	return skel{lens: l, kids: kids}, true
}

// iterations counts the iterations of a star of subtrees read from
// found[k:], starts being the subtree lenses that start them.
func (lay *Layout) iterations(k int, starts map[*Lens]topBranch) int {
	n := 0
	for ; k < len(lay.found); k++ {
		br, ok := starts[lay.found[k].lens]
		if !ok {
			break
		}
		n++
		for k+1 < len(lay.found) && br.trail[lay.found[k+1].lens] {
			k++
		}
	}
	return n
}

// topBranch is what an iteration of a top-level star reads after the
// subtree it starts with: nothing more (cat nil), or, the iteration
// being the concatenation cat of a lens of single subtrees and a star
// of subtrees, the subtrees of trail.
type topBranch struct {
	cat   *Lens
	trail map[*Lens]bool
}

// topBranches adds to starts the subtree lenses whose subtree starts a
// word of l, each with what the rest of the word reads (br, when l is
// the first operand of a concatenation with trailers), and reports
// whether every word of l is one such subtree, then trailers if br says
// so, and no subtree lens starts two kinds of words.
func topBranches(l *Lens, seen map[*Lens]bool, br topBranch, starts map[*Lens]topBranch) bool {
	switch l.kind {
	case KindSubtree:
		if _, dup := starts[l]; dup {
			return false
		}
		starts[l] = br
		return true
	case KindUnion:
		for _, k := range l.kids {
			if !topBranches(k, seen, br, starts) {
				return false
			}
		}
		return true
	case KindRec:
		if seen[l] || l.body() == nil {
			return false
		}
		seen[l] = true
		return topBranches(l.body(), seen, br, starts)
	case KindConcat:
		if br.cat != nil || len(l.kids) != 2 || l.kids[1].kind != KindStar {
			return false
		}
		var subs []*Lens
		if !subtreesOnly(l.kids[1].kids[0], map[*Lens]bool{}, &subs) {
			return false
		}
		trail := make(map[*Lens]bool, len(subs))
		for _, x := range subs {
			trail[x] = true
		}
		return topBranches(l.kids[0], seen, topBranch{cat: l, trail: trail}, starts)
	}
	return false
}

// subtreesOnly reports whether every word of l is one subtree, l being
// subtree lenses under unions and recursion only, and adds those to
// subs.
func subtreesOnly(l *Lens, seen map[*Lens]bool, subs *[]*Lens) bool {
	switch l.kind {
	case KindSubtree:
		*subs = append(*subs, l)
		return true
	case KindUnion:
		for _, k := range l.kids {
			if !subtreesOnly(k, seen, subs) {
				return false
			}
		}
		return true
	case KindRec:
		if seen[l] || l.body() == nil {
			return false
		}
		seen[l] = true
		return subtreesOnly(l.body(), seen, subs)
	}
	return false
}

// holdsSubtree reports whether l has a subtree lens in it.
func holdsSubtree(l *Lens, seen map[*Lens]bool) bool {
	if l.kind == KindSubtree {
		return true
	}
	if seen[l] {
		return false
	}
	seen[l] = true
	if l.kind == KindRec {
		return l.body() == nil || holdsSubtree(l.body(), seen)
	}
	for _, k := range l.kids {
		if holdsSubtree(k, seen) {
			return true
		}
	}
	return false
}

// errAlone is put's answer when an entry of a layout's dictionary
// cannot be read on its own as it was read in place.
var errAlone = errors.New("subtree can not be read again on its own")

// read reads the skeleton and the dictionary of entry k of a layout's
// dictionary from its own text (put takes each entry once: it is not
// kept).
func (d *dict) read(k int) (*dictEntry, error) {
	f := d.src.found[k]
	sk, sub, ok := readSubtree(d.src.text, f.lens, f.i, f.j)
	if !ok {
		return nil, errAlone
	}
	return &dictEntry{skel: sk, sub: sub}, nil
}

// readSubtree reads the skeleton and the dictionary of the children of
// the subtree the subtree lens l read from text[i:j], from that text
// alone; false when that may differ from reading it in context (a seq
// below the node counted before the span, see seqsLocal).
func readSubtree(text string, l *Lens, i, j int) (skel, *dict, bool) {
	g := &getter{text: text, getMode: getMode{skel: true, isolated: !l.seqsLocal()}}
	inner := &level{}
	g.lvl = inner
	sk, err := g.exact(l.kids[0], i, j)
	if err != nil || g.unsure {
		return skel{}, nil, false
	}
	return sk, inner.dict, true
}

// of returns the subtrees of the layout if it describes body reading
// kids from text[s:e], nil if not.
func (lay *Layout) of(body *Lens, kids []*tree.Node, text string, s, e int) []foundSubtree {
	if lay == nil || lay.lens != body || s != 0 || e != len(lay.text) || len(kids) != len(lay.nodes) || lay.text != text {
		return nil
	}
	for k, c := range kids {
		if c != lay.nodes[k] {
			return nil
		}
	}
	return lay.found
}

// splice writes the text of n, read with body from text[s:e], if n and
// its children are as read: the text around changed children is copied
// and each changed child is written on its own. It reports false, having
// written nothing, when n's level changed or its spans do not fit the
// text.
func (sp *splicer) splice(body *Lens, n *tree.Node, s, e int) (bool, error) {
	if tree.ChildrenChanged(n) {
		return false, nil
	}
	kids := n.Children()
	for _, c := range kids {
		if tree.SelfChanged(c) {
			return false, nil
		}
	}
	// Put writes back what get read of a level whose sibling lists
	// split in one way only (see putsBack); elsewhere (GetPut fails where
	// the lens's atype is ambiguous, as in Augeas) writing the level is
	// checked
	back := body.putsBack()
	var found []foundSubtree
	if back && n == sp.top && testSkippedCheck == nil {
		found = sp.lay.of(body, kids, sp.text, s, e)
	}
	if found == nil {
		// the level's skeleton and which subtree lens read each child
		g := &getter{text: sp.text, getMode: getMode{skel: true, shallow: true}, lvl: &level{}}
		sk, err := g.exact(body, s, e)
		if err != nil || len(g.found) != len(kids) {
			return false, nil
		}
		for k, c := range kids {
			if f := g.found[k]; c.Span.Start != f.i || c.Span.End != f.j {
				return false, nil
			}
		}
		found = g.found
		if !back || testSkippedCheck != nil {
			// check that writing this level gives each child the lens
			// that read it and gives back the text around them
			v := &putter{node: n, top: sp.top, verify: g.found, verifyText: sp.text}
			v.out.Grow(e - s)
			err := v.put(body, newSplit(kids), &sk, nil)
			ok := err == nil && v.out.String() == sp.text[s:e]
			if back {
				lay := sp.lay.of(body, kids, sp.text, s, e)
				testSkippedCheck(body, sp.text[s:e], ok, n != sp.top || lay == nil || slices.Equal(lay, found))
			} else if !ok {
				return false, nil
			}
		}
	}
	mark := len(sp.out)
	pos := s
	top := n == sp.top && sp.track
	var moves []Move
	delta := len(sp.out) - s // where text[s] lands in out
	for k, c := range kids {
		sub := found[k].lens
		if top && !tree.SubtreeChanged(c) && !sub.recursive {
			moves = append(moves, Move{Node: c, Lens: sub, Start: c.Span.Start + delta, End: c.Span.End + delta, Shift: delta})
		}
		if !tree.SubtreeChanged(c) && !sub.recursive {
			// GetPut: put writes it back as it was read, since its
			// lens is not recursive (recursive lenses are not checked
			// for ambiguous trees, and Augeas's put rewrites some
			// unchanged parts of them)
			continue
		}
		sp.out = append(sp.out, sp.text[pos:c.Span.Start]...)
		start := len(sp.out)
		ok, err := false, error(nil)
		if tree.SubtreeChanged(c) {
			ok, err = sp.splice(sub.kids[0], c, c.Span.Start, c.Span.End)
		}
		if err == nil && !ok {
			ok, err = sp.putSubtree(sub, c)
		}
		if err != nil {
			return false, err
		}
		if !ok {
			sp.out = sp.out[:mark]
			return false, nil
		}
		pos = c.Span.End
		delta = len(sp.out) - pos
		if top {
			moves = append(moves, Move{Node: c, Lens: sub, Start: start, End: len(sp.out), Rewritten: true})
		}
	}
	sp.out = append(sp.out, sp.text[pos:e]...)
	if top {
		sp.moves = moves
	}
	return true, nil
}

// putSubtree writes the subtree node n, read with the subtree lens l
// from its span of the text, as Put writes a subtree that takes its own
// entry of the dictionary: its skeleton and the dictionary of its
// children are read again from that span alone. It reports false when
// that reading may differ from the one in context (a seq counted before
// the span).
func (sp *splicer) putSubtree(l *Lens, n *tree.Node) (bool, error) {
	sk, sub, ok := readSubtree(sp.text, l, n.Span.Start, n.Span.End)
	if !ok {
		return false, nil
	}
	p := &putter{node: n, top: sp.top}
	child := newSplit(n.Children())
	k := l.kids[0]
	if !k.types().atype.Match(child.enc()) {
		return false, p.mismatch(k, child)
	}
	if err := p.put(k, child, &sk, sub); err != nil {
		return false, err
	}
	sp.out = append(sp.out, p.out.String()...)
	return true, nil
}

// testSkippedCheck, set by tests, makes PutChanged check the levels it
// does not check (putsBack) and report whether the check passed, and
// whether the layout given agreed with the level read again.
var testSkippedCheck func(body *Lens, text string, ok, sameLayout bool)

// putsBack reports whether put writes back what get read at the level
// of a tree that l reads (not going into subtrees): every sibling list
// in l's atype splits among its parts in one way only, so that put
// gives each node the lens that read it and each part of the text the
// part of the skeleton read with it. It holds when, within the level,
// unions have disjoint atypes, concatenations and iterations split
// sibling lists in one way, no iterated or optional lens accepts the
// empty list (put never writes an iteration of no nodes, nor leaves out
// an optional lens that could), and nothing sets the level's label or
// value and no square writes it (a folded square may read a closing tag
// that differs in case from the label it writes). Computed once per
// lens.
func (l *Lens) putsBack() bool {
	switch l.back.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	ok := l.computePutsBack()
	if ok {
		l.back.Store(1)
	} else {
		l.back.Store(2)
	}
	return ok
}

func (l *Lens) computePutsBack() bool {
	c := levelCheck{memo: map[*Lens]*regular.FA{}, letter: map[*Lens]byte{}}
	if !c.letters(l) {
		return false
	}
	return c.level(l) != nil
}

// levelCheck checks the conditions of putsBack on the level's sibling
// lists written with one letter per node: the subtree lenses of the
// level are grouped so that two groups share no label, and each group
// is a letter. A node's encoding then has one letter (those of the
// level's atypes; its label is in one group at most), so that lists
// split in two ways, or in two lenses of a union, still do when written
// with letters: the conditions checked on the letters hold of the
// atypes. The letters' languages are tiny, the atypes' are not.
type levelCheck struct {
	memo   map[*Lens]*regular.FA // nil: the lens fails
	letter map[*Lens]byte        // the letter of each subtree lens of the level
}

// letters gives the subtree lenses of the level l reads their letters;
// false if there are too many groups or l is recursive.
func (c *levelCheck) letters(l *Lens) bool {
	var subs []*Lens
	seen := map[*Lens]bool{}
	var walk func(*Lens) bool
	walk = func(x *Lens) bool {
		if seen[x] {
			return true
		}
		seen[x] = true
		if x.recursive {
			return false
		}
		if x.kind == KindSubtree {
			subs = append(subs, x)
			return true
		}
		for _, k := range x.kids {
			if !walk(k) {
				return false
			}
		}
		return true
	}
	if !walk(l) {
		return false
	}
	// group the lenses whose labels meet (union-find)
	labels := make([]*regular.FA, len(subs))
	group := make([]int, len(subs))
	for t, x := range subs {
		labels[t], group[t] = labelsOf(x.kids[0]), t
	}
	find := func(t int) int {
		for group[t] != t {
			t = group[t]
		}
		return t
	}
	for t := range subs {
		for u := range t {
			if find(t) == find(u) || quickDisjoint(labels[t], labels[u]) {
				continue
			}
			if _, disjoint := regular.Disjoint(labels[t], labels[u]); !disjoint {
				group[find(t)] = find(u)
			}
		}
	}
	letter := map[int]byte{}
	for t, x := range subs {
		g := find(t)
		b, ok := letter[g]
		if !ok {
			if len(letter) >= 200 {
				return false
			}
			b = byte('0' + len(letter))
			letter[g] = b
		}
		c.letter[x] = b
	}
	return true
}

// level returns the language that holds l's atype, nil if l fails the
// conditions.
func (c *levelCheck) level(l *Lens) *regular.FA {
	if fa, ok := c.memo[l]; ok {
		return fa
	}
	fa := c.compute(l)
	c.memo[l] = fa
	return fa
}

func (c *levelCheck) compute(l *Lens) *regular.FA {
	if l.recursive || l.hasKey || l.hasValue {
		return nil
	}
	switch l.kind {
	case KindSubtree:
		b, ok := c.letter[l]
		if !ok {
			return nil
		}
		return regular.LiteralFA(string([]byte{b}))
	case KindDel, KindCounter:
		return epsilonFA
	case KindConcat:
		fas := make([]*regular.FA, len(l.kids))
		for t, k := range l.kids {
			if fas[t] = c.level(k); fas[t] == nil {
				return nil
			}
		}
		if len(fas) == 0 {
			return epsilonFA
		}
		first := fas[0]
		for t := 1; t < len(fas); t++ {
			if t > 1 {
				first = regular.Concat(first.Minimize(), fas[t-1].Minimize())
			}
			if _, amb := regular.AmbigConcat(first, fas[t]); amb {
				return nil
			}
		}
		return regular.Concat(fas...)
	case KindUnion:
		if len(l.kids) == 0 {
			return nil
		}
		fas := make([]*regular.FA, len(l.kids))
		for t, k := range l.kids {
			if fas[t] = c.level(k); fas[t] == nil {
				return nil
			}
			for _, prev := range fas[:t] {
				if quickDisjoint(prev, fas[t]) {
					continue
				}
				if _, disjoint := regular.Disjoint(prev, fas[t]); !disjoint {
					return nil
				}
			}
		}
		return regular.Union(fas...)
	case KindStar:
		fa := c.level(l.kids[0])
		if fa == nil || fa.AcceptsEmpty() {
			return nil
		}
		if _, amb := regular.AmbigStar(fa); amb {
			return nil
		}
		return regular.Star(fa)
	case KindMaybe:
		fa := c.level(l.kids[0])
		if fa == nil || fa.AcceptsEmpty() {
			return nil
		}
		return regular.Optional(fa)
	}
	return nil
}

// labelsOf returns a language that holds the labels the subtree body l
// gives its node, the empty word standing for none (as in the encoding
// of atypes).
func labelsOf(l *Lens) *regular.FA {
	if l.recursive {
		return anyLabelFA
	}
	if !l.hasKey {
		return epsilonFA
	}
	switch l.kind {
	case KindKey:
		return l.re
	case KindLabel:
		return regular.LiteralFA(l.str)
	case KindSeq:
		return seqFA
	case KindConcat, KindSquare:
		var keyed *Lens
		for _, k := range l.kids {
			if k.hasKey {
				if keyed != nil {
					return anyLabelFA
				}
				keyed = k
			}
		}
		return labelsOf(keyed)
	case KindUnion:
		fas := make([]*regular.FA, len(l.kids))
		for t, k := range l.kids {
			fas[t] = labelsOf(k)
		}
		return regular.Union(fas...)
	case KindMaybe:
		return regular.Optional(labelsOf(l.kids[0]))
	}
	return anyLabelFA
}
