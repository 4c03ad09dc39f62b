package tree

import "strconv"

// Walk calls fn for n (at path, as given) and each of its descendants in
// document order with the path augtool's print shows for it; hidden
// nodes and their subtrees are skipped. Linear in the size of the
// subtree.
func Walk(n *Node, path string, fn func(n *Node, path string)) {
	if !n.hasLabel {
		return
	}
	fn(n, path)
	walkKids(n, []byte(path), fn)
}

func walkKids(n *Node, path []byte, fn func(*Node, string)) {
	idx := siblingIndexes(n.children)
	for i, c := range n.children {
		if !c.hasLabel {
			continue
		}
		seg := append(path, '/')
		seg = append(seg, EscapeLabel(c.label)...)
		if idx != nil && idx[i] > 0 {
			seg = append(seg, '[')
			seg = strconv.AppendInt(seg, int64(idx[i]), 10)
			seg = append(seg, ']')
		}
		fn(c, string(seg))
		walkKids(c, seg, fn)
		path = seg[:len(path)]
	}
}
