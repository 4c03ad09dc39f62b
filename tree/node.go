package tree

import "sync/atomic"

// Node is one node of a tree. The zero Node is a hidden node without
// value or children.
//
// A Node is not safe for concurrent modification. Children returns the
// node's own slice, so that large trees (tens of thousands of children
// under one node) can be walked without copying; callers must not modify
// it.
type Node struct {
	label    string
	value    string
	hasLabel bool
	hasValue bool
	parent   *Node
	children []*Node
	marks    marks
	// lazy, when set, makes the children on first use (see SetLazy in
	// lazy.go)
	lazy atomic.Pointer[lazyChildren]

	// Span is the text the node was read from, if it was read by a lens.
	Span Span
}

// Span records where a node came from in the text it was read from, as
// byte offsets. Ranges that do not apply (a hidden node has no label
// text, a node made by the label lens has none either) are empty.
type Span struct {
	LabelStart, LabelEnd int // the text the label was read from
	ValueStart, ValueEnd int // the text the value was read from
	Start, End           int // the whole node, children included
}

// New returns a node with the given label, no value and no children.
func New(label string) *Node { return &Node{label: label, hasLabel: true} }

// NewValue returns a node with the given label and value.
func NewValue(label, value string) *Node {
	return &Node{label: label, hasLabel: true, value: value, hasValue: true}
}

// NewHidden returns a node without label, value or children.
func NewHidden() *Node { return &Node{} }

// Label returns the node's label, and false if it has none (the node is
// hidden).
func (n *Node) Label() (string, bool) { return n.label, n.hasLabel }

// Hidden reports whether the node has no label.
func (n *Node) Hidden() bool { return !n.hasLabel }

// SetLabel gives the node a label.
func (n *Node) SetLabel(label string) {
	if !n.hasLabel || n.label != label {
		n.label, n.hasLabel = label, true
		n.mark(markModified)
	}
}

// ClearLabel removes the node's label, making it hidden.
func (n *Node) ClearLabel() {
	if n.hasLabel {
		n.label, n.hasLabel = "", false
		n.mark(markModified)
	}
}

// Value returns the node's value, and false if it has none.
func (n *Node) Value() (string, bool) { return n.value, n.hasValue }

// SetValue sets the node's value.
// Setting the value a node already has changes nothing.
func (n *Node) SetValue(value string) {
	if !n.hasValue || n.value != value {
		n.value, n.hasValue = value, true
		n.mark(markModified)
	}
}

// ClearValue removes the node's value (which is not the same as setting it
// to the empty string).
func (n *Node) ClearValue() {
	if n.hasValue {
		n.value, n.hasValue = "", false
		n.mark(markModified)
	}
}

// Parent returns the node's parent, or nil.
func (n *Node) Parent() *Node { return n.parent }

// Children returns the node's children in order. The slice belongs to the
// node: do not modify it, and do not keep it across changes to the node.
func (n *Node) Children() []*Node { return n.kids() }

// Len returns the number of children.
func (n *Node) Len() int { return len(n.kids()) }

// Child returns the i-th child (0-based).
func (n *Node) Child(i int) *Node { return n.kids()[i] }

// Append adds children at the end, detaching each from its old parent
// first.
func (n *Node) Append(children ...*Node) {
	n.kids()
	for _, c := range children {
		c.Detach()
		c.parent = n
		n.children = append(n.children, c)
		c.marks |= markModified
	}
	if len(children) > 0 {
		n.mark(markChildren | markBelow)
	}
}

// Insert puts c before the i-th child (i == Len() appends), detaching it
// from its old parent first. i is clamped to [0, Len()].
func (n *Node) Insert(i int, c *Node) {
	c.Detach()
	i = max(0, min(i, len(n.kids())))
	c.parent = n
	n.children = append(n.children, nil)
	copy(n.children[i+1:], n.children[i:])
	n.children[i] = c
	c.marks |= markModified
	n.mark(markChildren | markBelow)
}

// Remove detaches the i-th child and returns it.
func (n *Node) Remove(i int) *Node {
	c := n.kids()[i]
	copy(n.children[i:], n.children[i+1:])
	n.children[len(n.children)-1] = nil
	n.children = n.children[:len(n.children)-1]
	c.parent = nil
	n.mark(markModified | markChildren)
	return c
}

// Detach removes the node from its parent, if it has one.
func (n *Node) Detach() {
	if n.parent == nil {
		return
	}
	if i := n.Index(); i >= 0 {
		n.parent.Remove(i)
	}
	n.parent = nil
}

// Index returns the node's position among its parent's children, or -1
// if it has no parent. It takes time linear in the number of siblings.
func (n *Node) Index() int {
	if n.parent == nil {
		return -1
	}
	for i, c := range n.parent.kids() {
		if c == n {
			return i
		}
	}
	return -1
}

// SetChildren replaces the node's children, detaching the old ones and
// taking the new ones from their old parents (each old parent's list is
// filtered once, so moving many nodes is linear). The node takes
// ownership of the slice.
func (n *Node) SetChildren(children []*Node) {
	removed := len(n.kids()) > 0
	for _, c := range n.children {
		c.parent = nil
	}
	var moved, isOld map[*Node]bool
	var olds []*Node
	for _, c := range children {
		if c.parent != nil && c.parent != n {
			if moved == nil {
				moved, isOld = map[*Node]bool{}, map[*Node]bool{}
			}
			if !isOld[c.parent] {
				isOld[c.parent] = true
				olds = append(olds, c.parent)
			}
			moved[c] = true
		}
	}
	for _, p := range olds {
		// a fresh list: children may be p's own slice (n.SetChildren(p.Children()))
		var keep []*Node
		for _, c := range p.kids() {
			if !moved[c] {
				keep = append(keep, c)
			}
		}
		p.children = keep
		p.mark(markModified | markChildren)
	}
	for _, c := range children {
		c.parent = n
		c.marks |= markModified
	}
	n.children = children
	m := markChildren
	if len(children) > 0 {
		m |= markBelow
	}
	if removed {
		m |= markModified
	}
	n.mark(m)
}

// Clone returns a deep copy of the node without its parent. Every node
// of the copy counts as modified (it is new), as Augeas's copies do.
func (n *Node) Clone() *Node {
	c := &Node{label: n.label, value: n.value, hasLabel: n.hasLabel, hasValue: n.hasValue, Span: n.Span, marks: markModified}
	if len(n.kids()) > 0 {
		c.marks |= markChildren | markBelow
		c.children = make([]*Node, len(n.children))
		for i, k := range n.children {
			kc := k.Clone()
			kc.parent = c
			c.children[i] = kc
		}
	}
	return c
}

// Equal reports whether a and b have the same label, value and children,
// recursively. Spans and parents are not compared; an absent label or
// value differs from an empty one.
func Equal(a, b *Node) bool {
	if a.hasLabel != b.hasLabel || a.label != b.label || a.hasValue != b.hasValue || a.value != b.value {
		return false
	}
	if len(a.kids()) != len(b.kids()) {
		return false
	}
	for i := range a.children {
		if !Equal(a.children[i], b.children[i]) {
			return false
		}
	}
	return true
}
