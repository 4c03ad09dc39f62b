package lens

import (
	"github.com/lensnet/lensnet/tree"
)

// PutChanged is Put for a tree that Get read from original and that was
// edited since, with the change marks of package tree telling what was
// edited: root is the node Get returned, or a node that took over its
// children, and every node still carries the Span it was read from. It
// gives the bytes Put gives, but reads and writes only the changed
// parts: where the children of a node are the ones read (none added,
// removed or moved, none relabelled or given another value) and writing
// that level gives back its text, the text between the children and
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
	if root.Len() == 0 {
		return "", nil
	}
	sp := &splicer{text: original, top: root}
	sp.out = make([]byte, 0, len(original)+len(original)/16)
	ok, err := sp.splice(l, root, 0, len(original))
	if err != nil {
		return "", err
	}
	if !ok {
		return l.Put(root, original)
	}
	return string(sp.out), nil
}

type splicer struct {
	text string
	top  *tree.Node
	out  []byte
}

// splice writes the text of n, read with body from text[s:e], if n and
// its children are as read: the text around changed children is copied
// and each changed child is written on its own. It reports false, having
// written nothing, when n's level changed or its spans do not fit the
// text.
func (sp *splicer) splice(body *Lens, n *tree.Node, s, e int) (bool, error) {
	if n.ChildrenChanged() {
		return false, nil
	}
	kids := n.Children()
	for _, c := range kids {
		if c.SelfChanged() {
			return false, nil
		}
	}
	// the level's skeleton and which subtree lens read each child
	g := &getter{text: sp.text, skel: true, shallow: true, lvl: &level{}}
	sk, err := g.exact(body, s, e)
	if err != nil || len(g.found) != len(kids) {
		return false, nil
	}
	for k, c := range kids {
		if f := g.found[k]; c.Span.Start != f.i || c.Span.End != f.j {
			return false, nil
		}
	}
	// Put does not always write back what it read (GetPut fails where
	// the lens's atype is ambiguous, as in Augeas): check that writing
	// this level gives each child the lens that read it and gives back
	// the text around them
	v := &putter{node: n, top: sp.top, verify: g.found, verifyText: sp.text}
	v.out.Grow(e - s)
	if err := v.put(body, newSplit(kids), &sk, nil); err != nil || v.out.String() != sp.text[s:e] {
		return false, nil
	}
	mark := len(sp.out)
	pos := s
	for k, c := range kids {
		sub := g.found[k].lens
		if !c.Changed() && !sub.recursive {
			// GetPut: put writes it back as it was read, since its
			// lens is not recursive (recursive lenses are not checked
			// for ambiguous trees, and Augeas's put rewrites some
			// unchanged parts of them)
			continue
		}
		sp.out = append(sp.out, sp.text[pos:c.Span.Start]...)
		ok, err := false, error(nil)
		if c.Changed() {
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
	}
	sp.out = append(sp.out, sp.text[pos:e]...)
	return true, nil
}

// putSubtree writes the subtree node n, read with the subtree lens l
// from its span of the text, as Put writes a subtree that takes its own
// entry of the dictionary: its skeleton and the dictionary of its
// children are read again from that span alone. It reports false when
// that reading may differ from the one in context (a seq counted before
// the span).
func (sp *splicer) putSubtree(l *Lens, n *tree.Node) (bool, error) {
	i, j := n.Span.Start, n.Span.End
	g := &getter{text: sp.text, skel: true, isolated: true}
	inner := &level{}
	g.lvl = inner
	sk, err := g.exact(l.kids[0], i, j)
	if err != nil || g.unsure {
		return false, nil
	}
	p := &putter{node: n, top: sp.top}
	child := newSplit(n.Children())
	k := l.kids[0]
	if !k.types().atype.Match(child.enc()) {
		return false, p.mismatch(k, child)
	}
	if err := p.put(k, child, &sk, inner.dict); err != nil {
		return false, err
	}
	sp.out = append(sp.out, p.out.String()...)
	return true, nil
}
