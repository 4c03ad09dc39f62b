package lensnet

import (
	"strings"

	"github.com/lensnet/lensnet/tree"
)

// mkdirs returns the node at the slash-separated path under n, creating
// missing nodes.
func (h *Handle) mkdirs(n *tree.Node, p string) *tree.Node {
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		var c *tree.Node
		if h.made != nil {
			c = h.made[dirKey{n, seg}]
		} else {
			c = child(n, seg)
		}
		if c == nil {
			c = tree.New(seg)
			n.Append(c)
		}
		if h.made != nil {
			h.made[dirKey{n, seg}] = c
		}
		n = c
	}
	return n
}

func child(n *tree.Node, label string) *tree.Node {
	for _, c := range n.Children() {
		if l, ok := c.Label(); ok && l == label {
			return c
		}
	}
	return nil
}

func set(n *tree.Node, label, value string) {
	c := child(n, label)
	if c == nil {
		c = tree.New(label)
		n.Append(c)
	}
	c.SetValue(value)
}

func valueOf(n *tree.Node, label string) (string, bool) {
	c := child(n, label)
	if c == nil {
		return "", false
	}
	return c.Value()
}

// inTree reports whether n is still attached under the handle's root.
func (h *Handle) inTree(n *tree.Node) bool {
	for n.Parent() != nil {
		n = n.Parent()
	}
	return n == h.root
}

func size(n *tree.Node) int {
	s := 1
	for _, c := range n.Children() {
		s += size(c)
	}
	return s
}

func cloneKids(n *tree.Node) []*tree.Node {
	kids := make([]*tree.Node, n.Len())
	for i, c := range n.Children() {
		kids[i] = c.Clone()
	}
	return kids
}

// isAncestor reports whether a is n or one of its ancestors.
func isAncestor(a, n *tree.Node) bool {
	for ; n != nil; n = n.Parent() {
		if n == a {
			return true
		}
	}
	return false
}

// pathNode returns the node at the slash-separated path under n, or nil.
func (h *Handle) pathNode(n *tree.Node, p string) *tree.Node {
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if n = child(n, seg); n == nil {
			return nil
		}
	}
	return n
}
