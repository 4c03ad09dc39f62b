package tree

// This file records what changed in a tree since it was read. Node has
// the one check users need, Modified (augtool's modified()); the rest
// (SubtreeChanged, SelfChanged, ChildrenChanged, ClearChanges and
// SetFileRoot) is for lens engines, which save only what changed.

// marks record what changed in a tree since it was read (or since
// ClearChanges), for augtool's modified() and for writing back only what
// changed. Every mutation sets them; nodes made by New, NewValue and
// NewHidden start unmarked.
type marks uint8

const (
	// markModified is Augeas's dirty flag of the node itself: its label
	// or value changed, it was attached to a parent (new, moved or
	// copied), or one of its children was removed.
	markModified marks = 1 << iota
	// markChildren: the list of children changed (added, removed,
	// reordered).
	markChildren
	// markBelow: a descendant is marked. Every ancestor of a marked node
	// carries it, so a walk of the changes skips unmarked subtrees.
	markBelow
	// markFile: the node is the top of a file's tree; it counts as
	// modified when anything in the file changed, as Augeas marks the
	// file's node.
	markFile
)

const changeMarks = markModified | markChildren | markBelow

// mark sets m on n and markBelow on its ancestors, stopping at the first
// one that already has it (its own ancestors have it too).
func (n *Node) mark(m marks) {
	n.marks |= m
	for a := n.parent; a != nil && a.marks&markBelow == 0; a = a.parent {
		a.marks |= markBelow
	}
}

// Modified reports whether the node changed since it was read or saved,
// as augtool's modified() does: its label or value was changed, it was
// added, moved or copied here, or a child was removed; a file's node
// (SetFileRoot) also reports any change below it.
func (n *Node) Modified() bool {
	if n.marks&markModified != 0 {
		return true
	}
	return n.marks&markFile != 0 && n.marks&(markChildren|markBelow) != 0
}

// SubtreeChanged reports whether anything in the subtree of n changed:
// n's label or value, its list of children, or any descendant. It is for
// lens engines (save writes only the files for which it holds).
func SubtreeChanged(n *Node) bool { return n.marks&changeMarks != 0 }

// SelfChanged reports whether n's own label or value changed, n was
// attached to its parent, or a child was removed (Augeas's dirty flag of
// the node, without the file marking of Modified). It is for lens
// engines.
func SelfChanged(n *Node) bool { return n.marks&markModified != 0 }

// ChildrenChanged reports whether n's list of children changed: a child
// was added, removed or moved. It is for lens engines.
func ChildrenChanged(n *Node) bool { return n.marks&markChildren != 0 }

// ClearChanges forgets the changes in the subtree of n (visiting only
// changed nodes), as after loading or saving it. Ancestors keep their
// marks. It is for lens engines.
func ClearChanges(n *Node) {
	if n.marks&changeMarks == 0 {
		return
	}
	below := n.marks&markBelow != 0
	n.marks &^= changeMarks
	if below {
		for _, c := range n.children {
			ClearChanges(c)
		}
	}
}

// SetFileRoot makes n, in Modified, report every change below it (or
// stops doing so), as Augeas does for the node of a file. It is for the
// engine that loads files into a tree.
func SetFileRoot(n *Node, on bool) {
	if on {
		n.marks |= markFile
	} else {
		n.marks &^= markFile
	}
}
