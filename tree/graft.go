package tree

// This file holds quiet edits, for engines that read files into a tree
// on demand: attaching a file's tree to the node that stood for it, or
// dropping a node that turned out to have no file, is reading, not an
// edit, so nothing is marked changed (see changes.go).

// Graft gives n the children kids (fresh nodes without a parent, or
// detached) in place of its own, without marking anything changed: n
// and its ancestors keep their marks, and the subtree of kids counts as
// unchanged (ClearChanges).
func Graft(n *Node, kids []*Node) {
	for _, c := range n.kids() {
		c.parent = nil
	}
	for _, c := range kids {
		c.parent = n
		ClearChanges(c)
	}
	n.children = kids
}

// Prune removes n from its parent without marking anything changed.
func Prune(n *Node) {
	p := n.parent
	if p == nil {
		return
	}
	if i := n.Index(); i >= 0 {
		copy(p.children[i:], p.children[i+1:])
		p.children[len(p.children)-1] = nil
		p.children = p.children[:len(p.children)-1]
	}
	n.parent = nil
}

// Place puts n, pruned from where it was, before the i-th child of p (i
// == p.Len() appends), without marking anything changed. i is clamped
// to [0, p.Len()].
func Place(p *Node, i int, n *Node) {
	Prune(n)
	i = max(0, min(i, len(p.kids())))
	n.parent = p
	p.children = append(p.children, nil)
	copy(p.children[i+1:], p.children[i:])
	p.children[i] = n
}
