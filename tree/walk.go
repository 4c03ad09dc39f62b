package tree

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
	eachChildPath(n, path, func(c *Node, p []byte) {
		fn(c, string(p))
		walkKids(c, p, fn)
	})
}
